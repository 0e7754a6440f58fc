import { RESOURCE_TYPES } from './resourceTypes';

/*
 * `spec.gcp.configuration` of GCP resources: a small, normalized view of each resource's own
 * API representation, with the settings people ask about as top-level fields (so that one
 * rule answers "which buckets have X") and the details beside them. The GCP provider writes
 * it; the inventory backend and UI read it.
 */

/** @public */
export type LifecycleRule = {
  /** e.g. `Delete`, `SetStorageClass` */
  action: string;
  /** As the storage API states it, e.g. `{ age: 90 }`. */
  condition: Record<string, unknown>;
};

/**
 * A GCS bucket (storage v1 Bucket).
 *
 * @public
 */
export type BucketConfiguration = {
  storageClass: string;
  versioning: boolean;
  uniformBucketLevelAccess: boolean;
  /** `inherited` or `enforced` */
  publicAccessPrevention: string;
  /** `none`, `unlocked` or `locked` */
  retention: 'none' | 'unlocked' | 'locked';
  retentionPeriodSeconds?: number;
  retentionEffectiveTime?: string;
  lifecycleRules: LifecycleRule[];
};

/** @public */
export type NodePoolConfiguration = {
  name: string;
  version?: string;
  machineType?: string;
  /** `default` is the Compute Engine default service account. */
  serviceAccount?: string;
  autoscaling: {
    enabled: boolean;
    minNodeCount?: number;
    maxNodeCount?: number;
  };
};

/**
 * A GKE cluster (container v1 Cluster).
 *
 * @public
 */
export type ClusterConfiguration = {
  /** The control plane's version (`currentMasterVersion`). */
  version: string;
  /** `RAPID`, `REGULAR`, `STABLE`, `EXTENDED`, or `NONE` when on no channel. */
  releaseChannel: string;
  /** The Workload Identity pool, e.g. `kubernetes-public.svc.id.goog`; absent when off. */
  workloadPool?: string;
  nodePools: NodePoolConfiguration[];
  /** Every node pool's machine type and service account, for questions across pools. */
  machineTypes: string[];
  nodeServiceAccounts: string[];
};

/**
 * A Cloud DNS managed zone (dns v1 ManagedZone).
 *
 * @public
 */
export type ZoneConfiguration = {
  dnsName?: string;
  /** `public` or `private` */
  visibility: string;
  /** `on`, `off` or `transfer`; zones without DNSSEC configuration are `off`. */
  dnssec: string;
  /** For private zones: the VPC networks that see the zone. */
  networks: string[];
};

/**
 * A custom IAM role (iam v1 Role), at organization or project level.
 *
 * @public
 */
export type RoleConfiguration = {
  /** As IAM policies name it: `organizations/N/roles/X` or `projects/P/roles/X`. */
  role: string;
  /** `GA`, `BETA`, `ALPHA`, `DEPRECATED`, `DISABLED`, `EAP` */
  stage: string;
  permissions: string[];
};

/** @public */
export type GcpConfiguration =
  | BucketConfiguration
  | ClusterConfiguration
  | ZoneConfiguration
  | RoleConfiguration;

/**
 * The settings each resource type can be asked about: the configuration's top-level fields
 * that hold a value or a list of values.
 *
 * @public
 */
export const CONFIGURATION_SETTINGS: Record<string, readonly string[]> = {
  [RESOURCE_TYPES.gcsBucket]: [
    'storageClass',
    'versioning',
    'uniformBucketLevelAccess',
    'publicAccessPrevention',
    'retention',
    'lifecycleRules',
  ],
  [RESOURCE_TYPES.gkeCluster]: [
    'version',
    'releaseChannel',
    'workloadPool',
    'machineTypes',
    'nodeServiceAccounts',
  ],
  [RESOURCE_TYPES.dnsZone]: ['visibility', 'dnssec'],
  [RESOURCE_TYPES.gcpCustomRole]: ['stage', 'permissions'],
};

/** Settings that are lists of objects: questions ask how many there are. */
const COUNTED_SETTINGS = new Set(['lifecycleRules']);

/**
 * A setting's value as questions see it.
 *
 * @public
 */
export type ConfigurationValue = string | number | boolean | string[];

/**
 * The settings of a resource's configuration that its type can be asked about (see
 * {@link CONFIGURATION_SETTINGS}), with their values; lists of objects (lifecycle rules) count
 * as how many there are.
 *
 * @public
 */
export function settingsOf(
  type: string,
  configuration: GcpConfiguration,
): Record<string, ConfigurationValue> {
  const settings: Record<string, ConfigurationValue> = {};
  for (const name of CONFIGURATION_SETTINGS[type] ?? []) {
    const value = (configuration as Record<string, unknown>)[name];
    if (Array.isArray(value)) {
      settings[name] = COUNTED_SETTINGS.has(name)
        ? value.length
        : value.map(String);
    } else if (
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean'
    ) {
      settings[name] = value;
    }
  }
  return settings;
}

/**
 * Whether a setting's value answers a question: with `wanted`, equal to it (case-insensitive;
 * a list contains it); without, "is set" — true, a non-empty list, or a value other than
 * `none`/`off`/`inherited`/`NONE`.
 *
 * @public
 */
