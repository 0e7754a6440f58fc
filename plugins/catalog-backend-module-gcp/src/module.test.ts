/*
 * The module in a real catalog backend, on SQLite and on PostgreSQL, crawling the GCP
 * emulator seeded with the k8s-infra snapshot through the official clients. The assertions
 * are questions a user asks, answered through the catalog REST API.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  GcpEmulator,
  loadK8sInfraGcpEstate,
  startGcpEmulator,
} from '@infra-atlas/emulators';
import { gcpCustomRoleEntityName } from '@infra-atlas/inventory-common';
import catalogModuleInventoryRelations from '@infra-atlas/plugin-catalog-backend-module-inventory';
import { catalogApi, testDatabases } from '@infra-atlas/test-utils';
import gcpModule from './index';

describe.each(testDatabases())('GCP inventory in the catalog on $name', db => {
  let emulator: GcpEmulator;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let baseUrl: string;

  beforeAll(async () => {
    emulator = await startGcpEmulator({ estate: loadK8sInfraGcpEstate() });
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        gcpModule,
        catalogModuleInventoryRelations,
        mockServices.rootConfig.factory({
          data: {
            backend: { database: db.config() },
            catalog: {
              rules: [{ allow: ['Resource', 'Group', 'User'] }],
              providers: {
                gcpInventory: {
                  k8sInfra: {
                    scopes: ['organizations/758905017065'],
                    connection: {
                      endpoint: '127.0.0.1',
                      port: emulator.port,
                      insecure: true,
                    },
                    schedule: {
                      frequency: { minutes: 60 },
                      timeout: { minutes: 5 },
                    },
                  },
                },
              },
            },
          },
        }),
      ],
    });
    baseUrl = `http://localhost:${backend.server.port()}/api/catalog`;
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
    await emulator?.stop();
    await db.cleanup();
  });

  const api = () => catalogApi(baseUrl, mockCredentials.user.header());
  const get = <T>(path: string) => api().get<T>(path);
  const entity = (
    ref: string,
    ready?: (e: Entity) => boolean,
    timeoutMs?: number,
  ) => api().entity(ref, ready, timeoutMs);
  // The first test waits for the whole k8s-infra crawl to be processed (its jest timeout is
  // this and 30 s): on SQLite, beside the other suites of a CI run, that once took longer
  // than two minutes.
  const FIRST_CRAWL_MS = 240_000;

  const hasRelations = (e: Entity) => (e.relations ?? []).length > 0;

  it('places cluster aaa in project kubernetes-public, in the organization', async () => {
    const cluster = await entity(
      'resource:gke-cluster--kubernetes-public--us-central1--aaa',
      hasRelations,
      FIRST_CRAWL_MS,
    );
    expect(cluster.metadata.title).toBe('aaa');
    expect(cluster.spec).toMatchObject({
      type: 'gke-cluster',
      gcp: { location: 'us-central1', projectId: 'kubernetes-public' },
    });
    expect(cluster.relations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'childOf',
          targetRef: 'resource:default/gcp-project--kubernetes-public',
        }),
      ]),
    );
    const project = await entity(
      'resource:gcp-project--kubernetes-public',
      hasRelations,
    );
    expect(project.relations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'childOf',
          targetRef: 'resource:default/gcp-organization--758905017065',
        }),
        expect.objectContaining({
          type: 'parentOf',
          targetRef:
            'resource:default/gke-cluster--kubernetes-public--us-central1--aaa',
        }),
      ]),
    );
  }, 270_000);

  it('says who administers k8s-artifacts-prod: org admins by inheritance, artifact admins directly', async () => {
    const project = await entity(
      'resource:gcp-project--k8s-artifacts-prod',
      hasRelations,
    );
    const admins = (project.spec as any).access.administrators as Array<
      Record<string, unknown>
    >;
    expect(admins).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          member: 'group:k8s-infra-gcp-org-admins@kubernetes.io',
          role: 'roles/owner',
          inherited: true,
          grantedOn: 'organizations/758905017065',
        }),
        expect.objectContaining({
          member: 'group:k8s-infra-artifact-admins@kubernetes.io',
          role: 'roles/run.admin',
          inherited: false,
          grantedOn: 'projects/k8s-artifacts-prod',
        }),
      ]),
    );
    expect(project.relations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'administeredBy',
          targetRef: 'group:default/k8s-infra-gcp-org-admins--kubernetes.io',
        }),
        expect.objectContaining({
          type: 'administeredBy',
          targetRef: 'group:default/k8s-infra-artifact-admins--kubernetes.io',
        }),
      ]),
    );
    const orgAdmins = await entity(
      'group:k8s-infra-gcp-org-admins--kubernetes.io',
      hasRelations,
    );
    expect(orgAdmins.spec).toMatchObject({
      type: 'google-group',
      profile: { email: 'k8s-infra-gcp-org-admins@kubernetes.io' },
    });
    expect(orgAdmins.relations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'administers',
          targetRef: 'resource:default/gcp-project--k8s-artifacts-prod',
        }),
      ]),
    );
  }, 150_000);

  it('finds the world-readable buckets', async () => {
    await entity('resource:gcs-bucket--k8s-artifacts-prod');
    const { body } = await get<Entity[]>(
      '/entities?filter=kind=resource,spec.type=gcs-bucket,metadata.tags=public&fields=metadata.name,metadata.annotations',
    );
    const publicBuckets = body.map(e => e.metadata.name);
    expect(publicBuckets).toContain('gcs-bucket--k8s-artifacts-prod');
    const bucket = body.find(
      e => e.metadata.name === 'gcs-bucket--k8s-artifacts-prod',
    )!;
    expect(
      bucket.metadata.annotations?.['infra-atlas.io/public-access'],
    ).toMatch(/allUsers=roles\/storage\.objectViewer/);
    // Only buckets with a public grant carry the tag.
    const { body: all } = await get<Entity[]>(
      '/entities?filter=kind=resource,spec.type=gcs-bucket&fields=metadata.name',
    );
    expect(publicBuckets.length).toBeGreaterThan(0);
    expect(publicBuckets.length).toBeLessThan(all.length);
  }, 150_000);

  it('carries the configuration of buckets, clusters, APIs and custom roles', async () => {
    const bucket = await entity('resource:gcs-bucket--k8s-artifacts-prod');
    expect(bucket.spec?.gcp).toMatchObject({
      configuration: {
        storageClass: 'STANDARD',
        retention: 'unlocked',
        retentionPeriodSeconds: 315576000,
        versioning: false,
        uniformBucketLevelAccess: true,
        publicAccessPrevention: 'inherited',
      },
    });
    const cluster = await entity(
      'resource:gke-cluster--kubernetes-public--us-central1--aaa',
    );
    expect(cluster.spec?.gcp).toMatchObject({
      configuration: {
        version: '1.27.11-gke.1062001',
        releaseChannel: 'REGULAR',
        workloadPool: 'kubernetes-public.svc.id.goog',
        machineTypes: ['e2-highmem-4', 'n1-standard-2', 'n1-standard-4'],
      },
    });
    expect((cluster.spec?.gcp as any).configuration.nodePools[0]).toMatchObject(
      {
        machineType: 'n1-standard-2',
        serviceAccount:
          'gke-nodes-aaa@kubernetes-public.iam.gserviceaccount.com',
        autoscaling: { enabled: true, minNodeCount: 1, maxNodeCount: 20 },
      },
    );

    const project = await entity('resource:gcp-project--kubernetes-public');
    expect((project.spec?.gcp as any).enabledServices).toContain(
      'container.googleapis.com',
    );
    // Enabled APIs are a field of their project, never entities.
    const { body: services } = await get<Entity[]>(
      '/entities?filter=kind=resource,spec.type=gcp-serviceusage-service&fields=metadata.name',
    );
    expect(services).toEqual([]);

    // Role IDs are case-sensitive, so this one's name carries the naming scheme's hash.
    const role = await entity(
      `resource:${gcpCustomRoleEntityName(
        'projects/k8s-infra-ii-sandbox/roles/BigQueryAsnEtlCi',
      )}`,
    );
    expect(role.spec).toMatchObject({
      type: 'gcp-custom-role',
      gcp: {
        configuration: {
          role: 'projects/k8s-infra-ii-sandbox/roles/BigQueryAsnEtlCi',
          permissions: ['bigquery.jobs.create'],
        },
      },
    });
  }, 150_000);

  it('reports the last crawl', async () => {
    await entity('resource:gcp-organization--758905017065');
    const { status, body } = await get<{
      providers: Array<{
        id: string;
        status: Record<string, any>;
        runs: Array<Record<string, any>>;
      }>;
    }>('/gcp-inventory/status');
    expect(status).toBe(200);
    const [run] = body.providers[0].runs;
    expect(body.providers[0].id).toBe('gcp-inventory:k8sInfra');
    expect(body.providers[0].status).toMatchObject({
      provider: 'gcp-inventory:k8sInfra',
      lastRun: { state: 'complete' },
      lastSuccess: run.finishedAt,
    });
    expect(run).toMatchObject({
      outcome: 'complete',
      applied: 'full',
      errors: [],
    });
    expect(run.entities['gcp-project']).toBe(327);
    expect(run.entityCount).toBeGreaterThan(4000);
    expect(run).not.toHaveProperty('entityRefs');
  }, 150_000);
});
