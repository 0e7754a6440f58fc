/*
 * Search as the backend runs it (search backend, catalog collator, the inventory's identifiers
 * and engine) over an estate shaped like the k8s-infra demo: a term that is an identifier or a
 * name finds its entity first, a System or project before the buckets and records named after
 * it; the same on SQLite (Lunr in memory) and PostgreSQL (full text).
 */
import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import searchPlugin from '@backstage/plugin-search-backend';
import searchModuleCatalogCollator from '@backstage/plugin-search-backend-module-catalog';
import { entity, testDatabases } from '@infra-atlas/test-utils';
import {
  searchModuleInventoryEngine,
  searchModuleInventoryIdentifiers,
} from './module';
import { SEARCH_STATUS_TYPE } from './RankedSearchEngine';

const inProject = (project: string) => ({
  'infra-atlas.io/gcp-project-id': project,
});

const bucket = (name: string, project: string) =>
  entity(`resource:gcs-bucket--${name}`, {
    type: 'gcs-bucket',
    title: name,
    annotations: {
      ...inProject(project),
      'infra-atlas.io/gcp-resource-name': `//storage.googleapis.com/projects/_/buckets/${name}`,
    },
  });

const record = (fqdn: string, values: string[]) =>
  entity(`resource:dns-record--${fqdn.replace(/[^a-z0-9]+/g, '-')}`, {
    type: 'dns-record',
    title: fqdn,
    spec: { fqdn: `${fqdn}.`, values },
  });

const project = (id: string, number: string) =>
  entity(`resource:gcp-project--${id}`, {
    type: 'gcp-project',
    title: id,
    annotations: inProject(id),
    spec: { gcp: { projectId: id, projectNumber: number } },
  });

const withDescription = (e: Entity, description: string): Entity => ({
  ...e,
  metadata: { ...e.metadata, description },
});

/** The k8s-infra demo's registry, its projects and what is named after them. */
const estate: Entity[] = [
  // Listed first so that an engine's own order cannot pass for the ranking.
  ...['', '-bak', '-asia', '-eu', '-us', '-logs', '-staging'].map(suffix =>
    bucket(`k8s-artifacts-prod${suffix}`, 'k8s-artifacts-prod'),
  ),
  ...[
    'registry.k8s.io',
    'cloudfront.registry.k8s.io',
    '_acme-challenge.registry.k8s.io',
    'invalid.registry.k8s.io',
    'registry-sandbox.k8s.io',
  ].map(fqdn => record(fqdn, ['34.107.244.51'])),
  ...Array.from({ length: 30 }, (_, i) =>
    record(`app${i}.k8s.io`, ['registry.k8s.io']),
  ),
  project('k8s-artifacts-prod-bak', '1057569514213'),
  project('k8s-artifacts-prod', '388270116193'),
  withDescription(
    entity('system:registry-k8s-io', {
      title: 'Container registry (registry.k8s.io)',
      annotations: {
        'infra-atlas.io/dns-names':
          'registry.k8s.io,registry-sandbox.k8s.io,cloudfront.registry.k8s.io',
      },
    }),
    'The **multi-cloud** registry: a [redirector](https://github.com/kubernetes/registry.k8s.io) on `Cloud Run`.',
  ),
  entity('group:k8s-infra-artifact-admins--kubernetes.io', {
    title: 'k8s-infra-artifact-admins',
    spec: { profile: { email: 'k8s-infra-artifact-admins@kubernetes.io' } },
  }),
  entity('user:ameukam', {
    annotations: { 'github.com/user-login': 'ameukam' },
  }),
  // An address known only from IAM: no title, no display name.
  entity('user:ameukam--gmail.com', {
    spec: { profile: { email: 'ameukam@gmail.com' } },
  }),
  entity('resource:registry-promotion--k8s-staging-kubernetes', {
    title: 'k8s-staging-kubernetes → registry.k8s.io',
    type: 'registry-promotion',
    spec: {
      images: [
        'registry.k8s.io/kube-apiserver',
        'registry.k8s.io/kubernetes/kube-apiserver',
      ],
    },
  }),
  // A namespace carries its cluster's resource name; listed before the cluster so that the
  // engine's own order cannot pass for the ranking.
  // Many entities named after the cluster (Lunr finds them all by `aaa`), then the cluster.
  ...Array.from({ length: 150 }, (_, i) =>
    entity(
      `resource:k8s-namespace--kubernetes-public--us-central1--aaa--ns${i}`,
      {
        type: 'k8s-namespace',
        title: `ns${i}`,
        annotations: inProject('kubernetes-public'),
      },
    ),
  ),
  entity('resource:k8s-namespace--kubernetes-public--us-central1--aaa--prow', {
    type: 'k8s-namespace',
    title: 'prow',
    annotations: {
      ...inProject('kubernetes-public'),
      'infra-atlas.io/gcp-resource-name':
        '//container.googleapis.com/projects/kubernetes-public/locations/us-central1/clusters/aaa',
    },
  }),
  entity('resource:gke-cluster--kubernetes-public--us-central1--aaa', {
    type: 'gke-cluster',
    title: 'aaa',
    annotations: {
      ...inProject('kubernetes-public'),
      'infra-atlas.io/gcp-resource-name':
        '//container.googleapis.com/projects/kubernetes-public/locations/us-central1/clusters/aaa',
    },
  }),
  entity('component:publishing-bot', {
    type: 'service',
    annotations: {
      'infra-atlas.io/container-images':
        'gcr.io/k8s-staging-publishing-bot/k8s-publishing-bot:v0.4.0',
    },
  }),
];

