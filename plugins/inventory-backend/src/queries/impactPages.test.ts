import { ImpactResponse, UNOWNED_KEY } from '@infra-atlas/inventory-common';
import { syntheticCatalogEntities } from '../../bench/inventoryBenchmark';
import { wideEstateEntities } from '../__testUtils__/wideEstate';
import { InventoryGraph } from '../graph/InventoryGraph';
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
  page: { distance?: number; offset?: number; pageSize?: number } = {},
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
    const owned = ownersOfWhole(whole);
    expect(new Map(first.owners.map(o => [o.owner.ref, o.total]))).toEqual(
      owned,
    );
    expect(first.cutOff).toEqual(whole.cutOff);
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
    for (const owner of first.owners) {
      const theirs = whole.nodes.filter(
        n => (n.owner ?? UNOWNED_KEY) === owner.owner.ref,
      );
      expect(owner.entities).toEqual(theirs.slice(0, 3).map(n => n.entity.ref));
    }
    expect(first.owners.map(o => o.total)).toEqual(
      first.owners.map(o => o.total).sort((a, b) => b - a),
    );
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

  it('has a blast radius larger than a page at some distance', () => {
    expect(largest.total).toBeGreaterThan(100);
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
