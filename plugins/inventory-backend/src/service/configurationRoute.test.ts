/*
 * `GET /configuration` as the backend serves it: parameters, 400s, and the answer asked
 * through the redacting `ask` (a node service account that is a person's address is redacted).
 */
import { startInventoryBackend } from '../__testUtils__/backend';
import { entity } from '../__testUtils__/entities';

const entities = [
  entity('resource:gke-cluster--aaa', {
    type: 'gke-cluster',
    spec: {
      gcp: {
        projectId: 'kubernetes-public',
        configuration: {
          version: '1.27.11-gke.1062001',
          releaseChannel: 'REGULAR',
          nodePools: [
            {
              name: 'pool1',
              machineType: 'n1-standard-2',
              serviceAccount: 'alice@example.org',
              autoscaling: { enabled: true, minNodeCount: 1, maxNodeCount: 20 },
            },
          ],
          machineTypes: ['n1-standard-2'],
          nodeServiceAccounts: ['alice@example.org'],
        },
      },
    },
  }),
  entity('user:alice--example.org', {
    spec: { profile: { email: 'alice@example.org' } },
  }),
  entity('resource:gcp-project--kubernetes-public', {
    type: 'gcp-project',
    spec: { gcp: { enabledServices: ['container.googleapis.com'] } },
  }),
];

describe('GET /configuration', () => {
  let inventory: Awaited<ReturnType<typeof startInventoryBackend>>;

  beforeAll(async () => {
    inventory = await startInventoryBackend({ entities });
  });
  afterAll(async () => {
    await inventory.stop();
  });

  it('answers which clusters are on the REGULAR channel, redacting people', async () => {
    const { status, body } = await inventory.get(
      'configuration?type=gke-cluster&setting=releaseChannel&value=regular',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      total: 1,
      matching: 1,
      counts: { REGULAR: 1 },
      redacted: true,
      entities: [
        {
          entity: { ref: 'resource:default/gke-cluster--aaa' },
          projectId: 'kubernetes-public',
          value: 'REGULAR',
        },
      ],
    });
    expect(JSON.stringify(body)).not.toContain('alice@example.org');
  });

  it('answers which projects enable an API', async () => {
    const { body } = await inventory.get(
      'configuration?service=container.googleapis.com',
    );
    expect(body).toMatchObject({ matching: 1, counts: { enabled: 1 } });
  });

  it('is a 400 for an unknown type or setting', async () => {
    expect((await inventory.get('configuration?type=nope')).status).toBe(400);
    expect(
      (await inventory.get('configuration?type=gke-cluster&setting=colour'))
        .status,
    ).toBe(400);
  });
});
