import {
  ANNOTATIONS,
  entityName,
  gcpProjectEntityName,
  gcpServiceAccountEntityName,
} from '@infra-atlas/inventory-common';
import {
  invalidEntities,
  k8sIoSnapshot,
  readTruth,
  snapshotOf,
  testContext,
} from './__testUtils__/k8sIoSnapshot';
import {
  analyzePromoterManifests,
  parseImagesList,
  parsePromoterManifest,
} from './promoter';

type TruthStaging = {
  stagingProject: string;
  promoterManifest: string;
  srcRegistries: string[];
  destRegistryCount: number;
  destServiceAccounts: string[];
  images: Array<{ name: string }>;
};

const truth = readTruth<{ stagingProjects: TruthStaging[] }>(
  'registry-index.json',
).stagingProjects;
const OPTIONS = { path: 'registry.k8s.io/manifests' };
const result = analyzePromoterManifests(testContext(k8sIoSnapshot()), OPTIONS);
const [registry, ...promotions] = result.entities;
const promotionRef = (staging: string) =>
  `resource:default/${entityName(['registry-promotion', staging])}`;

describe('promoted images', () => {
  const withImages = result;
  const imagesOf = (staging: string) =>
    withImages.entities.find(
      e => e.metadata.name === entityName(['registry-promotion', staging]),
    )?.spec?.images as string[] | undefined;

  it('lists every image of registry-index.json as people pull it', () => {
    expect(withImages.problems).toEqual([]);
    expect(imagesOf('k8s-staging-kubernetes')).toEqual(
      expect.arrayContaining([
        'registry.k8s.io/kube-apiserver',
        'registry.k8s.io/kubernetes/kube-apiserver',
      ]),
    );
    expect(imagesOf('k8s-staging-addon-manager')).toContain(
      'registry.k8s.io/addon-manager/kube-addon-manager',
    );
    for (const t of truth) {
      const images = imagesOf(t.stagingProject) ?? [];
      const names = t.images.map(i => i.name);
      // Names may have a path of their own (`node-perf/npb-ep`).
      for (const name of names) {
        expect(images.some(i => i.endsWith(`/${name}`))).toBe(true);
      }
      for (const image of images) {
        expect(names.some(name => image.endsWith(`/${name}`))).toBe(true);
      }
    }
  });

  it('reads images from Container Registry destinations too, and reports a bad list with its line', () => {
    const { entities, problems } = analyzePromoterManifests(
      testContext(
        snapshotOf({
          'm/manifests/a/promoter-manifest.yaml':
            'registries:\n- name: gcr.io/staging-a\n  src: true\n- name: gcr.io/prod-a/tools\n',
          'm/images/a/images.yaml': '- name: builder\n  dmap: {}\n',
          'm/manifests/b/promoter-manifest.yaml':
            'registries:\n- name: gcr.io/staging-b\n  src: true\n- name: gcr.io/prod-b\n',
          'm/images/b/images.yaml': '- name: ok\n- dmap: {}\n',
        }),
      ),
      { path: 'm/manifests', registryName: 'images.example.org' },
    );
    const byName = new Map(entities.map(e => [e.metadata.name, e]));
    expect(byName.get('registry-promotion--a')?.spec?.images).toEqual([
      'images.example.org/tools/builder',
    ]);
    // The promotion stays; only its image list is unread.
    expect(byName.get('registry-promotion--b')?.spec?.images).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'm/images/b/images.yaml',
        line: 2,
        message: 'image 2 needs a name',
      }),
    ]);
    expect(() => parseImagesList('x', 'name: a\n')).toThrow(/a list of images/);
  });
});

