import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { k8sInfraBillingAccounts } from '../billing/k8sInfraBilling';
import { ASSET_TYPES, fullResourceName, inProject, resourceId } from './cai';
import {
  IamRole,
  customRoleAsset,
  enabledServiceAsset,
  inOrganization,
  v1Resource,
} from './configurationAssets';
import {
  GcpAsset,
  GcpEstate,
  GcpOrganization,
  GcpProject,
  IamPolicy,
  LifecycleState,
} from './estate';

/**
 * The vendored copy of the kubernetes.io audit (kubernetes/k8s.io, Apache-2.0), resolved
 * through the package so that it is found from sources and from a build alike.
 */
const DEFAULT_SEED_DIR = join(
  dirname(require.resolve('@infra-atlas/emulators/package.json')),
  'seed/k8s-infra/gcp',
);

/** `gcloud organizations describe` (Resource Manager v1). */
type V1Organization = {
  name: string;
  displayName: string;
  creationTime: string;
  lifecycleState: LifecycleState;
  owner: { directoryCustomerId: string };
};

/** `gcloud projects describe` (Resource Manager v1). */
type V1Project = {
  projectId: string;
  projectNumber: string;
  name: string;
  parent: { type: 'organization' | 'folder'; id: string };
  lifecycleState: LifecycleState;
  createTime: string;
  labels?: Record<string, string>;
};

/** One bucket of `index/buckets.json`: gsutil's strings, kept as gsutil printed them. */
type GsutilBucket = {
  name: string;
  projectId: string;
  location: string;
  locationType: string;
  storageClass: string;
  timeCreated: string;
  timeUpdated: string;
  bucketPolicyOnlyEnabled: string;
  publicAccessPrevention: string;
  versioningEnabled?: string;
  labels?: Record<string, string>;
  logging?: { logBucket: string; logObjectPrefix?: string };
  /** `gsutil lifecycle get` */
  lifecycle?: { rule: object[] };
  /** `gsutil retention get`, e.g. `Retention Policy (UNLOCKED):\n  Duration: 10 Year(s)…` */
  retentionText?: string;
  rpo?: string;
  iam: IamPolicy;
};

type ServiceAccountEntry = {
  serviceAccount: {
    email: string;
    projectId: string;
    uniqueId: string;
    oauth2ClientId: string;
    displayName?: string;
    description?: string;
  };
  iamPolicy: IamPolicy;
};

type Secret = {
  createTime: string;
  labels?: Record<string, string>;
  replication: Record<string, unknown>;
};

/** `gcloud container clusters list`, one file per cluster. */
type Cluster = {
  name: string;
  location: string;
  createTime: string;
  currentMasterVersion: string;
  network: string;
  resourceLabels?: Record<string, string> | null;
  workloadIdentityConfig?: { workloadPool: string };
  releaseChannel?: { channel: string };
};

type ManagedZone = {
  id: string;
  name: string;
  dnsName: string;
  description: string;
  creationTime: string;
  visibility: string;
  labels?: Record<string, string>;
};

/** `bq ls --format=json` */
type Dataset = {
  datasetReference: { datasetId: string };
  friendlyName?: string;
  location: string;
  labels?: Record<string, string>;
};

type Topic = { name: string; labels?: Record<string, string> };

/**
 * The kubernetes.io GCP organization as audited on 2024-05-06: the organization, its 327
 * projects and their IAM policies, and as assets the GCS buckets, service accounts, Secret
 * Manager secrets (metadata only), GKE clusters, Cloud DNS zones, BigQuery datasets and
 * Pub/Sub topics. The files keep their gcloud/gsutil formats; this converts them to the API
 * shapes. The audit has no folders: every project's parent is the organization.
 */
