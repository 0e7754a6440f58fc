import {
  DEFAULT_COMPONENT_TYPES,
  GithubInventoryProviderConfig,
  configureAnalyzers,
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

/** The analyzers of the k8s-infra repositories, configured as the demo configures them. */
export const K8S_INFRA_ANALYZERS = configureAnalyzers(
  [
    { type: 'sigs', repository: 'kubernetes/community', path: 'sigs.yaml' },
    {
      type: 'apps',
      repository: 'kubernetes/k8s.io',
      path: 'apps',
      cluster: {
        projectId: 'kubernetes-public',
        location: 'us-central1',
        name: 'aaa',
      },
      namespaces: { 'k8s-io': ['k8s-io-canary', 'k8s-io-prod'] },
    },
    {
      type: 'google-groups',
      repository: 'kubernetes/k8s.io',
      path: 'groups',
      undeclaredGroups: ['@kubernetes\\.io$'],
    },
    {
      type: 'octodns',
      repository: 'kubernetes/k8s.io',
      configPath: 'dns/octodns-config.yaml',
      zoneConfigDir: 'dns/zone-configs',
    },
    {
      type: 'promoter-manifests',
      repository: 'kubernetes/k8s.io',
      path: 'registry.k8s.io/manifests',
      registryName: 'registry.k8s.io',
    },
    {
      type: 'declared-gcp-projects',
      repository: 'kubernetes/k8s.io',
      path: 'infra/gcp/infra.yaml',
    },
  ],
  'test',
);