describe('promoter manifests on the real kubernetes/k8s.io files', () => {
  it('reads the 75 manifests without problems, and the registry that depends on each', () => {
    expect(result.problems).toEqual([]);
    expect(promotions).toHaveLength(75);
    expect(registry.metadata.name).toBe('container-registry--registry.k8s.io');
    expect(registry.spec).toMatchObject({ type: 'container-registry' });
    expect([...(registry.spec?.dependsOn as string[])].sort()).toEqual(
      truth.map(t => promotionRef(t.stagingProject)).sort(),
    );
  });

  it('emits valid Backstage entities', async () => {
    expect(await invalidEntities(result.entities)).toEqual([]);
  });

  it('matches registry-index.json: source, destination count, service account', () => {
    for (const t of truth) {
      const p = promotions.find(
        e =>
          `resource:default/${e.metadata.name}` ===
          promotionRef(t.stagingProject),
      )!;
      expect(p.metadata.annotations?.[ANNOTATIONS.declaredIn]).toMatch(
        new RegExp(
          `/blob/[0-9a-f]+/${t.promoterManifest.replace(/\./g, '\\.')}$`,
        ),
      );
      expect([p.spec?.source]).toEqual(t.srcRegistries);
      expect(p.spec?.destinations).toHaveLength(t.destRegistryCount);
      const sourceProject = t.srcRegistries[0].split('/')[1];
      expect(p.spec?.dependsOn).toEqual([
        `resource:default/${gcpProjectEntityName(sourceProject)}`,
        ...t.destServiceAccounts.map(
          sa => `resource:default/${gcpServiceAccountEntityName(sa)}`,
        ),
      ]);
    }
  });

  it('depends on the source registry project, which is not always the directory name', () => {
    const kubeadm = promotions.find(
      e =>
        e.metadata.title ===
        'k8s-staging-cluster-api-kubeadm → registry.k8s.io',
    )!;
    expect(kubeadm.spec?.dependsOn).toEqual([
      'resource:default/gcp-project--k8s-staging-capi-kubeadm',
      'resource:default/gcp-service-account--k8s-infra-gcr-promoter--k8s-artifacts-prod',
    ]);
    expect(kubeadm.metadata.annotations?.[ANNOTATIONS.gcpProjectId]).toBe(
      'k8s-staging-capi-kubeadm',
    );
  });
});

describe('promoter manifest bad input', () => {
  it('locates wrong shapes', () => {
    expect(() =>
      parsePromoterManifest('m/x/promoter-manifest.yaml', 'images: []'),
    ).toThrow(
      /^m\/x\/promoter-manifest\.yaml: line 1: a promoter manifest needs a non-empty 'registries' list/,
    );
    expect(() =>
      parsePromoterManifest(
        'p',
        'registries:\n- name: gcr.io/a\n  src: true\n- name: gcr.io/b\n  src: true\n',
      ),
    ).toThrow(/line 1: .*exactly one registry with 'src: true', found 2/);
    expect(() =>
      parsePromoterManifest(
        'p',
        'registries:\n- name: gcr.io/a\n  src: true\n- src: false\n',
      ),
    ).toThrow(/line 4: registries\[1\] needs a name/);
  });

  it('keeps the good manifests when one is bad, and names a missing registry name', () => {
    const { entities, problems } = analyzePromoterManifests(
      testContext(
        snapshotOf({
          'm/good/promoter-manifest.yaml':
            'registries:\n- name: gcr.io/k8s-staging-good\n  src: true\n- name: us.gcr.io/prod/good\n  service-account: sa@prod.iam.gserviceaccount.com\n',
          'm/bad/promoter-manifest.yaml': 'registries: [\n',
          'm/other/README.md': 'not a manifest',
        }),
      ),
      { path: 'm/', registryName: 'images.example.org' },
    );
    expect(entities.map(e => e.metadata.name)).toEqual([
      'container-registry--images.example.org',
      'registry-promotion--good',
    ]);
    expect(problems).toEqual([
      {
        path: 'm/bad/promoter-manifest.yaml',
        line: expect.any(Number),
        message: expect.stringMatching(/^invalid YAML/),
        unread: true,
      },
    ]);
    expect(
      analyzePromoterManifests(testContext(snapshotOf({})), OPTIONS),
    ).toEqual({
      entities: [],
      problems: [
        {
          path: 'registry.k8s.io/manifests',
          message:
            'no registry.k8s.io/manifests/*/promoter-manifest.yaml found',
        },
      ],
    });
  });
});
