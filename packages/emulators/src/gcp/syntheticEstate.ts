import { syntheticBillingAccounts } from '../billing/syntheticBilling';
import { ASSET_TYPES, fullResourceName, inProject } from './cai';
import {
  GcpAsset,
  GcpEstate,
  GcpFolder,
  GcpOrganization,
  GcpProject,
  IamBinding,
  IamPolicy,
} from './estate';
import { syntheticConfiguration } from './syntheticConfiguration';
import { prng } from '../shared/random';
import {
  SYNTHETIC_DOMAIN,
  SYNTHETIC_PEOPLE,
  SYNTHETIC_TEAMS,
} from '../shared/syntheticOrganization';

export type SyntheticEstateOptions = {
  /** Default 50. */
  projects?: number;
  /** Levels of folders under the organization; 0 puts every project under it. Default 2. */
  folderDepth?: number;
  /** Children of the organization and of every folder above the last level. Default 3. */
  foldersPerFolder?: number;
  /**
   * Resources in each project, besides the project itself and its configuration assets (its
   * enabled APIs and, in some projects, a custom role). Default 20.
   */
  assetsPerProject?: number;
  /** Same seed, same estate. Default 1. */
  seed?: number;
};

const FOLDER_WORDS = [
  ['engineering', 'operations', 'research', 'corporate', 'shared'],
  ['production', 'non-production', 'sandbox'],
  ['apps', 'data', 'network', 'tools'],
];
const ENVIRONMENTS = ['prod', 'staging', 'dev', 'test'];
const MULTI_REGIONS = ['us', 'eu', 'asia'];
const REGIONS = [
  'us-central1',
  'us-east1',
  'europe-west1',
  'europe-west4',
  'asia-northeast1',
];
const EPOCH = Date.parse('2018-01-01T00:00:00Z');
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Relative frequency of each asset type in a project. */
const ASSET_MIX: Array<[AssetKind, number]> = [
  ['bucket', 30],
  ['serviceAccount', 25],
  ['topic', 15],
  ['secret', 12],
  ['dataset', 8],
  ['managedZone', 5],
  ['cluster', 5],
];
type AssetKind =
  | 'bucket'
  | 'serviceAccount'
  | 'topic'
  | 'secret'
  | 'dataset'
  | 'managedZone'
  | 'cluster';

/** Share of buckets readable by `allUsers`. */
const PUBLIC_BUCKET_SHARE = 0.08;

/**
 * A made-up organization of any size, for benchmarks and tests that need scale: folders
 * nested `folderDepth` levels deep, projects spread over leaf and inner folders, and assets of
 * every type the k8s-infra seed has, with labels and IAM policies at organization, folder,
 * project and resource level (some buckets public), and their configuration (see
 * syntheticConfiguration): enabled APIs, custom roles, and each resource in its API's shape as
 * search returns it with a read mask. Generated in one pass, so 2,000 projects
 * with 100,000 assets take a few seconds at most.
 */
/**
 * Owner labels as organizations write them: mostly the team, sometimes a person, and
 * sometimes someone who has left (a value no IAM policy names).
 */
function ownerLabel(p: number, team: string): Record<string, string> {
  if (p % 11 === 5) return { team, owner: 'former-employee' };
  if (p % 5 === 3)
    return { owner: SYNTHETIC_PEOPLE[p % SYNTHETIC_PEOPLE.length] };
  return { team };
}

/**
 * Conditional grants on some projects: on-call break-glass ownership, some of it time-bound and
 * already expired.
 */
function breakGlass(p: number): IamBinding[] {
  if (p % 7 !== 2) return [];
  const expired = p % 14 === 2;
  return [
    {
      role: 'roles/owner',
      members: [`group:sre-oncall@${SYNTHETIC_DOMAIN}`],
      condition: {
        title: expired ? 'incident 2024-17' : 'break-glass',
        description: 'On-call access during incidents',
        expression: `request.time < timestamp("${
          expired ? '2024-03-01T00:00:00Z' : '2099-01-01T00:00:00Z'
        }")`,
      },
    },
  ];
}

