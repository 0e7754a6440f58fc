/*
 * The module in a real catalog backend, on SQLite and on PostgreSQL, crawling the GitHub
 * emulator seeded with kubernetes/k8s.io and kubernetes/community through Octokit, with the
 * relations module. The assertions are questions a user asks, through the catalog REST API.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { GithubEventRouter } from '@backstage/plugin-events-backend-module-github';
import { EventsService, eventsServiceRef } from '@backstage/plugin-events-node';
import {
  GithubEmulator,
  loadK8sInfraGithubEstate,
  startGithubEmulator,
} from '@infra-atlas/emulators';
import catalogModuleInventoryRelations from '@infra-atlas/plugin-catalog-backend-module-inventory';
import { catalogApi, testDatabases } from '@infra-atlas/test-utils';
import githubModule from './index';

const CLUSTER = {
  projectId: 'kubernetes-public',
  location: 'us-central1',
  name: 'aaa',
};
const GCSWEB = 'component:k8s-app--kubernetes-public--us-central1--aaa--gcsweb';

/*
 * GitHub webhooks as the events backend delivers them: the HTTP ingress publishes the body on
 * topic `github` with the `x-github-event` header as metadata, and Backstage's GithubEventRouter
 * republishes it as `github.<event>`. The router is the real one; the HTTP ingress and its
 * signature check are Backstage's own (loaded through a dynamic import, which Jest cannot run),
 * so the browser tests cover a signed POST against the demo instead.
 */
let events: EventsService;
const githubWebhooks = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-github-webhooks',
  register(reg) {
    reg.registerInit({
      deps: { eventsService: eventsServiceRef },
      async init({ eventsService }) {
        events = eventsService;
        await new GithubEventRouter({ events }).subscribe();
      },
    });
  },
});

