/*
 * The provider against the GCP emulator seeded with the k8s-infra snapshot, through the
 * official clients: what each kind of fault does to the catalog. A fake connection records
 * the mutations, so every test can check that nothing that existed was deleted.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { DeferredEntity } from '@backstage/plugin-catalog-node';
import {
  GcpEmulator,
  GcpEstate,
  generateSyntheticGcpEstate,
  loadK8sInfraGcpEstate,
  startGcpEmulator,
} from '@infra-atlas/emulators';
import { RecordingConnection, inMemoryDatabase } from '@infra-atlas/test-utils';
import { createGcpClients } from '../lib/clients';
import {
  GcpInventoryProviderConfig,
  parseScope,
  DEFAULT_ASSET_TYPES,
} from '../lib/config';
import { CrawlRunStore } from '@infra-atlas/plugin-inventory-node';
import { defaultRoleRules } from '../transform/access';
import { GcpInventoryProvider } from './GcpInventoryProvider';

const ORG = 'organizations/758905017065';

const names = (entities: DeferredEntity[]) =>
  entities.map(d => d.entity.metadata.name);

describe('GcpInventoryProvider against the emulator', () => {
  // Each test crawls the snapshot (10,346 assets with their configuration) once or twice.
  jest.setTimeout(30_000);
  const estate = loadK8sInfraGcpEstate();
  let emulator: GcpEmulator;
  let db: ReturnType<typeof inMemoryDatabase>;
  let store: CrawlRunStore;

  beforeAll(async () => {
    emulator = await startGcpEmulator({ estate });
  });
  afterAll(async () => {
    await emulator.stop();
  });
  beforeEach(async () => {
    emulator.setFaults([]);
    emulator.resetCounts();
    db = inMemoryDatabase();
    store = await CrawlRunStore.create(db.database);
  });
  afterEach(async () => {
    await db.destroy();
  });

  async function provider(
    options: {
      target?: GcpEmulator;
      scopes?: string[];
      timeoutMs?: number;
    } = {},
  ) {
    const target = options.target ?? emulator;
    const logger = mockServices.logger.mock();
    const config: GcpInventoryProviderConfig = {
      id: 'test',
      scopes: (options.scopes ?? [ORG]).map(parseScope),
      assetTypes: DEFAULT_ASSET_TYPES,
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
      removalCeiling: 0.2,
      owners: {
        labelKeys: ['owner', 'team'],
        projects: [],
      },
      roles: defaultRoleRules(),
      quotas: {
        searchAllResources: 400,
        searchAllIamPolicies: 400,
        resourceManagerList: 600,
        resourceManagerGet: 600,
      },
      connection: {
        endpoint: '127.0.0.1',
        port: target.port,
        insecure: true,
        timeoutMs: options.timeoutMs ?? 10_000,
      },
      credentials: {},
      principals: { declaredElsewhere: [], emitUsers: true },
    };
    const clients = createGcpClients(config.connection, config.credentials);
    const instance = new GcpInventoryProvider(config, {
      logger,
      taskRunner: { run: async () => {} },
      store,
      clients: () => clients,
      retry: { maxAttempts: 3, baseDelayMs: 5 },
    });
    const connection = new RecordingConnection();
    await instance.connect(connection);
    return {
      instance,
      connection,
      logger,
      close: async () => (await clients).close(),
    };
  }

  /** One complete crawl of an estate on its own emulator: the run, its entities, its requests. */
  async function crawlWhole(target: GcpEstate) {
    const own = await startGcpEmulator({ estate: target });
    try {
      const p = await provider({
        target: own,
        scopes: [target.organizations[0].name],
      });
      const run = await p.instance.refresh();
      await p.close();
      const entities = (
        p.connection.last as { entities: DeferredEntity[] }
      ).entities.map(d => d.entity);
      return { run, entities, requests: own.requestCounts() };
    } finally {
      await own.stop();
    }
  }

  it('replaces the catalog after a complete crawl, with few requests', async () => {
    const p = await provider();
    const run = await p.instance.refresh();
    await p.close();

    expect(run).toMatchObject({
      outcome: 'complete',
      applied: 'full',
      errors: [],
    });
    expect(run.entities).toMatchObject({
      'gcp-organization': 1,
      'gcp-project': 327,
      'gke-cluster': 3,
      'gcs-bucket': 3266,
      'gcp-service-account': 354,
      'gcp-secret': 56,
      'dns-zone': 14,
    });
    const mutation = p.connection.last;
    expect(mutation.type).toBe('full');
    expect(
      names((mutation as { entities: DeferredEntity[] }).entities),
    ).toContain('gke-cluster--kubernetes-public--us-central1--aaa');
    // A custom role's power is what its permissions do: k8s-infra's prow.viewer can create
    // and delete instances, so its holders can change the projects it is granted on.
    const boskos = (mutation as { entities: DeferredEntity[] }).entities.find(
      d => d.entity.metadata.name === 'gcp-project--k8s-infra-e2e-boskos-001',
    )!.entity;
    expect(
      (boskos.spec as any).access.grants.find((g: any) =>
        g.role.endsWith('/roles/prow.viewer'),
      ),
    ).toMatchObject({ power: 'write' });
    // One organization, one level of listing, and 500 per page for 4,016 resources with
    // their configuration, 6,322 enabled APIs and 8 custom roles.
    expect(emulator.requestCounts()).toMatchObject({
      'Organizations/GetOrganization': 1,
      'Projects/ListProjects': 1,
      'Folders/ListFolders': 1,
      'AssetService/SearchAllResources': 21,
    });
  });

  it('retries UNAVAILABLE in the middle of pagination and completes', async () => {
    emulator.setFaults([
      {
        method: 'AssetService/SearchAllResources',
        code: 'UNAVAILABLE',
        afterCalls: 3,
        times: 2,
      },
    ]);
    const p = await provider();
    const run = await p.instance.refresh();
    await p.close();
    expect(run).toMatchObject({ outcome: 'complete', applied: 'full' });
    expect(run.retries).toEqual({ 'AssetService/SearchAllResources': 2 });
  });

  it('retries RESOURCE_EXHAUSTED and completes', async () => {
    emulator.setFaults([
      {
        method: 'AssetService/SearchAllIamPolicies',
        code: 'RESOURCE_EXHAUSTED',
        times: 1,
      },
    ]);
    const p = await provider();
    const run = await p.instance.refresh();
    await p.close();
    expect(run).toMatchObject({ outcome: 'complete', applied: 'full' });
    expect(run.retries).toEqual({ 'AssetService/SearchAllIamPolicies': 1 });
  });

  it('removes nothing when pagination keeps failing, and says where', async () => {
    const first = await provider();
    await first.instance.refresh();
    await first.close();

    emulator.setFaults([
      {
        method: 'AssetService/SearchAllResources',
        code: 'UNAVAILABLE',
        afterCalls: 4,
      },
    ]);
    const p = await provider();
    const run = await p.instance.refresh();
    await p.close();

    expect(run).toMatchObject({ outcome: 'partial', applied: 'upsert-only' });
    expect(p.connection.last).toMatchObject({ type: 'delta', removed: [] });
    expect(p.logger.error).toHaveBeenCalledWith(
      expect.stringMatching(
        /search resources failed for organizations\/758905017065: 14 UNAVAILABLE/,
      ),
    );
    // The catalog still holds every entity of the first run.
    const stored = await store.lastAppliedRefs('gcp-inventory:test');
    expect(stored).toContain(
      'resource:default/gke-cluster--kubernetes-public--us-central1--aaa',
    );
    expect(stored?.length).toBeGreaterThan(4000);
  });

  it('changes nothing when IAM policies cannot be read, nor after a timeout', async () => {
    emulator.setFaults([
      {
        method: 'AssetService/SearchAllIamPolicies',
        code: 'RESOURCE_EXHAUSTED',
      },
    ]);
    const p = await provider();
    const run = await p.instance.refresh();
    await p.close();
    expect(run).toMatchObject({ outcome: 'partial', applied: 'none' });
    expect(p.connection.mutations).toEqual([]);

    emulator.setFaults([
      { method: 'AssetService/SearchAllIamPolicies', hangMs: 3_000 },
    ]);
    // Long enough for a resource page with its configuration on a busy machine.
    const slow = await provider({ timeoutMs: 1_000 });
    const timedOut = await slow.instance.refresh();
    await slow.close();
    expect(timedOut).toMatchObject({ outcome: 'partial', applied: 'none' });
    expect(timedOut.retries).toEqual({
      'AssetService/SearchAllIamPolicies': 2,
    });
    expect(slow.logger.error).toHaveBeenCalledWith(
      expect.stringMatching(/search IAM policies failed .*DEADLINE_EXCEEDED/),
    );
    expect(slow.connection.mutations).toEqual([]);
  });

  it('keeps the projects it can read when one project is denied', async () => {
    emulator.setFaults([
      {
        method: 'AssetService/SearchAllResources',
        code: 'PERMISSION_DENIED',
        when: request =>
          (request as { scope?: string }).scope ===
          'projects/k8s-artifacts-prod',
      },
    ]);
    const p = await provider({
      scopes: ['projects/kubernetes-public', 'projects/k8s-artifacts-prod'],
    });
    const run = await p.instance.refresh();
    await p.close();

    expect(run).toMatchObject({ outcome: 'partial', applied: 'upsert-only' });
    expect(run.retries).toEqual({}); // PERMISSION_DENIED is not transient
    const added = names(
      (p.connection.last as { added: DeferredEntity[] }).added,
    );
    expect(added).toEqual(
      expect.arrayContaining([
        'gcp-project--kubernetes-public',
        'gcp-project--k8s-artifacts-prod',
        'gke-cluster--kubernetes-public--us-central1--aaa',
      ]),
    );
    expect(p.logger.error).toHaveBeenCalledWith(
      expect.stringMatching(
        /search resources failed for projects\/k8s-artifacts-prod: 7 PERMISSION_DENIED/,
      ),
    );
  });

  it('refuses to empty the catalog when the organization comes back empty', async () => {
    const first = await provider();
    await first.instance.refresh();
    await first.close();

    const empty: GcpEstate = {
      ...estate,
      folders: [],
      projects: [],
      assets: [],
    };
    const emptyEmulator = await startGcpEmulator({ estate: empty });
    try {
      const p = await provider({ target: emptyEmulator });
      const run = await p.instance.refresh();
      await p.close();
      expect(run).toMatchObject({
        outcome: 'complete',
        applied: 'upsert-only',
      });
      expect(p.connection.last).toMatchObject({ type: 'delta', removed: [] });
      expect(p.logger.error).toHaveBeenCalledWith(
        expect.stringMatching(
          /would remove \d+ of \d+ entities, more than the removal ceiling of 20%/,
        ),
      );
    } finally {
      await emptyEmulator.stop();
    }
  });

  it('walks nested folders and places every project under its folder', async () => {
    const nested = generateSyntheticGcpEstate({
      projects: 40,
      folderDepth: 3,
      foldersPerFolder: 2,
      assetsPerProject: 2,
    });
    const { run, entities, requests } = await crawlWhole(nested);
    expect(run).toMatchObject({ outcome: 'complete', applied: 'full' });
    expect(run.entities['gcp-folder']).toBe(nested.folders.length);
    expect(run.entities['gcp-project']).toBe(40);
    // One ListFolders and one ListProjects per parent: the organization and each folder.
    expect(requests).toMatchObject({
      'Folders/ListFolders': nested.folders.length + 1,
      'Projects/ListProjects': nested.folders.length + 1,
    });
    const refs = new Set(
      entities.map(e => `resource:default/${e.metadata.name}`),
    );
    const projects = entities.filter(e => e.spec?.type === 'gcp-project');
    for (const project of projects) {
      expect(refs).toContain(project.spec?.parent);
    }
    expect(
      projects.some(e => String(e.spec?.parent).includes('gcp-folder--')),
    ).toBe(true);
  });

  it('resolves owners and conditions on a synthetic estate with other habits', async () => {
    const synthetic = generateSyntheticGcpEstate({
      projects: 40,
      folderDepth: 1,
      foldersPerFolder: 2,
      assetsPerProject: 1,
    });
    const { run, entities } = await crawlWhole(synthetic);
    expect(run).toMatchObject({ outcome: 'complete', applied: 'full' });
    const byProject = new Map(
      entities
        .filter(e => e.spec?.type === 'gcp-project')
        .map(e => [(e.spec as any)?.gcp?.projectId as string, e]),
    );
    const projectAt = (index: number) =>
      byProject.get(synthetic.projects[index].projectId)!;
    const evidence = (index: number) =>
      projectAt(index).metadata.annotations?.['infra-atlas.io/owner-evidence'];
    const team = (index: number) =>
      synthetic.projects[index].projectId.split('-')[0];

    // A team label names the team's group, which IAM knows.
    expect(projectAt(0).spec?.owner).toBe(
      `group:default/${team(0)}--example.com`,
    );
    expect(evidence(0)).toBe(
      `label team=${team(0)} on projects/${
        synthetic.projects[0].projectId
      } names group ${team(0)}@example.com`,
    );
    // A person's name names the person, not a phantom group.
    const person = synthetic.projects[3].labels.owner;
    expect(projectAt(3).spec?.owner).toMatch(
      new RegExp(`^(user:default/${person}--example.com|group:default/.*)$`),
    );
    expect(projectAt(3).spec?.owner).not.toBe(`group:default/${person}`);
    // Someone who left: reported, and the team label applies next.
    expect(evidence(5)).toMatch(
      /^unresolved label owner=former-employee on projects\/\S+: it names no group or person in any IAM policy; label team=/,
    );
    expect(projectAt(5).spec?.owner).toBe(
      `group:default/${team(5)}--example.com`,
    );

    // Break-glass grants keep their condition and never administer permanently.
    const access = (index: number) => projectAt(index).spec?.access as any;
    for (const [index, status] of [
      [9, 'break-glass'],
      [2, 'incident 2024-17'],
    ] as const) {
      const oncall = access(index).grants.find(
        (g: any) => g.member === 'group:sre-oncall@example.com',
      );
      expect(oncall).toMatchObject({
        role: 'roles/owner',
        power: 'administer',
        condition: { title: status },
      });
      expect(
        access(index).administrators.map((a: any) => a.member),
      ).not.toContain('group:sre-oncall@example.com');
    }
    expect(
      access(2).grants.find(
        (g: any) => g.member === 'group:sre-oncall@example.com',
      ).condition.expiresAt,
    ).toBe('2024-03-01T00:00:00.000Z');
    // Billing administrators administer nothing.
    const org = entities.find(e => e.spec?.type === 'gcp-organization')!;
    expect(
      (org.spec as any).access.administrators.map((a: any) => a.member),
    ).not.toContain('group:gcp-billing-admins@example.com');
  });

  describe('a denied listing in an estate with folders', () => {
    const nested = generateSyntheticGcpEstate({
      projects: 30,
      folderDepth: 2,
      foldersPerFolder: 2,
      assetsPerProject: 3,
    });
    let nestedEmulator: GcpEmulator;
    beforeAll(async () => {
      nestedEmulator = await startGcpEmulator({ estate: nested });
    });
    afterAll(async () => {
      await nestedEmulator.stop();
    });

    it('keeps the folders beside it, and never makes an entity worse', async () => {
      const scopes = [nested.organizations[0].name];
      const first = await provider({ target: nestedEmulator, scopes });
      await first.instance.refresh();
      await first.close();
      const before = new Map(
        (first.connection.last as { entities: DeferredEntity[] }).entities.map(
          d => [d.entity.metadata.name, d.entity],
        ),
      );

      // The project listing of a folder that has sub-folders is denied; its folder listing
      // is not, so everything below the sub-folders is still read.
      const denied = nested.folders.find(f =>
        nested.folders.some(child => child.parent === f.name),
      )!;
      nestedEmulator.setFaults([
        {
          method: 'Projects/ListProjects',
          code: 'PERMISSION_DENIED',
          when: request =>
            (request as { parent?: string }).parent === denied.name,
        },
      ]);
      const p = await provider({ target: nestedEmulator, scopes });
      const run = await p.instance.refresh();
      await p.close();
      nestedEmulator.setFaults([]);

      expect(run).toMatchObject({ outcome: 'partial', applied: 'upsert-only' });
      expect(run.errors).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            new RegExp(`^list projects ${denied.name}: 7 PERMISSION_DENIED`),
          ),
          expect.stringMatching(
            /^place hierarchy: \d+ node\(s\) read without their parent chain keep their last known state/,
          ),
        ]),
      );
      const added = (
        p.connection.last as { added: DeferredEntity[] }
      ).added.map(d => d.entity);
      // Every folder was read, those below the denied one included.
      expect(added.filter(e => e.spec?.type === 'gcp-folder')).toHaveLength(
        nested.folders.length,
      );
      const deniedProjects = nested.projects.filter(
        pr => pr.parent === denied.name,
      );
      expect(deniedProjects.length).toBeGreaterThan(0);
      for (const project of deniedProjects) {
        const number = project.name.split('/')[1];
        // Neither the project nor its resources: not renamed under the number, not
        // re-owned, not re-parented. They keep their state from the first run.
        expect(
          added.filter(
            e =>
              e.metadata.name.includes(project.projectId) ||
              e.metadata.name.includes(number),
          ),
        ).toEqual([]);
      }
      // What was emitted is exactly as good as before: same parent, same owner.
      expect(added.length).toBeGreaterThan(0);
      for (const entity of added) {
        const previous = before.get(entity.metadata.name);
        expect(previous).toBeDefined();
        expect(entity.spec?.parent).toEqual(previous!.spec?.parent);
        expect(entity.spec?.owner).toEqual(previous!.spec?.owner);
      }
      // And the catalog still holds all of the first run's entities.
      const stored = new Set(await store.lastAppliedRefs('gcp-inventory:test'));
      for (const name of before.keys()) {
        expect(
          stored.has(`${before.get(name)!.kind.toLowerCase()}:default/${name}`),
        ).toBe(true);
      }
    });
  });
});
