/*
 * Permissions end to end, with the production policy module: the real catalog and permission
 * backends decide what each caller may read, the inventory takes the rest out of every answer,
 * and people's addresses reach only the groups configured to see them — also through static
 * tokens, whose access restrictions decide for them.
 */
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthService,
  BackstageUserPrincipal,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { InventoryRelationsProcessor } from '@infra-atlas/plugin-inventory-node';
import inventoryPolicyModule from '@infra-atlas/plugin-permission-backend-module-inventory-policy';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { entity } from '../__testUtils__/entities';
import { inventoryPlugin } from '../plugin';

/** The regex the inventory once redacted with, now only the test's oracle. */
const PERSONAL_ADDRESS = /carol@example\.org|carol--example\.org/i;

const LEADS = 'group:default/leads';
const GROUPS: Record<string, string[]> = {
  'user:default/alice': ['group:default/platform'],
  'user:default/lead': [LEADS],
};

const catalogEntities = [
  { kind: 'Group', name: 'platform', spec: { type: 'team', children: [] } },
  { kind: 'Group', name: 'secret-team', spec: { type: 'team', children: [] } },
  { kind: 'Group', name: 'leads', spec: { type: 'team', children: [] } },
  { kind: 'User', name: 'alice', spec: { memberOf: ['platform'] } },
  { kind: 'User', name: 'lead', spec: { memberOf: ['leads'] } },
  {
    kind: 'User',
    name: 'carol--example.org',
    spec: {
      profile: { email: 'carol@example.org', displayName: 'carol@example.org' },
      memberOf: ['platform'],
    },
  },
  {
    kind: 'Resource',
    name: 'project',
    spec: { type: 'gcp-project', owner: 'platform' },
  },
  {
    kind: 'Resource',
    name: 'public-bucket',
    spec: {
      type: 'gcs-bucket',
      owner: 'platform',
      parent: 'resource:default/project',
      dependsOn: ['resource:project'],
    },
  },
  {
    kind: 'Resource',
    name: 'secret-bucket',
    spec: {
      type: 'gcs-bucket',
      owner: 'secret-team',
      parent: 'resource:default/project',
      dependsOn: ['resource:project'],
    },
  },
].map(({ kind, name, spec }) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name },
  spec,
}));

/**
 * The mock auth service, issuing tokens on a user's behalf as Backstage's does: the user, with
 * the calling plugin as the actor. The permission backend refuses conditional questions a
 * user asks directly, and the mock would otherwise make the inventory's look direct.
 */
const authOnBehalfOfUsers = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    const getPluginRequestToken: AuthService['getPluginRequestToken'] =
      async options =>
        auth.isPrincipal(options.onBehalfOf, 'user')
          ? {
              token: mockCredentials.user.token(
                options.onBehalfOf.principal.userEntityRef,
                { actor: { subject: `plugin:${plugin.getId()}` } },
              ),
            }
          : auth.getPluginRequestToken(options);
    return Object.assign(Object.create(auth), { getPluginRequestToken });
  },
});

/** The inventory's placement relations (`spec.parent` → `childOf`), as production has them. */
const inventoryRelations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-inventory-relations',
  register(reg) {
    reg.registerInit({
      deps: { processing: catalogProcessingExtensionPoint },
      async init({ processing }) {
        processing.addProcessor(new InventoryRelationsProcessor());
      },
    });
  },
});

