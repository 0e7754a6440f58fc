import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { actionsOver } from '../__testUtils__/actions';
import { entity } from '../__testUtils__/entities';
import { registerInventoryActions } from './actions';

const entities = [
  entity('resource:cluster', {
    type: 'gke-cluster',
    title: 'aaa',
    spec: {
      owner: 'group:sig-infra',
      access: {
        administrators: [
          {
            member: 'user:alice@example.org',
            role: 'roles/container.admin',
            grantedOn: 'projects/p',
            inherited: false,
            ref: 'user:default/alice--example.org',
          },
        ],
        // A group nobody declared: drift reports it as a dangling principal.
        grants: [
          {
            member: 'user:alice@example.org',
            role: 'roles/container.admin',
            power: 'administer',
            grantedOn: 'projects/p',
            inherited: false,
            ref: 'user:default/alice--example.org',
          },
          {
            member: 'group:gone@example.org',
            role: 'roles/viewer',
            power: 'read',
            grantedOn: 'projects/p',
            ref: 'group:default/gone--example.org',
            condition: {
              title: 'until June',
              expression: 'request.time < timestamp("2024-06-01T00:00:00Z")',
              expiresAt: '2024-06-01T00:00:00.000Z',
            },
          },
        ],
      },
    },
    relations: [['administeredBy', 'user:alice--example.org']],
  }),
  // Owned by a person: their address is a contact, and personal.
  entity('resource:ns', {
    title: 'gcsweb',
    spec: { owner: 'user:alice--example.org' },
    relations: [['runsOn', 'resource:cluster']],
  }),
  entity('component:gcsweb', {
    title: 'gcsweb',
    spec: { owner: 'group:sig-infra' },
    relations: [['runsOn', 'resource:ns']],
  }),
  entity('group:sig-infra', {
    annotations: { 'infra-atlas.io/slack-channel': 'sig-infra' },
  }),
  entity('user:alice--example.org', {
    spec: { profile: { email: 'alice@example.org' } },
  }),
];

