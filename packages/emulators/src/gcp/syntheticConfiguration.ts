import { inProject } from './cai';
import {
  customRoleAsset,
  enabledServiceAsset,
  inOrganization,
  v1Resource,
} from './configurationAssets';
import { GcpAsset, GcpProject } from './estate';
import { prng } from '../shared/random';

const DAY = 86_400;
const STORAGE_CLASSES = [
  'STANDARD',
  'STANDARD',
  'NEARLINE',
  'COLDLINE',
  'ARCHIVE',
];
const RETENTION_SECONDS = [30 * DAY, 365.25 * DAY, 3652.5 * DAY];
const GKE_VERSIONS = [
  '1.29.4-gke.1043002',
  '1.30.2-gke.1587003',
  '1.28.9-gke.1289000',
];
/** `''`: a cluster on no release channel, which the API reports as no `releaseChannel`. */
const RELEASE_CHANNELS = ['REGULAR', 'REGULAR', 'STABLE', 'RAPID', ''];
const MACHINE_TYPES = [
  'e2-standard-4',
  'n2-standard-8',
  'n1-highmem-8',
  'e2-medium',
];
const BASE_SERVICES = [
  'cloudresourcemanager.googleapis.com',
  'iam.googleapis.com',
  'logging.googleapis.com',
  'monitoring.googleapis.com',
  'storage.googleapis.com',
];
const OPTIONAL_SERVICES = [
  'compute.googleapis.com',
  'run.googleapis.com',
  'artifactregistry.googleapis.com',
  'sqladmin.googleapis.com',
  'cloudbuild.googleapis.com',
];
/** The API each synthetic asset kind needs enabled. */
export const SERVICE_OF_KIND: Record<string, string> = {
  cluster: 'container.googleapis.com',
  managedZone: 'dns.googleapis.com',
  topic: 'pubsub.googleapis.com',
  secret: 'secretmanager.googleapis.com',
  dataset: 'bigquery.googleapis.com',
};
const ORGANIZATION_ROLES = [
  {
    id: 'bucketLister',
    stage: 'GA',
    includedPermissions: ['storage.buckets.get', 'storage.buckets.list'],
  },
  {
    id: 'deployer',
    stage: 'GA',
    includedPermissions: [
      'container.deployments.create',
      'container.deployments.update',
      'container.pods.list',
    ],
  },
  {
    id: 'auditViewer',
    stage: 'BETA',
    includedPermissions: [
      'logging.logEntries.list',
      'resourcemanager.projects.get',
      'resourcemanager.projects.getIamPolicy',
    ],
  },
];

/**
 * The configuration of a synthetic estate's resources, in each API's own shape, with varied
 * values: storage classes, versioning, retention (some locked), lifecycle rules, GKE versions
 * and release channels, node pools, DNSSEC, enabled APIs and custom roles. It draws from its
 * own random stream, so that the estate's resources are the same with or without it.
 */