describe('inventory answers under the production policy', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let dir: string;
  let baseUrl: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'inventory-permissions-'));
    const file = path.join(dir, 'catalog.yaml');
    await fs.writeFile(
      file,
      // JSON is YAML: one document per entity.
      catalogEntities.map(e => JSON.stringify(e)).join('\n---\n'),
    );
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        inventoryRelations,
        permissionPlugin,
        inventoryPolicyModule,
        inventoryPlugin,
        permissionsServiceFactory,
        authOnBehalfOfUsers,
        // The real scheduler: the index is rebuilt every second, once the catalog has read the file.
        schedulerServiceFactory,
        mockServices.userInfo.mock({
          getUserInfo: async credentials => {
            const ref = (credentials.principal as BackstageUserPrincipal)
              .userEntityRef;
            return {
              userEntityRef: ref,
              ownershipEntityRefs: [ref, ...(GROUPS[ref] ?? [])],
            };
          },
        }).factory,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            catalog: {
              rules: [{ allow: ['Group', 'User', 'Resource'] }],
              locations: [{ type: 'file', target: file }],
            },
            infraAtlas: {
              permissions: {
                personalDetails: { allowGroups: [LEADS] },
                catalog: { ownersOnlyKinds: ['Resource'] },
              },
            },
            inventory: {
              schedule: { frequency: { seconds: 1 }, timeout: { minutes: 1 } },
            },
          },
        }),
      ],
    });
    baseUrl = `http://localhost:${backend.server.port()}/api/inventory`;
    // The catalog processes the file, then the index picks the entities up.
    for (let i = 0; i < 300; i++) {
      const res = await fetch(`${baseUrl}/status`, {
        headers: { authorization: mockCredentials.user.header() },
      });
      if (res.ok && (await res.json()).index.entities >= 9) return;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    const last = await fetch(`${baseUrl}/status`, {
      headers: { authorization: mockCredentials.user.header() },
    });
    throw new Error(
      `The inventory never saw the catalog: ${
        last.status
      } ${await last.text()}`,
    );
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const get = async (route: string, user: string) => {
    const res = await fetch(`${baseUrl}/${route}`, {
      headers: { authorization: mockCredentials.user.header(user) },
    });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) };
  };
  const alice = (route: string) => get(route, 'user:default/alice');
  const lead = (route: string) => get(route, 'user:default/lead');

  it('leaves out of every answer what a conditional rule keeps the caller from reading', async () => {
    for (const route of [
      'impact?entity=resource:default/project&direction=dependents',
      'graph?entity=resource:default/project&mode=neighbourhood',
      'explorer',
      'ownership?q=group:default/secret-team',
    ]) {
      const denied = await alice(route);
      expect({ route, status: denied.status }).toEqual({ route, status: 200 });
      expect(denied.text).not.toContain('secret-bucket');
      // Owners-only does not apply to the leads: the policy lets them read everything.
      expect((await lead(route)).text).toContain('secret-bucket');
    }
    const impact = await alice(
      'impact?entity=resource:default/project&direction=dependents',
    );
    expect(
      impact.body.nodes.map((n: { entity: { ref: string } }) => n.entity.ref),
    ).toEqual(['resource:default/public-bucket']);
    const graph = await alice('graph?entity=resource:default/project');
    for (const edge of graph.body.edges) {
      expect(graph.body.nodes.map((n: { ref: string }) => n.ref)).toEqual(
        expect.arrayContaining([edge.source, edge.target]),
      );
    }
  });

  it('answers an entity the caller may not read as it answers an unknown one', async () => {
    const hidden = await alice(
      'placement?entity=resource:default/secret-bucket',
    );
    const unknown = await alice('placement?entity=resource:default/no-bucket');
    expect(hidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(hidden.body.error.message.replace('secret', 'no')).toBe(
      unknown.body.error.message,
    );
    expect(
      (await lead('placement?entity=resource:default/secret-bucket')).status,
    ).toBe(200);
  });

  it('leaves the same entities out of action results', async () => {
    const invoke = async (action: string, input: object, user: string) => {
      const res = await fetch(
        `${baseUrl}/.backstage/actions/v1/actions/inventory:${action}/invoke`,
        {
          method: 'POST',
          headers: {
            authorization: mockCredentials.user.header(user),
            'content-type': 'application/json',
          },
          body: JSON.stringify(input),
        },
      );
      return { status: res.status, text: await res.text() };
    };
    const project = { entityRef: 'resource:default/project' };
    const denied = await invoke('what-runs-on', project, 'user:default/alice');
    expect(denied.status).toBe(200);
    expect(JSON.parse(denied.text).output.dependents).toEqual([
      'resource:default/public-bucket (distance 1)',
    ]);
    expect(
      (await invoke('what-runs-on', project, 'user:default/lead')).text,
    ).toContain('secret-bucket');
    const hidden = await invoke(
      'where-does-it-run',
      { entityRef: 'resource:default/secret-bucket' },
      'user:default/alice',
    );
    expect(hidden.status).toBe(404);
    const members = await invoke(
      'what-do-they-own',
      { subject: 'group:default/platform' },
      'user:default/alice',
    );
    expect(members.status).toBe(200);
    expect(members.text).not.toMatch(PERSONAL_ADDRESS);
  });

  it('gives people’s addresses to the configured groups only', async () => {
    const members = (body: { members: Array<{ entity: { ref: string } }> }) =>
      body.members.map(m => m.entity.ref).sort();
    const denied = await alice('ownership?q=group:default/platform');
    expect(denied.text).not.toMatch(PERSONAL_ADDRESS);
    // Hidden in the catalog by the policy, the person is not in the answer at all.
    expect(members(denied.body)).toEqual(['user:default/alice']);
    expect(denied.body.redacted).toBe(true);
    const allowed = await lead('ownership?q=group:default/platform');
    expect(members(allowed.body)).toEqual([
      'user:default/alice',
      'user:default/carol--example.org',
    ]);
    for (const route of ['explorer', 'graph?entity=group:default/platform']) {
      expect((await alice(route)).text).not.toMatch(PERSONAL_ADDRESS);
    }
    // Asking for the person: refused alike whether or not the address is someone's.
    const known = await alice('ownership?q=carol@example.org');
    const unknown = await alice('ownership?q=nobody@example.org');
    expect([known.status, unknown.status]).toEqual([403, 403]);
    expect(known.body.error.message).toBe(unknown.body.error.message);
  });
});

