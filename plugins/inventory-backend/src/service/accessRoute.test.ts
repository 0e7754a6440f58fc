import { mockCredentials } from '@backstage/backend-test-utils';
import { AccessResponse } from '@infra-atlas/inventory-common';
import { accessEstate } from '../__testUtils__/accessEstate';
import { actionsOver } from '../__testUtils__/actions';
import { startInventoryBackend } from '../__testUtils__/backend';
import { registerAccessActions } from './accessActions';

const PROJECT = 'resource:default/gcp-project--k8s-artifacts-prod';
const READER = 'user:default/reader';

describe('GET /access and the how-to-get-access action', () => {
  let backend: Awaited<ReturnType<typeof startInventoryBackend>>;

  beforeAll(async () => {
    backend = await startInventoryBackend({
      entities: accessEstate(),
      personalDetailsReaders: [READER],
    });
  });

  afterAll(() => backend.stop());

  it('names the groups that grant access and the file to change', async () => {
    const { status, body } = await backend.get(
      `access?entity=${PROJECT}`,
      mockCredentials.user.header(READER),
    );
    expect(status).toBe(200);
    const answer = body as AccessResponse;
    expect(answer.routes[0]).toMatchObject({
      email: 'k8s-infra-artifact-admins@kubernetes.io',
      join: {
        kind: 'pull-request',
        repository: 'kubernetes/k8s.io',
        path: 'groups/sig-k8s-infra/groups.yaml',
        line: 45,
      },
    });
    expect(answer.direct[0].member).toBe('user:justinsb@google.com');
    expect(answer.redacted).toBe(false);
  });

  it('hides the address of a person granted directly from a caller without personal details', async () => {
    const { status, body, text } = await backend.get(
      `access?entity=${PROJECT}`,
    );
    expect(status).toBe(200);
    expect(text).not.toContain('justinsb@google.com');
    expect((body as AccessResponse).direct[0].member).toBe('user:[redacted]');
    // Group addresses are public: the way in stays readable.
    expect((body as AccessResponse).routes[0].email).toBe(
      'k8s-infra-artifact-admins@kubernetes.io',
    );
  });

  it('answers a missing entity with 404 and no entity with 400', async () => {
    const missing = await backend.get('access?entity=resource:default/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      'No entity resource:default/nope in the inventory',
    );
    const none = await backend.get('access');
    expect(none.status).toBe(400);
    expect(none.body.error.message).toBe(
      "request/query must have required property 'entity'",
    );
  });

  it('answers the action in sentences an assistant can repeat', async () => {
    const actions = await actionsOver(accessEstate(), registerAccessActions);
    const { output } = await actions.invoke({
      id: 'test:how-to-get-access',
      input: { entityRef: 'component:default/gcsweb' },
      credentials: mockCredentials.user(),
    });
    expect(output).toEqual({
      groups: [
        'k8s-infra-rbac-gcsweb@kubernetes.io: access group of system:default/gcsweb. To join: send a pull request adding your address to k8s-infra-rbac-gcsweb@kubernetes.io in groups/sig-k8s-infra/groups.yaml of kubernetes/k8s.io (https://github.com/kubernetes/k8s.io/blob/main/groups/sig-k8s-infra/groups.yaml#L112); approved by ameukam, thockin, upodroid',
      ],
      direct: [],
      public: [],
      askOwner: 'group:default/sig-k8s-infra; slack: #sig-k8s-infra',
    });
  });
});
