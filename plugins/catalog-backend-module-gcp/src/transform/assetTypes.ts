import {
  RESOURCE_TYPES,
  entityName,
  gcpAddressEntityName,
  gcpCustomRoleEntityName,
  gcpServiceAccountEntityName,
} from '@infra-atlas/inventory-common';
import { Asset } from '../lib/crawl';

/** Cloud Asset Inventory asset types and the `spec.type` of their entities. */
const SPEC_TYPES: Record<string, string> = {
  'cloudresourcemanager.googleapis.com/Organization':
    RESOURCE_TYPES.gcpOrganization,
  'cloudresourcemanager.googleapis.com/Folder': RESOURCE_TYPES.gcpFolder,
  'cloudresourcemanager.googleapis.com/Project': RESOURCE_TYPES.gcpProject,
  'container.googleapis.com/Cluster': RESOURCE_TYPES.gkeCluster,
  'storage.googleapis.com/Bucket': RESOURCE_TYPES.gcsBucket,
  'iam.googleapis.com/ServiceAccount': RESOURCE_TYPES.gcpServiceAccount,
  'secretmanager.googleapis.com/Secret': RESOURCE_TYPES.gcpSecret,
  'dns.googleapis.com/ManagedZone': RESOURCE_TYPES.dnsZone,
  'artifactregistry.googleapis.com/Repository':
    RESOURCE_TYPES.artifactRegistryRepository,
  'run.googleapis.com/Service': RESOURCE_TYPES.cloudRunService,
  'sqladmin.googleapis.com/Instance': RESOURCE_TYPES.cloudSqlInstance,
  'pubsub.googleapis.com/Topic': RESOURCE_TYPES.pubsubTopic,
  'bigquery.googleapis.com/Dataset': RESOURCE_TYPES.bigqueryDataset,
  'iam.googleapis.com/Role': RESOURCE_TYPES.gcpCustomRole,
  'compute.googleapis.com/GlobalAddress': RESOURCE_TYPES.gcpAddress,
  'compute.googleapis.com/Address': RESOURCE_TYPES.gcpAddress,
};

/**
 * `compute.googleapis.com/Instance` → `gcp-compute-instance`, for asset types configured
 * beyond the known ones.
 */
export function specTypeForAssetType(assetType: string): string {
  const known = SPEC_TYPES[assetType];
  if (known) {
    return known;
  }
  const [service, kind = 'resource'] = assetType.split('/');
  const kebabKind = kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  return `gcp-${service.split('.')[0]}-${kebabKind}`;
}

/**
 * The entity name of a resource: its spec type, then the IDs in its full resource name
 * (`//container.googleapis.com/projects/P/locations/L/clusters/C` → P, L, C), with project
 * numbers replaced by project IDs so that names read well and match the names other providers
 * compute from IDs. Service accounts are named by e-mail, the form IAM policies use.
 */
export function assetEntityName(
  asset: Asset,
  projectIdForNumber: (projectNumber: string) => string | undefined,
): string {
  const specType = specTypeForAssetType(asset.assetType!);
  const email = asset.additionalAttributes?.fields?.email?.stringValue;
  if (specType === RESOURCE_TYPES.gcpServiceAccount && email) {
    return gcpServiceAccountEntityName(email);
  }
  if (specType === RESOURCE_TYPES.gcpCustomRole) {
    // By the name grants use (`//iam.googleapis.com/organizations/N/roles/X` → that name).
    return gcpCustomRoleEntityName(asset.name!.replace(/^\/\/[^/]+\//, ''));
  }
  const segments = asset.name!.replace(/^\/\/[^/]+\//, '').split('/');
  if (specType === RESOURCE_TYPES.gcpAddress) {
    // `projects/P/global/addresses/N` or `projects/P/regions/R/addresses/N`: named as GKE
    // Ingresses and Services name them, so that an app's static IP meets its address.
    const project = segments[1];
    const projectId = /^\d+$/.test(project)
      ? projectIdForNumber(project) ?? project
      : project;
    const region = segments[2] === 'global' ? 'global' : segments[3];
    return gcpAddressEntityName(
      projectId,
      region,
      segments[segments.length - 1],
    );
  }
  const ids =
    segments.length === 1
      ? segments
      : segments
          .filter((_, i) => i % 2 === 1)
          .map((id, i) =>
            i === 0 && segments[0] === 'projects' && /^\d+$/.test(id)
              ? projectIdForNumber(id) ?? id
              : id,
          );
  return entityName([specType, ...ids]);
}