export function loadK8sInfraGcpEstate(
  seedDir: string = DEFAULT_SEED_DIR,
): GcpEstate {
  const readJson = <T>(file: string): T =>
    JSON.parse(readFileSync(join(seedDir, file), 'utf8'));
  // Per-project lists are absent when empty; `bq ls` even writes an empty file.
  const readList = <T>(file: string): T[] => {
    const path = join(seedDir, file);
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    return text.trim() ? JSON.parse(text) : [];
  };
  const entries = (dir: string, directories: boolean) => {
    const path = join(seedDir, dir);
    return existsSync(path)
      ? readdirSync(path, { withFileTypes: true })
          .filter(entry => entry.isDirectory() === directories)
          .map(entry => entry.name)
          .sort()
      : [];
  };

  const orgDirs = entries('organizations', true);
  const organizations = orgDirs.map((dir): GcpOrganization => {
    const org = readJson<V1Organization>(
      `organizations/${dir}/description.json`,
    );
    return {
      name: org.name,
      displayName: org.displayName,
      directoryCustomerId: org.owner.directoryCustomerId,
      state: org.lifecycleState,
      createTime: org.creationTime,
      iamPolicy: readJson(`organizations/${dir}/iam.json`),
    };
  });

  const projects = readJson<V1Project[]>('index/projects.json').map(
    (project): GcpProject => ({
      name: `projects/${project.projectNumber}`,
      projectId: project.projectId,
      parent: `${project.parent.type}s/${project.parent.id}`,
      displayName: project.name,
      state: project.lifecycleState,
      createTime: project.createTime,
      labels: project.labels ?? {},
      iamPolicy: readJson(`projects/${project.projectId}/iam.json`),
    }),
  );
  // The audit has no folders, so a project's ancestry is just its parent, the organization.
  const placements = new Map(
    projects.map(p => [p.projectId, inProject(p, [p.parent])]),
  );
  const placementIn = (projectId: string) => {
    const placement = placements.get(projectId);
    if (!placement) {
      throw new Error(`k8s-infra seed: unknown project "${projectId}"`);
    }
    return placement;
  };

  // Custom roles: `gcloud iam roles describe` per role, at organization and project level.
  const roles = (dir: string) =>
    entries(`${dir}/roles`, false).map(file =>
      readJson<IamRole>(`${dir}/roles/${file}`),
    );
  const enabledServices = readJson<Record<string, string[]>>(
    'index/enabled-services.json',
  );

  const assets: GcpAsset[] = [
    ...orgDirs.flatMap((dir, i) =>
      roles(`organizations/${dir}`).map(role =>
        customRoleAsset(role, inOrganization(organizations[i].name)),
      ),
    ),
    ...readJson<GsutilBucket[]>('index/buckets.json').map(bucket =>
      toBucket(bucket, placementIn(bucket.projectId)),
    ),
    ...readJson<ServiceAccountEntry[]>('index/service-accounts.json').map(
      ({ serviceAccount: sa, iamPolicy }): GcpAsset => ({
        ...placementIn(sa.projectId),
        name: fullResourceName.serviceAccount(sa.projectId, sa.uniqueId),
        assetType: ASSET_TYPES.serviceAccount,
        displayName: sa.displayName ?? '',
        description: sa.description,
        location: 'global',
        additionalAttributes: {
          email: sa.email,
          oauth2ClientId: sa.oauth2ClientId,
        },
        iamPolicy,
      }),
    ),
  ];

  for (const project of projects) {
    const { projectId, name: projectName } = project;
    const placement = placementIn(projectId);
    const dir = `projects/${projectId}`;
    for (const service of enabledServices[projectId] ?? []) {
      assets.push(enabledServiceAsset(project, placement, service));
    }
    for (const role of roles(dir)) {
      assets.push(customRoleAsset(role, placement));
    }
    for (const secretId of entries(`${dir}/secrets`, true)) {
      const secret = readJson<Secret>(
        `${dir}/secrets/${secretId}/description.json`,
      );
      assets.push({
        ...placement,
        name: fullResourceName.secret(resourceId(projectName), secretId),
        assetType: ASSET_TYPES.secret,
        displayName: secretId,
        location: 'global',
        labels: secret.labels ?? {},
        createTime: secret.createTime,
        additionalAttributes: {
          replication: Object.keys(secret.replication)[0] ?? '',
        },
        iamPolicy: readJson(`${dir}/secrets/${secretId}/iam.json`),
      });
    }
    for (const file of entries(`${dir}/services/container/clusters`, false)) {
      const cluster = readJson<Cluster>(
        `${dir}/services/container/clusters/${file}`,
      );
      assets.push({
        ...placement,
        name: fullResourceName.cluster(
          projectId,
          cluster.location,
          cluster.name,
        ),
        assetType: ASSET_TYPES.cluster,
        displayName: cluster.name,
        location: cluster.location,
        labels: cluster.resourceLabels ?? {},
        createTime: cluster.createTime,
        // The audit strips `status`; every audited cluster was serving.
        state: 'RUNNING',
        additionalAttributes: {
          version: cluster.currentMasterVersion,
          workloadPool: cluster.workloadIdentityConfig?.workloadPool ?? '',
          releaseChannel: cluster.releaseChannel?.channel ?? '',
          network: cluster.network,
        },
        // The audit's file is container v1's Cluster (minus what the exporter removed).
        versionedResource: v1Resource(cluster),
      });
    }
    for (const zone of readList<ManagedZone>(
      `${dir}/services/dns/zones.json`,
    )) {
      assets.push({
        ...placement,
        name: fullResourceName.managedZone(projectId, zone.id),
        assetType: ASSET_TYPES.managedZone,
        displayName: zone.name,
        description: zone.description,
        location: 'global',
        labels: zone.labels ?? {},
        createTime: zone.creationTime,
        additionalAttributes: {
          dnsName: zone.dnsName,
          visibility: zone.visibility,
        },
        versionedResource: v1Resource(zone),
      });
    }
    for (const dataset of readList<Dataset>(
      `${dir}/services/bigquery/bigquery.datasets.json`,
    )) {
      const datasetId = dataset.datasetReference.datasetId;
      assets.push({
        ...placement,
        name: fullResourceName.dataset(projectId, datasetId),
        assetType: ASSET_TYPES.dataset,
        displayName: dataset.friendlyName ?? datasetId,
        location: dataset.location.toLowerCase(),
        labels: dataset.labels ?? {},
      });
    }
    for (const topic of readList<Topic>(`${dir}/services/pubsub/topics.json`)) {
      const topicId = topic.name.slice(topic.name.lastIndexOf('/') + 1);
      assets.push({
        ...placement,
        name: fullResourceName.topic(projectId, topicId),
        assetType: ASSET_TYPES.topic,
        displayName: topicId,
        location: 'global',
        labels: topic.labels ?? {},
      });
    }
  }

  return {
    organizations,
    folders: [],
    projects,
    assets,
    // SYNTHETIC: the audit has no billing; see billing/k8sInfraBilling.ts.
    billingAccounts: k8sInfraBillingAccounts(organizations[0], projects),
  };
}

