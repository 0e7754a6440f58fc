import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  gcpSecretEntityName,
  gcpServiceAccountEntityName,
  kubernetesAppEntityName,
  kubernetesNamespaceEntityName,
  kubernetesServiceAccountEntityName,
} from '@infra-atlas/inventory-common';
import { analyzeApps, firstParagraph } from './apps';
import { MAX_ANALYZED_FILE_BYTES } from './yamlFile';
import {
  BLOB,
  TREE,
  invalidEntities,
  k8sIoSnapshot,
  readTruth,
  snapshotOf,
  testContext,
} from './__testUtils__/k8sIoSnapshot';

type TruthApp = {
  app: string;
  namespaces: string[];
  images: string[];
  ingresses: Array<{ hosts: string[] }>;
  managedCertificates: Array<{ domains: string[] }>;
  certManagerCertificates: Array<{ dnsNames: string[] }>;
  externalSecrets: Array<{ projectId: string; data: Array<{ key: string }> }>;
};

const CLUSTER = {
  projectId: 'kubernetes-public',
  location: 'us-central1',
  name: 'aaa',
};
const CLUSTER_REF =
  'resource:default/gke-cluster--kubernetes-public--us-central1--aaa';

const truth = readTruth<{ apps: TruthApp[] }>('apps-index.json').apps;
const result = analyzeApps(testContext(k8sIoSnapshot()), {
  path: 'apps',
  cluster: CLUSTER,
});
const components = result.entities.filter(e => e.kind === 'Component');
const namespaces = result.entities.filter(
  e => e.spec?.type === 'k8s-namespace',
);

function app(name: string): Entity {
  const found = components.find(e => e.metadata.title === name);
  if (!found) throw new Error(`no app ${name}`);
  return found;
}
const annotation = (e: Entity, key: string) =>
  e.metadata.annotations?.[key]?.split(',').filter(Boolean) ?? [];
const nsRef = (ns: string) =>
  `resource:default/${kubernetesNamespaceEntityName(CLUSTER, ns)}`;
const sorted = (values: string[]) => [...new Set(values)].sort();
const ksaRef = (ns: string, name: string) =>
  `resource:default/${kubernetesServiceAccountEntityName(CLUSTER, ns, name)}`;

