import { ownershipEvidence } from '@infra-atlas/inventory-common';
import { syntheticCatalogEntities } from '../../bench/inventoryBenchmark';
import { entity } from '../__testUtils__/entities';
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

  it('keeps an answer per question, roles and people withheld, and gives each its own pages', () => {
    // carol is a member by address; her address is linked to her GitHub login.
    const entities = () => [
      ...wideEstateEntities({ folders: 2, projects: 3, buckets: 2 }),
      entity('user:carol--example.org', {
        spec: { profile: { email: 'carol@example.org' } },
        relations: [['memberOf', TEAM]],
      }),
      entity('user:carol', {
        annotations: { 'github.com/user-login': 'carol' },
        relations: [['sameAs', 'user:carol--example.org']],
      }),
    ];
    const shared = InventoryGraph.build(entities());
    const addresses = (ref: string) => ref.endsWith('--example.org');
    const questions: Array<[string, Parameters<typeof ownership>[2]]> = [
      [TEAM, {}],
      [TEAM, { withheld: addresses }],
      [TEAM, { roles: ['owns'] }],
      [TEAM, { limit: 1, pageSize: 2 }],
      ['carol', { withheld: addresses }],
      ['carol', {}],
      [TEAM, { withheld: addresses, limit: 2 }],
    ];
    for (const [question, options] of questions) {
      const fresh = InventoryGraph.build(entities());
      expect(ownership(shared, question, options)).toEqual(
        ownership(fresh, question, options),
      );
    }
    // An answer that may name carol's address is not handed to a caller who may not see it.
    const members = (options: Parameters<typeof ownership>[2]) =>
      ownership(shared, TEAM, options).members.map(m => m.entity.ref);
    expect(members({})).toContain('user:default/carol');
    expect(members({ withheld: addresses })).toContain(
      'user:default/carol--example.org',
    );
    expect(members({ withheld: addresses })).not.toContain(
      'user:default/carol',
    );
  });

  it('answers correctly after more questions than it keeps answers for', () => {
    const entities = () => syntheticCatalogEntities(2_000).entities;
    const shared = InventoryGraph.build(entities());
    const fresh = InventoryGraph.build(entities());
    const users = shared.ofKind('user').map(u => u.metadata.name);
    const questions = users.flatMap(user => [
      { user, roles: undefined },
      { user, roles: ['owns' as const] },
    ]);
    expect(questions.length).toBeGreaterThan(256);
    // Past the bound, the first questions' answers were let go and are worked out again.
    for (const { user, roles } of questions) {
      ownership(shared, user, { limit: 1, roles });
    }
    for (const user of users.slice(0, 3)) {
      expect(ownership(shared, user, { limit: 5 })).toEqual(
        ownership(fresh, user, { limit: 5 }),
      );
    }
  }, 60_000);

  it('leads a shared group item with the asker’s own membership', () => {
    const graph = InventoryGraph.build(
      wideEstateEntities({ folders: 1, projects: 2, buckets: 1 }),
    );
    const owned = (q: string) => {
      const answer = ownership(graph, q);
      const item = answer.items.find(i => i.role === 'owns')!;
      return { item, evidence: ownershipEvidence(answer)(item) };
    };
    const firstStep = (q: string) => owned(q).evidence[0];
    ownership(graph, TEAM);
    expect(firstStep('alice')).toMatchObject({
      from: 'user:default/alice',
      relation: 'memberOf',
    });
    // The group's item is shared: alice's answer names the way to it, not another copy.
    const team = 'group:default/platform';
    expect(owned('alice').item).toMatchObject({
      through: ['user:default/alice', team],
      steps: [{ relation: 'ownedBy', to: team }],
    });
    // The group itself: straight to what it owns.
    expect(firstStep(TEAM)).toMatchObject({
      relation: 'ownedBy',
      to: 'group:default/platform',
    });
  });
});
