/*
 * Crawl benchmark: a synthetic estate served by the GCP emulator (a separate process) with
 * per-call latency, crawled two ways, each in its own process so that peak memory is its own:
 *
 * - infra-atlas: what the provider does — Resource Manager lists for the hierarchy, one
 *   organization-wide Cloud Asset search for resources and one for IAM policies, 500 per page;
 * - per-project: what per-service crawlers do — the same hierarchy walk, then for every
 *   project its IAM policy and one listing per resource type (a lower bound: they also read
 *   each bucket's policy one by one).
 *
 * The infra-atlas crawl includes the configuration (readMask `*`, enabled APIs, custom roles);
 * a third row counts what per-project configuration listings would cost (see
 * perProjectConfiguration.ts), with its wall time estimated at the same latency and concurrency.
 *
 *   yarn workspace @infra-atlas/plugin-catalog-backend-module-gcp bench \
 *     [--projects 2000] [--assets-per-project 50] [--folder-depth 3] [--folders-per-folder 5] \
 *     [--latency-ms 50] [--concurrency 8]
 *
 * Prints a table: requests per method, wall time, peak RSS. Results are in
 * docs/infra-atlas/benchmarks.md.
 */
import { generateSyntheticGcpEstate } from '@infra-atlas/emulators';
import {
  BenchOptions,
  BenchRow,
  benchLogger,
  peakRssMb,
  printMarkdownTable,
  requestColumns,
  runBenchmark,
} from '@infra-atlas/test-utils';
import { ApiCaller } from '../src/lib/apiCaller';
import { createGcpClients } from '../src/lib/clients';
import {
  DEFAULT_ASSET_TYPES,
  DEFAULT_QUOTAS,
  parseScope,
} from '../src/lib/config';
import { crawlScopes } from '../src/lib/crawl';
import { defaultRoleRules } from '../src/transform/access';
import { crawlToEntities } from '../src/transform/entities';
import { perProjectConfigurationRequests } from './perProjectConfiguration';

type Result = BenchRow & { resources: number; entities: number };

const ORG = 'organizations/100000000001';

/** In a child process: one crawl. */
async function runMode(mode: string, options: BenchOptions): Promise<Result[]> {
  const logger = benchLogger();
  const started = Date.now();
  // The crawl runs under the real quotas. The per-project enumeration runs unpaced: under the
  // quotas it would take hours at full size, which the quota-bound column states instead.
  const caller = new ApiCaller({
    quotas: mode === 'infra-atlas' ? DEFAULT_QUOTAS : {},
    timeoutMs: 120_000,
    logger,
  });
  const clients = await createGcpClients(
    {
      endpoint: '127.0.0.1',
      port: Number(options.port),
      insecure: true,
      timeoutMs: 120_000,
    },
    {},
  );
  let resources = 0;
  let entities = 0;
  if (mode === 'infra-atlas') {
    const crawl = await crawlScopes({
      scopes: [parseScope(ORG)],
      assetTypes: DEFAULT_ASSET_TYPES,
      clients,
      caller,
      logger,
    });
    if (crawl.failures.length) throw new Error(JSON.stringify(crawl.failures));
    resources = crawl.assets.length;
    entities = crawlToEntities(crawl, {
      locationKey: 'bench',
      owners: {
        labelKeys: ['owner', 'team'],
        projects: [],
      },
      roles: defaultRoleRules(),
    }).entities.length;
  } else {
    const hierarchy = await crawlScopes({
      scopes: [parseScope(ORG)],
      assetTypes: [],
      clients,
      caller,
      logger,
      hierarchyOnly: true,
    });
    const projects = hierarchy.projects.map(p => p.projectId!);
    const concurrency = Number(options.concurrency);
    // One project's enumeration: its IAM policy, then one listing per resource type.
    const enumerate = async (projectId: string) => {
      await caller.call('Projects/GetIamPolicy', 'resourceManagerGet', o =>
        clients.projects.getIamPolicy({ resource: `projects/${projectId}` }, o),
      );
      let found = 0;
      for (const assetType of DEFAULT_ASSET_TYPES) {
        const page = await caller.collectPages(
          'AssetService/SearchAllResources',
          'searchAllResources',
          {
            scope: `projects/${projectId}`,
            assetTypes: [assetType],
            pageSize: 500,
          },
          (req, o) => clients.assets.searchAllResources(req, o),
        );
        found += page.length;
      }
      return found;
    };
    for (let i = 0; i < projects.length; i += concurrency) {
      const counts = await Promise.all(
        projects.slice(i, i + concurrency).map(enumerate),
      );
      resources += counts.reduce((a, b) => a + b, 0);
    }
  }
  await clients.close();
  return [
    {
      mode,
      requests: caller.requests,
      wallSeconds: (Date.now() - started) / 1000,
      peakRssMb: peakRssMb(),
      resources,
      entities,
    },
  ];
}