describe.each(testDatabases())(
  'GitHub inventory in the catalog on $name',
  db => {
    let emulator: GithubEmulator;
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let api: ReturnType<typeof catalogApi>;

    beforeAll(async () => {
      emulator = await startGithubEmulator({
        estate: loadK8sInfraGithubEstate(),
      });
      backend = await startTestBackend({
        features: [
          catalogPlugin,
          githubModule,
          catalogModuleInventoryRelations,
          githubWebhooks,
          mockServices.rootConfig.factory({
            data: {
              backend: { database: db.config() },
              integrations: {
                github: [
                  {
                    host: 'github.com',
                    apiBaseUrl: emulator.url,
                    token: 'test-token',
                  },
                ],
              },
              catalog: {
                rules: [
                  {
                    allow: [
                      'Component',
                      'System',
                      'Resource',
                      'Group',
                      'User',
                      'Location',
                    ],
                  },
                ],
                providers: {
                  githubInventory: {
                    k8sInfra: {
                      organizations: ['kubernetes'],
                      schedule: {
                        frequency: { minutes: 60 },
                        timeout: { minutes: 5 },
                      },
                      analyzers: [
                        { type: 'sigs', repository: 'kubernetes/community' },
                        {
                          type: 'apps',
                          repository: 'kubernetes/k8s.io',
                          cluster: CLUSTER,
                          namespaces: {
                            'k8s-io': ['k8s-io-canary', 'k8s-io-prod'],
                          },
                        },
                        {
                          type: 'google-groups',
                          repository: 'kubernetes/k8s.io',
                          undeclaredGroups: ['@kubernetes\\.io$'],
                        },
                        { type: 'octodns', repository: 'kubernetes/k8s.io' },
                        {
                          type: 'promoter-manifests',
                          repository: 'kubernetes/k8s.io',
                        },
                        {
                          type: 'declared-gcp-projects',
                          repository: 'kubernetes/k8s.io',
                        },
                      ],
                    },
                  },
                },
              },
            },
          }),
        ],
      });
      api = catalogApi(
        `http://localhost:${backend.server.port()}/api/catalog`,
        mockCredentials.user.header(),
      );
    }, 60_000);

    /** What the events backend publishes for one webhook delivery. */
    const deliverWebhook = (event: string, payload: object) =>
      events.publish({
        topic: 'github',
        eventPayload: payload,
        metadata: { 'x-github-event': event },
      });

    afterAll(async () => {
      await backend?.stop();
      await emulator?.stop();
      await db.cleanup();
    });

    const related = (e: Entity, type: string) =>
      (e.relations ?? []).filter(r => r.type === type).map(r => r.targetRef);
    const hasRelation = (type: string) => (e: Entity) =>
      related(e, type).length > 0;

    it('says where gcsweb runs and who owns it', async () => {
      const app = await api.entity(GCSWEB, hasRelation('runsOn'));
      expect(app.spec).toMatchObject({
        type: 'service',
        owner: 'group:default/sig-k8s-infra',
      });
      expect(related(app, 'runsOn')).toEqual([
        'resource:default/k8s-namespace--kubernetes-public--us-central1--aaa--gcsweb',
      ]);
      expect(related(app, 'ownedBy')).toEqual(['group:default/sig-k8s-infra']);
      const namespace = await api.entity(
        'resource:k8s-namespace--kubernetes-public--us-central1--aaa--gcsweb',
        hasRelation('runsOn'),
      );
      expect(related(namespace, 'runsOn')).toEqual([
        'resource:default/gke-cluster--kubernetes-public--us-central1--aaa',
      ]);
    }, 150_000);

    it('links the DNS names of gcsweb to the app that serves them', async () => {
      const app = await api.entity(GCSWEB, hasRelation('serves'));
      const records = related(app, 'serves');
      expect(records.sort()).toEqual([
        'resource:default/dns-record--gcsweb.k8s.io--a',
        'resource:default/dns-record--gcsweb.kubernetes.io--cname',
      ]);
    }, 150_000);

    it('knows sig-k8s-infra from sigs.yaml: leads, Slack, subprojects', async () => {
      const group = await api.entity(
        'group:sig-k8s-infra',
        hasRelation('hasMember'),
      );
      expect(group.spec?.type).toBe('sig');
      expect(group.metadata.links?.map(l => l.url)).toContain(
        'https://kubernetes.slack.com/messages/sig-k8s-infra',
      );
      expect(related(group, 'hasMember')).toEqual(
        expect.arrayContaining(['user:default/ameukam', 'user:default/dims']),
      );
      expect(related(group, 'ownerOf')).toEqual(
        expect.arrayContaining(['system:default/sig-k8s-infra--k8s.io']),
      );
    }, 150_000);

    it('makes kubernetes/k8s.io a Component in its subproject, with its OWNERS facts', async () => {
      const repo = await api.entity(
        'component:kubernetes--k8s.io',
        hasRelation('partOf'),
      );
      expect(related(repo, 'partOf')).toEqual([
        'system:default/sig-k8s-infra--k8s.io',
      ]);
      expect(repo.metadata.annotations?.['github.com/project-slug']).toBe(
        'kubernetes/k8s.io',
      );
    }, 150_000);

    it('reports the run on the status endpoint', async () => {
      await api.entity(GCSWEB);
      const { body } = await api.get<{
        providers: Array<{
          id: string;
          runs: Array<{
            outcome: string;
            applied: string;
            details: { declaredGcpProjects: unknown[] };
          }>;
        }>;
      }>('/github-inventory/status');
      expect(body.providers[0].id).toBe('github-inventory:k8sInfra');
      expect(body.providers[0].runs[0]).toMatchObject({
        outcome: 'complete',
        applied: 'full',
      });
      expect(
        body.providers[0].runs[0].details.declaredGcpProjects,
      ).toHaveLength(316);
    }, 150_000);

    it('picks up a new app from a push webhook, without waiting for the schedule', async () => {
      await api.entity(GCSWEB);
      emulator.putFile(
        'kubernetes',
        'k8s.io',
        'apps/hello/deployment.yaml',
        [
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata: { name: hello, namespace: hello }',
          'spec:',
          '  template:',
          '    spec:',
          '      containers: [{ name: hello, image: registry.k8s.io/hello:v1 }]',
          '',
        ].join('\n'),
      );
      await deliverWebhook('push', {
        ref: 'refs/heads/main',
        repository: {
          name: 'k8s.io',
          default_branch: 'main',
          owner: { login: 'kubernetes' },
        },
      });
      const app = await api.entity(
        'component:k8s-app--kubernetes-public--us-central1--aaa--hello',
      );
      expect(
        app.metadata.annotations?.['infra-atlas.io/container-images'],
      ).toBe('registry.k8s.io/hello:v1');
    }, 150_000);
  },
);