export function settingMatches(value: unknown, wanted?: string): boolean {
  if (Array.isArray(value)) {
    return wanted === undefined
      ? value.length > 0
      : value.some(item => settingMatches(item, wanted));
  }
  if (value === undefined || value === null) return false;
  if (wanted !== undefined) {
    return String(value).toLowerCase() === wanted.toLowerCase();
  }
  if (typeof value === 'boolean') return value;
  return !['', 'none', 'off', 'inherited', 'false', '0'].includes(
    String(value).toLowerCase(),
  );
}

/**
 * What the GCP provider wrote about an entity's configuration: its normalized configuration
 * (buckets, clusters, zones, custom roles) and, for a project, its enabled APIs.
 *
 * @public
 */
export function entityConfiguration(entity: {
  spec?: Record<string, unknown>;
}): { configuration?: GcpConfiguration; enabledServices?: string[] } {
  const gcp = (entity.spec?.gcp ?? {}) as {
    configuration?: GcpConfiguration;
    enabledServices?: unknown;
  };
  return {
    configuration: gcp.configuration,
    enabledServices: Array.isArray(gcp.enabledServices)
      ? (gcp.enabledServices as string[])
      : undefined,
  };
}

const DAY = 86_400;
/** A year as GCS and gsutil count it for retention: 365.25 days. */
const YEAR = 365.25 * DAY;

/**
 * `315576000` → `10 years`, `2592000` → `30 days`.
 *
 * @public
 */
export function formatDuration(seconds: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (seconds >= YEAR && seconds % YEAR === 0)
    return unit(seconds / YEAR, 'year');
  if (seconds >= DAY && seconds % DAY === 0) return unit(seconds / DAY, 'day');
  if (seconds >= 3600 && seconds % 3600 === 0)
    return unit(seconds / 3600, 'hour');
  return unit(seconds, 'second');
}

/** @public */
export type ConfigurationLine = { label: string; text: string };

const yesNo = (on: boolean, what: string) => `${what} ${on ? 'on' : 'off'}`;

/**
 * A resource's configuration in plain words, most asked-about first, e.g.
 * `Retention: 10 years, locked`. Used by the entity card and the inventory's answers.
 *
 * @public
 */
export function describeConfiguration(
  type: string,
  configuration: GcpConfiguration,
): ConfigurationLine[] {
  if (type === RESOURCE_TYPES.gcsBucket) {
    const c = configuration as BucketConfiguration;
    const retention =
      c.retention === 'none'
        ? 'none'
        : `${
            c.retentionPeriodSeconds
              ? formatDuration(c.retentionPeriodSeconds)
              : 'set'
          }, ${c.retention}`;
    return [
      { label: 'Retention', text: retention },
      { label: 'Versioning', text: c.versioning ? 'on' : 'off' },
      { label: 'Storage class', text: c.storageClass },
      {
        label: 'Access',
        text: `${yesNo(
          c.uniformBucketLevelAccess,
          'uniform bucket-level access',
        )}; public access prevention ${c.publicAccessPrevention}`,
      },
      {
        label: 'Lifecycle',
        text: c.lifecycleRules.length
          ? c.lifecycleRules.map(describeRule).join('; ')
          : 'no rules',
      },
    ];
  }
  if (type === RESOURCE_TYPES.gkeCluster) {
    const c = configuration as ClusterConfiguration;
    return [
      {
        label: 'Version',
        text: `${c.version}, ${
          c.releaseChannel === 'NONE'
            ? 'no release channel'
            : `${c.releaseChannel} channel`
        }`,
      },
      { label: 'Workload Identity', text: c.workloadPool ?? 'off' },
      ...c.nodePools.map(pool => ({
        label: `Node pool ${pool.name}`,
        text: [
          pool.machineType,
          pool.autoscaling.enabled
            ? `autoscaling ${pool.autoscaling.minNodeCount ?? 0}–${
                pool.autoscaling.maxNodeCount ?? '?'
              } nodes`
            : 'fixed size',
          pool.serviceAccount && `runs as ${pool.serviceAccount}`,
        ]
          .filter(Boolean)
          .join(', '),
      })),
    ];
  }
  if (type === RESOURCE_TYPES.dnsZone) {
    const c = configuration as ZoneConfiguration;
    return [
      { label: 'DNSSEC', text: c.dnssec },
      {
        label: 'Visibility',
        text: c.networks.length
          ? `${c.visibility}, to ${c.networks.join(', ')}`
          : c.visibility,
      },
    ];
  }
  if (type === RESOURCE_TYPES.gcpCustomRole) {
    const c = configuration as RoleConfiguration;
    return [
      {
        label: 'Grants',
        text: `${c.permissions.length} permission${
          c.permissions.length === 1 ? '' : 's'
        }: ${c.permissions.join(', ')}`,
      },
      { label: 'Stage', text: c.stage },
      { label: 'Granted as', text: c.role },
    ];
  }
  return [];
}

function describeRule(rule: LifecycleRule): string {
  const conditions = Object.entries(rule.condition).map(([key, value]) =>
    key === 'age' ? `${value} days old` : `${key} ${JSON.stringify(value)}`,
  );
  return `${rule.action} when ${conditions.join(' and ') || 'always'}`;
}
