import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@infra-atlas/inventory-common';
import {
  emailOf,
  locationOf,
  projectOf,
  publicGrantsOf,
  recordTypeOf,
  recordValuesOf,
  stateOf,
} from './listFields';

const resource = (
  spec: NonNullable<Entity['spec']>,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'r', annotations },
  spec,
});

describe('list fields', () => {
  it('reads the project a resource lives in, and none for a project itself', () => {
    const inProject = { [ANNOTATIONS.gcpProjectId]: 'kubernetes-public' };
    expect(projectOf(resource({ type: 'gcs-bucket' }, inProject))).toBe(
      'kubernetes-public',
    );
    expect(projectOf(resource({ type: 'gcp-project' }, inProject))).toBe(
      undefined,
    );
    expect(projectOf(resource({ type: 'dns-record' }))).toBe(undefined);
  });

  it('writes GCP states as words and leaves unspecified ones out', () => {
    expect(stateOf(resource({ gcp: { state: 'DELETE_REQUESTED' } }))).toBe(
      'Delete requested',
    );
    expect(stateOf(resource({ gcp: { state: 'RUNNING' } }))).toBe('Running');
    expect(stateOf(resource({ gcp: { state: 'STATE_UNSPECIFIED' } }))).toBe(
      undefined,
    );
    expect(stateOf(resource({}))).toBe(undefined);
  });

  it('reads location, public grants, DNS records and e-mail addresses', () => {
    expect(locationOf(resource({ gcp: { location: 'us-central1' } }))).toBe(
      'us-central1',
    );
    expect(
      publicGrantsOf(
        resource(
          {},
          {
            [ANNOTATIONS.publicAccess]:
              'allUsers=roles/storage.objectViewer,allAuthenticatedUsers=roles/viewer',
          },
        ),
      ),
    ).toEqual([
      'allUsers=roles/storage.objectViewer',
      'allAuthenticatedUsers=roles/viewer',
    ]);
    expect(publicGrantsOf(resource({}))).toEqual([]);
    const record = resource({
      recordType: 'A',
      values: ['1.2.3.4', '5.6.7.8'],
    });
    expect(recordTypeOf(record)).toBe('A');
    expect(recordValuesOf(record)).toBe('1.2.3.4, 5.6.7.8');
    expect(recordValuesOf(resource({ values: [] }))).toBe(undefined);
    expect(emailOf(resource({ profile: { email: 'a@kubernetes.io' } }))).toBe(
      'a@kubernetes.io',
    );
  });
});
