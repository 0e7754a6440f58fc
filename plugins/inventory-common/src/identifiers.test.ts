import { entityIdentifiers } from './identifiers';

describe('entityIdentifiers', () => {
  it('finds projects by the APIs they enable and clusters by their pool', () => {
    expect(
      entityIdentifiers({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'gcp-project--kubernetes-public' },
        spec: {
          gcp: {
            projectId: 'kubernetes-public',
            enabledServices: ['container.googleapis.com', 'dns.googleapis.com'],
            configuration: {
              workloadPool: 'kubernetes-public.svc.id.goog',
              nodeServiceAccounts: ['default'],
            },
          },
        },
      }),
    ).toEqual([
      'kubernetes-public',
      'container.googleapis.com',
      'dns.googleapis.com',
      'kubernetes-public.svc.id.goog',
      'default',
    ]);
  });

  it('collects what people search infrastructure by, once each', () => {
    expect(
      entityIdentifiers({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'gcs-bucket--k8s-artifacts-prod',
          annotations: {
            'infra-atlas.io/gcp-project-id': 'k8s-artifacts-prod',
            'infra-atlas.io/gcp-resource-name':
              '//storage.googleapis.com/k8s-artifacts-prod',
            'infra-atlas.io/container-images': 'registry.k8s.io/gcsweb:v1.1.0',
            'infra-atlas.io/hostnames': 'gcsweb.k8s.io, gcsweb.kubernetes.io',
          },
        },
        spec: {
          gcp: { projectId: 'k8s-artifacts-prod', projectNumber: 388270116193 },
          fqdn: 'gcsweb.k8s.io.',
          values: ['34.107.204.206'],
          profile: { email: 'k8s-infra-artifact-admins@kubernetes.io' },
        },
      }),
    ).toEqual([
      'k8s-artifacts-prod',
      '//storage.googleapis.com/k8s-artifacts-prod',
      'registry.k8s.io/gcsweb:v1.1.0',
      'gcsweb.k8s.io',
      'gcsweb.kubernetes.io',
      '388270116193',
      'k8s-infra-artifact-admins@kubernetes.io',
      '34.107.204.206',
    ]);
  });

  it('leaves out a person’s e-mail address: search never finds people by it', () => {
    const person = (kind: string) =>
      entityIdentifiers({
        apiVersion: 'backstage.io/v1alpha1',
        kind,
        metadata: {
          name: 'jane--example.org',
          annotations: { 'github.com/user-login': 'jane' },
        },
        spec: { profile: { email: 'jane@example.org' } },
      });
    expect(person('User')).toEqual(['jane']);
    expect(person('Group')).toEqual(['jane', 'jane@example.org']);
  });
});
