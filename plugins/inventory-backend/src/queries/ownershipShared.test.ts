import { syntheticCatalogEntities } from '../../bench/inventoryBenchmark';
import { ADMINS, TEAM, wideEstateEntities } from '../__testUtils__/wideEstate';
import { InventoryGraph } from '../graph/InventoryGraph';
import { ownership } from './ownership';

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
