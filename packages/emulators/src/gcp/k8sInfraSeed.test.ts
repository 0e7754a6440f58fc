import { clientsFor, ONCE } from './__testUtils__/clients';
import { ASSET_TYPES } from './cai';
import { GcpEstate } from './estate';
import { loadK8sInfraGcpEstate } from './k8sInfraSeed';
import { GcpEmulator, startGcpEmulator } from './server';

const ORG = 'organizations/758905017065';

describe('k8s-infra seed', () => {
  let estate: GcpEstate;
  let emulator: GcpEmulator;
  let clients: ReturnType<typeof clientsFor>;

  beforeAll(async () => {
    estate = loadK8sInfraGcpEstate();
    emulator = await startGcpEmulator({ estate });
    clients = clientsFor(emulator);
  });

  afterAll(async () => {
    await clients.close();
    await emulator.stop();
  });

  it('converts every audited resource', () => {
    const counts: Record<string, number> = {};
    for (const asset of estate.assets) {
      counts[asset.assetType] = (counts[asset.assetType] ?? 0) + 1;
    }
    expect(counts).toEqual({
      [ASSET_TYPES.bucket]: 3266,
      [ASSET_TYPES.serviceAccount]: 354,
      [ASSET_TYPES.secret]: 56,
      [ASSET_TYPES.cluster]: 3,
      [ASSET_TYPES.managedZone]: 14,
      [ASSET_TYPES.dataset]: 14,
      [ASSET_TYPES.topic]: 309,
      [ASSET_TYPES.service]: 6322,
      [ASSET_TYPES.role]: 8,
    });
    expect(estate.assets.every(a => a.organization === ORG)).toBe(true);
    const numbers = new Set(estate.projects.map(p => p.name));
    // The 7 organization-level custom roles belong to no project.
    expect(estate.assets.filter(a => !numbers.has(a.project))).toHaveLength(7);
  });

  it('carries each resource in its API shape for read_mask searches', async () => {
    const search = async (assetType: string, scope = ORG) =>
      (
        await clients.assets.searchAllResources(
          {
            scope,
            assetTypes: [assetType],
            pageSize: 500,
            readMask: { paths: ['*'] },
          },
          ONCE,
        )
      )[0];
    const resource = (name: string) =>
      estate.assets.find(a => a.name === name)!.versionedResource!.resource;

    expect(
      resource('//storage.googleapis.com/k8s-artifacts-prod'),
    ).toMatchObject({
      storageClass: 'STANDARD',
      versioning: { enabled: false },
      iamConfiguration: {
        uniformBucketLevelAccess: { enabled: true },
        publicAccessPrevention: 'inherited',
      },
      // gsutil: "Duration: 10 Year(s)", a year being 365.25 days; not locked.
      retentionPolicy: {
        retentionPeriod: '315576000',
        effectiveTime: '2019-08-16T17:20:11.000Z',
      },
    });
    expect(
      resource('//storage.googleapis.com/k8s-staging-capi-docker')
        .retentionPolicy,
    ).toMatchObject({ retentionPeriod: '2592000' });
    expect(
      resource('//storage.googleapis.com/k8s-release-dev').lifecycle,
    ).toEqual({
      rule: [{ action: { type: 'Delete' }, condition: { age: 90 } }],
    });

    const [aaa] = (await search(ASSET_TYPES.cluster)).filter(
      c => c.displayName === 'aaa',
    );
    const fields = aaa.versionedResources![0].resource!.fields!;
    expect(fields.currentMasterVersion.stringValue).toBe('1.27.11-gke.1062001');
    expect(
      fields.workloadIdentityConfig.structValue!.fields!.workloadPool
        .stringValue,
    ).toBe('kubernetes-public.svc.id.goog');
    expect(fields.nodePools.listValue!.values).toHaveLength(3);

    const zones = await search(ASSET_TYPES.managedZone);
    expect(zones).toHaveLength(14);
    expect(
      resource(zones.find(z => z.displayName === 'k8s-io')!.name!),
    ).toMatchObject({ visibility: 'public', dnssecConfig: { state: 'off' } });

    const roles = await search(ASSET_TYPES.role);
    expect(roles.map(r => r.name)).toContain(
      '//iam.googleapis.com/organizations/758905017065/roles/audit.viewer',
    );
    expect(
      resource(
        '//iam.googleapis.com/projects/k8s-infra-ii-sandbox/roles/BigQueryAsnEtlCi',
      ),
    ).toMatchObject({
      includedPermissions: ['bigquery.jobs.create'],
      stage: 'GA',
    });

    const services = await search(
      ASSET_TYPES.service,
      'projects/kubernetes-public',
    );
    expect(services.map(s => s.displayName)).toContain(
      'container.googleapis.com',
    );
  });

  it('serves the organization and its 327 projects (v1 converted to v3)', async () => {
    const [org] = await clients.organizations.getOrganization(
      { name: ORG },
      ONCE,
    );
    expect(org).toMatchObject({
      displayName: 'kubernetes.io',
      directoryCustomerId: 'C01vqsvdr',
      state: 'ACTIVE',
    });
    const [projects] = await clients.projects.listProjects(
      { parent: ORG, pageSize: 500 },
      ONCE,
    );
    expect(projects).toHaveLength(327);
    expect(projects.every(p => p.parent === ORG && p.state === 'ACTIVE')).toBe(
      true,
    );
    expect(
      projects.find(p => p.projectId === 'kubernetes-public'),
    ).toMatchObject({
      name: 'projects/127754664067',
      displayName: 'kubernetes-public',
    });
  });

  it('has the org admins group in the organization policy', async () => {
    const [policy] = await clients.organizations.getIamPolicy(
      { resource: ORG },
      ONCE,
    );
    const rolesOf = (member: string) =>
      policy
        .bindings!.filter(b => b.members!.includes(member))
        .map(b => b.role);
    expect(rolesOf('group:k8s-infra-gcp-org-admins@kubernetes.io')).toEqual(
      expect.arrayContaining([
        'organizations/758905017065/roles/organization.admin',
        'roles/owner',
        'roles/billing.admin',
      ]),
    );
  });

  it('serves cluster aaa in kubernetes-public', async () => {
    const [clusters] = await clients.assets.searchAllResources(
      {
        scope: 'projects/kubernetes-public',
        assetTypes: [ASSET_TYPES.cluster],
      },
      ONCE,
    );
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({
      name: '//container.googleapis.com/projects/kubernetes-public/locations/us-central1/clusters/aaa',
      displayName: 'aaa',
      location: 'us-central1',
      project: 'projects/127754664067',
      state: 'RUNNING',
      createTime: {
        seconds: String(Date.parse('2019-09-18T23:39:24Z') / 1000),
      },
    });
    expect(
      clusters[0].additionalAttributes?.fields?.workloadPool,
    ).toMatchObject({
      stringValue: 'kubernetes-public.svc.id.goog',
    });
  });

  it('converts gsutil bucket metadata: dates, booleans, locations', async () => {
    const [buckets] = await clients.assets.searchAllResources(
      {
        scope: 'projects/kubernetes-public',
        assetTypes: [ASSET_TYPES.bucket],
        pageSize: 500,
      },
      ONCE,
    );
    const cveFeed = buckets.find(b => b.displayName === 'k8s-cve-feed')!;
    expect(cveFeed).toMatchObject({
      name: '//storage.googleapis.com/k8s-cve-feed',
      location: 'us',
      createTime: {
        seconds: String(Date.parse('2022-07-29T17:20:38Z') / 1000),
        nanos: 0,
      },
    });
    expect(cveFeed.additionalAttributes?.fields).toMatchObject({
      uniformBucketLevelAccess: { boolValue: true },
      versioningEnabled: { boolValue: false },
    });
    const [[legacyAcl]] = await clients.assets.searchAllResources(
      {
        scope: 'projects/k8s-artifacts-prod-bak',
        assetTypes: [ASSET_TYPES.bucket],
      },
      ONCE,
    );
    expect(
      legacyAcl.additionalAttributes?.fields?.uniformBucketLevelAccess,
    ).toMatchObject({ boolValue: false });
  });

  it('shows a world-readable bucket with allUsers in its policy', async () => {
    const [policies] = await clients.assets.searchAllIamPolicies(
      {
        scope: 'projects/kubernetes-public',
        assetTypes: [ASSET_TYPES.bucket],
        pageSize: 500,
      },
      ONCE,
    );
    const cveFeed = policies.find(
      p => p.resource === '//storage.googleapis.com/k8s-cve-feed',
    );
    expect(cveFeed?.policy?.bindings).toContainEqual(
      expect.objectContaining({
        role: 'roles/storage.objectViewer',
        members: ['allUsers'],
      }),
    );
  });

  it('serves the empty policy shapes {} and {"version": 1} as empty policies', async () => {
    const [purgatory] = await clients.projects.getIamPolicy(
      { resource: 'projects/k8s-infra-purgatory' },
      ONCE,
    );
    expect(purgatory).toMatchObject({ version: 1, bindings: [] });

    const [policies] = await clients.assets.searchAllIamPolicies(
      { scope: ORG, assetTypes: [ASSET_TYPES.serviceAccount], pageSize: 500 },
      ONCE,
    );
    // 354 service accounts: 264 with {}, 2 with {"version": 1}, 88 with bindings.
    expect(policies).toHaveLength(88);
    expect(policies.every(p => p.policy!.bindings!.length > 0)).toBe(true);
  });

  it('keeps sub-millisecond precision of Secret Manager times', async () => {
    const [secrets] = await clients.assets.searchAllResources(
      {
        scope: 'projects/k8s-infra-prow-build',
        assetTypes: [ASSET_TYPES.secret],
        pageSize: 500,
      },
      ONCE,
    );
    expect(
      secrets.find(
        s => s.displayName === 'prow-build-ssh-key-secret-ssh-private',
      ),
    ).toMatchObject({
      name: '//secretmanager.googleapis.com/projects/773781448124/secrets/prow-build-ssh-key-secret-ssh-private',
      labels: { group: 'sig-testing' },
      createTime: { nanos: 950908000 },
    });
  });
});
