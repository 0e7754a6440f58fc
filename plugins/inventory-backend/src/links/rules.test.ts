import { entity } from '../__testUtils__/entities';
import { InventoryGraph } from '../graph/InventoryGraph';
import { dnsCnameRule } from './dnsCnames';
import { dnsSharedAddressRule } from './dnsSharedAddresses';
import { dnsZoneRule } from './dnsZones';
import { emailLocalPartRule } from './identities';
import { imageSourceRule } from './imageSources';
import { systemAnchorRule } from './systemAnchors';
import { LinkRule } from './types';
import { workloadIdentityRule } from './workloadIdentity';

const run = (rule: LinkRule, ...entities: ReturnType<typeof entity>[]) =>
  rule.resolve(InventoryGraph.build(entities));

const namespace = (cluster: string, name: string, project = 'prow-build') =>
  entity(`resource:k8s-namespace--${project}--${cluster}--${name}`, {
    type: 'k8s-namespace',
    title: name,
    annotations: { 'infra-atlas.io/gcp-project-id': project },
  });

const prowBuild = entity('resource:gcp-project--prow-build', {
  type: 'gcp-project',
  annotations: { 'infra-atlas.io/gcp-project-id': 'prow-build' },
});

const serviceAccount = (member: string, condition?: object) =>
  entity('resource:gcp-service-account--builder--staging', {
    type: 'gcp-service-account',
    title: 'builder@staging.iam.gserviceaccount.com',
    spec: {
      access: {
        grants: [
          {
            member,
            role: 'roles/iam.workloadIdentityUser',
            ...(condition ? { condition } : {}),
          },
        ],
      },
    },
  });