/** The term, and the locations of its first results in order. */
const expected: Array<[term: string, first: string[]]> = [
  [
    'registry.k8s.io',
    [
      '/catalog/default/system/registry-k8s-io',
      '/catalog/default/resource/dns-record--registry-k8s-io',
    ],
  ],
  ['Registry.K8s.io', ['/catalog/default/system/registry-k8s-io']],
  [
    'k8s-artifacts-prod',
    [
      '/catalog/default/resource/gcp-project--k8s-artifacts-prod',
      '/catalog/default/resource/gcs-bucket--k8s-artifacts-prod',
    ],
  ],
  [
    '388270116193',
    ['/catalog/default/resource/gcp-project--k8s-artifacts-prod'],
  ],
  [
    'k8s-artifacts-prod-bak',
    [
      '/catalog/default/resource/gcp-project--k8s-artifacts-prod-bak',
      '/catalog/default/resource/gcs-bucket--k8s-artifacts-prod-bak',
    ],
  ],
  [
    'cloudfront.registry.k8s.io',
    [
      '/catalog/default/system/registry-k8s-io',
      '/catalog/default/resource/dns-record--cloudfront-registry-k8s-io',
    ],
  ],
  [
    'k8s-infra-artifact-admins@kubernetes.io',
    ['/catalog/default/group/k8s-infra-artifact-admins--kubernetes.io'],
  ],
  ['ameukam', ['/catalog/default/user/ameukam']],
  ['k8s-publishing-bot', ['/catalog/default/component/publishing-bot']],
  // Among matches of one kind, the thing titled by the term before what merely refers to it.
  [
    'aaa',
    [
      '/catalog/default/resource/gke-cluster--kubernetes-public--us-central1--aaa',
      '/catalog/default/resource/k8s-namespace--kubernetes-public--us-central1--aaa--prow',
    ],
  ],
  // A promoted image, by its name and as people pull it.
  [
    'kube-apiserver',
    ['/catalog/default/resource/registry-promotion--k8s-staging-kubernetes'],
  ],
  [
    'registry.k8s.io/kube-apiserver',
    ['/catalog/default/resource/registry-promotion--k8s-staging-kubernetes'],
  ],
];

