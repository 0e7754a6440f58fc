import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { CrawlLease, readCrawlLease } from '@infra-atlas/plugin-inventory-node';
import {
  ConnectionOptions,
  CredentialOptions,
  readConnectionOptions,
  readCredentialOptions,
} from '@infra-atlas/gcp-auth-node';
import { ACCESS_POWERS, AccessPower } from '@infra-atlas/inventory-common';
import { PrincipalRules } from '../transform/principals';
import { RoleRule, defaultRoleRules } from '../transform/access';

/** Asset types crawled when the configuration names none. */
export const DEFAULT_ASSET_TYPES = [
  'container.googleapis.com/Cluster',
  'storage.googleapis.com/Bucket',
  'iam.googleapis.com/ServiceAccount',
  'secretmanager.googleapis.com/Secret',
  'dns.googleapis.com/ManagedZone',
  'artifactregistry.googleapis.com/Repository',
  'run.googleapis.com/Service',
  'sqladmin.googleapis.com/Instance',
  'pubsub.googleapis.com/Topic',
  'bigquery.googleapis.com/Dataset',
  // Reserved IPs: the addresses behind the static IP names of GKE Ingresses and Services.
  'compute.googleapis.com/GlobalAddress',
  'compute.googleapis.com/Address',
  // Configuration: enabled APIs become a field of their project, custom roles entities.
  'serviceusage.googleapis.com/Service',
  'iam.googleapis.com/Role',
];

/** Quotas from the API documentation: calls per minute per project or organization. */
export const DEFAULT_QUOTAS = {
  searchAllResources: 400,
  searchAllIamPolicies: 400,
  resourceManagerList: 600,
  resourceManagerGet: 600,
};

export type GcpScope =
  | { kind: 'organization'; name: string }
  | { kind: 'folder'; name: string }
  | { kind: 'project'; projectId: string };

export type OwnerRules = {
  labelKeys: string[];
  projects: Array<{ match: RegExp; owner: string }>;
  /** The owner when no rule applies; without one, such entities are unowned. */
  fallback?: string;
};

export type GcpInventoryProviderConfig = {
  id: string;
  scopes: GcpScope[];
  assetTypes: string[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** How long a replica's claim on a crawl lasts without a heartbeat (`leasedCrawlRunner`). */
  lease?: CrawlLease;
  removalCeiling: number;
  owners: OwnerRules;
  /** How roles are classified by power: configured rules first, then the defaults. */
  roles: RoleRule[];
  quotas: typeof DEFAULT_QUOTAS;
  connection: ConnectionOptions;
  credentials: CredentialOptions;
  principals: PrincipalRules;
};

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 5 },
};

export function parseScope(scope: string): GcpScope {
  const [collection, id, ...rest] = scope.split('/');
  if (id && rest.length === 0) {
    if (collection === 'organizations' && /^\d+$/.test(id)) {
      return { kind: 'organization', name: scope };
    }
    if (collection === 'folders' && /^\d+$/.test(id)) {
      return { kind: 'folder', name: scope };
    }
    if (collection === 'projects') {
      return { kind: 'project', projectId: id };
    }
  }
  throw new InputError(
    `Invalid GCP scope '${scope}': expected organizations/NUMBER, folders/NUMBER or projects/PROJECT_ID`,
  );
}

function readRegExp(pattern: string, where: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch (error) {
    throw new InputError(`Invalid regular expression at ${where}: ${error}`);
  }
}

function readRoleRule(rule: Config, where: string): RoleRule {
  const power = rule.getString('power');
  if (!ACCESS_POWERS.includes(power as AccessPower)) {
    throw new InputError(
      `${where}.power must be one of ${ACCESS_POWERS.join(
        ', ',
      )}, not '${power}'`,
    );
  }
  return {
    match: readRegExp(rule.getString('match'), `${where}.match`),
    power: power as AccessPower,
    configured: true,
  };
}

/** Reads `catalog.providers.gcpInventory`, one entry per provider. */
export function readGcpInventoryConfigs(
  root: Config,
): GcpInventoryProviderConfig[] {
  const providers = root.getOptionalConfig('catalog.providers.gcpInventory');
  if (!providers) {
    return [];
  }
  return providers.keys().map(id => {
    const c = providers.getConfig(id);
    const at = `catalog.providers.gcpInventory.${id}`;
    const removalCeiling = c.getOptionalNumber('removalCeiling') ?? 0.2;
    if (removalCeiling < 0 || removalCeiling > 1) {
      throw new InputError(`${at}.removalCeiling must be between 0 and 1`);
    }
    return {
      id,
      scopes: c.getStringArray('scopes').map(parseScope),
      assetTypes: c.getOptionalStringArray('assetTypes') ?? DEFAULT_ASSET_TYPES,
      schedule: c.has('schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
            c.getConfig('schedule'),
          )
        : DEFAULT_SCHEDULE,
      lease: readCrawlLease(c),
      removalCeiling,
      owners: {
        labelKeys: c.getOptionalStringArray('owners.labelKeys') ?? [
          'owner',
          'team',
        ],
        projects: (c.getOptionalConfigArray('owners.projects') ?? []).map(
          (rule, i) => ({
            match: readRegExp(
              rule.getString('match'),
              `${at}.owners.projects[${i}].match`,
            ),
            owner: rule.getString('owner'),
          }),
        ),
        fallback: c.getOptionalString('owners.fallback'),
      },
      roles: [
        ...(c.getOptionalConfigArray('roles') ?? []).map((rule, i) =>
          readRoleRule(rule, `${at}.roles[${i}]`),
        ),
        ...defaultRoleRules(),
      ],
      quotas: Object.fromEntries(
        Object.entries(DEFAULT_QUOTAS).map(([method, perMinute]) => [
          method,
          c.getOptionalNumber(`quotas.${method}`) ?? perMinute,
        ]),
      ) as typeof DEFAULT_QUOTAS,
      connection: readConnectionOptions(c),
      principals: {
        declaredElsewhere:
          c.getOptionalStringArray('principals.declaredElsewhere') ?? [],
        emitUsers: c.getOptionalBoolean('principals.users') ?? true,
      },
      credentials: readCredentialOptions(c),
    };
  });
}