export function generateSyntheticGcpEstate(
  options: SyntheticEstateOptions = {},
): GcpEstate {
  const {
    projects: projectCount = 50,
    folderDepth = 2,
    foldersPerFolder = 3,
    assetsPerProject = 20,
    seed = 1,
  } = options;
  if (folderDepth > 0 && foldersPerFolder < 1) {
    throw new Error('foldersPerFolder must be at least 1 when folderDepth > 0');
  }
  const random = prng(seed);
  const configuration = syntheticConfiguration(seed);
  const time = (from: number, years: number) =>
    new Date(from + random.next() * years * YEAR_MS).toISOString();
  const group = (name: string) => `group:${name}@${SYNTHETIC_DOMAIN}`;
  const user = () =>
    `user:${random.pick(SYNTHETIC_PEOPLE)}@${SYNTHETIC_DOMAIN}`;

  const organization: GcpOrganization = {
    name: 'organizations/100000000001',
    displayName: SYNTHETIC_DOMAIN,
    directoryCustomerId: 'C00synth1',
    state: 'ACTIVE',
    createTime: time(EPOCH - 2 * YEAR_MS, 1),
    iamPolicy: {
      version: 1,
      bindings: [
        {
          role: 'roles/resourcemanager.organizationAdmin',
          members: [group('gcp-org-admins'), user()],
        },
        { role: 'roles/billing.admin', members: [group('gcp-billing-admins')] },
        // Every team's own group can browse the organization, so a `team` label names a
        // group that IAM knows.
        { role: 'roles/browser', members: SYNTHETIC_TEAMS.map(t => group(t)) },
        {
          role: 'roles/iam.securityReviewer',
          members: [group('security-auditors')],
        },
      ],
    },
  };

  // Folders level by level; `ancestry` holds each container's chain, nearest first.
  const folders: GcpFolder[] = [];
  const ancestry = new Map<string, string[]>([
    [organization.name, [organization.name]],
  ]);
  let level = [organization.name];
  const innerFolders: string[] = [];
  for (let depth = 0; depth < folderDepth; depth++) {
    const words = FOLDER_WORDS[depth % FOLDER_WORDS.length];
    const next: string[] = [];
    for (const parent of level) {
      for (let i = 0; i < foldersPerFolder; i++) {
        const name = `folders/${200000000000 + folders.length + 1}`;
        const displayName =
          words[i % words.length] +
          (i >= words.length ? `-${Math.floor(i / words.length) + 1}` : '');
        folders.push({
          name,
          parent,
          displayName,
          state: 'ACTIVE',
          createTime: time(EPOCH - YEAR_MS, 1),
          iamPolicy: {
            version: 1,
            bindings: [
              {
                role: 'roles/resourcemanager.folderAdmin',
                members: [group(`${displayName}-admins`)],
              },
              {
                role: 'roles/resourcemanager.folderViewer',
                members: [group(random.pick(SYNTHETIC_TEAMS))],
              },
            ],
          },
        });
        ancestry.set(name, [name, ...ancestry.get(parent)!]);
        next.push(name);
      }
    }
    if (depth < folderDepth - 1) innerFolders.push(...next);
    level = next;
  }
  const leafFolders = level;

  const projects: GcpProject[] = [];
  const assets: GcpAsset[] = [];
  const totalWeight = ASSET_MIX.reduce((sum, [, weight]) => sum + weight, 0);
  const pickKind = (): AssetKind => {
    let roll = random.next() * totalWeight;
    for (const [kind, weight] of ASSET_MIX) {
      roll -= weight;
      if (roll < 0) return kind;
    }
    return ASSET_MIX[0][0];
  };

  for (let p = 0; p < projectCount; p++) {
    const team = random.pick(SYNTHETIC_TEAMS);
    const env = random.pick(ENVIRONMENTS);
    const parent =
      innerFolders.length > 0 && random.next() < 0.25
        ? random.pick(innerFolders)
        : random.pick(leafFolders);
    const projectId = `${team}-${env}-${String(p).padStart(5, '0')}`;
    const number = String(300000000000 + p * 10 + random.int(10));
    const createTime = time(EPOCH, 4);
    const deployer = `serviceAccount:deployer@${projectId}.iam.gserviceaccount.com`;
    const project: GcpProject = {
      name: `projects/${number}`,
      projectId,
      parent,
      displayName: `${team} ${env} ${p}`,
      state: 'ACTIVE',
      createTime,
      labels: {
        ...ownerLabel(p, team),
        env,
        'cost-center': `cc-${100 + SYNTHETIC_TEAMS.indexOf(team)}`,
      },
      iamPolicy: {
        version: 3,
        bindings: [
          { role: 'roles/owner', members: [group(`${team}-owners`)] },
          { role: 'roles/editor', members: [user(), deployer] },
          { role: 'roles/viewer', members: [group(`${team}-devs`)] },
          ...breakGlass(p),
        ],
      },
    };
    projects.push(project);

    const placement = inProject(project, ancestry.get(parent)!);
    const since = Date.parse(createTime);
    const perKind = new Map<AssetKind, number>();
    for (let a = 0; a < assetsPerProject; a++) {
      const kind = pickKind();
      const n = (perKind.get(kind) ?? 0) + 1;
      perKind.set(kind, n);
      const common = {
        ...placement,
        labels: { team, env },
        createTime: time(since, 2),
      };
      const readers = [group(`${team}-devs`)];
      const binding = (role: string, members: string[]): IamPolicy => ({
        version: 1,
        bindings: [{ role, members }],
      });
      switch (kind) {
        case 'bucket': {
          const bucket = `${projectId}-bucket-${n}`;
          const isPublic = random.next() < PUBLIC_BUCKET_SHARE;
          const bindings: IamBinding[] = [
            {
              role: 'roles/storage.legacyBucketOwner',
              members: [
                `projectEditor:${projectId}`,
                `projectOwner:${projectId}`,
              ],
            },
            {
              role: 'roles/storage.legacyBucketReader',
              members: [`projectViewer:${projectId}`],
            },
            { role: 'roles/storage.objectAdmin', members: [deployer] },
            {
              role: 'roles/storage.objectViewer',
              members: isPublic ? [...readers, 'allUsers'] : readers,
            },
          ];
          const location =
            random.next() < 0.5
              ? random.pick(MULTI_REGIONS)
              : random.pick(REGIONS);
          const uniform = random.next() < 0.5;
          const { storageClass, publicAccessPrevention, versionedResource } =
            configuration.bucket(bucket, location, uniform, isPublic);
          assets.push({
            ...common,
            name: fullResourceName.bucket(bucket),
            assetType: ASSET_TYPES.bucket,
            displayName: bucket,
            location,
            updateTime: common.createTime,
            additionalAttributes: {
              storageClass,
              publicAccessPrevention,
              uniformBucketLevelAccess: uniform,
            },
            iamPolicy: { bindings },
            versionedResource,
          });
          break;
        }
        case 'serviceAccount': {
          const email = `sa-${n}@${projectId}.iam.gserviceaccount.com`;
          const uniqueId = String(
            100000000000000000000n + BigInt(p * 1000 + n),
          );
          assets.push({
            ...common,
            name: fullResourceName.serviceAccount(projectId, uniqueId),
            assetType: ASSET_TYPES.serviceAccount,
            displayName: `${team} workload ${n}`,
            location: 'global',
            labels: {},
            additionalAttributes: { email, oauth2ClientId: uniqueId },
            // Most service accounts have no policy of their own, as in the real world.
            iamPolicy:
              random.next() < 0.3
                ? binding('roles/iam.serviceAccountUser', [user()])
                : {},
          });
          break;
        }
        case 'topic':
          assets.push({
            ...common,
            name: fullResourceName.topic(projectId, `${team}-events-${n}`),
            assetType: ASSET_TYPES.topic,
            displayName: `${team}-events-${n}`,
            location: 'global',
          });
          break;
        case 'secret':
          assets.push({
            ...common,
            name: fullResourceName.secret(number, `${team}-secret-${n}`),
            assetType: ASSET_TYPES.secret,
            displayName: `${team}-secret-${n}`,
            location: 'global',
            additionalAttributes: { replication: 'automatic' },
            iamPolicy: binding('roles/secretmanager.secretAccessor', [
              deployer,
            ]),
          });
          break;
        case 'dataset':
          assets.push({
            ...common,
            name: fullResourceName.dataset(projectId, `${team}_dataset_${n}`),
            assetType: ASSET_TYPES.dataset,
            displayName: `${team}_dataset_${n}`,
            location: random.pick(MULTI_REGIONS),
          });
          break;
        case 'managedZone': {
          const zone = `${team}-zone-${n}`;
          const dnsName = `${zone}.${env}.${SYNTHETIC_DOMAIN}.`;
          const visibility = random.next() < 0.5 ? 'public' : 'private';
          assets.push({
            ...common,
            name: fullResourceName.managedZone(
              projectId,
              String(7000000000000000000n + BigInt(p * 1000 + n)),
            ),
            assetType: ASSET_TYPES.managedZone,
            displayName: zone,
            location: 'global',
            additionalAttributes: { dnsName, visibility },
            versionedResource: configuration.zone(
              zone,
              dnsName,
              visibility,
              projectId,
            ),
          });
          break;
        }
        case 'cluster': {
          const location = random.pick(REGIONS);
          const cluster = `${team}-${env}-${n}`;
          assets.push({
            ...common,
            name: fullResourceName.cluster(projectId, location, cluster),
            assetType: ASSET_TYPES.cluster,
            displayName: cluster,
            location,
            state: 'RUNNING',
            ...configuration.cluster(projectId, cluster, location),
          });
          break;
        }
        default:
          throw new Error(`Unknown asset kind ${kind satisfies never}`);
      }
    }
    assets.push(
      ...configuration.services(project, placement, perKind.keys()),
      ...configuration.projectRoles(project, placement),
    );
  }
  assets.push(...configuration.organizationRoles(organization.name));

  return {
    organizations: [organization],
    folders,
    projects,
    assets,
    billingAccounts: syntheticBillingAccounts(organization, projects, seed),
  };
}