function toBucket(
  bucket: GsutilBucket,
  placement: ReturnType<typeof inProject>,
): GcpAsset {
  return {
    ...placement,
    name: fullResourceName.bucket(bucket.name),
    assetType: ASSET_TYPES.bucket,
    displayName: bucket.name,
    // gsutil prints `US`, `US-CENTRAL1`; Cloud Asset Inventory reports lower case.
    location: bucket.location.toLowerCase(),
    labels: bucket.labels ?? {},
    createTime: rfc1123ToRfc3339(bucket.timeCreated),
    updateTime: rfc1123ToRfc3339(bucket.timeUpdated),
    additionalAttributes: {
      storageClass: bucket.storageClass,
      locationType: bucket.locationType,
      publicAccessPrevention: bucket.publicAccessPrevention,
      uniformBucketLevelAccess: gsutilBoolean(bucket.bucketPolicyOnlyEnabled),
      versioningEnabled: gsutilBoolean(bucket.versioningEnabled ?? 'False'),
      ...(bucket.logging ? { logBucket: bucket.logging.logBucket } : {}),
    },
    // As `gsutil iam get` printed it: `projectOwner:<p>` style members are kept, as CAI does.
    iamPolicy: bucket.iam,
    versionedResource: v1Resource(storageBucket(bucket)),
  };
}

/** gsutil's retention units (its `retention_util`): a month is 31 days, a year 365.25. */
const RETENTION_UNIT_SECONDS: Record<string, number> = {
  Second: 1,
  Day: 86_400,
  Month: 31 * 86_400,
  Year: 365.25 * 86_400,
};

/** The storage v1 Bucket that `gsutil ls -L -b`, `lifecycle get` and `retention get` describe. */
function storageBucket(bucket: GsutilBucket) {
  return {
    kind: 'storage#bucket',
    name: bucket.name,
    location: bucket.location,
    locationType: bucket.locationType,
    storageClass: bucket.storageClass,
    rpo: bucket.rpo,
    timeCreated: rfc1123ToRfc3339(bucket.timeCreated),
    updated: rfc1123ToRfc3339(bucket.timeUpdated),
    labels: bucket.labels,
    versioning: {
      enabled: gsutilBoolean(bucket.versioningEnabled ?? 'False'),
    },
    iamConfiguration: {
      uniformBucketLevelAccess: {
        enabled: gsutilBoolean(bucket.bucketPolicyOnlyEnabled),
      },
      publicAccessPrevention: bucket.publicAccessPrevention,
    },
    retentionPolicy: bucket.retentionText
      ? retentionPolicy(bucket.retentionText)
      : undefined,
    lifecycle: bucket.lifecycle,
    logging: bucket.logging,
  };
}

/** `Retention Policy (LOCKED):\n Duration: 10 Year(s)\n Effective Time: <RFC 1123>` */
function retentionPolicy(text: string) {
  const match =
    /Retention Policy \((UNLOCKED|LOCKED)\):\s+Duration: (\d+) (Second|Day|Month|Year)\(s\)\s+Effective Time: (.+)/.exec(
      text,
    );
  if (!match) {
    throw new Error(`k8s-infra seed: unreadable retention policy: "${text}"`);
  }
  const [, lock, count, unit, effective] = match;
  return {
    // int64 in the JSON API: a string of seconds.
    retentionPeriod: String(Number(count) * RETENTION_UNIT_SECONDS[unit]),
    effectiveTime: rfc1123ToRfc3339(effective.trim()),
    ...(lock === 'LOCKED' ? { isLocked: true } : {}),
  };
}

/** gsutil prints booleans as `True`/`False`; both are truthy strings, hence the care. */
function gsutilBoolean(value: string): boolean {
  if (value !== 'True' && value !== 'False') {
    throw new Error(`k8s-infra seed: not a gsutil boolean: "${value}"`);
  }
  return value === 'True';
}

/** gsutil prints times as RFC 1123 (`Wed, 15 Feb 2023 20:29:18 GMT`). */
function rfc1123ToRfc3339(value: string): string {
  const millis = Date.parse(value);
  if (Number.isNaN(millis)) {
    throw new Error(`k8s-infra seed: not an RFC 1123 date: "${value}"`);
  }
  return new Date(millis).toISOString();
}
