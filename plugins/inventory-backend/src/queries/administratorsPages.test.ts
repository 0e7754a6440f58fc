import {
  ACCESS_POWERS,
  AccessPower,
  AdministratorsResponse,
} from '@infra-atlas/inventory-common';
import { syntheticCatalogEntities } from '../../bench/inventoryBenchmark';
import { wideEstateEntities } from '../__testUtils__/wideEstate';
import { InventoryGraph } from '../graph/InventoryGraph';
import { withhold } from '../service/withhold';
import {
  AdministratorsPage,
  accessGrants,
  administrators,
  appliesNow,
} from './administrators';

/*
 * An administrators answer counts every grant, row and principal and lists a page of rows per
 * power: the counts must be the whole set's, and the pages of one power put together every
 * row of it, in order, each grant in exactly one row.
 */

const now = new Date('2025-06-01T00:00:00Z');

/** The most rows a page may list (the OpenAPI document's bound): every row here. */
const WHOLE = 500;

const ask = (
  graph: InventoryGraph,
  ref: string,
  page: AdministratorsPage = {},
) => administrators(graph, ref, now, page);

/** Every page of one power's rows, asked for one after the other until an empty one. */
function everyPage(
  graph: InventoryGraph,
  ref: string,
  power: AccessPower,
  pageSize: number,
) {
  const pages: AdministratorsResponse['grants'][] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = ask(graph, ref, { power, offset, pageSize });
    expect(page.grantsOffset).toBe(offset);
    expect(page.people).toEqual([]);
    expect(page.grants.every(row => row.power === power)).toBe(true);
    if (!page.grants.length) return pages;
    pages.push(page.grants);
  }
}

const MEMBER_ORDER = ['group', 'domain', 'user', 'serviceAccount'];
const kindRank = (member: string) => {
  const rank = MEMBER_ORDER.indexOf(member.split(':')[0]);
  return rank < 0 ? MEMBER_ORDER.length : rank;
};

function expectBoundedAnswers(graph: InventoryGraph, ref: string) {
  const grants = accessGrants(graph, ref, now);
  const first = ask(graph, ref);
  const whole = (power: AccessPower) =>
    ask(graph, ref, { power, pageSize: WHOLE }).grants;
  const pageSize = 3;

  it('counts every grant, row and principal of each power, whatever the page', () => {
    for (const power of ACCESS_POWERS) {
      const ofPower = grants.filter(g => g.power === power);
      expect(first.counts[power]).toBe(ofPower.length);
      const rows = whole(power);
      expect(first.rowCounts[power]).toBe(rows.length);
      // Each grant in exactly one row: the rows' roles are the power's grants.
      expect(rows.flatMap(row => row.roles).sort()).toEqual(
        ofPower.map(g => g.role).sort(),
      );
      expect(first.principalCounts[power]).toBe(
        new Set(ofPower.filter(appliesNow).map(g => g.member)).size,
      );
    }
    const later = ask(graph, ref, { power: 'read', offset: 2, pageSize: 1 });
    expect(later.counts).toEqual(first.counts);
    expect(later.rowCounts).toEqual(first.rowCounts);
    expect(later.principalCounts).toEqual(first.principalCounts);
    expect(later.peopleCounts).toEqual(first.peopleCounts);
  });

  it('sends the first five rows of each power, strongest first; groups first, direct before inherited', () => {
    expect(first.grantsOffset).toBe(0);
    expect(first.grants).toEqual(
      ACCESS_POWERS.flatMap(power => whole(power).slice(0, 5)),
    );
    // People paging does not move the rows.
    expect(ask(graph, ref, { offset: 1, pageSize: 2 }).grants).toEqual(
      first.grants,
    );
    for (const power of ACCESS_POWERS) {
      const order = whole(power).map(row => [
        kindRank(row.member),
        Number(row.inherited),
      ]);
      expect(order).toEqual(
        [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]),
      );
    }
  });

  it("pages each power's rows without overlap or gap, page 2 following page 1", () => {
    for (const power of ACCESS_POWERS) {
      const pages = everyPage(graph, ref, power, pageSize);
      expect(pages.length).toBe(Math.ceil(first.rowCounts[power] / pageSize));
      expect(pages.flat()).toEqual(whole(power));
    }
  });
}

/** The entity with the most rows of one power: the widest answer of an estate. */
function widest(graph: InventoryGraph) {
  return graph
    .ofKind('resource')
    .map(r => `resource:default/${r.metadata.name}`)
    .map(ref => ({ ref, rows: ask(graph, ref).rowCounts }))
    .sort(
      (a, b) =>
        Math.max(...Object.values(b.rows)) - Math.max(...Object.values(a.rows)),
    )[0].ref;
}

describe('administrators in pages, on a synthetic catalog (folders, conditional grants)', () => {
  const graph = InventoryGraph.build(syntheticCatalogEntities(2_000).entities);
  const ref = widest(graph);
  const grants = accessGrants(graph, ref, now);

  it('has a power with more rows than a page, inherited and conditional grants among them', () => {
    const first = ask(graph, ref);
    expect(Math.max(...Object.values(first.rowCounts))).toBeGreaterThan(5);
    expect(grants.some(g => g.inherited)).toBe(true);
    expect(grants.some(g => g.condition)).toBe(true);
  });

  it('leaves a row whose principal the caller may not read out of its page, and counts it (permissions.md)', () => {
    const power = ACCESS_POWERS.find(p => ask(graph, ref).rowCounts[p] > 5)!;
    const page = ask(graph, ref, { power, offset: 1, pageSize: 4 });
    const hidden = page.grants[1].principal.ref;
    const shown = withhold(page, { unreadable: r => r === hidden });
    expect(shown.grants.map(row => row.principal.ref)).toEqual(
      page.grants.map(row => row.principal.ref).filter(r => r !== hidden),
    );
    expect(shown.rowCounts).toEqual(page.rowCounts);
    expect(shown.counts).toEqual(page.counts);
    expect(shown.principalCounts).toEqual(page.principalCounts);
    expect(shown.grantsOffset).toBe(1);
  });
  expectBoundedAnswers(graph, ref);
});

describe('administrators in pages, on a wide estate (an organization, folders, projects, buckets)', () => {
  const graph = InventoryGraph.build(
    wideEstateEntities({ folders: 3, projects: 12, buckets: 4 }),
  );
  expectBoundedAnswers(graph, widest(graph));
});