describe('a script’s static token, restricted', () => {
  const SCRIPTS_TOKEN = 'scripts-token-0123456789abcdef0123456789abcdef';
  const READER_TOKEN = 'reader-token-0123456789abcdef0123456789abcdef';
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let baseUrl: string;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        inventoryPlugin,
        authServiceFactory,
        httpAuthServiceFactory,
        permissionsServiceFactory,
        catalogServiceMock.factory({
          entities: [
            entity('group:platform', { relations: [] }),
            entity('user:carol--example.org', {
              spec: { profile: { email: 'carol@example.org' } },
              relations: [['memberOf', 'group:platform']],
            }),
            entity('user:carol', {
              annotations: { 'github.com/user-login': 'carol' },
              relations: [['sameAs', 'user:carol--example.org']],
            }),
            entity('resource:project', {
              type: 'gcp-project',
              relations: [['ownedBy', 'user:carol--example.org']],
            }),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            backend: {
              auth: {
                externalAccess: [
                  {
                    type: 'static',
                    options: { token: SCRIPTS_TOKEN, subject: 'scripts' },
                    // What production gives its scripts: the inventory, reading the catalog.
                    accessRestrictions: [
                      {
                        plugin: 'inventory',
                        permission: 'catalog.entity.read',
                      },
                    ],
                  },
                  {
                    type: 'static',
                    options: { token: READER_TOKEN, subject: 'reader' },
                    accessRestrictions: [
                      {
                        plugin: 'inventory',
                        permission: [
                          'catalog.entity.read',
                          'inventory.personal-details.read',
                        ],
                      },
                    ],
                  },
                ],
              },
            },
            inventory: {
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
            },
          },
        }),
      ],
    });
    baseUrl = `http://localhost:${backend.server.port()}/api/inventory`;
  });

  afterAll(() => backend?.stop());

  const get = async (route: string, token: string) => {
    const res = await fetch(`${baseUrl}/${route}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await res.text();
    return { status: res.status, text };
  };

  it('is not a way around the personal-details permission', async () => {
    const route = 'ownership?q=group:default/platform';
    const scripts = await get(route, SCRIPTS_TOKEN);
    expect(scripts.status).toBe(200);
    expect(scripts.text).not.toMatch(PERSONAL_ADDRESS);
    expect(JSON.parse(scripts.text).redacted).toBe(true);
    expect(scripts.text).not.toContain(SCRIPTS_TOKEN);
    // A token granted the permission explicitly gets the addresses.
    expect((await get(route, READER_TOKEN)).text).toMatch(PERSONAL_ADDRESS);
  });

  it('learns nothing from asking about people by address: known and unknown are refused alike', async () => {
    const refusal = async (q: string) => {
      const { status, text } = await get(`ownership?q=${q}`, SCRIPTS_TOKEN);
      return { status, message: JSON.parse(text).error.message };
    };
    const known = await refusal('carol@example.org');
    expect(known.message).not.toContain(SCRIPTS_TOKEN);
    expect(known.status).toBe(403);
    expect(await refusal('nobody@example.org')).toEqual(known);
    expect(
      (await get('ownership?q=carol@example.org', READER_TOKEN)).status,
    ).toBe(200);
  });

  it('does not carry what an address holds across to the login linked to it', async () => {
    const login = await get('ownership?q=carol', SCRIPTS_TOKEN);
    expect(login.status).toBe(200);
    expect(login.text).not.toContain('project');
    expect(login.text).not.toContain('platform');
    const reader = await get('ownership?q=carol', READER_TOKEN);
    expect(reader.text).toContain('resource:default/project');
    expect(reader.text).toContain('group:default/platform');
  });

  it('hands /links no personal address', async () => {
    const links = await get('links', SCRIPTS_TOKEN);
    expect(links.status).toBe(200);
    expect(links.text).not.toMatch(PERSONAL_ADDRESS);
    expect((await get('links', READER_TOKEN)).text).toMatch(PERSONAL_ADDRESS);
  });
});
