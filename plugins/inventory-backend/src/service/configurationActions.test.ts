import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsOver } from '../__testUtils__/actions';
import { configuredBucket } from '../__testUtils__/configuration';
import { entity } from '../__testUtils__/entities';
import { registerConfigurationActions } from './configurationActions';

const entities = [
  configuredBucket('k8s-artifacts-prod', {
    retention: 'unlocked',
    retentionPeriodSeconds: 315576000,
  }),
  entity('resource:gcp-project--kubernetes-public', {
    type: 'gcp-project',
    spec: { gcp: { enabledServices: ['container.googleapis.com'] } },
  }),
];

describe('configuration actions', () => {
  const actions = () => actionsOver(entities, registerConfigurationActions);
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
