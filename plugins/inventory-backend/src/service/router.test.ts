/*
 * The plugin as a backend serves it: routes, errors, the personal-details permission and the
 * service-only links feed, over the catalog mock of @backstage/plugin-catalog-node.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { startInventoryBackend } from '../__testUtils__/backend';
import { entity } from '../__testUtils__/entities';

const READER = 'user:default/reader';

const entities = [
  entity('resource:project', {
    type: 'gcp-project',
    spec: {
      access: {
        administrators: [
          {
            member: 'user:alice@example.org',
            role: 'roles/owner',
            grantedOn: 'projects/project',
            inherited: false,
            ref: 'user:default/alice--example.org',
          },
          {
            member: 'group:admins@example.org',
            role: 'roles/owner',
            grantedOn: 'projects/project',
            inherited: false,
            ref: 'group:default/admins--example.org',
          },
        ],
        grants: [
          {
            member: 'user:alice@example.org',
            role: 'roles/owner',
            power: 'administer',
            grantedOn: 'projects/project',
            inherited: false,
            ref: 'user:default/alice--example.org',
          },
          {
            member: 'group:admins@example.org',
            role: 'roles/owner',
            power: 'administer',
            grantedOn: 'projects/project',
            inherited: false,
            ref: 'group:default/admins--example.org',
          },
          {
            member: 'serviceAccount:ci@project.iam.gserviceaccount.com',
            role: 'roles/viewer',
            grantedOn: 'projects/project',
          },
          {
            member: 'domain:example.org',
            role: 'roles/viewer',
            grantedOn: 'projects/project',
          },
        ],
      },
    },
    relations: [
      ['administeredBy', 'user:alice--example.org'],
      ['administeredBy', 'group:admins--example.org'],
    ],
  }),
  entity('user:alice--example.org', {
    spec: { profile: { email: 'alice@example.org' } },
  }),
  entity('group:admins--example.org', {
    spec: { profile: { email: 'admins@example.org' } },
  }),
  // For the explorer: placed in a project no crawl found, and owned by a person.
  entity('resource:bucket', {
    type: 'gcs-bucket',
    relations: [
      ['childOf', 'resource:gone-project'],
      ['ownedBy', 'user:alice--example.org'],
    ],
  }),
];

describe('inventory routes', () => {
  let inventory: Awaited<ReturnType<typeof startInventoryBackend>>;

  beforeAll(async () => {
    // Only READER may see personal details.
    inventory = await startInventoryBackend({
      entities,
      personalDetailsReaders: [READER],
    });
  });

  afterAll(() => inventory.stop());

  const get = (path: string, authorization?: string) =>
    inventory.get(path, authorization);

  it('redacts people’s addresses for callers without the permission, and only those', async () => {
    const denied = await get('administrators?entity=resource:default/project');
    expect(denied.status).toBe(200);
    expect(denied.text).not.toMatch(/alice@example\.org|alice--example\.org/);
    expect(denied.text).toContain('user:[redacted]');
    expect(denied.text).toContain('admins@example.org');
    expect(JSON.parse(denied.text).redacted).toBe(true);

    const allowed = await get(
      'administrators?entity=resource:default/project',
      mockCredentials.user.header(READER),
    );
    expect(allowed.text).toContain('user:alice@example.org');
    expect(JSON.parse(allowed.text).redacted).toBe(false);
  });

  it('answers e-mail lookups of people only to callers who may see people', async () => {
    expect((await get('ownership?q=alice@example.org')).status).toBe(403);
    expect((await get('ownership?q=nobody@example.org')).status).toBe(403);
    // A group's address is not personal.
    expect((await get('ownership?q=admins@example.org')).status).toBe(200);
    const reader = mockCredentials.user.header(READER);
    expect(
      (await get('ownership?q=user:alice@example.org', reader)).status,
    ).toBe(200);
  });

  it('looks up service accounts, groups and domains by any IAM form, for everyone', async () => {
    // Not personal: answered without the permission, and a 404 when unknown.
    for (const q of [
      'ci@project.iam.gserviceaccount.com',
      'serviceAccount:ci@project.iam.gserviceaccount.com',
      'group:admins@example.org',
      'domain:example.org',
    ]) {
      const answer = await get(`ownership?q=${encodeURIComponent(q)}`);
      expect([q, answer.status]).toEqual([q, 200]);
      expect([q, JSON.parse(answer.text).items[0].entity.ref]).toEqual([
        q,
        'resource:default/project',
      ]);
    }
    expect(
      (await get('ownership?q=serviceAccount:gone@x.iam.gserviceaccount.com'))
        .status,
    ).toBe(404);
    expect((await get('ownership?q=domain:example.com')).status).toBe(404);
    // `user:` names a person, whichever way it is spelled.
    expect((await get('ownership?q=user:nobody@example.org')).status).toBe(403);
  });

  it('answers questions about a person’s User entity only to callers who may see people, whether or not it exists', async () => {
    const routes = [
      'placement?entity=',
      'administrators?entity=',
      'impact?entity=',
      'graph?entity=',
      'drift?entity=',
      'owners-files?entity=',
      'runbook?entity=',
      'completeness?scope=entity&key=',
      'ownership?q=',
    ];
    const alice = 'user:default/alice--example.org';
    const nobody = 'user:default/nobody--example.org';
    const reader = mockCredentials.user.header(READER);
    for (const route of routes) {
      // Without the permission the existing and the unknown person look alike.
      expect([route, (await get(`${route}${alice}`)).status]).toEqual([
        route,
        403,
      ]);
      expect([route, (await get(`${route}${nobody}`)).status]).toEqual([
        route,
        403,
      ]);
      expect([route, (await get(`${route}${nobody}`, reader)).status]).toEqual([
        route,
        404,
      ]);
    }
    // Alice is not scored, so the entity scorecard is the one route without her.
    for (const route of routes.filter(r => !r.startsWith('completeness'))) {
      expect([route, (await get(`${route}${alice}`, reader)).status]).toEqual([
        route,
        200,
      ]);
    }
    // IAM's spelling of the same person, and a group, which is not a person.
    expect((await get('placement?entity=user:alice@example.org')).status).toBe(
      403,
    );
    expect(
      (await get('placement?entity=group:default/admins--example.org')).status,
    ).toBe(200);
  });

  it('serves the links feed to services only', async () => {
    expect((await get('links')).status).toBe(403);
    const asService = await get('links', mockCredentials.service.header());
    expect(asService.status).toBe(200);
    expect(JSON.parse(asService.text)).toMatchObject({
      links: [],
      ambiguous: [],
    });
  });

  it('rejects bad input with 400 and unknown entities with 404', async () => {
    expect((await get('ownership')).status).toBe(400);
    expect(
      (await get('ownership?q=admins@example.org&role=rules')).status,
    ).toBe(400);
    expect((await get('completeness?scope=galaxy')).status).toBe(400);
    expect((await get('completeness?scope=all&key=group:x')).status).toBe(400);
    expect((await get('completeness?scope=owner&key=nobody')).status).toBe(404);
    expect(
      (await get('impact?entity=resource:default/project&relations=bogus'))
        .status,
    ).toBe(400);
    expect(
      (await get('impact?entity=resource:default/project&depth=1e1')).status,
    ).toBe(400);
    expect((await get('placement?entity=a&entity=b')).status).toBe(400);
    expect((await get('impact?entity=resource:default/nope')).status).toBe(404);
  });

  it('lists the placement forest, with the owner redacted for callers who may not see people', async () => {
    const denied = await get('explorer');
    expect(denied.status).toBe(200);
    expect(JSON.parse(denied.text)).toMatchObject({
      nodes: [
        {
          ref: 'resource:default/bucket',
          type: 'gcs-bucket',
          parents: ['resource:default/gone-project'],
          owner: 'user:default/[redacted]',
          stale:
            'placed in resource:default/gone-project, which is not in the catalog',
          descendants: 0,
        },
      ],
      redacted: true,
    });
    const allowed = await get('explorer', mockCredentials.user.header(READER));
    expect(JSON.parse(allowed.text).nodes[0].owner).toBe(
      'user:default/alice--example.org',
    );
  });

  it('draws the graph around an entity, within the configured node limit', async () => {
    const around = await get('graph?entity=resource:default/project&depth=1');
    expect(around.status).toBe(200);
    expect(JSON.parse(around.text)).toMatchObject({
      focus: { ref: 'resource:default/project' },
      mode: 'focused',
      nodes: [{ ref: 'resource:default/project', distance: 0 }],
      edges: [],
    });
    expect(
      (await get('graph?entity=resource:default/project&mode=sideways')).status,
    ).toBe(400);
    expect(
      (await get('graph?entity=resource:default/project&maxNodes=5001')).status,
    ).toBe(400);
    expect((await get('graph?entity=resource:default/nope')).status).toBe(404);
  });
});
