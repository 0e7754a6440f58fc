import { GcpAsset, GcpProject } from './estate';

/** Cloud Asset Inventory asset types the seeds produce. */
export const ASSET_TYPES = {
  organization: 'cloudresourcemanager.googleapis.com/Organization',
  folder: 'cloudresourcemanager.googleapis.com/Folder',
  project: 'cloudresourcemanager.googleapis.com/Project',
  bucket: 'storage.googleapis.com/Bucket',
  serviceAccount: 'iam.googleapis.com/ServiceAccount',
  secret: 'secretmanager.googleapis.com/Secret',
  cluster: 'container.googleapis.com/Cluster',
  managedZone: 'dns.googleapis.com/ManagedZone',
  dataset: 'bigquery.googleapis.com/Dataset',
  topic: 'pubsub.googleapis.com/Topic',
  service: 'serviceusage.googleapis.com/Service',
  role: 'iam.googleapis.com/Role',
} as const;

const CRM = '//cloudresourcemanager.googleapis.com';

/**
 * Full resource names as Cloud Asset Inventory search returns them. Search names projects by
 * ID (export by number), secrets by project number, GKE clusters by project ID.
 */
export const fullResourceName = {
  /** `organizations/N` or `folders/N` */
  container: (name: string) => `${CRM}/${name}`,
  project: (projectId: string) => `${CRM}/projects/${projectId}`,
  bucket: (bucket: string) => `//storage.googleapis.com/${bucket}`,
  serviceAccount: (projectId: string, uniqueId: string) =>
    `//iam.googleapis.com/projects/${projectId}/serviceAccounts/${uniqueId}`,
  secret: (projectNumber: string, secretId: string) =>
    `//secretmanager.googleapis.com/projects/${projectNumber}/secrets/${secretId}`,
  cluster: (projectId: string, location: string, cluster: string) =>
    `//container.googleapis.com/projects/${projectId}/locations/${location}/clusters/${cluster}`,
  managedZone: (projectId: string, zoneId: string) =>
    `//dns.googleapis.com/projects/${projectId}/managedZones/${zoneId}`,
  dataset: (projectId: string, datasetId: string) =>
    `//bigquery.googleapis.com/projects/${projectId}/datasets/${datasetId}`,
  topic: (projectId: string, topicId: string) =>
    `//pubsub.googleapis.com/projects/${projectId}/topics/${topicId}`,
  /** An enabled API: Service Usage names the project by number. */
  service: (projectNumber: string, service: string) =>
    `//serviceusage.googleapis.com/projects/${projectNumber}/services/${service}`,
  /** A custom role, e.g. `organizations/1/roles/viewer` or `projects/p/roles/etl`. */
  role: (roleName: string) => `//iam.googleapis.com/${roleName}`,
};

/** `projects/123` → `123` */
export function resourceId(name: string): string {
  return name.slice(name.indexOf('/') + 1);
}

/** The asset type of an `organizations/N` or `folders/N` parent. */
export function containerAssetType(name: string): string {
  return name.startsWith('folders/')
    ? ASSET_TYPES.folder
    : ASSET_TYPES.organization;
}

/** Splits an ancestry (containers nearest first) into CAI's `folders` and `organization`. */
export function splitAncestry(ancestry: string[]): {
  folders: string[];
  organization: string;
} {
  return {
    folders: ancestry.filter(name => name.startsWith('folders/')),
    organization:
      ancestry.find(name => name.startsWith('organizations/')) ?? '',
  };
}

/**
 * The placement fields every resource inside a project carries.
 *
 * @param ancestry - the project's folders, nearest first, then its organization
 */
export function inProject(
  project: GcpProject,
  ancestry: string[],
): Pick<
  GcpAsset,
  | 'project'
  | 'folders'
  | 'organization'
  | 'parentFullResourceName'
  | 'parentAssetType'
> {
  return {
    project: project.name,
    ...splitAncestry(ancestry),
    parentFullResourceName: fullResourceName.project(project.projectId),
    parentAssetType: ASSET_TYPES.project,
  };
}
