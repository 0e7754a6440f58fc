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
      // A slice of 0 ms gives way after every single step: the most interleaved build.
      const slicer = new TimeSlicer(0);
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

  it('runs in one piece when unsliced', async () => {
    let ran = false;
    setImmediate(() => {
      ran = true;
    });
    await TimeSlicer.unsliced.each([1, 2, 3], () => {});
    expect(ran).toBe(false);
  });
});
