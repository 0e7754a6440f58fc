import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { GkeClusterId, UNOWNED_REF } from '@infra-atlas/inventory-common';

/** One declared-infrastructure analyzer applied to one path of one repository. */
export type AnalyzerConfig =
  | {
      type: 'apps';
      repository: string;
      path: string;
      cluster: GkeClusterId;
      secretsProject?: string;
      /** Namespaces per app that the manifests do not state (set at deploy time). */
      namespaces: Record<string, string[]>;
    }
  | { type: 'google-groups'; repository: string; path: string; domain?: string }
  | {
      type: 'octodns';
      repository: string;
      configPath: string;
      zoneConfigDir: string;
    }
  | {
      type: 'promoter-manifests';
      repository: string;
      path: string;
      registryName: string;
    }
  | { type: 'declared-gcp-projects'; repository: string; path: string }
  | { type: 'sigs'; repository: string; path: string };

export type GithubInventoryProviderConfig = {
  id: string;
  /** The integration host whose credentials and API URL are used (`integrations.github`). */
  host: string;
  organizations: string[];
  include?: RegExp;
  exclude?: RegExp;
  schedule: SchedulerServiceTaskScheduleDefinition;
  removalCeiling: number;
  /** Repositories per GraphQL page (GitHub's maximum is 100). */
  pageSize: number;
  /** `tree`: read nested OWNERS files of every repository that has a root OWNERS file. */
  ownersDepth: 'root' | 'tree';
  /** A repository's own `catalog-info.yaml` entities replace the generated Component. */
  useCatalogInfo: boolean;
  /** Crawl each organization's teams and their members into Groups and Users. */
  teams: boolean;
  /** Topic → `spec.type` of the repository's Component; the first matching topic wins. */
  componentTypes: Record<string, string>;
  fallbackOwner: string;
  analyzers: AnalyzerConfig[];
  /** Largest file the module reads from an archive; bigger files are skipped and reported. */
  maxFileBytes: number;
  /** Archives read at the same time. */
  archiveConcurrency: number;
};

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 5 },
};

export const DEFAULT_COMPONENT_TYPES: Record<string, string> = {
  website: 'website',
  documentation: 'documentation',
  library: 'library',
  service: 'service',
  microservice: 'service',
};

function readRegExp(c: Config, key: string, at: string): RegExp | undefined {
  const pattern = c.getOptionalString(key);
  if (pattern === undefined) {
    return undefined;
  }
  try {
    return new RegExp(pattern);
  } catch (error) {
    throw new InputError(
      `Invalid regular expression at ${at}.${key}: ${error}`,
    );
  }
}

function readRepository(c: Config, at: string): string {
  const repository = c.getString('repository');
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) {
    throw new InputError(
      `${at}.repository must be 'owner/name', got '${repository}'`,
    );
  }
  return repository;
}

function readAnalyzer(c: Config, at: string): AnalyzerConfig {
  const repository = readRepository(c, at);
  const type = c.getString('type');
  switch (type) {
    case 'apps':
      return {
        type,
        repository,
        path: c.getOptionalString('path') ?? 'apps',
        cluster: {
          projectId: c.getString('cluster.projectId'),
          location: c.getString('cluster.location'),
          name: c.getString('cluster.name'),
        },
        secretsProject: c.getOptionalString('secretsProject'),
        namespaces: Object.fromEntries(
          (c.getOptionalConfig('namespaces')?.keys() ?? []).map(app => [
            app,
            c.getStringArray(`namespaces.${app}`),
          ]),
        ),
      };
    case 'google-groups':
      return {
        type,
        repository,
        path: c.getOptionalString('path') ?? 'groups',
        domain: c.getOptionalString('domain'),
      };
    case 'octodns':
      return {
        type,
        repository,
        configPath:
          c.getOptionalString('configPath') ?? 'dns/octodns-config.yaml',
        zoneConfigDir:
          c.getOptionalString('zoneConfigDir') ?? 'dns/zone-configs',
      };
    case 'promoter-manifests':
      return {
        type,
        repository,
        path: c.getOptionalString('path') ?? 'registry.k8s.io/manifests',
        registryName: c.getOptionalString('registryName') ?? 'registry.k8s.io',
      };
    case 'declared-gcp-projects':
      return {
        type,
        repository,
        path: c.getOptionalString('path') ?? 'infra/gcp/infra.yaml',
      };
    case 'sigs':
      return {
        type,
        repository,
        path: c.getOptionalString('path') ?? 'sigs.yaml',
      };
    default:
      throw new InputError(
        `${at}.type '${type}' is not an analyzer; expected apps, google-groups, octodns, promoter-manifests, declared-gcp-projects or sigs`,
      );
  }
}

/** Reads `catalog.providers.githubInventory`, one entry per provider. */
export function readGithubInventoryConfigs(
  root: Config,
): GithubInventoryProviderConfig[] {
  const providers = root.getOptionalConfig('catalog.providers.githubInventory');
  if (!providers) {
    return [];
  }
  return providers.keys().map(id => {
    const c = providers.getConfig(id);
    const at = `catalog.providers.githubInventory.${id}`;
    const removalCeiling = c.getOptionalNumber('removalCeiling') ?? 0.2;
    if (removalCeiling < 0 || removalCeiling > 1) {
      throw new InputError(`${at}.removalCeiling must be between 0 and 1`);
    }
    const pageSize = c.getOptionalNumber('pageSize') ?? 100;
    if (pageSize < 1 || pageSize > 100) {
      throw new InputError(`${at}.pageSize must be between 1 and 100`);
    }
    const ownersDepth = c.getOptionalString('ownersDepth') ?? 'root';
    if (ownersDepth !== 'root' && ownersDepth !== 'tree') {
      throw new InputError(`${at}.ownersDepth must be 'root' or 'tree'`);
    }
    return {
      id,
      host: c.getOptionalString('host') ?? 'github.com',
      organizations: c.getStringArray('organizations'),
      include: readRegExp(c, 'repositories.include', at),
      exclude: readRegExp(c, 'repositories.exclude', at),
      schedule: c.has('schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
            c.getConfig('schedule'),
          )
        : DEFAULT_SCHEDULE,
      removalCeiling,
      pageSize,
      ownersDepth,
      useCatalogInfo: c.getOptionalBoolean('useCatalogInfo') ?? true,
      teams: c.getOptionalBoolean('teams') ?? true,
      componentTypes: {
        ...DEFAULT_COMPONENT_TYPES,
        ...(c.getOptional<Record<string, string>>('componentTypes') ?? {}),
      },
      fallbackOwner: c.getOptionalString('owners.fallback') ?? UNOWNED_REF,
      analyzers: (c.getOptionalConfigArray('analyzers') ?? []).map((a, i) =>
        readAnalyzer(a, `${at}.analyzers[${i}]`),
      ),
      maxFileBytes: c.getOptionalNumber('maxFileBytes') ?? 1024 * 1024,
      archiveConcurrency: c.getOptionalNumber('archiveConcurrency') ?? 4,
    };
  });
}

/** The analyzers configured for one repository (`owner/name`, case-insensitive). */
export function analyzersFor(
  config: Pick<GithubInventoryProviderConfig, 'analyzers'>,
  repository: { owner: string; name: string },
): AnalyzerConfig[] {
  const slug = `${repository.owner}/${repository.name}`.toLowerCase();
  return config.analyzers.filter(a => a.repository.toLowerCase() === slug);
}
