import {
  DEFAULT_COMPONENT_TYPES,
  GithubInventoryProviderConfig,
} from '../lib/config';
import { RepositoryInfo } from '../lib/repositories';

/** A provider configuration for tests: the defaults, one organization, no analyzers. */
export function testProviderConfig(
  overrides: Partial<GithubInventoryProviderConfig> = {},
): GithubInventoryProviderConfig {
  return {
    id: 'test',
    host: 'github.com',
    organizations: ['kubernetes'],
    teams: false,
    schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
    removalCeiling: 0.2,
    pageSize: 100,
    ownersDepth: 'tree',
    useCatalogInfo: true,
    componentTypes: DEFAULT_COMPONENT_TYPES,
    fallbackOwner: 'group:default/unknown',
    maxFileBytes: 1024 * 1024,
    archiveConcurrency: 4,
    analyzers: [],
    ...overrides,
  };
}

/** A listed repository of the `kubernetes` organization, as the GraphQL listing gives it. */
export function testRepositoryInfo(
  name: string,
  rootFiles: ReadonlyMap<string, string> | Record<string, string>,
  extra: Partial<RepositoryInfo> = {},
): RepositoryInfo {
  return {
    owner: 'kubernetes',
    name,
    url: `https://github.com/kubernetes/${name}`,
    topics: [],
    isArchived: false,
    isFork: false,
    visibility: 'PUBLIC',
    defaultBranch: 'main',
    headCommit: 'c0ffee',
    rootFiles: new Map(
      rootFiles instanceof Map ? rootFiles : Object.entries(rootFiles),
    ),
    truncatedFiles: [],
    ...extra,
  };
}
