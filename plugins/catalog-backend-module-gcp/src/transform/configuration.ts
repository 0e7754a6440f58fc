import {
  BucketConfiguration,
  ClusterConfiguration,
  GcpConfiguration,
  LifecycleRule,
  NodePoolConfiguration,
  RoleConfiguration,
  ZoneConfiguration,
} from '@infra-atlas/inventory-common';
import { Asset, CrawlResult } from '../lib/crawl';
import { JsonObject, structToJson } from './struct';

/** Asset types that are configuration of something else, not entities of their own. */
export const SERVICE_ASSET_TYPE = 'serviceusage.googleapis.com/Service';
export const ROLE_ASSET_TYPE = 'iam.googleapis.com/Role';

/**
 * The enabled APIs of each project (by `projects/<number>`), sorted. An enabled service is a
 * fact about its project, not a thing anyone owns or depends on, so it becomes a field of the
 * project entity rather than an entity.
 */
export function enabledServicesByProject(
  assets: readonly Asset[],
): Map<string, string[]> {
  const byProject = new Map<string, string[]>();
  for (const asset of assets) {
    if (asset.assetType !== SERVICE_ASSET_TYPE || !asset.project) continue;
    const service = asset.name!.slice(asset.name!.lastIndexOf('/') + 1);
    byProject.set(asset.project, [
      ...(byProject.get(asset.project) ?? []),
      service,
    ]);
  }
  for (const services of byProject.values()) services.sort();
  return byProject;
}

/** The crawl without its enabled services, which must not become entities. */
export function withoutEnabledServices(crawl: CrawlResult): CrawlResult {
  return {
    ...crawl,
    assets: crawl.assets.filter(a => a.assetType !== SERVICE_ASSET_TYPE),
  };
}

/** Reads a dotted path of a resource's JSON, e.g. `iamConfiguration.publicAccessPrevention`. */
function at(resource: JsonObject, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object'
          ? (value as Record<string, unknown>)[key]
          : undefined,
      resource,
    );
}

const text = (value: unknown) =>
  typeof value === 'string' && value ? value : undefined;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** int64 fields arrive as strings in the JSON APIs; int32 as numbers. */
const count = (value: unknown) =>
  value === undefined || value === null || value === ''
    ? undefined
    : Number(value);

function retentionLock(r: JsonObject): BucketConfiguration['retention'] {
  if (at(r, 'retentionPolicy') === undefined) return 'none';
  return at(r, 'retentionPolicy.isLocked') === true ? 'locked' : 'unlocked';
}

function bucket(r: JsonObject): BucketConfiguration {
  const period = count(at(r, 'retentionPolicy.retentionPeriod'));
  return {
    storageClass: text(r.storageClass) ?? 'STANDARD',
    versioning: at(r, 'versioning.enabled') === true,
    uniformBucketLevelAccess:
      at(r, 'iamConfiguration.uniformBucketLevelAccess.enabled') === true,
    publicAccessPrevention:
      text(at(r, 'iamConfiguration.publicAccessPrevention')) ?? 'inherited',
    retention: retentionLock(r),
    retentionPeriodSeconds: period,
    retentionEffectiveTime: text(at(r, 'retentionPolicy.effectiveTime')),
    lifecycleRules: list(at(r, 'lifecycle.rule')).map(rule => ({
      action: text(at(rule as JsonObject, 'action.type')) ?? 'unknown',
      condition: (at(rule as JsonObject, 'condition') ??
        {}) as LifecycleRule['condition'],
    })),
  };
}

function cluster(r: JsonObject): ClusterConfiguration {
  const nodePools = list(r.nodePools).map((p): NodePoolConfiguration => {
    const pool = p as JsonObject;
    return {
      name: text(pool.name) ?? '',
      version: text(pool.version),
      machineType: text(at(pool, 'config.machineType')),
      serviceAccount: text(at(pool, 'config.serviceAccount')),
      autoscaling: {
        enabled: at(pool, 'autoscaling.enabled') === true,
        minNodeCount: count(at(pool, 'autoscaling.minNodeCount')),
        maxNodeCount: count(at(pool, 'autoscaling.maxNodeCount')),
      },
    };
  });
  const distinct = (values: Array<string | undefined>) =>
    [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
  return {
    version: text(r.currentMasterVersion) ?? '',
    // The API leaves `releaseChannel` out (or UNSPECIFIED) for a cluster on no channel.
    releaseChannel:
      text(at(r, 'releaseChannel.channel'))?.replace(/^UNSPECIFIED$/, 'NONE') ??
      'NONE',
    workloadPool: text(at(r, 'workloadIdentityConfig.workloadPool')),
    nodePools,
    machineTypes: distinct(nodePools.map(p => p.machineType)),
    nodeServiceAccounts: distinct(nodePools.map(p => p.serviceAccount)),
  };
}

function zone(r: JsonObject): ZoneConfiguration {
  return {
    dnsName: text(r.dnsName),
    visibility: text(r.visibility) ?? 'public',
    dnssec: text(at(r, 'dnssecConfig.state')) ?? 'off',
    networks: list(at(r, 'privateVisibilityConfig.networks'))
      .map(n => text((n as JsonObject).networkUrl))
      .filter((n): n is string => Boolean(n))
      // `…/projects/P/global/networks/default` reads as `P/default`.
      .map(url =>
        url.replace(/^.*\/projects\/([^/]+)\/global\/networks\//, '$1/'),
      ),
  };
}

function role(r: JsonObject): RoleConfiguration {
  return {
    role: text(r.name) ?? '',
    stage: text(r.stage) ?? 'GA',
    permissions: list(r.includedPermissions)
      .filter((p): p is string => typeof p === 'string')
      .sort(),
  };
}

const BY_ASSET_TYPE: Partial<
  Record<string, (r: JsonObject) => GcpConfiguration>
> = {
  'storage.googleapis.com/Bucket': bucket,
  'container.googleapis.com/Cluster': cluster,
  'dns.googleapis.com/ManagedZone': zone,
  [ROLE_ASSET_TYPE]: role,
};

/**
 * `spec.gcp.configuration` of a resource, from the versioned resource that search returns
 * with `readMask: *`; undefined for types without one or when the search did not return it
 * (then the entity says nothing rather than something wrong).
 */
export function configurationOf(asset: Asset): GcpConfiguration | undefined {
  const normalize = BY_ASSET_TYPE[asset.assetType ?? ''];
  const resource = asset.versionedResources?.[0]?.resource;
  return normalize && resource ? normalize(structToJson(resource)) : undefined;
}

/** Custom roles by the name grants use (`organizations/N/roles/X`), with their permissions. */
export function customRolePermissions(assets: Asset[]): Map<string, string[]> {
  const roles = new Map<string, string[]>();
  for (const asset of assets) {
    if (asset.assetType !== ROLE_ASSET_TYPE) continue;
    const configuration = configurationOf(asset) as
      | RoleConfiguration
      | undefined;
    if (configuration?.role)
      roles.set(configuration.role, configuration.permissions);
  }
  return roles;
}
