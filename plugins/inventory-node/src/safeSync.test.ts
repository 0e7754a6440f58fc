import { Entity } from '@backstage/catalog-model';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { decideSync, syncEntities } from './safeSync';

const refs = (n: number, prefix = 'r') =>
  Array.from({ length: n }, (_, i) => `resource:default/${prefix}${i}`);

describe('decideSync', () => {
  it('replaces everything after a complete crawl within the ceiling', () => {
    expect(
      decideSync({
        outcome: 'complete',
        refs: refs(9),
        previousRefs: refs(10),
        removalCeiling: 0.2,
      }),
    ).toEqual({ applied: 'full' });
  });

  it('only upserts when a complete crawl would remove more than the ceiling', () => {
    const decision = decideSync({
      outcome: 'complete',
      refs: refs(7),
      previousRefs: refs(10),
      removalCeiling: 0.2,
    });
    expect(decision.applied).toBe('upsert-only');
    expect(decision.reason).toContain('remove 3 of 10');
  });

  it('never removes after a partial crawl', () => {
    expect(
      decideSync({
        outcome: 'partial',
        refs: refs(10),
        previousRefs: refs(10),
        removalCeiling: 0.2,
        failedSteps: 2,
      }),
    ).toMatchObject({
      applied: 'upsert-only',
      reason: expect.stringContaining('2 failed steps'),
    });
  });

  it('applies nothing after a failure, a hold, or an empty result', () => {
    const base = { refs: refs(3), previousRefs: refs(3), removalCeiling: 1 };
    expect(decideSync({ ...base, outcome: 'failed' }).applied).toBe('none');
    expect(
      decideSync({ ...base, outcome: 'complete', holdReason: 'no IAM' }),
    ).toEqual({ applied: 'none', reason: 'no IAM' });
    expect(
      decideSync({ ...base, refs: [], outcome: 'complete' }).reason,
    ).toContain('refusing to empty');
  });

  it('removes what is gone outside the held scopes of a partial crawl, under the ceiling', () => {
    const partial = {
      outcome: 'partial' as const,
      previousRefs: refs(10),
      removalCeiling: 0.2,
      holds: [{ scope: 'org/broken', reason: 'OWNERS: bad' }],
      previousScopes: {
        'org/broken': ['resource:default/r0', 'resource:default/r1'],
        'org/other': ['resource:default/r2'],
      },
    };
    const decision = decideSync({ ...partial, refs: refs(10).slice(3) });
    expect(decision).toMatchObject({
      applied: 'scoped',
      removed: ['resource:default/r2'],
    });
    expect(decision.kept?.sort()).toEqual([
      'resource:default/r0',
      'resource:default/r1',
    ]);
    // Without the previous run's scopes nothing tells what a hold keeps: remove nothing.
    expect(
      decideSync({
        ...partial,
        refs: refs(10).slice(3),
        previousScopes: undefined,
      }).applied,
    ).toBe('upsert-only');
    expect(decideSync({ ...partial, refs: refs(10).slice(5) })).toMatchObject({
      applied: 'upsert-only',
      reason: expect.stringContaining('remove 3 of 10'),
    });
  });

  it('allows the first crawl and an empty first crawl', () => {
    expect(
      decideSync({ outcome: 'complete', refs: [], removalCeiling: 0.2 }),
    ).toEqual({ applied: 'full' });
  });
});

describe('syncEntities', () => {
  const entity = (name: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name },
    spec: { type: 't' },
  });
  function connection() {
    const mutations: EntityProviderMutation[] = [];
    const conn: EntityProviderConnection = {
      applyMutation: async m => {
        mutations.push(m);
      },
      refresh: async () => {},
    };
    return { conn, mutations };
  }

  it('sends a full mutation and reports the refs now held', async () => {
    const { conn, mutations } = connection();
    const result = await syncEntities({
      connection: conn,
      locationKey: 'p',
      entities: [entity('a')],
      outcome: 'complete',
      removalCeiling: 0.2,
    });
    expect(mutations).toEqual([
      { type: 'full', entities: [{ entity: entity('a'), locationKey: 'p' }] },
    ]);
    expect(result.entityRefs).toEqual(['resource:default/a']);
  });

  it('sends a delta without removals for a partial crawl and keeps the old refs', async () => {
    const { conn, mutations } = connection();
    const result = await syncEntities({
      connection: conn,
      locationKey: 'p',
      entities: [entity('b')],
      previousRefs: ['resource:default/a'],
      outcome: 'partial',
      removalCeiling: 0.2,
    });
    expect(mutations[0]).toMatchObject({ type: 'delta', removed: [] });
    expect(result.entityRefs.sort()).toEqual([
      'resource:default/a',
      'resource:default/b',
    ]);
  });

  it('removes by ref outside the held scopes and records the scopes of what it kept', async () => {
    const { conn, mutations } = connection();
    const result = await syncEntities({
      connection: conn,
      locationKey: 'p',
      entities: [entity('c')],
      previousRefs: ['resource:default/a', 'resource:default/b'],
      outcome: 'partial',
      removalCeiling: 1,
      scopes: {
        scopeOf: () => 'org/fine',
        holds: [{ scope: 'org/held', reason: 'x: unreadable' }],
        previousScopes: {
          'org/held': ['resource:default/a'],
          'org/fine': ['resource:default/b'],
        },
      },
    });
    expect(mutations).toEqual([
      {
        type: 'delta',
        added: [{ entity: entity('c'), locationKey: 'p' }],
        removed: [{ entityRef: 'resource:default/b', locationKey: 'p' }],
      },
    ]);
    expect(result.entityRefs.sort()).toEqual([
      'resource:default/a',
      'resource:default/c',
    ]);
    expect(result.entityScopes).toEqual({
      'org/fine': ['resource:default/c'],
      'org/held': ['resource:default/a'],
    });
  });

  it('sends nothing when the crawl failed', async () => {
    const { conn, mutations } = connection();
    const result = await syncEntities({
      connection: conn,
      locationKey: 'p',
      entities: [],
      previousRefs: ['resource:default/a'],
      outcome: 'failed',
      removalCeiling: 0.2,
    });
    expect(mutations).toEqual([]);
    expect(result.entityRefs).toEqual(['resource:default/a']);
  });
});
