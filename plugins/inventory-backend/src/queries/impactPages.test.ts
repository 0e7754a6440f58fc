import { ImpactResponse, UNOWNED_KEY } from '@infra-atlas/inventory-common';
import { syntheticCatalogEntities } from '../../bench/inventoryBenchmark';
import { wideEstateEntities } from '../__testUtils__/wideEstate';
import { InventoryGraph } from '../graph/InventoryGraph';
import { withhold } from '../service/withhold';
import { impact, parseImpactOptions } from './impact';

/*
 * An impact answer counts everything the walk reached and lists a page of it per distance:
 * the counts must be the whole walk's, and the pages put together the whole walk, in order.
 */

/** Larger than any estate here: every entity the walk reaches, on one page. */
const WHOLE = 100_000;

const ask = (
  graph: InventoryGraph,
  ref: string,
  page: {
    distance?: number;
    list?: 'owners';
    offset?: number;
    pageSize?: number;
  } = {},
) => impact(graph, ref, parseImpactOptions({ depth: 3, ...page }, 5_000));

const refsOf = (answer: ImpactResponse) => answer.nodes.map(n => n.entity.ref);

/** Every page of one distance, asked for one after the other until an empty one. */
function everyPage(
  graph: InventoryGraph,
  ref: string,
  distance: number,
  pageSize: number,
) {
  const pages: string[][] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = ask(graph, ref, { distance, offset, pageSize });
    expect(page.offset).toBe(offset);
    expect(page.nodes.every(n => n.distance === distance)).toBe(true);
    if (!page.nodes.length) return pages;
    pages.push(refsOf(page));
  }
}

/** Every page of the owners, asked for one after the other until an empty one. */
function everyOwnersPage(graph: InventoryGraph, ref: string, pageSize: number) {
  const pages: ImpactResponse['owners'][] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = ask(graph, ref, { list: 'owners', offset, pageSize });
    expect(page.ownersOffset).toBe(offset);
    expect(page.nodes).toEqual([]);
    if (!page.owners.length) return pages;
    pages.push(page.owners);
  }
}