describe('inventory actions', () => {
  const registry = (result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) =>
    actionsOver(
      entities,
      options => registerInventoryActions({ ...options, impactMaxNodes: 100 }),
      result,
    );
  const credentials = mockCredentials.user();

  it('answers "what runs on cluster aaa" and whom to tell', async () => {
    const actions = await registry(AuthorizeResult.ALLOW);
    const { output } = await actions.invoke({
      id: 'test:what-runs-on',
      input: { entityRef: 'resource:default/cluster' },
      credentials,
    });
    expect(output).toEqual({
      total: 2,
      distances: [
        'distance 1: 1 entities, 1–1 listed',
        'distance 2: 1 entities, 1–1 listed',
      ],
      dependents: [
        'resource:default/ns (distance 1)',
        'component:default/gcsweb (distance 2)',
      ],
      ownersTotal: 2,
      ownersListed: '2 owners, 1–2 listed',
      owners: [
        'user:default/alice--example.org: 1 entities (resource:default/ns); alice@example.org',
        'group:default/sig-infra: 1 entities (component:default/gcsweb); #sig-infra',
      ],
      cutOff: 'none',
    });
  });

  /** The what-runs-on action asked about the cluster, with more entities running on it. */
  async function whatRunsOnTheClusterWith(more: typeof entities) {
    const actions = await actionsOver(
      [...entities, ...more],
      options => registerInventoryActions({ ...options, impactMaxNodes: 100 }),
      AuthorizeResult.ALLOW,
    );
    return async (input: object) =>
      (
        await actions.invoke({
          id: 'test:what-runs-on',
          input: { entityRef: 'resource:default/cluster', ...input },
          credentials,
        })
      ).output as {
        total: number;
        distances: string[];
        dependents: string[];
        ownersTotal: number;
        ownersListed: string;
        owners: string[];
      };
  }

  it('lists twenty dependents per distance and says how to ask for the next', async () => {
    const namespaces = Array.from({ length: 25 }, (_, i) =>
      entity(`resource:ns-${String(i).padStart(2, '0')}`, {
        spec: { owner: 'group:sig-infra' },
        relations: [['runsOn', 'resource:cluster']],
      }),
    );
    const ask = await whatRunsOnTheClusterWith(namespaces);
    const first = await ask({});
    expect(first.total).toBe(27);
    expect(first.distances).toEqual([
      'distance 1: 26 entities, 1–20 listed; next: distance 1, offset 20',
      'distance 2: 1 entities, 1–1 listed',
    ]);
    expect(first.dependents).toHaveLength(21);
    expect(first.owners[0]).toBe(
      'group:default/sig-infra: 26 entities (resource:default/ns-00, resource:default/ns-01, resource:default/ns-02, …); #sig-infra',
    );
    const next = await ask({ distance: 1, offset: 20 });
    expect(next.distances[0]).toBe('distance 1: 26 entities, 21–26 listed');
    // ns sorts before ns-00: the second page starts at ns-19.
    expect(next.dependents).toEqual(
      [19, 20, 21, 22, 23, 24].map(
        i => `resource:default/ns-${i} (distance 1)`,
      ),
    );
    await expect(ask({ offset: -1 })).rejects.toThrow(/offset/);
  });

  it('lists ten owners, says how many there are and how to ask for the next', async () => {
    const namespaces = Array.from({ length: 12 }, (_, i) =>
      entity(`resource:ns-${String(i).padStart(2, '0')}`, {
        spec: { owner: `group:team-${String(i).padStart(2, '0')}` },
        relations: [['runsOn', 'resource:cluster']],
      }),
    );
    const ask = await whatRunsOnTheClusterWith(namespaces);
    const first = await ask({});
    // 12 teams, alice (the cluster's namespace) and sig-infra (gcsweb).
    expect(first.ownersTotal).toBe(14);
    expect(first.ownersListed).toBe(
      '14 owners, 1–10 listed; next: list owners, offset 10',
    );
    expect(first.owners).toHaveLength(10);
    const next = await ask({ list: 'owners', offset: 10 });
    expect(next.ownersListed).toBe('14 owners, 11–14 listed');
    expect(next.dependents).toEqual([]);
    expect(
      new Set([...first.owners, ...next.owners].map(o => o.split(':')[1])).size,
    ).toBe(14);
    await expect(ask({ list: 'owners', distance: 1 })).rejects.toThrow(
      /distance .*list=owners/,
    );
  });

  it('answers "where does gcsweb run"', async () => {
    const actions = await registry(AuthorizeResult.ALLOW);
    const { output } = await actions.invoke({
      id: 'test:where-does-it-run',
      input: { entityRef: 'component:default/gcsweb' },
      credentials,
    });
    expect(output).toEqual({ chains: ['gcsweb → gcsweb → aaa'], dnsNames: [] });
  });

  it('answers "who owns the cluster", redacting people for callers without the permission', async () => {
    const allowed = await (
      await registry(AuthorizeResult.ALLOW)
    ).invoke({
      id: 'test:who-owns',
      input: { entityRef: 'resource:default/cluster' },
      credentials,
    });
    expect(allowed.output).toMatchObject({
      owner: 'group:default/sig-infra',
      unowned: false,
      contacts: ['slack: #sig-infra'],
      administrators: [
        'user:alice@example.org can administer (roles/container.admin on projects/p)',
      ],
      access: [
        'group:gone@example.org can read (roles/viewer on projects/p) — expired 2024-06-01: until June',
      ],
    });
    const denied = await (
      await registry(AuthorizeResult.DENY)
    ).invoke({
      id: 'test:who-owns',
      input: { entityRef: 'resource:default/cluster' },
      credentials,
    });
    expect(JSON.stringify(denied.output)).not.toContain('alice');
  });

  it('answers "who can read it" five rows at a time, with the counts and how to ask for the next', async () => {
    const readers = Array.from({ length: 7 }, (_, i) => `readers-${i}`);
    const bucket = entity('resource:bucket', {
      spec: {
        access: {
          grants: readers.map(name => ({
            member: `group:${name}@example.org`,
            role: 'roles/storage.objectViewer',
            power: 'read',
            grantedOn: 'projects/p',
            ref: `group:default/${name}--example.org`,
          })),
        },
      },
    });
    const actions = await actionsOver(
      [
        bucket,
        ...readers.map(name => entity(`group:${name}--example.org`, {})),
      ],
      options => registerInventoryActions({ ...options, impactMaxNodes: 100 }),
      AuthorizeResult.ALLOW,
    );
    const ask = async (input: object) =>
      (
        await actions.invoke({
          id: 'test:who-owns',
          input: { entityRef: 'resource:default/bucket', ...input },
          credentials,
        })
      ).output as { grantsListed: string[]; access: string[] };
    const first = await ask({});
    expect(first.grantsListed).toEqual([
      'administer: 0 rows (0 grants, 0 principals it can apply to now), none listed',
      'write: 0 rows (0 grants, 0 principals it can apply to now), none listed',
      'read: 7 rows (7 grants, 7 principals it can apply to now), 1–5 listed; next: power read, grantsFrom 5',
      'other: 0 rows (0 grants, 0 principals it can apply to now), none listed',
    ]);
    expect(first.access).toHaveLength(5);
    const rest = await ask({ power: 'read', grantsFrom: 5 });
    expect(rest.grantsListed).toEqual([
      'read: 7 rows (7 grants, 7 principals it can apply to now), 6–7 listed',
    ]);
    expect(rest.access).toEqual([
      'group:readers-5@example.org can read (roles/storage.objectViewer on projects/p)',
      'group:readers-6@example.org can read (roles/storage.objectViewer on projects/p)',
    ]);
  });

  it('answers "who is in this group" ten members at a time, with their counts', async () => {
    const team = [
      entity('group:team', {}),
      ...Array.from({ length: 12 }, (_, i) =>
        entity(`user:member-${String(i).padStart(2, '0')}`, {
          relations: [['memberOf', 'group:team']],
        }),
      ),
    ];
    const actions = await actionsOver(
      team,
      options => registerInventoryActions({ ...options, impactMaxNodes: 100 }),
      AuthorizeResult.ALLOW,
    );
    const ask = async (input: { subject: string; membersFrom?: number }) =>
      (
        await actions.invoke({
          id: 'test:what-do-they-own',
          input,
          credentials,
        })
      ).output as { summary: string[]; members: Record<string, unknown> };
    const first = await ask({ subject: 'group:default/team' });
    expect(first.summary[0]).toBe(
      'has 12 members (12 direct, 0 through nested groups)',
    );
    expect(first.members).toMatchObject({
      total: 12,
      direct: 12,
      nested: 0,
      from: 0,
    });
    expect(first.members.page).toHaveLength(10);
    const rest = await ask({ subject: 'group:default/team', membersFrom: 10 });
    expect(rest.members).toMatchObject({
      from: 10,
      page: [
        expect.stringMatching(
          /^user:default\/member-10: user:default\/member-10 memberOf group:default\/team/,
        ),
        expect.stringMatching(/^user:default\/member-11: /),
      ],
    });
  });

  it('lists drift findings with their evidence, for one entity and one kind', async () => {
    const actions = await registry(AuthorizeResult.ALLOW);
    const { output } = await actions.invoke({
      id: 'test:where-do-git-and-the-cloud-disagree',
      input: {
        entityRef: 'resource:default/cluster',
        kind: 'dangling-principal',
      },
      credentials,
    });
    expect(output).toEqual({
      counts: ['dangling-principal: 1'],
      omitted: 0,
      findings: [
        'dangling-principal group:gone@example.org: group:gone@example.org holds 1 grant (roles/viewer) on 1 entity, and the catalog has no such principal; fix in resource:default/cluster; evidence: observed: //test/cluster',
      ],
    });
  });

  it('keeps people out of every answer for callers without the permission', async () => {
    const denied = await registry(AuthorizeResult.DENY);
    const questions = [
      ['test:who-owns', { entityRef: 'resource:default/cluster' }],
      ['test:where-does-it-run', { entityRef: 'component:default/gcsweb' }],
      ['test:what-runs-on', { entityRef: 'resource:default/cluster' }],
      ['test:what-do-they-own', { subject: 'group:default/sig-infra' }],
    ] as const;
    for (const [id, input] of questions) {
      const { output } = await denied.invoke({ id, input, credentials });
      expect(JSON.stringify(output)).not.toMatch(/alice/);
    }
    await expect(
      denied.invoke({
        id: 'test:what-do-they-own',
        input: { subject: 'alice@example.org' },
        credentials,
      }),
    ).rejects.toThrow(/needs inventory.personal-details.read/);
  });

  it('refuses questions about a person’s User entity to callers without the permission, whether or not it exists', async () => {
    const denied = await registry(AuthorizeResult.DENY);
    for (const id of [
      'test:who-owns',
      'test:where-does-it-run',
      'test:what-runs-on',
    ]) {
      for (const entityRef of [
        'user:default/alice--example.org',
        'user:default/nobody--example.org',
      ]) {
        await expect(
          denied.invoke({ id, input: { entityRef }, credentials }),
        ).rejects.toThrow(/needs inventory.personal-details.read/);
      }
    }
    await expect(
      denied.invoke({
        id: 'test:what-do-they-own',
        input: { subject: 'user:default/alice--example.org' },
        credentials,
      }),
    ).rejects.toThrow(/needs inventory.personal-details.read/);
    const allowed = await registry(AuthorizeResult.ALLOW);
    await expect(
      allowed.invoke({
        id: 'test:where-does-it-run',
        input: { entityRef: 'user:default/alice--example.org' },
        credentials,
      }),
    ).resolves.toBeDefined();
  });
});