export function syntheticConfiguration(seed: number) {
  const random = prng(seed * 7919 + 17);
  const chance = (p: number) => random.next() < p;

  return {
    /** storage v1 Bucket. Public buckets never enforce public access prevention. */
    bucket(
      name: string,
      location: string,
      uniform: boolean,
      isPublic: boolean,
    ) {
      const storageClass = random.pick(STORAGE_CLASSES);
      const retention = chance(0.15) ? random.pick(RETENTION_SECONDS) : 0;
      const publicAccessPrevention =
        !isPublic && chance(0.3) ? 'enforced' : 'inherited';
      const resource = {
        kind: 'storage#bucket',
        name,
        location: location.toUpperCase(),
        storageClass,
        versioning: { enabled: chance(0.3) },
        iamConfiguration: {
          uniformBucketLevelAccess: { enabled: uniform },
          publicAccessPrevention,
        },
        retentionPolicy: retention
          ? {
              retentionPeriod: String(retention),
              effectiveTime: '2022-01-01T00:00:00.000Z',
              ...(chance(0.4) ? { isLocked: true } : {}),
            }
          : undefined,
        lifecycle: chance(0.25)
          ? {
              rule: [
                {
                  action: { type: 'Delete' },
                  condition: { age: random.pick([7, 30, 90, 365]) },
                },
              ],
            }
          : undefined,
      };
      return {
        storageClass,
        publicAccessPrevention,
        versionedResource: v1Resource(resource),
      };
    },

    /** container v1 Cluster and the additional attributes search shows for it. */
    cluster(projectId: string, name: string, location: string) {
      const version = random.pick(GKE_VERSIONS);
      const channel = random.pick(RELEASE_CHANNELS);
      const workloadPool = chance(0.8) ? `${projectId}.svc.id.goog` : '';
      const nodePools = Array.from({ length: 1 + random.int(3) }, (_, i) => {
        const autoscaled = chance(0.7);
        return {
          name: `pool-${i + 1}`,
          version,
          config: {
            machineType: random.pick(MACHINE_TYPES),
            serviceAccount: chance(0.7)
              ? `gke-nodes@${projectId}.iam.gserviceaccount.com`
              : 'default',
          },
          autoscaling: autoscaled
            ? {
                enabled: true,
                minNodeCount: 1,
                maxNodeCount: 3 + random.int(20),
              }
            : {},
          initialNodeCount: 3,
        };
      });
      return {
        additionalAttributes: {
          version,
          workloadPool,
          releaseChannel: channel,
          network: 'default',
        },
        versionedResource: v1Resource({
          name,
          location,
          currentMasterVersion: version,
          releaseChannel: channel ? { channel } : undefined,
          workloadIdentityConfig: workloadPool ? { workloadPool } : undefined,
          nodePools,
        }),
      };
    },

    /** dns v1 ManagedZone; private zones are visible to a VPC network. */
    zone(name: string, dnsName: string, visibility: string, projectId: string) {
      return v1Resource({
        kind: 'dns#managedZone',
        name,
        dnsName,
        visibility,
        dnssecConfig:
          visibility === 'public'
            ? { state: random.pick(['on', 'on', 'off', 'transfer']) }
            : undefined,
        privateVisibilityConfig:
          visibility === 'private'
            ? {
                networks: [
                  {
                    networkUrl: `https://www.googleapis.com/compute/v1/projects/${projectId}/global/networks/default`,
                  },
                ],
              }
            : undefined,
      });
    },

    /** The project's enabled APIs: the basics, those its resources need, and a few more. */
    services(
      project: GcpProject,
      placement: ReturnType<typeof inProject>,
      kinds: Iterable<string>,
    ) {
      const needed = [...kinds]
        .map(kind => SERVICE_OF_KIND[kind])
        .filter(Boolean);
      const extra = random.some(OPTIONAL_SERVICES, random.int(3));
      return [...new Set([...BASE_SERVICES, ...needed, ...extra])]
        .sort()
        .map(service => enabledServiceAsset(project, placement, service));
    },

    /** A custom role in about one project in twenty. */
    projectRoles(
      project: GcpProject,
      placement: ReturnType<typeof inProject>,
    ): GcpAsset[] {
      if (!chance(0.05)) return [];
      return [
        customRoleAsset(
          {
            name: `projects/${project.projectId}/roles/etlRunner`,
            title: 'ETL runner',
            description: 'Runs the nightly load jobs',
            includedPermissions: [
              'bigquery.jobs.create',
              'bigquery.tables.updateData',
            ],
            stage: random.pick(['GA', 'ALPHA', 'DEPRECATED']),
          },
          placement,
        ),
      ];
    },

    organizationRoles(organization: string): GcpAsset[] {
      return ORGANIZATION_ROLES.map(({ id, ...role }) =>
        customRoleAsset(
          { name: `${organization}/roles/${id}`, title: id, ...role },
          inOrganization(organization),
        ),
      );
    },
  };
}
