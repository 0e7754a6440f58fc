import {
  ASSET_TYPES,
  GcpAsset,
  generateSyntheticGcpEstate,
  loadK8sInfraGcpEstate,
  toStruct,
} from '@infra-atlas/emulators';
import {
  BucketConfiguration,
  ClusterConfiguration,
  RoleConfiguration,
  ZoneConfiguration,
} from '@infra-atlas/inventory-common';
import { Asset, CrawlResult } from '../lib/crawl';
import {
  configurationOf,
  enabledServicesByProject,
  withoutEnabledServices,
} from './configuration';

/** An estate asset as search returns it with `readMask: *`. */
const searchResult = (asset: GcpAsset): Asset => ({
  name: asset.name,
  assetType: asset.assetType,
  project: asset.project,
  displayName: asset.displayName,
  versionedResources: asset.versionedResource
    ? [
        {
          version: asset.versionedResource.version,
          resource: toStruct(asset.versionedResource.resource),
        },
      ]
    : [],
});

describe('configuration on the k8s-infra snapshot', () => {
  const estate = loadK8sInfraGcpEstate();
  const configuration = (name: string) =>
    configurationOf(searchResult(estate.assets.find(a => a.name === name)!));

  it('reads a bucket: storage class, retention, versioning, access, lifecycle', () => {
    expect(
      configuration('//storage.googleapis.com/k8s-artifacts-prod'),
    ).toEqual<BucketConfiguration>({
      storageClass: 'STANDARD',
      versioning: false,
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'inherited',
      retention: 'unlocked',
      retentionPeriodSeconds: 315576000,
      retentionEffectiveTime: '2019-08-16T17:20:11.000Z',
      lifecycleRules: [],
    });
    expect(
      configuration('//storage.googleapis.com/k8s-release-dev'),
    ).toMatchObject({
      retention: 'none',
      lifecycleRules: [{ action: 'Delete', condition: { age: 90 } }],
    });
  });

  it('reads a GKE cluster: version, channel, Workload Identity, node pools', () => {
    const aaa = configuration(
      '//container.googleapis.com/projects/kubernetes-public/locations/us-central1/clusters/aaa',
    ) as ClusterConfiguration;
    expect(aaa).toMatchObject({
      version: '1.27.11-gke.1062001',
      releaseChannel: 'REGULAR',
      workloadPool: 'kubernetes-public.svc.id.goog',
      machineTypes: ['e2-highmem-4', 'n1-standard-2', 'n1-standard-4'],
      nodeServiceAccounts: [
        'default',
        'gke-nodes-aaa@kubernetes-public.iam.gserviceaccount.com',
      ],
    });
    expect(aaa.nodePools[0]).toEqual({
      name: 'pool1-20190918234853194900000001',
      version: '1.27.11-gke.1062000',
      machineType: 'n1-standard-2',
      serviceAccount: 'gke-nodes-aaa@kubernetes-public.iam.gserviceaccount.com',
      autoscaling: { enabled: true, minNodeCount: 1, maxNodeCount: 20 },
    });
  });

  it('reads DNS zones (DNSSEC absent counts as off) and custom roles', () => {
    const zones = estate.assets
      .filter(a => a.assetType === ASSET_TYPES.managedZone)
      .map(a => configurationOf(searchResult(a)) as ZoneConfiguration);
    expect(zones).toHaveLength(14);
    expect(zones.every(z => z.visibility === 'public')).toBe(true);
    expect(zones.find(z => z.dnsName === 'k8s.io.')).toMatchObject({
      dnssec: 'off',
    });

    expect(
      configuration(
        '//iam.googleapis.com/projects/k8s-infra-ii-sandbox/roles/BigQueryAsnEtlCi',
      ),
    ).toEqual<RoleConfiguration>({
      role: 'projects/k8s-infra-ii-sandbox/roles/BigQueryAsnEtlCi',
      stage: 'GA',
      permissions: ['bigquery.jobs.create'],
    });
  });

  it('gives enabled services to their project and keeps them out of the entities', () => {
    const crawl: CrawlResult = {
      organizations: [],
      folders: [],
      projects: [],
      assets: estate.assets.map(searchResult),
      policies: [],
      failures: [],
    };
    const kubernetesPublic = estate.projects.find(
      p => p.projectId === 'kubernetes-public',
    )!;
    const services = enabledServicesByProject(crawl.assets).get(
      kubernetesPublic.name,
    )!;
    expect(services).toContain('container.googleapis.com');
    expect(services).toEqual([...services].sort());
    expect(
      withoutEnabledServices(crawl).assets.some(
        a => a.assetType === ASSET_TYPES.service,
      ),
    ).toBe(false);
  });

  it('says nothing when search returned no versioned resource', () => {
    expect(
      configurationOf({
        name: '//storage.googleapis.com/x',
        assetType: ASSET_TYPES.bucket,
        versionedResources: [],
      }),
    ).toBeUndefined();
  });
});

describe('configuration on a synthetic estate', () => {
  const estate = generateSyntheticGcpEstate({ projects: 60, seed: 3 });
  const of = (type: string) =>
    estate.assets
      .filter(a => a.assetType === type)
      .map(a => configurationOf(searchResult(a))!);

  it('tells locked from unlocked retention and reads every bucket', () => {
    const buckets = of(ASSET_TYPES.bucket) as BucketConfiguration[];
    const retention = new Set(buckets.map(b => b.retention));
    expect(retention).toEqual(new Set(['none', 'unlocked', 'locked']));
    expect(
      buckets
        .filter(b => b.retention !== 'none')
        .every(b => b.retentionPeriodSeconds! > 0),
    ).toBe(true);
  });

  it('names clusters on no channel NONE and zones private to their network', () => {
    const clusters = of(ASSET_TYPES.cluster) as ClusterConfiguration[];
    expect(clusters.map(c => c.releaseChannel)).toContain('NONE');
    expect(clusters.some(c => c.workloadPool === undefined)).toBe(true);
    const zones = of(ASSET_TYPES.managedZone) as ZoneConfiguration[];
    const privateZone = zones.find(z => z.visibility === 'private')!;
    expect(privateZone.networks[0]).toMatch(/^[a-z0-9-]+\/default$/);
  });
});
