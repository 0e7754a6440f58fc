/*
 * Crawl benchmark: a synthetic GitHub organization served by the GitHub emulator (a separate
 * process) with per-request latency, inventoried three ways, each in its own process so that
 * peak memory is its own:
 *
 * - infra-atlas: what the provider does — the GraphQL listing with the root ownership files
 *   and catalog-info.yaml, 100 repositories a page, then the transform into entities; twice
 *   in one process, the second ("warm") with the first crawl's SnapshotCache, so the warm
 *   row's peak RSS is the process's over both crawls;
 * - infra-atlas tree: the same with `ownersDepth: tree`, which adds one archive per repository
 *   with a root OWNERS file (and none on the warm crawl: no head commit has moved), its
 *   snapshots persisted in a SQLite file as the provider keeps them in the catalog's database;
 * - infra-atlas tree restart: a new process on that database, as after a restart or on a
 *   second replica: cold memory, but no archive for a head commit that has not moved;
 * - stock: one refresh of Backstage's GithubEntityProvider for the same organization.
 *
 * The stock provider registers each repository's catalog-info.yaml as a `url` Location, which
 * the catalog then reads with one more request each (counted as Locations, not measured);
 * infra-atlas emits the file's entities from the text its listing already returned.
 *
 *   yarn workspace @infra-atlas/plugin-catalog-backend-module-github bench \
 *     [--repositories 5000] [--nested-owners-ratio 0.1] [--catalog-info-ratio 1] \
 *     [--latency-ms 100]
 *
 * Prints a table: requests by kind, GraphQL points, archives, wall time, peak RSS, and the
 * compressed size of the persisted snapshots. Results are in docs/infra-atlas/benchmarks.md.
 */
import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { GithubEntityProvider } from '@backstage/plugin-catalog-backend-module-github';
import { generateSyntheticGithubEstate } from '@infra-atlas/emulators';
import {
  BenchOptions,
  BenchRow,
  RecordingConnection,
  benchLogger,
  peakRssMb,
  printMarkdownTable,
  requestColumns,
  runBenchmark,
} from '@infra-atlas/test-utils';
import { DatabaseService } from '@backstage/backend-plugin-api';
import knexFactory from 'knex';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGithubInventoryConfigs } from '../src/lib/config';
import { crawlGithub } from '../src/lib/crawl';
import { SnapshotCache, SnapshotStore } from '../src/lib/snapshots';
import {
  RequestStats,
  clientPerOrganization,
  createGithubClient,
} from '../src/lib/github';
import { crawlToEntities } from '../src/transform/entities';

type Result = BenchRow & {
  graphqlPoints: number;
  archives: number;
  /** Compressed snapshots in the database after the crawl, when persisted. */
  storedMb?: number;
  repositories: number;
  entities: number;
  /** `url` Locations among them: the catalog reads each target with one more request. */
  locations: number;
  failures: number;
};

const ORG = 'synthetic-org';

const apiUrl = (options: BenchOptions) => `http://127.0.0.1:${options.port}`;

/** The same credentials and API URL for both providers, as an app-config would give them. */
const integrationConfig = (options: BenchOptions) => ({
  integrations: {
    github: [{ host: 'github.com', apiBaseUrl: apiUrl(options), token: 'x' }],
  },
});

const PROVIDER_ID = 'github-inventory:bench';

/** The snapshot store in a SQLite file that outlives each mode's process. */
async function snapshotStore(options: BenchOptions, fresh: boolean) {
  const filename = join(
    tmpdir(),
    `infra-atlas-bench-snapshots-${options.port}.sqlite`,
  );
  if (fresh) rmSync(filename, { force: true });
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
  });
  const store = await SnapshotStore.create({
    getClient: async () => db,
  } as unknown as DatabaseService);
  // The mode's process ends when its work does: an open pool would keep it alive.
  return { store, close: () => db.destroy() };
}

