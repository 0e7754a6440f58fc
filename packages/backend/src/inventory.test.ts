/*
 * The inventory backend on the k8s-infra snapshot, as the demo runs it: app-config.yaml and
 * app-config.demo.yaml as written (emulator ports and the database aside), the real GCP and
 * GitHub providers crawling the emulators, the real catalog on SQLite, and the inventory
 * answering through its HTTP API. The questions are the ones the inventory exists for; the
 * answers are facts of the snapshot.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { loadConfig } from '@backstage/config-loader';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  GithubEmulator,
  GcpEmulator,
  loadK8sInfraGcpEstate,
  loadK8sInfraGithubEstate,
  startGcpEmulator,
  startGithubEmulator,
} from '@infra-atlas/emulators';
import type {
  AccessResponse,
  AdministratorsResponse,
  DriftResponse,
  ImpactResponse,
  LinksResponse,
  OwnershipResponse,
  PlacementResponse,
  StatusResponse,
} from '@infra-atlas/inventory-common';
import { ownershipEvidence } from '@infra-atlas/inventory-common';
import gcpModule from '@infra-atlas/plugin-catalog-backend-module-gcp';
import githubModule from '@infra-atlas/plugin-catalog-backend-module-github';
import inventoryPlugin from '@infra-atlas/plugin-inventory-backend';
import catalogModuleInventoryRelations from '@infra-atlas/plugin-catalog-backend-module-inventory';
import { catalogApi } from '@infra-atlas/test-utils';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');
const GCSWEB =
  'component:default/k8s-app--kubernetes-public--us-central1--aaa--gcsweb';
const AAA = 'resource:default/gke-cluster--kubernetes-public--us-central1--aaa';
const ARTIFACTS_PROD = 'resource:default/gcp-project--k8s-artifacts-prod';
/** A caller without inventory.personal-details.read. */
const OUTSIDER = 'user:default/outsider';

async function demoConfig() {
  const { appConfigs } = await loadConfig({
    configRoot: repoRoot,
    configTargets: ['app-config.yaml', 'app-config.demo.yaml'].map(file => ({
      path: path.join(repoRoot, file),
    })),
  });
  return ConfigReader.fromConfigs(appConfigs);
}