describe('apps on the real kubernetes/k8s.io files', () => {
  it('finds the 12 apps, with no problems', () => {
    expect(components.map(e => e.metadata.title)).toEqual(
      truth.map(t => t.app).sort(),
    );
    expect(result.problems).toEqual([]);
  });

  it('emits valid Backstage entities', async () => {
    expect(await invalidEntities(result.entities)).toEqual([]);
  });

  it('describes gcsweb: namespace, image, hostnames, owner, docs', () => {
    const gcsweb = app('gcsweb');
    expect(gcsweb.metadata.name).toBe(
      kubernetesAppEntityName(CLUSTER, 'gcsweb'),
    );
    expect(gcsweb.spec).toMatchObject({
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/sig-k8s-infra',
      runsOn: [nsRef('gcsweb')],
    });
    expect(annotation(gcsweb, ANNOTATIONS.containerImages)).toEqual([
      'registry.k8s.io/gcsweb:v1.1.0',
    ]);
    expect(annotation(gcsweb, ANNOTATIONS.hostnames)).toEqual([
      'gcsweb.k8s.io',
      'gcsweb.kubernetes.io',
    ]);
    expect(gcsweb.metadata.annotations).toMatchObject({
      [ANNOTATIONS.provenance]: 'declared',
      [ANNOTATIONS.declaredIn]: `${TREE}/apps/gcsweb`,
      [ANNOTATIONS.ownerEvidence]:
        'OWNERS: apps/gcsweb/OWNERS, apps/OWNERS, OWNERS',
      'backstage.io/techdocs-ref': `url:${TREE}/apps/gcsweb`,
      'backstage.io/source-location': `url:${TREE}/apps/gcsweb`,
    });
    expect(gcsweb.metadata.annotations).not.toHaveProperty(
      'backstage.io/managed-by-location',
    );
    expect(gcsweb.metadata.description).toMatch(
      /^`gcsweb` is a tiny web frontend to \[GCS\]/,
    );
    expect(gcsweb.metadata.links).toContainEqual({
      url: 'https://gcsweb.k8s.io',
      title: 'gcsweb.k8s.io',
    });
  });

  it('puts each namespace on the aaa cluster, owned by its app', () => {
    const gcsweb = namespaces.find(e => e.metadata.title === 'gcsweb')!;
    expect(gcsweb.metadata.name).toBe(
      kubernetesNamespaceEntityName(CLUSTER, 'gcsweb'),
    );
    expect(gcsweb.spec).toMatchObject({
      type: 'k8s-namespace',
      runsOn: [CLUSTER_REF],
      owner: 'group:default/sig-k8s-infra',
    });
    // prow declares the Namespace object of its test pods: that file declares it.
    const testPods = namespaces.find(
      e => e.metadata.title === 'k8s-infra-test-pods',
    )!;
    expect(testPods.metadata.annotations?.[ANNOTATIONS.declaredIn]).toBe(
      `${BLOB}/apps/prow/cluster/100_namespace.yaml`,
    );
    const prow = namespaces.find(e => e.metadata.title === 'prow')!;
    expect(prow.metadata.annotations?.[ANNOTATIONS.declaredIn]).toBe(
      `${TREE}/apps/prow`,
    );
  });

  it('matches apps-index.json for namespaces, images and hostnames of every app', () => {
    for (const t of truth) {
      const e = app(t.app);
      expect({ app: t.app, runsOn: e.spec?.runsOn }).toEqual({
        app: t.app,
        runsOn: t.namespaces.map(nsRef),
      });
      expect(annotation(e, ANNOTATIONS.containerImages)).toEqual(
        sorted(t.images),
      );
      const hosts = [
        ...t.ingresses.flatMap(i => i.hosts),
        ...t.managedCertificates.flatMap(c => c.domains),
        ...t.certManagerCertificates.flatMap(c => c.dnsNames),
      ];
      expect(annotation(e, ANNOTATIONS.hostnames)).toEqual(sorted(hosts));
    }
    expect(namespaces.map(e => e.metadata.title)).toEqual(
      sorted(truth.flatMap(t => t.namespaces)),
    );
  });

  it('derives k8s-io-canary and k8s-io-prod for k8s-io although its Deployment has no namespace', () => {
    expect(app('k8s-io').spec?.runsOn).toEqual([
      nsRef('k8s-io-canary'),
      nsRef('k8s-io-prod'),
    ]);
  });

  it('depends on the Secret Manager secrets of its ExternalSecrets, as in apps-index.json', () => {
    for (const t of truth) {
      const expected = t.externalSecrets.flatMap(s =>
        s.data.map(
          d => `resource:default/${gcpSecretEntityName(s.projectId, d.key)}`,
        ),
      );
      const actual = ((app(t.app).spec?.dependsOn ?? []) as string[]).filter(
        r => r.startsWith('resource:default/gcp-secret--'),
      );
      expect(actual).toEqual(sorted(expected));
    }
    expect(app('elekto').spec?.dependsOn).toContain(
      'resource:default/gcp-secret--kubernetes-public--elekto-db-password',
    );
  });

  it('depends on the GCP service accounts bound through Workload Identity', () => {
    const sa = (email: string) =>
      `resource:default/${gcpServiceAccountEntityName(email)}`;
    expect(app('kubernetes-external-secrets').spec?.dependsOn).toEqual([
      sa(
        'kubernetes-external-secrets@kubernetes-public.iam.gserviceaccount.com',
      ),
      ksaRef('kubernetes-external-secrets', 'kubernetes-external-secrets'),
    ]);
    expect(app('prow').spec?.dependsOn).toContain(
      'resource:default/gcp-service-account--k8s-infra-prow--kubernetes-public',
    );
  });

  it('follows kettle from its namespace to its Kubernetes service account to the GCP one', () => {
    const ksa = result.entities.find(
      e => `resource:default/${e.metadata.name}` === ksaRef('kettle', 'kettle'),
    )!;
    expect(ksa.metadata.title).toBe('kettle (kettle)');
    expect(ksa.spec).toMatchObject({
      type: 'k8s-service-account',
      parent: nsRef('kettle'),
      // Owned as the app that declares it.
      owner: app('kettle').spec?.owner,
      dependsOn: [
        'resource:default/gcp-service-account--kettle--kubernetes-public',
      ],
    });
    expect(ksa.metadata.annotations?.['infra-atlas.io/declared-in']).toBe(
      `${BLOB}/apps/kettle/kettle-serviceaccount.yaml`,
    );
    // The deployment's pods run as it, so the app depends on it.
    expect(app('kettle').spec?.dependsOn).toContain(ksaRef('kettle', 'kettle'));
  });

  it("declares the service accounts of apps-index.json's ServiceAccount manifests, and no others", () => {
    const declared = readTruth<{
      apps: Array<{
        resources: Array<{ kind: string; name: string; namespace: string }>;
      }>;
    }>('apps-index.json')
      .apps.flatMap(a => a.resources)
      .filter(r => r.kind === 'ServiceAccount')
      .map(r => ksaRef(r.namespace, r.name));
    expect(
      result.entities
        .filter(e => e.spec?.type === 'k8s-service-account')
        .map(e => `resource:default/${e.metadata.name}`)
        .sort(),
    ).toEqual(sorted(declared));
  });

  it('names the static IP behind each Ingress: gcsweb-k8s-io for gcsweb, four for k8s-io', () => {
    expect(annotation(app('gcsweb'), ANNOTATIONS.staticIps)).toEqual([
      'gcsweb-k8s-io',
    ]);
    expect(annotation(app('k8s-io'), ANNOTATIONS.staticIps)).toEqual([
      'k8s-io-ingress-canary',
      'k8s-io-ingress-canary-v6',
      'k8s-io-ingress-prod',
      'k8s-io-ingress-prod-v6',
    ]);
    expect(app('kettle').metadata.annotations).not.toHaveProperty(
      ANNOTATIONS.staticIps,
    );
  });

  it('skips the description and TechDocs of an app without a README (kettle)', () => {
    const kettle = app('kettle');
    expect(kettle.metadata.description).toBeUndefined();
    expect(kettle.metadata.annotations).not.toHaveProperty(
      'backstage.io/techdocs-ref',
    );
  });
});