/**
 * Crawls through the provider's own code path: `runs` in a row in one process (cold, then
 * warm), over snapshots kept in memory or, with `persisted`, also in a database.
 */
async function infraAtlas(
  mode: string,
  ownersDepth: 'root' | 'tree',
  options: BenchOptions,
  runs: string[] = ['cold', 'warm'],
  persisted?: 'fresh' | 'existing',
): Promise<Result[]> {
  const config = new ConfigReader({
    ...integrationConfig(options),
    catalog: {
      providers: {
        githubInventory: { bench: { organizations: [ORG], ownersDepth } },
      },
    },
  });
  const [providerConfig] = readGithubInventoryConfigs(config);
  const integrations = ScmIntegrations.fromConfig(config);
  const credentials =
    DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  const logger = benchLogger();
  const persistence = persisted
    ? await snapshotStore(options, persisted === 'fresh')
    : undefined;
  const store = persistence?.store;
  const cache = new SnapshotCache(
    store ? { store, providerId: PROVIDER_ID } : undefined,
  );
  const results: Result[] = [];
  for (const run of runs) {
    const stats = new RequestStats();
    const started = Date.now();
    const crawl = await crawlGithub(providerConfig, {
      clientFor: clientPerOrganization(organization =>
        createGithubClient({
          integrations,
          credentials,
          host: providerConfig.host,
          organization,
          logger,
          stats,
        }),
      ),
      stats,
      logger,
      cache,
    });
    for (const failure of crawl.failures.slice(0, 5)) {
      console.error(`${failure.step} ${failure.target}: ${failure.message}`);
    }
    const { entities } = crawlToEntities(crawl, providerConfig);
    const stored = await store?.size(PROVIDER_ID);
    results.push({
      mode: `${mode} ${run}`,
      requests: stats.requests,
      graphqlPoints: stats.graphqlPoints,
      archives: crawl.archivesRead,
      ...(stored ? { storedMb: stored.bytes / 1024 / 1024 } : {}),
      wallSeconds: (Date.now() - started) / 1000,
      peakRssMb: peakRssMb(),
      repositories: crawl.repositories.length,
      entities: entities.length,
      locations: entities.filter(e => e.kind === 'Location').length,
      failures: crawl.failures.length,
    });
  }
  await persistence?.close();
  return results;
}

/** The GraphQL points used so far in the emulator's window, and this query's own cost. */
async function graphqlUsed(options: BenchOptions) {
  const response = await fetch(`${apiUrl(options)}/graphql`, {
    method: 'POST',
    headers: { authorization: 'token x' },
    body: JSON.stringify({ query: '{ rateLimit { used cost } }' }),
  });
  const { data } = await response.json();
  return data.rateLimit as { used: number; cost: number };
}

/** One refresh of Backstage's GithubEntityProvider, its requests counted at global fetch. */
async function stock(options: BenchOptions): Promise<Result[]> {
  // A task runner that only keeps the task: the benchmark runs the refresh itself, timed.
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const [provider] = GithubEntityProvider.fromConfig(
    new ConfigReader({
      ...integrationConfig(options),
      catalog: {
        providers: {
          github: {
            bench: { organization: ORG, catalogPath: '/catalog-info.yaml' },
          },
        },
      },
    }),
    {
      logger: benchLogger(),
      schedule: {
        run: async task => {
          tasks.push(task);
        },
      },
    },
  );
  const connection = new RecordingConnection();
  await provider.connect(connection);

  // Its query does not ask for its cost: the emulator's GraphQL window, read before and after
  // the refresh, says what it spent (less the second reading's own cost).
  const before = await graphqlUsed(options);
  const stats = new RequestStats();
  let repositories = 0;
  const realFetch = globalThis.fetch;
  // The stock provider's Octokit takes no fetch option; it calls the global one.
  globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    stats.count(url, init?.method ?? 'GET');
    const response = await realFetch(input, init);
    if (url.endsWith('/graphql')) {
      const { data } = await response.clone().json();
      repositories += data?.repositoryOwner?.repositories?.nodes?.length ?? 0;
    }
    return response;
  };

  const started = Date.now();
  await tasks[0].fn(new AbortController().signal);
  const wallSeconds = (Date.now() - started) / 1000;
  globalThis.fetch = realFetch;
  const after = await graphqlUsed(options);
  const mutation = connection.last;
  if (mutation?.type !== 'full') {
    throw new Error('the stock provider applied no full mutation');
  }
  return [
    {
      mode: 'stock GithubEntityProvider',
      requests: stats.requests,
      graphqlPoints: after.used - after.cost - before.used,
      archives: 0,
      wallSeconds,
      peakRssMb: peakRssMb(),
      repositories,
      entities: mutation.entities.length,
      locations: mutation.entities.length,
      failures: 0,
    },
  ];
}