describe('inventory backend on the k8s-infra snapshot', () => {
  let gcp: GcpEmulator;
  let github: GithubEmulator;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let inventoryUrl: string;
  let catalog: ReturnType<typeof catalogApi>;

  async function ask<T>(
    route: string,
    authorization = mockCredentials.user.header(),
  ) {
    const res = await fetch(`${inventoryUrl}/${route}`, {
      headers: { authorization },
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  /** Polls until the index holds both crawls and `ready` holds. */
  async function eventually<T>(
    probe: () => Promise<T | undefined>,
    timeoutMs = 200_000,
  ) {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
      try {
        const value = await probe();
        if (value !== undefined) return value;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `timed out waiting for the inventory; last error: ${lastError}`,
        );
      }
      await new Promise(r => setTimeout(r, 1000));
    }
  }

  beforeAll(async () => {
    gcp = await startGcpEmulator({ estate: loadK8sInfraGcpEstate() });
    github = await startGithubEmulator({ estate: loadK8sInfraGithubEstate() });
    const config = await demoConfig();
    const catalogConfig = config.get<Record<string, any>>('catalog');
    catalogConfig.providers.gcpInventory.k8sInfra.connection.port = gcp.port;
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        gcpModule,
        githubModule,
        catalogModuleInventoryRelations,
        inventoryPlugin,
        // Everyone sees people but OUTSIDER, for the personal-details test below.
        mockServices.permissions.mock({
          authorize: async (requests, { credentials }) =>
            requests.map(() => ({
              result:
                (credentials.principal as { userEntityRef?: string })
                  .userEntityRef === OUTSIDER
                  ? AuthorizeResult.DENY
                  : AuthorizeResult.ALLOW,
            })),
          authorizeConditional: async requests =>
            requests.map(() => ({ result: AuthorizeResult.ALLOW })),
        }).factory,
        // The real scheduler: crawls and index builds run on their schedules, as in the demo
        // (the test backend's default runs each task once, at start-up).
        schedulerServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: {
              database: { client: 'better-sqlite3', connection: ':memory:' },
            },
            integrations: {
              github: [
                { host: 'github.com', apiBaseUrl: github.url, token: 'test' },
              ],
            },
            catalog: {
              ...catalogConfig,
              // Short enough that resolved links reach the catalog within the test.
              processingInterval: { seconds: 10 },
              locations: [
                {
                  type: 'file',
                  target: path.join(repoRoot, 'catalog/all.yaml'),
                },
              ],
            },
            inventory: {
              schedule: { frequency: { seconds: 5 }, timeout: { minutes: 2 } },
            },
          },
        }),
      ],
    });
    const port = backend.server.port();
    inventoryUrl = `http://localhost:${port}/api/inventory`;
    catalog = catalogApi(
      `http://localhost:${port}/api/catalog`,
      mockCredentials.user.header(),
    );
    // The catalog has settled when two index builds in a row see the same catalog, and
    // gcsweb's canary name (a CNAME in another zone file) reaches it.
    let lastBuild = { builtAt: '', counts: '' };
    let settled = false;
    // Two crawls of 6,300 entities and the catalog's processing of them take 150–200 s on a
    // two-core machine under a full test run: wait well beyond that before giving up.
    await eventually(async () => {
      const { body } = await ask<StatusResponse>('status');
      const counts = `${body.index.entities}/${body.index.relations}/${body.index.links}`;
      if (body.index.builtAt && body.index.builtAt !== lastBuild.builtAt) {
        settled = counts === lastBuild.counts && body.index.entities > 6000;
        lastBuild = { builtAt: body.index.builtAt, counts };
      }
      const placed = await ask<PlacementResponse>(`placement?entity=${GCSWEB}`);
      if (
        !settled ||
        !placed.body.dnsNames?.some(
          d => d.fqdn === 'gcsweb.canary.kubernetes.io.',
        )
      ) {
        throw new Error(
          `not settled (${
            settled ? 'no canary name for gcsweb yet' : 'index still changing'
          }): ${JSON.stringify(body.index)}`,
        );
      }
      return body;
    }, 420_000);
  }, 480_000);

  afterAll(async () => {
    await backend?.stop();
    await github?.stop();
    await gcp?.stop();
  });

  it('says where gcsweb runs, up to the organization, and which names reach it', async () => {
    const { body } = await ask<PlacementResponse>(`placement?entity=${GCSWEB}`);
    expect(body.chains.map(c => c.path.map(p => p.title))).toEqual([
      ['gcsweb', 'gcsweb', 'aaa', 'kubernetes-public', 'kubernetes.io'],
    ]);
    expect(body.chains[0].steps.map(s => s.provenance.kind)).toEqual([
      'declared', // apps/gcsweb manifests in kubernetes/k8s.io
      'declared',
      'observed', // Cloud Asset Inventory
      'observed',
    ]);
    const names = body.dnsNames.map(d => d.fqdn);
    expect(names).toEqual(
      expect.arrayContaining([
        'gcsweb.k8s.io.',
        'gcsweb.kubernetes.io.',
        'gcsweb.canary.kubernetes.io.',
      ]),
    );
    // The canary name reaches gcsweb through a CNAME in another zone file: an inferred link.
    const canary = body.dnsNames.find(
      d => d.fqdn === 'gcsweb.canary.kubernetes.io.',
    )!;
    expect(canary.steps[0].provenance).toMatchObject({
      kind: 'inferred',
      rule: 'dns-cname-target',
    });
    // gcsweb.k8s.io is served by gcsweb because its Ingress names that host: a join of the
    // zone file and the manifests, so inferred, not declared by the zone file.
    const direct = body.dnsNames.find(d => d.fqdn === 'gcsweb.k8s.io.')!;
    expect(direct.steps[0].provenance).toMatchObject({
      kind: 'inferred',
      rule: 'ingress-hostname',
    });
  });

  it('finds who administers k8s-artifacts-prod, inherited from the organization, down to people', async () => {
    const { body } = await ask<AdministratorsResponse>(
      `administrators?entity=${ARTIFACTS_PROD}&pageSize=500`,
    );
    expect(body.grants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          member: 'group:k8s-infra-gcp-org-admins@kubernetes.io',
          roles: expect.arrayContaining(['roles/owner']),
          grantedOn: 'organizations/758905017065',
          inherited: true,
        }),
        expect.objectContaining({
          member: 'group:k8s-infra-artifact-admins@kubernetes.io',
          inherited: false,
        }),
      ]),
    );
    // Everyone behind the grants is on this one page, and counted by power.
    expect(body.people).toHaveLength(
      Object.values(body.peopleCounts).reduce((a, b) => a + b, 0),
    );
    // A person in a group nested in k8s-infra-artifact-admins (groups.yaml).
    const nested = body.people.find(
      p => p.person.ref === 'user:default/adolfo.garcia--uservers.net',
    )!;
    expect(nested.paths[0].steps.map(s => s.relation)).toEqual([
      'memberOf',
      'childOf',
      'administers',
    ]);
    expect(body.owner?.entity.ref).toBe(
      'group:default/k8s-infra-artifact-admins--kubernetes.io',
    );
    expect(body.owner?.unowned).toBe(false);
    // Access by power: the security group reads; billing administration administers nothing.
    const powerOf = (member: string, role: string) =>
      body.grants.find(g => g.member === member && g.roles.includes(role))
        ?.power;
    expect(
      powerOf(
        'group:k8s-infra-artifact-security@kubernetes.io',
        'roles/viewer',
      ),
    ).toBe('read');
    expect(
      powerOf(
        'group:k8s-infra-gcp-org-admins@kubernetes.io',
        'roles/billing.admin',
      ),
    ).toBe('other');
    expect(body.counts.read).toBeGreaterThan(0);
  });

  it('counts every grant on kubernetes-public and lists five rows per power, the next of one power on request', async () => {
    // A project under the kubernetes.io organization: most of its grants are inherited.
    const project = 'resource:default/gcp-project--kubernetes-public';
    const { body: first } = await ask<AdministratorsResponse>(
      `administrators?entity=${project}`,
    );
    expect(first.grants.filter(g => g.inherited).length).toBeGreaterThan(0);
    for (const power of ['administer', 'write', 'read', 'other'] as const) {
      const { body: whole } = await ask<AdministratorsResponse>(
        `administrators?entity=${project}&power=${power}&pageSize=500`,
      );
      expect(whole.grants).toHaveLength(first.rowCounts[power]);
      expect(whole.grants.flatMap(g => g.roles)).toHaveLength(
        first.counts[power],
      );
      expect(first.grants.filter(g => g.power === power)).toEqual(
        whole.grants.slice(0, 5),
      );
      const pages: AdministratorsResponse['grants'] = [];
      for (let offset = 0; offset < first.rowCounts[power]; offset += 4) {
        const { body: page } = await ask<AdministratorsResponse>(
          `administrators?entity=${project}&power=${power}&offset=${offset}&pageSize=4`,
        );
        expect(page.rowCounts).toEqual(first.rowCounts);
        pages.push(...page.grants);
      }
      expect(pages).toEqual(whole.grants);
    }
    expect(first.rowCounts.administer).toBeGreaterThan(5);
  });

  it('gives a staging project to its own group, and says what nobody owns', async () => {
    const { body: staging } = await ask<AdministratorsResponse>(
      'administrators?entity=resource:default/gcp-project--k8s-staging-kind',
    );
    expect(staging.owner).toMatchObject({
      entity: { ref: 'group:default/k8s-infra-staging-kind--kubernetes.io' },
      unowned: false,
      evidence:
        'group:k8s-infra-staging-kind@kubernetes.io holds write roles on projects/k8s-staging-kind (roles/cloudbuild.builds.editor); no group administers it',
    });
    const { body: drift } = await ask<DriftResponse>('drift');
    const unowned = drift.findings.filter(f => f.kind === 'unowned');
    expect(unowned.map(f => f.subject)).toContain('k8s-gsuite');
    // Organization admins administer it by inheritance; that is not ownership.
    const { body: gsuite } = await ask<AdministratorsResponse>(
      'administrators?entity=resource:default/gcp-project--k8s-gsuite',
    );
    expect(gsuite.owner?.unowned).toBe(true);
    expect(gsuite.grants).toContainEqual(
      expect.objectContaining({
        member: 'group:k8s-infra-gcp-org-admins@kubernetes.io',
        roles: expect.arrayContaining(['roles/owner']),
        inherited: true,
      }),
    );
  });

  it('says how to get access to k8s-artifacts-prod and gcsweb: the group, its groups.yaml and who approves it', async () => {
    const { body: project } = await ask<AccessResponse>(
      `access?entity=${ARTIFACTS_PROD}`,
    );
    const routes = project.routes.map(r => r.email);
    // The project's own administrators first; the organization's admins, inherited, later.
    expect(routes[0]).toBe('k8s-infra-artifact-admins@kubernetes.io');
    expect(
      routes.indexOf('k8s-infra-gcp-org-admins@kubernetes.io'),
    ).toBeGreaterThan(
      routes.indexOf('k8s-infra-artifact-security@kubernetes.io'),
    );
    // Declared in groups/sig-k8s-infra/groups.yaml; its first member is on line 405.
    expect(project.routes[0].join).toMatchObject({
      kind: 'pull-request',
      repository: 'kubernetes/k8s.io',
      path: 'groups/sig-k8s-infra/groups.yaml',
      line: 405,
      ownersFile: { file: 'groups/sig-k8s-infra/OWNERS' },
    });
    const join = project.routes[0].join as Extract<
      AccessResponse['routes'][number]['join'],
      { kind: 'pull-request' }
    >;
    // sig-k8s-infra-leads through the directory's OWNERS, and groups/OWNERS's approvers.
    expect(join.approvers?.map(a => a.login)).toEqual(
      expect.arrayContaining(['ameukam', 'thockin']),
    );
    // gcsweb's System names the namespace's RBAC group, declared in sig-testing's file.
    const { body: app } = await ask<AccessResponse>(`access?entity=${GCSWEB}`);
    expect(app.routes[0]).toMatchObject({
      email: 'k8s-infra-rbac-gcsweb@kubernetes.io',
      systems: [expect.objectContaining({ ref: 'system:default/gcsweb' })],
      join: {
        kind: 'pull-request',
        path: 'groups/sig-testing/groups.yaml',
        line: 213,
      },
    });
  });

  it('answers what ameukam can do, with the evidence chain through the org admins group', async () => {
    const { body } = await ask<OwnershipResponse>(
      'ownership?q=ameukam&limit=5000',
    );
    expect(body.identities.map(i => i.entity.ref).sort()).toEqual([
      'user:default/ameukam',
      'user:default/ameukam--gmail.com',
    ]);
    const item = body.items.find(
      i =>
        i.role === 'administers' &&
        i.entity.ref === ARTIFACTS_PROD &&
        i.grant?.startsWith('roles/owner'),
    )!;
    // The chain to the admins group is the group's entry in `groups`, sent once; the item
    // names it in `through` and carries its own steps from the group on.
    expect(item.through).toEqual([
      'user:default/ameukam',
      'user:default/ameukam--gmail.com',
      'group:default/k8s-infra-gcp-org-admins--kubernetes.io',
    ]);
    const evidence = ownershipEvidence(body)(item);
    expect(evidence.map(s => `${s.from} ${s.relation} ${s.to}`)).toEqual([
      'user:default/ameukam sameAs user:default/ameukam--gmail.com',
      'user:default/ameukam--gmail.com memberOf group:default/k8s-infra-gcp-org-admins--kubernetes.io',
      'group:default/k8s-infra-gcp-org-admins--kubernetes.io administers resource:default/gcp-organization--758905017065',
      `resource:default/gcp-organization--758905017065 parentOf ${ARTIFACTS_PROD}`,
    ]);
    expect(evidence.slice(2)).toEqual(item.steps);
    expect(evidence[0].provenance).toMatchObject({
      kind: 'inferred',
      rule: 'email-local-part-is-github-login',
    });
    expect(body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          role: 'leads',
          entity: expect.objectContaining({
            ref: 'group:default/sig-k8s-infra',
          }),
        }),
        // One item per OWNERS entry naming ameukam: apps/OWNERS line 4 covers apps/gcsweb.
        expect.objectContaining({
          role: 'approves',
          path: 'kubernetes/k8s.io/apps',
          rule: expect.objectContaining({ file: 'apps/OWNERS', line: 4 }),
        }),
      ]),
    );
    expect(body.counts.administers).toBeGreaterThan(300);
  });

  it('withholds every person’s address from a caller without personal details', async () => {
    // The oracle: every person's address the catalog holds — Users' profiles and the IAM
    // members granted to people — looked for in each answer as plain text.
    type Grants = Array<{ member?: string }>;
    const { body: users } = await catalog.get<{
      items: Array<{ spec?: { profile?: { email?: string } } }>;
    }>(
      '/entities/by-query?filter=kind=user&fields=spec.profile.email&limit=10000',
    );
    const { body: resources } = await catalog.get<{
      items: Array<{
        spec?: { access?: { grants?: Grants; administrators?: Grants } };
      }>;
    }>(
      '/entities/by-query?filter=kind=resource&fields=spec.access&limit=10000',
    );
    const people = new Set([
      ...users.items.flatMap(u =>
        u.spec?.profile?.email ? [u.spec.profile.email.toLowerCase()] : [],
      ),
      ...resources.items.flatMap(r =>
        [
          ...(r.spec?.access?.grants ?? []),
          ...(r.spec?.access?.administrators ?? []),
        ].flatMap(g =>
          g.member?.startsWith('user:')
            ? [g.member.slice(5).toLowerCase()]
            : [],
        ),
      ),
    ]);
    expect(people.size).toBeGreaterThan(10);
    const outsider = mockCredentials.user.header(OUTSIDER);
    const addressesIn = async (route: string) => {
      const res = await fetch(`${inventoryUrl}/${route}`, {
        headers: { authorization: outsider },
      });
      expect({ route, status: res.status }).toEqual({ route, status: 200 });
      const found =
        (await res.text())
          .toLowerCase()
          .match(/[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+/g) ?? [];
      return [...new Set(found)].filter(address => people.has(address));
    };
    for (const route of [
      // Every person behind the grants, not the first page only, and every row of grants.
      `administrators?entity=${ARTIFACTS_PROD}&pageSize=500`,
      ...['administer', 'write', 'read', 'other'].map(
        power =>
          `administrators?entity=${ARTIFACTS_PROD}&power=${power}&pageSize=500`,
      ),
      `access?entity=${ARTIFACTS_PROD}`,
      'ownership?q=group:default/k8s-infra-gcp-org-admins--kubernetes.io',
      'ownership?q=ameukam&limit=5000',
      `graph?entity=${ARTIFACTS_PROD}&mode=neighbourhood`,
      'explorer',
      'drift',
    ]) {
      expect({ route, people: await addressesIn(route) }).toEqual({
        route,
        people: [],
      });
    }
    // The login does not carry across what ameukam@gmail.com holds.
    const { body } = await ask<OwnershipResponse>(
      'ownership?q=ameukam&limit=5000',
      outsider,
    );
    expect(body.identities.map(i => i.entity.ref)).toEqual([
      'user:default/ameukam',
    ]);
    const evidence = ownershipEvidence(body);
    expect(
      body.items.flatMap(i => evidence(i)).map(s => s.relation),
    ).not.toContain('sameAs');
    expect(body.items.flatMap(i => i.through ?? [])).not.toContain(
      'user:default/ameukam--gmail.com',
    );
    // Eight whole answers over the snapshot (ownership at limit 5,000, the explorer, drift):
    // seconds each on a busy machine, more than Jest's default 5 s in all.
  }, 60_000);

  it('says what breaks if cluster aaa goes down, and whom to tell', async () => {
    // Every entity on one page (pageSize at most 500); the paging test below asks the default.
    const { body } = await ask<ImpactResponse>(
      `impact?entity=${AAA}&depth=2&pageSize=500`,
    );
    const services = body.nodes
      .filter(n => n.entity.type === 'service')
      .map(n => n.entity.title);
    expect(services).toEqual(
      expect.arrayContaining(['gcsweb', 'elekto', 'k8s-io', 'publishing-bot']),
    );
    expect(
      body.nodes.filter(n => n.entity.type === 'k8s-namespace'),
    ).toHaveLength(15);
    // Depth 2 stops before the DNS names that reach those apps, and says so.
    expect(body.cutOff.depthReached).toBe(true);
    expect(body.cutOff.frontier).toBeGreaterThan(0);
    expect(body.owners[0]).toMatchObject({
      owner: { ref: 'group:default/sig-k8s-infra' },
      contacts: expect.arrayContaining([
        { kind: 'slack', value: '#sig-k8s-infra' },
      ]),
    });
  });

  it('counts the whole blast radius of cluster aaa and lists it a page per distance', async () => {
    const whole = (
      await ask<ImpactResponse>(`impact?entity=${AAA}&pageSize=500`)
    ).body;
    const first = (await ask<ImpactResponse>(`impact?entity=${AAA}`)).body;
    expect(first.total).toBe(whole.nodes.length);
    expect(first.distances).toEqual(whole.distances);
    // Every owner on one page: the counts cover them all, the first ten come with the answer.
    const owners = (
      await ask<ImpactResponse>(`impact?entity=${AAA}&list=owners&pageSize=500`)
    ).body.owners;
    expect(first.ownersTotal).toBe(owners.length);
    expect(first.owners).toEqual(owners.slice(0, 10));
    expect(owners.reduce((sum, o) => sum + o.total, 0)).toBe(first.total);
    expect(owners.every(o => o.entities.length <= 3)).toBe(true);
    // The distance with the most entities, paged by 20: page 2 follows page 1.
    const widest = [...first.distances].sort((a, b) => b.total - a.total)[0];
    expect(widest.total).toBeGreaterThan(20);
    const second = (
      await ask<ImpactResponse>(
        `impact?entity=${AAA}&distance=${widest.distance}&offset=20`,
      )
    ).body;
    const atWidest = (answer: ImpactResponse) =>
      answer.nodes
        .filter(n => n.distance === widest.distance)
        .map(n => n.entity.ref);
    expect(second.nodes.every(n => n.distance === widest.distance)).toBe(true);
    expect([...atWidest(first), ...atWidest(second)]).toEqual(
      atWidest(whole).slice(0, 20 + second.nodes.length),
    );
    expect(atWidest(first)).toHaveLength(20);
  });

  it('names whom to tell if the kubernetes-public project goes down, ten owners at a time', async () => {
    const project = 'resource:default/gcp-project--kubernetes-public';
    const first = (await ask<ImpactResponse>(`impact?entity=${project}`)).body;
    const owners = (
      await ask<ImpactResponse>(
        `impact?entity=${project}&list=owners&pageSize=500`,
      )
    ).body.owners;
    expect(first.ownersTotal).toBe(owners.length);
    expect(first.owners).toEqual(owners.slice(0, 10));
    expect(owners.map(o => o.owner.ref)).toContain(
      'group:default/sig-k8s-infra',
    );
    // Each owner counted once, with all of their entities the walk reached.
    expect(owners.reduce((sum, o) => sum + o.total, 0)).toBe(first.total);
    // The pages of ten follow one another without overlap or gap.
    const paged: ImpactResponse['owners'] = [];
    for (let offset = 0; offset < first.ownersTotal; offset += 10) {
      const { status, body } = await ask<ImpactResponse>(
        `impact?entity=${project}&list=owners&offset=${offset}`,
      );
      expect(status).toBe(200);
      expect(body.ownersOffset).toBe(offset);
      expect(body.nodes).toEqual([]);
      paged.push(...body.owners);
    }
    expect(paged).toEqual(owners);
  });

  it('reports drift between what git declares and what GCP has', async () => {
    const { body } = await eventually(async () => {
      const answer = await ask<DriftResponse>('drift');
      return answer.body.counts['undeclared-project'] ? answer : undefined;
    });
    const about = (kind: string) => body.findings.filter(f => f.kind === kind);
    expect(about('missing-secret').map(f => f.subject)).toContain(
      'resource:default/gcp-secret--kubernetes-public--k8s-infra-prow-sa-key',
    );
    expect(about('alias-leadership-mismatch').map(f => f.subject)).toContain(
      'group:default/kubernetes--k8s.io--wg-policy-leads',
    );
    expect(about('workload-identity-orphan').length).toBeGreaterThan(0);
    expect(about('emeritus-still-active').map(f => f.subject)).toContain(
      'spiffxp',
    );
    expect(about('dangling-principal').map(f => f.subject)).toContain(
      'user:twaggoner@linuxfoundation.org',
    );
    // An observed finding cites the resource and its console page.
    expect(about('undeclared-project')[0].evidence).toEqual([
      expect.objectContaining({
        kind: 'observed',
        url: expect.stringContaining('console.cloud.google.com'),
      }),
    ]);
    expect(about('ambiguous-link').map(f => f.subject)).toContain(
      'user:default/hh',
    );
    // Bindings into prow's own projects, outside the organization, are not orphans.
    expect(
      about('dangling-reference').some(f =>
        f.message.includes('k8s-prow, a project outside the crawled estate'),
      ),
    ).toBe(true);
    expect(about('undeclared-project').map(f => f.subject)).toContain(
      'k8s-infra-oci-proxy-prod',
    );
  });

  it('puts the links it resolved into the catalog, where catalog-graph sees them', async () => {
    const zone = await catalog.entity(
      'resource:dns-zone--k8s.io',
      e => (e.relations ?? []).some(r => r.type === 'runsOn'),
      150_000,
    );
    expect(
      zone.relations?.filter(r => r.type === 'runsOn').map(r => r.targetRef),
    ).toHaveLength(1);
    const links = await ask<LinksResponse>(
      'links',
      mockCredentials.service.header(),
    );
    const zoneLink = links.body.links.find(
      l => l.source === 'resource:default/dns-zone--k8s.io',
    )!;
    expect(zoneLink.provenance).toMatchObject({
      kind: 'inferred',
      rule: 'cloud-dns-zone-named-after-domain',
    });
    // Users read links through the answers that use them, not the raw feed.
    expect((await ask('links')).status).toBe(403);
  }, 200_000);

  it('reports each provider and the index in its status', async () => {
    const { body } = await ask<StatusResponse>('status');
    expect(body.providers.map(p => p.provider).sort()).toEqual([
      'gcp-inventory:k8sInfra',
      'github-inventory:k8sInfra',
    ]);
    expect(body.providers.every(p => p.lastRun?.state === 'complete')).toBe(
      true,
    );
    expect(body.providers.every(p => p.staleSeconds !== undefined)).toBe(true);
    expect(body.index.entities).toBeGreaterThan(6000);
    // hh, ehashman and spiffxp each have two addresses with their login as local part.
    expect(body.index.ambiguous).toBe(3);
  });

  it('answers bad questions with a clear 4xx', async () => {
    expect((await ask('placement')).status).toBe(400);
    expect((await ask('placement?entity=component:default/nope')).status).toBe(
      404,
    );
    expect((await ask(`impact?entity=${AAA}&depth=99`)).status).toBe(400);
    expect((await ask('ownership?q=nobody-at-all')).status).toBe(404);
  });
});