describe('link rules', () => {
  it('runs a declared DNS zone on the Cloud DNS zone named after its domain', () => {
    const result = run(
      dnsZoneRule,
      entity('resource:dns-zone--k8s.io', {
        type: 'dns-zone',
        spec: { dnsName: 'k8s.io.' },
      }),
      entity('resource:dns-zone--public--123', {
        type: 'dns-zone',
        title: 'k8s-io',
        spec: { gcp: { assetType: 'dns.googleapis.com/ManagedZone' } },
      }),
      entity('resource:dns-zone--x.dev', {
        type: 'dns-zone',
        spec: { dnsName: 'x.dev.' },
      }),
    );
    expect(result.links).toEqual([
      expect.objectContaining({
        source: 'resource:default/dns-zone--k8s.io',
        type: 'runsOn',
        target: 'resource:default/dns-zone--public--123',
        provenance: expect.objectContaining({
          kind: 'inferred',
          rule: 'cloud-dns-zone-named-after-domain',
        }),
      }),
    ]);
    expect(result.unresolved).toEqual([
      expect.objectContaining({
        source: 'resource:default/dns-zone--x.dev',
        wanted: 'Cloud DNS zone x-dev',
      }),
    ]);
  });

  it('serves a CNAME by every record set of its target, and reports a missing target only inside our zones', () => {
    const record = (name: string, recordType: string, values: string[]) =>
      entity(`resource:dns-record--${name}--${recordType.toLowerCase()}`, {
        type: 'dns-record',
        spec: { fqdn: `${name}.`, recordType, values },
      });
    const result = run(
      dnsCnameRule,
      entity('resource:dns-zone--k8s.io', {
        type: 'dns-zone',
        spec: { dnsName: 'k8s.io.' },
      }),
      record('www.k8s.io', 'CNAME', ['redirect.k8s.io.']),
      record('redirect.k8s.io', 'A', ['1.2.3.4']),
      record('redirect.k8s.io', 'AAAA', ['::1']),
      record('docs.k8s.io', 'CNAME', ['site.netlify.app.']),
      record('old.k8s.io', 'CNAME', ['gone.k8s.io.']),
    );
    expect(result.links.map(l => l.target).sort()).toEqual([
      'resource:default/dns-record--redirect.k8s.io--a',
      'resource:default/dns-record--redirect.k8s.io--aaaa',
    ]);
    expect(result.unresolved).toEqual([
      expect.objectContaining({
        source: 'resource:default/dns-record--old.k8s.io--cname',
      }),
    ]);
  });

  it('serves an A record by the app whose record has the same addresses, and never guesses between apps', () => {
    const record = (name: string, values: string[], servedBy?: string[]) =>
      entity(`resource:dns-record--${name}--a`, {
        type: 'dns-record',
        spec: {
          fqdn: `${name}.`,
          recordType: 'A',
          values,
          ...(servedBy ? { servedBy } : {}),
        },
      });
    const gcsweb = 'component:default/gcsweb';
    const result = run(
      dnsSharedAddressRule,
      record('gcsweb.k8s.io', ['35.190.8.208'], [gcsweb]),
      record('gcsweb.kubernetes.io', ['35.190.8.208'], [gcsweb]),
      record('gcsweb.canary.k8s.io', ['35.190.8.208']),
      // One address, two apps: which one a third name reaches cannot be told.
      record('a.k8s.io', ['10.0.0.1'], ['component:default/a']),
      record('b.k8s.io', ['10.0.0.1'], ['component:default/b']),
      record('c.k8s.io', ['10.0.0.1']),
      record('elsewhere.k8s.io', ['192.0.2.1']),
    );
    expect(result.links).toEqual([
      expect.objectContaining({
        source: 'resource:default/dns-record--gcsweb.canary.k8s.io--a',
        type: 'servedBy',
        target: 'resource:default/dns-record--gcsweb.k8s.io--a',
        provenance: expect.objectContaining({
          detail:
            'gcsweb.canary.k8s.io. has the address 35.190.8.208 of gcsweb.k8s.io.',
        }),
      }),
    ]);
    expect(result.ambiguous).toEqual([
      expect.objectContaining({
        source: 'resource:default/dns-record--c.k8s.io--a',
        candidates: [
          'resource:default/dns-record--a.k8s.io--a',
          'resource:default/dns-record--b.k8s.io--a',
        ],
      }),
    ]);
    expect(result.unresolved).toEqual([]);
  });

  describe('Workload Identity', () => {
    const member = 'serviceAccount:prow-build.svc.id.goog[test-pods/builder]';

    it('links the one namespace the binding can mean', () => {
      const result = run(
        workloadIdentityRule,
        prowBuild,
        serviceAccount(member),
        namespace('aaa', 'test-pods'),
      );
      expect(result.links).toEqual([
        expect.objectContaining({
          source: 'resource:default/k8s-namespace--prow-build--aaa--test-pods',
          type: 'dependsOn',
          target: 'resource:default/gcp-service-account--builder--staging',
        }),
      ]);
    });

    it('reports two clusters with that namespace as ambiguous, and links neither', () => {
      const result = run(
        workloadIdentityRule,
        prowBuild,
        serviceAccount(member),
        namespace('aaa', 'test-pods'),
        namespace('bbb', 'test-pods'),
      );
      expect(result.links).toEqual([]);
      expect(result.ambiguous).toEqual([
        expect.objectContaining({
          rule: 'workload-identity-binding',
          candidates: [
            'resource:default/k8s-namespace--prow-build--aaa--test-pods',
            'resource:default/k8s-namespace--prow-build--bbb--test-pods',
          ],
        }),
      ]);
    });

    it('reports a binding to a namespace nobody declares', () => {
      const result = run(
        workloadIdentityRule,
        prowBuild,
        serviceAccount(member),
        namespace('aaa', 'other'),
      );
      expect(result.unresolved).toEqual([
        {
          rule: 'workload-identity-binding',
          source: 'resource:default/gcp-service-account--builder--staging',
          wanted:
            'namespace test-pods (Kubernetes service account builder) on a cluster of prow-build',
        },
      ]);
    });

    it('draws nothing for a binding whose time is up', () => {
      const result = run(
        workloadIdentityRule,
        prowBuild,
        serviceAccount(member, {
          expression: 'request.time < timestamp("2024-01-01T00:00:00Z")',
          expiresAt: '2024-01-01T00:00:00.000Z',
        }),
        namespace('aaa', 'test-pods'),
      );
      expect(result.links).toEqual([]);
      expect(result.unresolved).toEqual([]);
    });

    it('tells a binding into a project outside the estate from an orphan', () => {
      const result = run(workloadIdentityRule, serviceAccount(member));
      expect(result.unresolved).toEqual([
        expect.objectContaining({ outsideEstate: true }),
      ]);
    });
  });

  it('puts what a hand-written System names into it, and reports anchors that name nothing', () => {
    const result = run(
      systemAnchorRule,
      entity('system:gcsweb', {
        annotations: {
          'infra-atlas.io/provenance': '',
          'backstage.io/managed-by-location':
            'file:/repo/docs/runbooks/gcsweb/catalog-info.yaml',
          'infra-atlas.io/gcp-projects': 'kubernetes-public, missing-project',
          'infra-atlas.io/k8s-apps': 'gcsweb',
        },
      }),
      entity('resource:gcp-project--kubernetes-public', {
        type: 'gcp-project',
        spec: { gcp: { projectId: 'kubernetes-public' } },
      }),
      entity('component:k8s-app--kubernetes-public--us-central1--aaa--gcsweb', {
        title: 'gcsweb',
      }),
    );
    expect(
      result.links.map(l => `${l.source} ${l.type} ${l.target}`).sort(),
    ).toEqual([
      'component:default/k8s-app--kubernetes-public--us-central1--aaa--gcsweb partOf system:default/gcsweb',
      'resource:default/gcp-project--kubernetes-public partOf system:default/gcsweb',
    ]);
    expect(result.links[0].provenance).toEqual({
      kind: 'declared',
      url: '/repo/docs/runbooks/gcsweb/catalog-info.yaml',
    });
    expect(result.unresolved.map(u => u.wanted)).toEqual([
      'GCP project missing-project',
    ]);
  });

  it('makes a workload depend on its image registry and on the staging source with the longest prefix', () => {
    const promotion = (project: string) =>
      entity(`resource:registry-promotion--${project}`, {
        type: 'registry-promotion',
        spec: { source: `gcr.io/${project}` },
      });
    const result = run(
      imageSourceRule,
      entity('component:app', {
        annotations: {
          'infra-atlas.io/container-images':
            'registry.k8s.io/gcsweb:v1, gcr.io/k8s-staging-infra/tools/x:v2@sha256:abc, docker.io/nginx:1',
        },
      }),
      entity('resource:container-registry--registry.k8s.io', {
        type: 'container-registry',
        title: 'registry.k8s.io',
      }),
      promotion('k8s-staging-infra'),
      entity('resource:registry-promotion--nested', {
        type: 'registry-promotion',
        spec: { source: 'gcr.io/k8s-staging-infra/tools' },
      }),
    );
    expect(result.links.map(l => l.target).sort()).toEqual([
      'resource:default/container-registry--registry.k8s.io',
      'resource:default/registry-promotion--nested',
    ]);
    // Docker Hub is outside the estate: nothing to report.
    expect(result.unresolved).toEqual([]);
  });

  it('takes a login and an e-mail with that local part for one person, saying it is inferred', () => {
    const result = run(
      emailLocalPartRule,
      entity('user:ameukam', {
        annotations: { 'github.com/user-login': 'ameukam' },
      }),
      entity('user:ameukam--gmail.com', {
        spec: { profile: { email: 'AMeukam@gmail.com' } },
      }),
      entity('user:someone--example.com', {
        spec: { profile: { email: 'someone@example.com' } },
      }),
    );
    expect(result.links).toEqual([
      {
        source: 'user:default/ameukam',
        type: 'sameAs',
        target: 'user:default/ameukam--gmail.com',
        provenance: {
          kind: 'inferred',
          rule: 'email-local-part-is-github-login',
          detail:
            'the local part of ameukam@gmail.com is the GitHub login ameukam',
        },
      },
    ]);
  });

  it('links no address when several share the login as local part, and reports it', () => {
    const result = run(
      emailLocalPartRule,
      entity('user:security', {
        annotations: { 'github.com/user-login': 'security' },
      }),
      entity('user:security--a.org', {
        spec: { profile: { email: 'security@a.org' } },
      }),
      entity('user:security--b.org', {
        spec: { profile: { email: 'security@b.org' } },
      }),
    );
    expect(result.links).toEqual([]);
    expect(result.ambiguous).toEqual([
      expect.objectContaining({
        source: 'user:default/security',
        candidates: [
          'user:default/security--a.org',
          'user:default/security--b.org',
        ],
      }),
    ]);
  });

  it('does not count a login User with its own address as a second candidate', () => {
    const result = run(
      emailLocalPartRule,
      entity('user:jane', {
        annotations: { 'github.com/user-login': 'jane' },
        spec: { profile: { email: 'jane@a.org' } },
      }),
      entity('user:jane--b.org', {
        spec: { profile: { email: 'jane@b.org' } },
      }),
    );
    expect(result.ambiguous).toEqual([]);
    expect(result.links.map(l => `${l.source} ${l.target}`)).toEqual([
      'user:default/jane user:default/jane--b.org',
    ]);
  });
});
