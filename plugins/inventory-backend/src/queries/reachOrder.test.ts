import { syntheticCatalogEntities } from '../../bench/inventoryBenchmark';
import { entity } from '../__testUtils__/entities';
import { InventoryGraph } from '../graph/InventoryGraph';
import { TimeSlicer } from '../graph/timeSlices';
import { sortByReach } from './ownershipSections';
import {
  compareReach,
  prepareTitleRanks,
  reachOf,
  titleRanks,
} from './reachOrder';

/*
 * Reach order compares per-build title numbers instead of titles; the order must stay the one
 * `localeCompare` gave, on the titles where collation is not code-point order.
 */
const TITLES = [
  'Éclair',
  'eclair',
  'Eclair',
  'éclair',
  'zeta',
  'Zeta',
  'a10',
  'a9',
  'a2',
  'A2',
  'ångström',
  'angstrom',
  'Apple',
  'apple',
  '_x',
  '-x',
  '10',
  '9',
  'straße',
  'strasse',
  'résumé',
  'resume',
  'Ōsaka',
  'osaka',
  'k8s-infra',
  'k8s infra',
  'k8s.io',
];

const sign = (n: number) => Math.sign(n);
const summary = (type: string, title: string) => ({
  entity: {
    ref: `resource:default/${title}`,
    kind: 'Resource',
    type,
    title,
    exists: true,
  },
});
const bucket = (title: string) => summary('gcs-bucket', title);

describe('reach order by title numbers', () => {
  const graph = InventoryGraph.build(
    TITLES.map((title, i) =>
      entity(`resource:bucket-${i}`, { type: 'gcs-bucket', title }),
    ),
  );
  const ranks = titleRanks(graph);

  it('numbers every title of the build', () => {
    expect(TITLES.every(title => ranks.has(title))).toBe(true);
  });

  it('compares every pair of titles as localeCompare does (accents, case, digits, punctuation)', () => {
    for (const a of TITLES) {
      for (const b of TITLES) {
        expect([
          a,
          b,
          sign(
            compareReach(reachOf(bucket(a), ranks), reachOf(bucket(b), ranks)),
          ),
        ]).toEqual([a, b, sign(a.localeCompare(b))]);
      }
    }
  });

  it('compares a title the build does not know as localeCompare does', () => {
    for (const a of ['eclair2', 'Résumé', 'b']) {
      for (const b of TITLES) {
        expect(
          sign(
            compareReach(reachOf(bucket(a), ranks), reachOf(bucket(b), ranks)),
          ),
        ).toBe(sign(a.localeCompare(b)));
      }
    }
  });

  it('sorts as sorting by breadth, then localeCompare, did', () => {
    const items = [...TITLES]
      .reverse()
      .flatMap(title => [bucket(title), summary('gcp-project', title)]);
    const expected = [...items].sort(
      (a, b) =>
        Number(a.entity.type === 'gcs-bucket') -
          Number(b.entity.type === 'gcs-bucket') ||
        a.entity.title.localeCompare(b.entity.title),
    );
    expect(sortByReach([...items], ranks)).toEqual(expected);
    expect(sortByReach([...items])).toEqual(expected);
  });

  it('numbers the titles of a build prepared in slices as the unsliced one does', async () => {
    const entities = syntheticCatalogEntities(2_000).entities;
    const sliced = InventoryGraph.build(entities);
    // A slice of 0 ms gives way after every step: the most interleaved a build can be.
    await prepareTitleRanks(sliced, new TimeSlicer(0));
    const numbered = [...titleRanks(sliced)];
    expect(numbered).toEqual([...titleRanks(InventoryGraph.build(entities))]);
    const byRank = numbered.sort((a, b) => a[1] - b[1]).map(([title]) => title);
    expect(byRank).toEqual([...byRank].sort((a, b) => a.localeCompare(b)));
    expect(numbered.length).toBeGreaterThan(1_000);
  });
});