async function startSearch(
  database: ReturnType<ReturnType<typeof testDatabases>[number]['config']>,
  options: { indexAtStart: boolean },
) {
  const backend = await startTestBackend({
    features: [
      searchPlugin,
      searchModuleInventoryEngine,
      searchModuleCatalogCollator,
      searchModuleInventoryIdentifiers,
      catalogServiceMock.factory({ entities: estate }),
      databaseServiceFactory,
      schedulerServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          backend: { database },
          search: {
            collators: {
              catalog: {
                schedule: {
                  frequency: { hours: 1 },
                  timeout: { minutes: 1 },
                  initialDelay: options.indexAtStart ? undefined : { hours: 1 },
                },
              },
            },
          },
        },
      }),
    ],
  });
  // The scheduler creates its tables in the background; a backend stopped before that ends
  // leaves the migration running into the database the test then drops. Its task list answers
  // only once its database is ready.
  const tasks = await fetch(
    `http://localhost:${backend.server.port()}/api/search/.backstage/scheduler/v1/tasks`,
    { headers: { authorization: mockCredentials.user.header() } },
  );
  expect(tasks.status).toBe(200);
  const query = async (params: string) => {
    const res = await fetch(
      `http://localhost:${backend.server.port()}/api/search/query?${params}`,
      { headers: { authorization: mockCredentials.user.header() } },
    );
    return {
      status: res.status,
      body: (await res.json()) as {
        results: Array<{
          type: string;
          document: {
            title: string;
            text: string;
            location: string;
            project?: string;
          };
        }>;
      },
    };
  };
  const search = async (term: string) =>
    (await query(`term=${encodeURIComponent(term)}`)).body.results.map(
      r => r.document.location,
    );
  return { backend, query, search };
}

// Each describe has its own databases: PostgreSQL keeps the index and the scheduled
// indexing of a backend for the next.
describe.each(testDatabases())('search before the first index on $name', db => {
  afterAll(() => db.cleanup());

  it('says that search is still indexing instead of failing before the first index', async () => {
    const { backend, query } = await startSearch(db.config(), {
      indexAtStart: false,
    });
    for (const params of [
      'term=registry.k8s.io',
      'term=nginx&types[0]=software-catalog',
    ]) {
      const { status, body } = await query(params);
      expect(status).toBe(200);
      expect(body.results).toEqual([
        expect.objectContaining({
          type: SEARCH_STATUS_TYPE,
          document: expect.objectContaining({
            title: 'Search is still indexing',
          }),
        }),
      ]);
    }
    await backend.stop();
  }, 60_000);
});

describe.each(testDatabases())('search ranking on $name', db => {
  afterAll(() => db.cleanup());

  it('ranks exact identifiers and names first, a System or project before what is named after it', async () => {
    const { backend, search, query } = await startSearch(db.config(), {
      indexAtStart: true,
    });
    // The collator indexes in the background; until then the answer is "still indexing".
    for (let i = 0; i < 100; i++) {
      if ((await search('ameukam'))[0] === '/catalog/default/user/ameukam')
        break;
      await new Promise(r => setTimeout(r, 200));
    }
    for (const [term, first] of expected) {
      const found = await search(term);
      expect({ term, first: found.slice(0, first.length) }).toEqual({
        term,
        first,
      });
      // An exact match is listed once, not again among the engine's own results.
      expect(new Set(found).size).toBe(found.length);
    }
    // Snippets are plain text, without the description's Markdown.
    const { body } = await query('term=registry.k8s.io');
    expect(body.results[0].document.text).toMatch(
      /^The multi-cloud registry: a redirector on Cloud Run\.\n/,
    );
    // Results say where a resource is: its project (none for the project itself).
    const artifacts = (await query('term=k8s-artifacts-prod')).body.results;
    expect(artifacts.slice(0, 2).map(r => r.document.project)).toEqual([
      '',
      'k8s-artifacts-prod',
    ]);
    // Results are titled as people read them: an address, never `ameukam--gmail.com`.
    const address = (await query('term=ameukam@gmail.com')).body.results[0];
    expect(address.document).toMatchObject({
      location: '/catalog/default/user/ameukam--gmail.com',
      title: 'ameukam@gmail.com',
    });
    // A term that is no identifier is left to the engine: the records mentioning it.
    expect(await search('acme')).toContain(
      '/catalog/default/resource/dns-record---acme-challenge-registry-k8s-io',
    );
    await backend.stop();
  }, 60_000);
});