describe('apps options and edge cases', () => {
  const manifest = (ns: string | undefined, image: string) =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      ...(ns ? [`  namespace: ${ns}`] : []),
      'spec:',
      '  template:',
      '    spec:',
      '      initContainers: [{name: init, image: busybox:1}]',
      `      containers: [{name: web, image: ${image}}]`,
    ].join('\n');

  it('takes namespaces from options over the manifests, and the app name when none is declared', () => {
    const { entities } = analyzeApps(
      testContext(
        snapshotOf({
          'apps/a/deploy.yaml': manifest(undefined, 'a:1'),
          'apps/b/deploy.yaml': manifest(undefined, 'b:1'),
        }),
      ),
      {
        path: 'apps',
        cluster: CLUSTER,
        namespaces: { b: ['b-prod', 'b-canary'] },
      },
    );
    const runsOn = Object.fromEntries(
      entities
        .filter(e => e.kind === 'Component')
        .map(e => [e.metadata.title, e.spec?.runsOn]),
    );
    expect(runsOn).toEqual({
      a: [nsRef('a')],
      b: [nsRef('b-canary'), nsRef('b-prod')],
    });
    expect(
      entities.find(e => e.metadata.title === 'a')?.metadata.annotations?.[
        ANNOTATIONS.containerImages
      ],
    ).toBe('a:1,busybox:1');
  });

  it('gives a shared namespace to the app that declares it, and reads secrets from the options project', () => {
    const { entities } = analyzeApps(
      testContext(
        snapshotOf({
          'apps/a/x.yaml': manifest('shared', 'a:1'),
          'apps/z/ns.yaml':
            'apiVersion: v1\nkind: Namespace\nmetadata: {name: shared}\n',
          'apps/z/OWNERS': 'approvers: [x]\nlabels: [sig/zeta]\n',
          'apps/z/es.yaml': [
            'apiVersion: kubernetes-client.io/v1',
            'kind: ExternalSecret',
            'metadata: {name: s, namespace: shared}',
            'spec:',
            '  backendType: gcpSecretsManager',
            '  data: [{key: token, name: t}, {key: projects/other/secrets/k, name: k}]',
          ].join('\n'),
        }),
      ),
      { path: 'apps', cluster: CLUSTER, secretsProject: 'secrets-here' },
    );
    const shared = entities.filter(e => e.metadata.title === 'shared');
    expect(shared).toHaveLength(1);
    expect(shared[0].spec?.owner).toBe('group:default/sig-zeta');
    expect(
      entities.find(e => e.metadata.title === 'z')?.spec?.dependsOn,
    ).toEqual([
      `resource:default/${gcpSecretEntityName('other', 'k')}`,
      `resource:default/${gcpSecretEntityName('secrets-here', 'token')}`,
    ]);
  });

  it('reads external-secrets.io ExternalSecrets through the SecretStore they name', () => {
    const externalSecret = (name: string, store: string, key: string) =>
      [
        'apiVersion: external-secrets.io/v1beta1',
        'kind: ExternalSecret',
        `metadata: {name: ${name}, namespace: es}`,
        'spec:',
        `  secretStoreRef: {kind: SecretStore, name: ${store}}`,
        `  data: [{secretKey: k, remoteRef: {key: ${key}}}]`,
      ].join('\n');
    const { entities } = analyzeApps(
      testContext(
        snapshotOf({
          'apps/es/stores.yaml': [
            'apiVersion: external-secrets.io/v1beta1',
            'kind: SecretStore',
            'metadata: {name: gcp, namespace: es}',
            'spec: {provider: {gcpsm: {projectID: store-project}}}',
            '---',
            'apiVersion: external-secrets.io/v1beta1',
            'kind: SecretStore',
            'metadata: {name: aws, namespace: es}',
            'spec: {provider: {aws: {service: SecretsManager}}}',
          ].join('\n'),
          'apps/es/a.yaml': externalSecret('a', 'gcp', 'in-store-project'),
          'apps/es/b.yaml': externalSecret('b', 'aws', 'not-gcp'),
          'apps/es/c.yaml': externalSecret('c', 'elsewhere', 'in-default'),
        }),
      ),
      { path: 'apps', cluster: CLUSTER },
    );
    expect(entities[0].spec?.dependsOn).toEqual([
      `resource:default/${gcpSecretEntityName(
        'kubernetes-public',
        'in-default',
      )}`,
      `resource:default/${gcpSecretEntityName(
        'store-project',
        'in-store-project',
      )}`,
    ]);
  });

  it('follows a synthetic app to the service accounts its pods run as and the IP its load balancer reserves', () => {
    const acme = {
      projectId: 'acme-prod',
      location: 'europe-west1',
      name: 'main',
    };
    const { entities, problems } = analyzeApps(
      testContext(
        snapshotOf({
          'apps/shop/shop.yaml': [
            'apiVersion: v1',
            'kind: ServiceAccount',
            'metadata:',
            '  name: shop',
            '  annotations: {iam.gke.io/gcp-service-account: shop@acme-prod.iam.gserviceaccount.com}',
            '---',
            'apiVersion: apps/v1',
            'kind: Deployment',
            'metadata: {name: shop}',
            'spec:',
            '  template:',
            '    spec:',
            '      serviceAccountName: shop',
            '      containers: [{name: shop, image: shop:1}]',
            '---',
            'apiVersion: batch/v1',
            'kind: CronJob',
            'metadata: {name: report}',
            'spec:',
            '  jobTemplate:',
            '    spec:',
            '      template:',
            '        spec:',
            '          serviceAccountName: reporter',
            '          containers: [{name: report, image: shop:1}]',
            '---',
            'apiVersion: v1',
            'kind: Service',
            'metadata: {name: shop}',
            'spec: {type: LoadBalancer, loadBalancerIP: 203.0.113.7}',
          ].join('\n'),
          'apps/billing/sa.yaml': [
            'apiVersion: v1',
            'kind: ServiceAccount',
            'metadata: {name: reporter, namespace: shop-canary}',
          ].join('\n'),
        }),
      ),
      {
        path: 'apps',
        cluster: acme,
        namespaces: { shop: ['shop-canary', 'shop-prod'] },
      },
    );
    expect(problems).toEqual([]);
    const ref = (ns: string, name: string) =>
      `resource:default/${kubernetesServiceAccountEntityName(acme, ns, name)}`;
    const shop = entities.find(e => e.metadata.title === 'shop')!;
    // The ServiceAccount without a namespace goes to both of the app's namespaces; the
    // CronJob's `reporter` is declared by another app, in one of them only.
    expect(shop.spec?.dependsOn).toEqual(
      [
        `resource:default/${gcpServiceAccountEntityName(
          'shop@acme-prod.iam.gserviceaccount.com',
        )}`,
        ref('shop-canary', 'reporter'),
        ref('shop-canary', 'shop'),
        ref('shop-prod', 'shop'),
      ].sort(),
    );
    expect(shop.metadata.annotations?.[ANNOTATIONS.staticIps]).toBe(
      '203.0.113.7',
    );
    const reporter = entities.find(
      e =>
        `resource:default/${e.metadata.name}` ===
        ref('shop-canary', 'reporter'),
    )!;
    // Declared without Workload Identity: it acts as no GCP service account.
    expect(reporter.spec).not.toHaveProperty('dependsOn');
    expect(reporter.metadata.annotations?.['infra-atlas.io/declared-in']).toBe(
      `${BLOB}/apps/billing/sa.yaml`,
    );
  });

  it('keeps the app when one manifest is invalid, with a located problem', () => {
    const { entities, problems } = analyzeApps(
      testContext(
        snapshotOf({
          'apps/web/deploy.yaml': manifest('web', 'web:2'),
          'apps/web/broken.yaml':
            'apiVersion: v1\nkind: Service\nmetadata:\n  name: [oops\n',
          'apps/web/multi.yaml': [
            'apiVersion: v1',
            'kind: ConfigMap',
            'metadata: {name: fine}',
            '---',
            'kind: Service',
            'metadata: {namespace: web}',
            '---',
            'kind: [oops',
            '---',
            'not: a kubernetes object',
            '---',
            'apiVersion: v1',
            'kind: ServiceAccount',
            'metadata:',
            '  name: wi',
            '  namespace: web',
            '  annotations: {iam.gke.io/gcp-service-account: wi@p-roject.iam.gserviceaccount.com}',
          ].join('\n'),
          'apps/web/bomb.yaml': [
            'a: &a [x, x, x, x, x, x, x, x, x]',
            'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
            'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
            'kind: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
          ].join('\n'),
          'apps/web/huge.yaml': `# ${'x'.repeat(MAX_ANALYZED_FILE_BYTES)}`,
        }),
      ),
      { path: 'apps', cluster: CLUSTER },
    );
    const web = entities.find(e => e.kind === 'Component')!;
    expect(web.metadata.annotations?.[ANNOTATIONS.containerImages]).toBe(
      'busybox:1,web:2',
    );
    // The document after the broken one is still read.
    expect(web.spec?.dependsOn).toEqual([
      `resource:default/${gcpServiceAccountEntityName(
        'wi@p-roject.iam.gserviceaccount.com',
      )}`,
      ksaRef('web', 'wi'),
    ]);
    expect(problems).toEqual([
      {
        path: 'apps/web/bomb.yaml',
        line: 1,
        message: expect.stringMatching(/^YAML could not be expanded/),
        unread: true,
      },
      {
        path: 'apps/web/broken.yaml',
        line: 5,
        message: expect.stringMatching(/^invalid YAML/),
        unread: true,
      },
      {
        path: 'apps/web/huge.yaml',
        message: expect.stringMatching(/larger than/),
        unread: true,
      },
      {
        path: 'apps/web/multi.yaml',
        line: 5,
        message:
          'a Kubernetes object needs a string apiVersion, kind and metadata.name',
        unread: true,
      },
      {
        path: 'apps/web/multi.yaml',
        line: 9,
        message: expect.stringMatching(
          /^invalid YAML \(column 1\): Flow sequence/,
        ),
        unread: true,
      },
    ]);
  });
});

describe('firstParagraph', () => {
  it('skips headings, setext headings, code and lists', () => {
    expect(
      firstParagraph(
        '# T\n\nOverview\n====\n\n```\ncode\n```\n\n- a\n\nThe\ntext.\n\nMore.',
      ),
    ).toBe('The text.');
    expect(firstParagraph('# Only a heading\n')).toBeUndefined();
  });
});