function printTable(results: Result[], options: BenchOptions) {
  const estate = generateSyntheticGcpEstate({
    projects: Number(options.projects),
    assetsPerProject: Number(options['assets-per-project']),
    folderDepth: Number(options['folder-depth']),
    foldersPerFolder: Number(options['folders-per-folder']),
  });
  const parents = 1 + estate.folders.length;
  const minimum =
    1 + // GetOrganization
    parents * 2 + // ListFolders and ListProjects per parent (each fits one page)
    Math.ceil(estate.assets.length / 500) +
    Math.ceil(
      (1 +
        estate.folders.length +
        estate.projects.length +
        estate.assets.filter(a => a.iamPolicy?.bindings?.length).length) /
        500,
    );
  console.log(
    `\nEstate: ${estate.folders.length} folders, ${estate.projects.length} projects, ${estate.assets.length} assets (resources, enabled APIs, custom roles); ${options['latency-ms']} ms per call; minimum requests by page size: ${minimum}\n`,
  );
  // The per-project configuration alternative, counted: the same hierarchy walk, then its
  // listings, `concurrency` projects at a time.
  const configurationCalls = perProjectConfigurationRequests(estate);
  const calls = Object.values(configurationCalls).reduce((a, b) => a + b, 0);
  results.push({
    mode: 'per-project configuration (counted)',
    requests: {
      'Organizations/GetOrganization': 1,
      'Folders/ListFolders': parents,
      'Projects/ListProjects': parents,
      ...configurationCalls,
    },
    wallSeconds:
      (Math.ceil(calls / Number(options.concurrency)) *
        Number(options['latency-ms'])) /
      1000,
    peakRssMb: NaN,
    // What the listings return: every configured resource, enabled API and custom role.
    resources: estate.assets.filter(a => a.versionedResource).length,
    entities: 0,
  });
  const requests = requestColumns(results);
  const header = [
    'mode',
    ...requests.header,
    'wall time (s)',
    'quota-bound time (min)',
    'peak RSS (MB)',
    'resources',
    'entities',
  ];
  // The least time the per-minute quotas allow for these calls, whatever the latency.
  const quotaOf: Record<string, number> = {
    'AssetService/SearchAllResources': DEFAULT_QUOTAS.searchAllResources,
    'AssetService/SearchAllIamPolicies': DEFAULT_QUOTAS.searchAllIamPolicies,
    'Projects/ListProjects': DEFAULT_QUOTAS.resourceManagerList,
    'Folders/ListFolders': DEFAULT_QUOTAS.resourceManagerList,
  };
  const quotaBound = (r: Result) =>
    Math.max(
      ...Object.entries(r.requests).map(
        ([m, n]) => n / (quotaOf[m] ?? DEFAULT_QUOTAS.resourceManagerGet),
      ),
    );
  const rows = results.map(r => [
    r.mode,
    ...requests.cells(r),
    r.wallSeconds.toFixed(1),
    // Service Usage, Storage, GKE, DNS and IAM have quotas of their own; not modelled.
    Number.isNaN(r.peakRssMb) ? '—' : quotaBound(r).toFixed(1),
    Number.isNaN(r.peakRssMb) ? '—' : r.peakRssMb.toFixed(0),
    String(r.resources),
    String(r.entities || '—'),
  ]);
  printMarkdownTable(header, rows);
}

runBenchmark({
  script: __filename,
  defaults: {
    projects: '2000',
    'assets-per-project': '50',
    'folder-depth': '3',
    'folders-per-folder': '5',
    'latency-ms': '50',
    concurrency: '8',
    port: '7190',
  },
  emulatorArgs: options => [
    '--gcp-port',
    options.port,
    '--seed',
    'synthetic',
    '--projects',
    options.projects,
    '--assets-per-project',
    options['assets-per-project'],
    '--folder-depth',
    options['folder-depth'],
    '--folders-per-folder',
    options['folders-per-folder'],
    '--latency-ms',
    options['latency-ms'],
  ],
  modes: ['infra-atlas', 'per-project'],
  runMode,
  report: printTable,
});
