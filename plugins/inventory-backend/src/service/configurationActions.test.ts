import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { entity } from '../__testUtils__/entities';
import { createAsk } from './answers';
import { CompletenessHistory } from './CompletenessHistory';
import { registerConfigurationActions } from './configurationActions';
import { InventoryIndex } from './InventoryIndex';

const entities = [
  entity('resource:gcs-bucket--k8s-artifacts-prod', {
    type: 'gcs-bucket',
    spec: {
      gcp: {
        projectId: 'k8s-artifacts-prod',
        configuration: {
          storageClass: 'STANDARD',
          versioning: false,
          uniformBucketLevelAccess: true,
          publicAccessPrevention: 'inherited',
          retention: 'unlocked',
          retentionPeriodSeconds: 315576000,
          lifecycleRules: [],
        },
      },
    },
  }),
  entity('resource:gcp-project--kubernetes-public', {
    type: 'gcp-project',
    spec: { gcp: { enabledServices: ['container.googleapis.com'] } },
  }),
];

describe('configuration actions', () => {
  async function actions() {
    const index = new InventoryIndex({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      discovery: mockServices.discovery(),
      logger: mockServices.logger.mock(),
      history: { record: jest.fn() } as unknown as CompletenessHistory,
      links: { matchEmailLocalPart: false },
    });
    await index.refresh();
    const actionsRegistry = actionsRegistryServiceMock();
    registerConfigurationActions({
      actionsRegistry,
      ask: createAsk(
        index,
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(() => ({ result: AuthorizeResult.ALLOW })),
        }),
      ),
    });
    return actionsRegistry;
  }
  const credentials = mockCredentials.user();

  it('answers "which buckets have a retention policy" in plain words', async () => {
    const { output } = await (
      await actions()
    ).invoke({
      id: 'test:which-resources-have-setting',
      input: { type: 'gcs-bucket', setting: 'retention' },
      credentials,
    });
    expect(output).toMatchObject({
      summary: '1 of 1',
      counts: { unlocked: 1 },
      resources: [
        expect.stringMatching(
          /^resource:default\/gcs-bucket--k8s-artifacts-prod \(project k8s-artifacts-prod\): Retention: 10 years, unlocked; /,
        ),
      ],
    });
  });

  it('answers "which projects enable container.googleapis.com"', async () => {
    const { output } = await (
      await actions()
    ).invoke({
      id: 'test:which-projects-enable-api',
      input: { service: 'container.googleapis.com' },
      credentials,
    });
    expect(output).toEqual({
      summary: '1 of 1',
      projects: ['resource:default/gcp-project--kubernetes-public'],
    });
  });
});
