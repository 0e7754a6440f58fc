import { syntheticCatalogEntities } from '../../bench/inventoryBenchmark';
import { ADMINS, TEAM, wideEstateEntities } from '../__testUtils__/wideEstate';
import { InventoryGraph } from '../graph/InventoryGraph';
import { TimeSlicer } from '../graph/timeSlices';
import { ownership } from './ownership';
import { preparePrincipalItems } from './principalItems';

/*
 * A group's items are worked out once per build and shared by every answer that reaches the
 * group; each answer must still lead them with its own chain of membership.
 */
describe('ownership answers that share groups', () => {
  const estates = [
    {
      name: 'a wide estate',
      entities: () =>
        wideEstateEntities({ folders: 3, projects: 4, buckets: 3 }),
      questions: ['alice', 'bob', TEAM, ADMINS, 'alice'],
    },
    {
      name: 'the benchmark’s synthetic catalog',
      entities: () => syntheticCatalogEntities(2_000).entities,
      questions: ['user-1', 'user-2', 'user-3', 'user-1', 'user-4'],
    },
  ];

  it.each(estates)(
    'answers as a fresh build would when the build prepared every principal in slices ($name)',
    async ({ entities, questions }) => {
      const prepared = InventoryGraph.build(entities());
      // A slice of 0 ms gives way after every principal: the most interleaved a build can be.
      await preparePrincipalItems(prepared, new TimeSlicer(0));
      for (const question of new Set(questions)) {
        const fresh = InventoryGraph.build(entities());
        for (const options of [{}, { limit: 1, pageSize: 3 }]) {
          expect(ownership(prepared, question, options)).toEqual(
            ownership(fresh, question, options),
          );
        }
      }
    },
    60_000,
  );

  it.each(estates)(
    'answers each question as a fresh build would, in any order ($name)',
    ({ entities, questions }) => {
      const shared = InventoryGraph.build(entities());
      for (const question of questions) {
        const fresh = InventoryGraph.build(entities());
        const options = { limit: 50, pageSize: 5 };
        const answer = ownership(shared, question, options);
        expect(answer).toEqual(ownership(fresh, question, options));
        expect(answer.items.length).toBeGreaterThan(0);
      }
    },
    60_000,
  );

  it('leads a shared group item with the asker’s own membership', () => {
    const graph = InventoryGraph.build(
      wideEstateEntities({ folders: 1, projects: 2, buckets: 1 }),
    );
    const firstStep = (q: string) =>
      ownership(graph, q).items.find(i => i.role === 'owns')!.steps[0];
    ownership(graph, TEAM);
    expect(firstStep('alice')).toMatchObject({
      from: 'user:default/alice',
      relation: 'memberOf',
    });
    // The group itself: straight to what it owns.
    expect(firstStep(TEAM)).toMatchObject({
      relation: 'ownedBy',
      to: 'group:default/platform',
    });
  });
});