function runMode(mode: string, options: BenchOptions): Promise<Result[]> {
  switch (mode) {
    case 'infra-atlas':
      return infraAtlas(mode, 'root', options);
    case 'infra-atlas tree':
      return infraAtlas(mode, 'tree', options, ['cold', 'warm'], 'fresh');
    case 'infra-atlas tree restart':
      return infraAtlas(
        'infra-atlas tree',
        'tree',
        options,
        ['cold after restart'],
        'existing',
      );
    case 'stock':
      return stock(options);
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

function printTable(results: Result[], options: BenchOptions) {
  const [org] = generateSyntheticGithubEstate({
    repositories: Number(options.repositories),
    nestedOwnersRatio: Number(options['nested-owners-ratio']),
    catalogInfoRatio: Number(options['catalog-info-ratio']),
  }).organizations;
  const repos = org.repositories;
  const count = (test: (r: (typeof repos)[number]) => boolean) =>
    repos.filter(test).length;
  console.log(
    `\nEstate: ${repos.length} repositories (${count(
      r => r.isArchived,
    )} archived), ${count(
      r => 'OWNERS' in r.files,
    )} with a root OWNERS, ${count(r =>
      Object.keys(r.files).some(p => p.endsWith('/OWNERS')),
    )} with nested OWNERS, ${count(
      r => 'catalog-info.yaml' in r.files,
    )} with a catalog-info.yaml; ${
      options['latency-ms']
    } ms per request. Each Location costs the catalog one follow-up read of its catalog-info.yaml later (not measured).\n`,
  );
  const requests = requestColumns(results);
  const header = [
    'mode',
    ...requests.header,
    'GraphQL points',
    'archives',
    'wall time (s)',
    'peak RSS (MB)',
    'repositories',
    'entities',
    'Locations (follow-up reads)',
    'failed steps',
    'snapshots stored (MB)',
  ];
  const rows = results.map(r => [
    r.mode,
    ...requests.cells(r),
    String(r.graphqlPoints),
    String(r.archives),
    r.wallSeconds.toFixed(1),
    r.peakRssMb.toFixed(0),
    String(r.repositories),
    String(r.entities),
    String(r.locations),
    String(r.failures),
    r.storedMb === undefined ? '' : r.storedMb.toFixed(1),
  ]);
  printMarkdownTable(header, rows);
}

runBenchmark({
  script: __filename,
  defaults: {
    repositories: '5000',
    'nested-owners-ratio': '0.1',
    'catalog-info-ratio': '1',
    'latency-ms': '100',
    port: '7290',
  },
  emulatorArgs: options => [
    '--github-port',
    options.port,
    '--github-seed',
    'synthetic',
    '--repositories',
    options.repositories,
    '--nested-owners-ratio',
    options['nested-owners-ratio'],
    '--catalog-info-ratio',
    options['catalog-info-ratio'],
    '--latency-ms',
    options['latency-ms'],
  ],
  modes: [
    'infra-atlas',
    'infra-atlas tree',
    'infra-atlas tree restart',
    'stock',
  ],
  runMode,
  report: printTable,
});
