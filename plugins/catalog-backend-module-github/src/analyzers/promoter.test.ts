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
import { analyzePromoterManifests, parsePromoterManifest } from './promoter';

type TruthStaging = {
  stagingProject: string;
  promoterManifest: string;
  srcRegistries: string[];
  destRegistryCount: number;
  destServiceAccounts: string[];
};

const truth = readTruth<{ stagingProjects: TruthStaging[] }>(
  'registry-index.json',
).stagingProjects;
const OPTIONS = { path: 'registry.k8s.io/manifests' };
const result = analyzePromoterManifests(testContext(k8sIoSnapshot()), OPTIONS);
const [registry, ...promotions] = result.entities;
const promotionRef = (staging: string) =>
  `resource:default/${entityName(['registry-promotion', staging])}`;

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
