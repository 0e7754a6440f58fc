import { performance } from 'node:perf_hooks';
import { Entity } from '@backstage/catalog-model';
import { syntheticCatalogEntities } from '../../bench/inventoryBenchmark';
import { accessEstate } from '../__testUtils__/accessEstate';
import { wideEstateEntities } from '../__testUtils__/wideEstate';
import {
  linkRules,
  resolveLinks,
  resolveLinksInSlices,
} from '../links/resolveLinks';
import { drift, driftInSlices } from '../queries/drift';
import { emeritusPeople } from '../queries/people';
import { InventoryGraph, refOf } from './InventoryGraph';
import { TimeSlicer } from './timeSlices';

const rules = linkRules({ matchEmailLocalPart: true });

/** Everything a graph answers from: entities, both adjacency lists, link results. */
function contents(graph: InventoryGraph) {
  const refs = [...graph.allEntities()].map(refOf).sort();
  return {
    size: graph.size,
    relations: graph.relationCount,
    resolution: graph.resolution,
    edges: refs.map(ref => [ref, graph.out(ref), graph.in(ref)]),
  };
}

const estates: Array<[string, () => Entity[]]> = [
  ['the access estate', accessEstate],
  [
    'a wide estate',
    () => wideEstateEntities({ folders: 4, projects: 6, buckets: 5 }),
  ],
  [
    'the benchmark’s synthetic catalog (1,000 entities)',
    () => syntheticCatalogEntities(1_000).entities,
  ],
];

describe('builds in time slices', () => {
  it.each(estates)(
    'builds the same graph and drift report as in one piece, for %s',
    async (_name, entitiesOf) => {
      const whole = InventoryGraph.build(entitiesOf(), lookup =>
        resolveLinks(lookup, rules),
      );
      // A slice of 0 ms and no share gives way after every single step: the most interleaved
      // build.
      const slicer = new TimeSlicer(0, 0);
      const sliced = await InventoryGraph.buildInSlices(
        entitiesOf(),
        lookup => resolveLinksInSlices(lookup, rules, slicer),
        slicer,
      );
      expect(contents(sliced)).toEqual(contents(whole));
      expect(whole.size).toBeGreaterThan(10);

      const inputs = { emeritus: emeritusPeople(whole) };
      const { generatedAt: _a, ...wholeDrift } = drift(whole, inputs);
      const { generatedAt: _b, ...slicedDrift } = await driftInSlices(
        sliced,
        inputs,
        slicer,
      );
      expect(slicedDrift).toEqual(wholeDrift);
    },
    // Thousands of turns of the event loop, on a machine the other suites share.
    60_000,
  );

  it('gives way to other work while it builds', async () => {
    const entities = syntheticCatalogEntities(3_000).entities;
    const slicer = new TimeSlicer(1);
    let ranDuring = 0;
    let done = false;
    const other = () => {
      if (done) return;
      ranDuring++;
      setImmediate(other);
    };
    setImmediate(other);
    await InventoryGraph.buildInSlices(
      entities,
      lookup => resolveLinksInSlices(lookup, rules, slicer),
      slicer,
    );
    done = true;
    expect(ranDuring).toBeGreaterThan(2);
  }, 60_000);

  it('keeps its share of a loop that is never idle, and leaves the rest to answers', async () => {
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    // Answers that keep the loop busy: 100 ms of them on every turn, as 16 callers would.
    let done = false;
    let answersMs = 0;
    const answers = () => {
      if (done) return;
      const start = performance.now();
      busy(100);
      answersMs += performance.now() - start;
      setImmediate(answers);
    };
    const shareOf = async (slicer: TimeSlicer) => {
      done = false;
      answersMs = 0;
      let buildMs = 0;
      setImmediate(answers);
      await slicer.each(Array.from({ length: 300 }), () => {
        const start = performance.now();
        busy(1);
        buildMs += performance.now() - start;
      });
      done = true;
      return buildMs / (buildMs + answersMs);
    };
    // Giving way to all waiting work with fixed slices of 10 ms, a build got a tenth of the
    // loop (10 ms per 100 ms of answers); with a third as its share, it gets a third. (The
    // bounds leave room for a busy machine, where a slice overruns by a few milliseconds.)
    expect(await shareOf(new TimeSlicer(10, 0))).toBeLessThan(0.2);
    const fair = await shareOf(new TimeSlicer(10, 1 / 3));
    expect(fair).toBeGreaterThan(0.27);
    expect(fair).toBeLessThan(0.42);
  }, 60_000);

  it('runs in one piece when unsliced', async () => {
    let ran = false;
    setImmediate(() => {
      ran = true;
    });
    await TimeSlicer.unsliced.each([1, 2, 3], () => {});
    expect(ran).toBe(false);
  });
});