/** How many of the walk's entities each owner has, from the whole walk's nodes. */
function ownersOfWhole(whole: ImpactResponse) {
  const counts = new Map<string, number>();
  for (const node of whole.nodes) {
    const owner = node.owner ?? UNOWNED_KEY;
    counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
  return counts;
}

function expectBoundedAnswers(graph: InventoryGraph, ref: string) {
  const whole = ask(graph, ref, { pageSize: WHOLE });
  const first = ask(graph, ref);
  const pageSize = 7;

  it('counts every entity the walk reached, whatever the page', () => {
    expect(first.total).toBe(whole.nodes.length);
    const perDistance = whole.distances.map(d => ({
      distance: d.distance,
      total: whole.nodes.filter(n => n.distance === d.distance).length,
    }));
    expect(first.distances).toEqual(perDistance);
    expect(first.distances.reduce((sum, d) => sum + d.total, 0)).toBe(
      first.total,
    );
    const owners = ask(graph, ref, { list: 'owners', pageSize: 500 }).owners;
    expect(new Map(owners.map(o => [o.owner.ref, o.total]))).toEqual(
      ownersOfWhole(whole),
    );
    expect(first.ownersTotal).toBe(owners.length);
    expect(first.cutOff).toEqual(whole.cutOff);
  });

  it('sends the first ten owners, most entities first, and counts them all', () => {
    const owners = ask(graph, ref, { list: 'owners', pageSize: 500 }).owners;
    expect(first.ownersOffset).toBe(0);
    expect(first.owners).toEqual(owners.slice(0, 10));
    // A distance's page and a page of every distance send the same first owners.
    expect(ask(graph, ref, { distance: 1, offset: 7 }).owners).toEqual(
      first.owners,
    );
    expect(whole.owners).toEqual(first.owners);
    expect(owners.map(o => o.total)).toEqual(
      owners.map(o => o.total).sort((a, b) => b - a),
    );
  });

  it('pages the owners without overlap or gap, page 2 following page 1', () => {
    const owners = ask(graph, ref, { list: 'owners', pageSize: 500 }).owners;
    const pages = everyOwnersPage(graph, ref, pageSize);
    expect(pages.length).toBe(Math.ceil(first.ownersTotal / pageSize));
    // Each page's owners as the whole list has them: their totals, first entities, contacts.
    expect(pages.flat()).toEqual(owners);
    expect(new Set(pages.flat().map(o => o.owner.ref)).size).toBe(
      first.ownersTotal,
    );
    const second = ask(graph, ref, { list: 'owners', offset: 10 });
    expect(second.owners).toEqual(owners.slice(10, 20));
    expect(second.total).toBe(first.total);
    expect(second.distances).toEqual(first.distances);
    expect(second.ownersTotal).toBe(first.ownersTotal);
  });

  it('lists the first twenty of each distance by default, nearest first, by ref', () => {
    const expected = first.distances.flatMap(({ distance }) =>
      whole.nodes.filter(n => n.distance === distance).slice(0, 20),
    );
    expect(first.nodes).toEqual(expected);
    expect(first.nodes.length).toBeLessThan(first.total);
    for (const { distance } of first.distances) {
      const refs = refsOf(whole).filter(
        (_, i) => whole.nodes[i].distance === distance,
      );
      expect(refs).toEqual([...refs].sort());
    }
  });

  it('pages each distance without overlap or gap, page 2 following page 1', () => {
    for (const { distance, total } of first.distances) {
      const pages = everyPage(graph, ref, distance, pageSize);
      expect(pages.length).toBe(Math.ceil(total / pageSize));
      expect(pages.flat()).toEqual(
        whole.nodes.filter(n => n.distance === distance).map(n => n.entity.ref),
      );
    }
  });

  it('names each owner’s nearest few entities, not all of them', () => {
    for (const owner of everyOwnersPage(graph, ref, pageSize).flat()) {
      const theirs = whole.nodes.filter(
        n => (n.owner ?? UNOWNED_KEY) === owner.owner.ref,
      );
      expect(owner.entities).toEqual(theirs.slice(0, 3).map(n => n.entity.ref));
    }
  });
}

describe('impact answers in pages, on a synthetic catalog', () => {
  const graph = InventoryGraph.build(syntheticCatalogEntities(2_000).entities);
  // The resource with the largest blast radius at depth 3 (a folder, in this catalog's shape).
  const largest = graph
    .ofKind('resource')
    .map(r => `resource:default/${r.metadata.name}`)
    .map(ref => ({ ref, total: ask(graph, ref, { pageSize: 1 }).total }))
    .sort((a, b) => b.total - a.total)[0];

  it('has a blast radius larger than a page at some distance, and of more owners than the first page', () => {
    expect(largest.total).toBeGreaterThan(100);
    expect(ask(graph, largest.ref).ownersTotal).toBeGreaterThan(10);
  });

  it('leaves an owner the caller may not read out of its page, and counts it (permissions.md)', () => {
    const page = ask(graph, largest.ref, { list: 'owners', offset: 10 });
    const hidden = page.owners[1].owner.ref;
    const shown = withhold(page, { unreadable: ref => ref === hidden });
    expect(shown.owners.map(o => o.owner.ref)).toEqual(
      page.owners.map(o => o.owner.ref).filter(ref => ref !== hidden),
    );
    expect(shown.ownersTotal).toBe(page.ownersTotal);
    expect(shown.ownersOffset).toBe(10);
  });
  expectBoundedAnswers(graph, largest.ref);
});

describe('impact answers in pages, on a wide estate (folders, projects, buckets)', () => {
  const graph = InventoryGraph.build(
    wideEstateEntities({ folders: 3, projects: 12, buckets: 4 }),
  );
  expectBoundedAnswers(graph, 'resource:default/org');

  it('lists one distance only when asked, past its end none', () => {
    const second = ask(graph, 'resource:default/org', { distance: 2 });
    expect(second.nodes.map(n => n.distance)).toEqual(new Array(20).fill(2));
    expect(second.distances).toEqual(
      ask(graph, 'resource:default/org').distances,
    );
    const past = ask(graph, 'resource:default/org', {
      distance: 2,
      offset: 36,
    });
    expect(past.nodes).toEqual([]);
    expect(past.total).toBe(second.total);
  });
});
