/*
 * The backend's catalog, configured as app-config.yaml configures it, reads the hand-written
 * entities in catalog/ and serves them through the catalog REST API — on SQLite (the demo's
 * embedded default) and on a real PostgreSQL (production). scripts/test.sh starts PostgreSQL
 * and sets ATLAS_TEST_POSTGRES_URL.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { ConfigReader } from '@backstage/config';
import { loadConfig } from '@backstage/config-loader';
import path from 'node:path';
import { testDatabases } from '@infra-atlas/test-utils';

const repoRoot = path.resolve(__dirname, '../../..');

async function appConfigCatalogSection() {
  const { appConfigs } = await loadConfig({
    configRoot: repoRoot,
    configTargets: [{ path: path.join(repoRoot, 'app-config.yaml') }],
  });
  return ConfigReader.fromConfigs(appConfigs).get<Record<string, unknown>>(
    'catalog',
  );
}

describe.each(testDatabases())('hand-written catalog on $name', db => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let baseUrl: string;

  beforeAll(async () => {
    const catalog = await appConfigCatalogSection();
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        mockServices.rootConfig.factory({
          data: {
            backend: { database: db.config() },
            catalog: {
              ...catalog,
              // The configured path is relative to the backend's working directory.
              locations: [
                {
                  type: 'file',
                  target: path.join(repoRoot, 'catalog/all.yaml'),
                },
              ],
            },
          },
        }),
      ],
    });
    baseUrl = `http://localhost:${backend.server.port()}/api/catalog`;
  }, 120_000);

  afterAll(async () => {
    await backend?.stop();
    await db.cleanup();
  });

  async function getEntity(ref: string): Promise<Entity> {
    const [kind, name] = ref.split(':');
    const url = `${baseUrl}/entities/by-name/${kind}/default/${name}`;
    // Entities appear once the processing loop has read the files; poll until then.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await fetch(url, {
        headers: { Authorization: mockCredentials.user.header() },
      });
      if (res.ok) return (await res.json()) as Entity;
      if (res.status !== 404 || Date.now() > deadline) {
        throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }

  it('serves the domain, owned by sig-k8s-infra', async () => {
    const domain = await getEntity('domain:k8s-infra');
    expect(domain.metadata.title).toBe('Kubernetes community infrastructure');
    expect(domain.spec?.owner).toBe('group:sig-k8s-infra');
  });

  it.each([
    'registry-k8s-io',
    'image-promotion',
    'k8s-dns',
    'publishing-bot',
    'gcsweb',
    'billing-report',
  ])('serves system %s in the domain with its runbook', async name => {
    const system = await getEntity(`system:${name}`);
    expect(system.spec).toMatchObject({
      owner: 'group:sig-k8s-infra',
      domain: 'k8s-infra',
    });
    expect(system.metadata.annotations?.['backstage.io/techdocs-ref']).toBe(
      'dir:.',
    );
    expect(
      system.metadata.annotations?.['backstage.io/managed-by-location'],
    ).toBe(`file:${repoRoot}/docs/runbooks/${name}/catalog-info.yaml`);
    expect(system.relations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'ownedBy',
          targetRef: 'group:default/sig-k8s-infra',
        }),
        expect.objectContaining({
          type: 'partOf',
          targetRef: 'domain:default/k8s-infra',
        }),
      ]),
    );
  });

  it('serves the Infra Atlas component whose docs are the project docs', async () => {
    const component = await getEntity('component:infra-atlas');
    expect(component.metadata.annotations?.['backstage.io/techdocs-ref']).toBe(
      'dir:.',
    );
    expect(
      component.metadata.annotations?.['backstage.io/managed-by-location'],
    ).toBe(`file:${repoRoot}/catalog-info.yaml`);
  });
});
