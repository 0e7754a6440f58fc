import { ASSET_TYPES, GcpEstate } from '@infra-atlas/emulators';

/**
 * Page sizes of the per-service list methods a per-project crawler would call (their
 * documented maxima); `0` for methods without pagination (GKE returns every cluster at once).
 */
const LISTINGS: Array<{ method: string; assetType: string; pageSize: number }> =
  [
    {
      method: 'ServiceUsage/ListServices',
      assetType: ASSET_TYPES.service,
      pageSize: 200,
    },
    {
      method: 'Storage/buckets.list',
      assetType: ASSET_TYPES.bucket,
      pageSize: 1000,
    },
    {
      method: 'Container/ListClusters',
      assetType: ASSET_TYPES.cluster,
      pageSize: 0,
    },
    {
      method: 'Dns/managedZones.list',
      assetType: ASSET_TYPES.managedZone,
      pageSize: 1000,
    },
    { method: 'Iam/ListRoles', assetType: ASSET_TYPES.role, pageSize: 1000 },
  ];

/**
 * The configuration calls a per-project crawler makes for what the organization-wide search
 * returns with `readMask: *`: for every project one listing each of its enabled APIs, buckets,
 * clusters, DNS zones and custom roles (at least one page each, even when empty), plus the
 * organization's custom roles. Counted from the estate rather than emulated: the emulator
 * serves only Resource Manager and Cloud Asset Inventory.
 */
export function perProjectConfigurationRequests(
  estate: GcpEstate,
): Record<string, number> {
  const perProject = new Map<string, number>();
  for (const asset of estate.assets) {
    const key = `${asset.project}|${asset.assetType}`;
    perProject.set(key, (perProject.get(key) ?? 0) + 1);
  }
  const requests: Record<string, number> = {};
  for (const { method, assetType, pageSize } of LISTINGS) {
    requests[method] = estate.projects.reduce((sum, project) => {
      const items = perProject.get(`${project.name}|${assetType}`) ?? 0;
      return sum + (pageSize ? Math.max(1, Math.ceil(items / pageSize)) : 1);
    }, 0);
  }
  // `roles.list` on each organization for its own custom roles.
  requests['Iam/ListRoles'] += estate.organizations.length;
  return requests;
}
