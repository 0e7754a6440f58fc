import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { CrawlLease, readCrawlLease } from '@infra-atlas/plugin-inventory-node';
import { UNOWNED_REF } from '@infra-atlas/inventory-common';
import { BUILT_IN_ANALYZERS } from '../analyzers/builtIn';
import { AnalyzerRegistry, ConfiguredAnalyzer } from '../analyzers/definition';

export type GithubInventoryProviderConfig = {
  id: string;
  /** The integration host whose credentials and API URL are used (`integrations.github`). */
  host: string;
  organizations: string[];
  include?: RegExp;
  exclude?: RegExp;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** How long a replica's claim on a crawl lasts without a heartbeat (`leasedCrawlRunner`). */
  lease?: CrawlLease;
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
  analyzers: ConfiguredAnalyzer[];
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

/**
 * `analyzers[]` entries of one provider, each checked against its analyzer's options schema;
 * `at` is where they are in configuration, which every error names.
 */
export function configureAnalyzers(
  entries: Array<Record<string, unknown>>,
  at: string,
  registry = new AnalyzerRegistry(BUILT_IN_ANALYZERS),
): ConfiguredAnalyzer[] {
  return entries.map((entry, i) =>
    registry.configure(entry, `${at}.analyzers[${i}]`),
  );
}

/**
 * Reads `catalog.providers.githubInventory`, one entry per provider; `registry` has the
 * analyzers its entries may name (the built-in ones unless modules added others).
 */
export function readGithubInventoryConfigs(
  root: Config,
  registry?: AnalyzerRegistry,
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
      lease: readCrawlLease(c),
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
      analyzers: configureAnalyzers(
        (c.getOptionalConfigArray('analyzers') ?? []).map(a =>
          a.get<Record<string, unknown>>(),
        ),
        at,
        registry,
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
): ConfiguredAnalyzer[] {
  const slug = `${repository.owner}/${repository.name}`.toLowerCase();
  return config.analyzers.filter(a => a.repository.toLowerCase() === slug);
}
