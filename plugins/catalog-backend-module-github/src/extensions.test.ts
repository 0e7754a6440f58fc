/*
 * An organization that is not Kubernetes adds its own analyzer from its own backend module,
 * through the extension point, in a real catalog backend crawling the GitHub emulator: the
 * entities it declares reach the catalog, owned by the rule every analyzer shares.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { GithubEmulator, startGithubEmulator } from '@infra-atlas/emulators';
import { catalogApi } from '@infra-atlas/test-utils';
import { parse } from 'yaml';
import githubModule, {
  createAnalyzer,
  declaredEntity,
  githubInventoryAnalyzersExtensionPoint,
} from './index';

/** Acme's own habit: `services.yaml` lists its services and the team that runs each. */
const acmeServices = createAnalyzer({
  type: 'acme-services',
  options: z =>
    z.object({
      path: z.string().default('services.yaml'),
      lifecycle: z.enum(['production', 'experimental']).default('production'),
    }),
  paths: options => [options.path],
  analyze: (ctx, options) => {
    const content = ctx.snapshot.files.get(options.path);
    if (content === undefined) {
      return {
        entities: [],
        problems: [{ path: options.path, message: 'not found', unread: true }],
      };
    }
    const services: Array<{ name: string; description: string }> =
      parse(content).services;
    return {
      entities: services.map(service =>
        declaredEntity(ctx, {
          kind: 'Component',
          name: `acme-service--${service.name}`,
          title: service.name,
          description: service.description,
          declaredIn: ctx.fileUrl(options.path),
          ownerPath: options.path,
          spec: { type: 'service', lifecycle: options.lifecycle },
        }),
      ),
      problems: [],
    };
  },
});

const acmeModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'acme-analyzers',
  register(reg) {
    reg.registerInit({
      deps: { analyzers: githubInventoryAnalyzersExtensionPoint },
      async init({ analyzers }) {
        analyzers.addAnalyzer(acmeServices);
      },
    });
  },
});

const ESTATE = {
  organizations: [
    {
      login: 'acme',
      repositories: [
        {
          name: 'platform',
          description: 'What Acme runs',
          topics: [],
          primaryLanguage: null,
          isArchived: false,
          isFork: false,
          visibility: 'PRIVATE' as const,
          defaultBranch: 'main',
          createdAt: '2024-01-01T00:00:00Z',
          pushedAt: '2024-06-01T00:00:00Z',
          files: {
            '.github/CODEOWNERS': '* @acme/platform-team\n',
            'services.yaml': [
              'services:',
              '  - name: billing',
              '    description: Sends the invoices',
              '  - name: ledger',
              '    description: Keeps the accounts',
              '',
            ].join('\n'),
          },
        },
      ],
    },
  ],
};

let emulator: GithubEmulator;

const config = (analyzers: object[]) =>
  mockServices.rootConfig.factory({
    data: {
      backend: {
        database: { client: 'better-sqlite3', connection: ':memory:' },
      },
      integrations: {
        github: [
          { host: 'github.com', apiBaseUrl: emulator.url, token: 'test' },
        ],
      },
      catalog: {
        rules: [{ allow: ['Component', 'Group', 'User', 'Location'] }],
        providers: {
          githubInventory: {
            acme: {
              organizations: ['acme'],
              schedule: {
                frequency: { minutes: 60 },
                timeout: { minutes: 5 },
              },
              analyzers,
            },
          },
        },
      },
    },
  });

/** A catalog backend with Acme's module, `acme-services` configured with these options. */
const startWithAcmeServices = (options: object) =>
  startTestBackend({
    features: [
      catalogPlugin,
      githubModule,
      acmeModule,
      config([
        { type: 'acme-services', repository: 'acme/platform', ...options },
      ]),
    ],
  });

beforeAll(async () => {
  emulator = await startGithubEmulator({ estate: ESTATE });
});
afterAll(async () => {
  await emulator?.stop();
});

describe('an analyzer added through githubInventoryAnalyzersExtensionPoint', () => {
  it('runs on the repository its configuration names, with its typed options', async () => {
    const backend = await startWithAcmeServices({
      lifecycle: 'experimental',
    });
    try {
      const api = catalogApi(
        `http://localhost:${backend.server.port()}/api/catalog`,
        mockCredentials.user.header(),
      );
      const billing = await api.entity('component:acme-service--billing');
      expect(billing.metadata.description).toBe('Sends the invoices');
      // Owned as any path of the repository: here by its CODEOWNERS rule.
      expect(billing.spec).toMatchObject({
        type: 'service',
        lifecycle: 'experimental',
        owner: 'group:default/github-team--acme--platform-team',
      });
      expect(billing.metadata.annotations).toMatchObject({
        'infra-atlas.io/provenance': 'declared',
        'infra-atlas.io/declared-in':
          'https://github.com/acme/platform/blob/main/services.yaml',
        'infra-atlas.io/owner-evidence': "CODEOWNERS rule for '/services.yaml'",
      });
      await api.entity('component:acme-service--ledger');
    } finally {
      await backend.stop();
    }
  }, 120_000);

  it('stops the backend at startup when its options are wrong, naming where', async () => {
    await expect(
      startWithAcmeServices({ lifecycle: 'someday' }),
    ).rejects.toThrow(
      'catalog.providers.githubInventory.acme.analyzers[0].lifecycle: Invalid option: expected one of "production"|"experimental"',
    );
  }, 60_000);
});
