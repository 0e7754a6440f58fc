/*
 * Sync scoped to what failed, webhook bursts, truncated blobs, failed archives and persisted
 * snapshots: the provider against the GitHub emulator through real Octokit, on synthetic
 * organizations, with the run store (and the snapshot store) on SQLite and PostgreSQL.
 */
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { DeferredEntity } from '@backstage/plugin-catalog-node';
import {
  GithubEmulator,
  generateSyntheticGithubEstate,
  startGithubEmulator,
} from '@infra-atlas/emulators';
import {
  CrawlRunStore,
  providerStatusReport,
} from '@infra-atlas/plugin-inventory-node';
import {
  RecordingConnection,
  TestDatabase,
  inMemoryDatabase,
  testDatabases,
} from '@infra-atlas/test-utils';
import { readGithubInventoryConfigs } from '../lib/config';
import { createGithubClient } from '../lib/github';
import { SnapshotStore } from '../lib/snapshots';
import { GithubInventoryProvider } from './GithubInventoryProvider';

const ORG = 'synthetic-org';
const componentRef = (name: string) =>
  `component:default/${ORG}--${name}`.toLowerCase();

/** A synthetic organization whose repositories get generated Components (no catalog-info.yaml). */
async function startEmulator(repositories = 30) {
  return startGithubEmulator({
    estate: generateSyntheticGithubEstate({
      organization: ORG,
      repositories,
      seed: 7,
      catalogInfoRatio: 0,
    }),
  });
}

/** The provider as the module builds it, from app-config, over the given stores. */
async function providerFor(
  github: GithubEmulator,
  stores: { runs: CrawlRunStore; snapshots?: SnapshotStore },
  options: Record<string, unknown> = {},
) {
  const config = new ConfigReader({
    integrations: {
      github: [{ host: 'github.com', apiBaseUrl: github.url, token: 't' }],
    },
    catalog: {
      providers: {
        githubInventory: {
          sync: { organizations: [ORG], teams: false, ...options },
        },
      },
    },
  });
  const [providerConfig] = readGithubInventoryConfigs(config);
  const integrations = ScmIntegrations.fromConfig(config);
  const credentials =
    DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  const logger = mockServices.logger.mock();
  const instance = new GithubInventoryProvider(providerConfig, {
    logger,
    taskRunner: { run: async () => {} },
    store: stores.runs,
    snapshots: stores.snapshots,
    client: (organization, stats) =>
      createGithubClient({
        integrations,
        credentials,
        host: 'github.com',
        organization,
        logger,
        stats,
        retryAfterBaseValue: 1,
      }),
    graphqlRetry: { attempts: 1, baseDelayMs: 1 },
  });
  const connection = new RecordingConnection();
  await instance.connect(connection);
  return { instance, connection, logger };
}

const entitiesOf = (connection: RecordingConnection) => {
  const last = connection.last as
    | { type: 'full'; entities: DeferredEntity[] }
    | { type: 'delta'; added: DeferredEntity[] };
  return (last.type === 'full' ? last.entities : last.added).map(d => d.entity);
};

describe('GithubInventoryProvider: sync scoped to what failed', () => {
  let github: GithubEmulator;
  let db: ReturnType<typeof inMemoryDatabase>;
  let runs: CrawlRunStore;

  beforeEach(async () => {
    github = await startEmulator();
    db = inMemoryDatabase();
    runs = await CrawlRunStore.create(db.database);
  });
  afterEach(async () => {
    await github.stop();
    await db.destroy();
  });

  it('applies a deleted repository while a broken OWNERS_ALIASES in another keeps what it declared, and reports the hold as it lasts', async () => {
    const { instance, connection } = await providerFor(github, { runs });
    const first = await instance.refresh();
    expect(first).toMatchObject({ outcome: 'complete', applied: 'full' });
    const aliasGroups = first.entityRefs.filter(r =>
      r.startsWith(`group:default/${ORG}--mobile-operator-0007--`),
    );
    expect(aliasGroups.length).toBeGreaterThan(0);

    github.putFile(
      ORG,
      'mobile-operator-0007',
      'OWNERS_ALIASES',
      'aliases: [\n',
    );
    github.removeRepository(ORG, 'infra-worker-0002');
    const run = await instance.refresh();

    expect(run).toMatchObject({ outcome: 'partial', applied: 'scoped' });
    const mutation = connection.last as {
      type: string;
      removed: Array<{ entityRef: string }>;
    };
    expect(mutation.type).toBe('delta');
    const removed = mutation.removed.map(r => r.entityRef);
    expect(removed).toContain(componentRef('infra-worker-0002'));
    expect(removed.filter(r => r.includes('mobile-operator-0007'))).toEqual([]);
    // The aliases were not read this time, and stay in the catalog.
    expect(entitiesOf(connection).map(e => e.metadata.name)).not.toContain(
      aliasGroups[0].split('/')[1],
    );
    expect(run.entityRefs).toEqual(expect.arrayContaining(aliasGroups));
    expect(run.entityRefs).not.toContain(componentRef('infra-worker-0002'));
    expect(run.held).toEqual([
      expect.objectContaining({
        scope: `${ORG}/mobile-operator-0007`,
        reason: expect.stringContaining('mobile-operator-0007/OWNERS_ALIASES'),
        runs: 1,
      }),
    ]);

    const again = await instance.refresh();
    expect(again.held?.[0]).toMatchObject({ runs: 2, since: run.startedAt });
    const status = await providerStatusReport(runs, [
      instance.getProviderName(),
    ]);
    expect(status.providers[0].status.held).toEqual([
      expect.objectContaining({
        scope: `${ORG}/mobile-operator-0007`,
        runs: 2,
      }),
    ]);
  });

  it('holds only the analyzer whose file is unreadable, not its repository', async () => {
    const analyzers = [
      {
        type: 'declared-gcp-projects',
        repository: `${ORG}/ml-site-0006`,
        path: 'infra.yaml',
      },
    ];
    github.putFile(ORG, 'ml-site-0006', 'infra.yaml', 'infra: {}\n');
    const { instance } = await providerFor(github, { runs }, { analyzers });
    await instance.refresh();
    github.putFile(ORG, 'ml-site-0006', 'infra.yaml', 'infra: [\n');
    const run = await instance.refresh();
    expect(run.held?.map(h => h.scope)).toEqual([
      `${ORG}/ml-site-0006/declared-gcp-projects`,
    ]);
  });

  it('keeps webhooks incremental after a partial run, and coalesces a burst for one repository', async () => {
    const { instance } = await providerFor(github, { runs });
    await instance.refresh();
    github.putFile(
      ORG,
      'mobile-operator-0007',
      'OWNERS_ALIASES',
      'aliases: [\n',
    );
    const partial = await instance.refresh();
    expect(partial.outcome).toBe('partial');

    // A push elsewhere: one GraphQL query, and the broken repository stays held.
    github.resetCounts();
    const event = await instance.refreshRepository(ORG, 'growth-cli-0005');
    expect(event!.details?.trigger).toBe(`event ${ORG}/growth-cli-0005`);
    expect(github.requestCounts()).toEqual({ graphql: 1 });
    expect(event!.held?.map(h => [h.scope, h.runs])).toEqual([
      [`${ORG}/mobile-operator-0007`, 2],
    ]);

    // Five webhooks for one repository while a crawl runs: one refresh of it, not five.
    github.resetCounts();
    const crawl = instance.refresh();
    const burst = Array.from({ length: 5 }, () =>
      instance.refreshRepository(ORG, 'growth-cli-0005'),
    );
    const [crawled, ...refreshed] = await Promise.all([crawl, ...burst]);
    expect(crawled.details?.trigger).toBe('schedule');
    expect(new Set(refreshed).size).toBe(1);
    // The crawl's listing (one page of 30) and one query for the repository.
    expect(github.requestCounts()).toEqual({ graphql: 2 });

    // The fix arrives by webhook: the repository is judged again, and nothing is held.
    github.putFile(
      ORG,
      'mobile-operator-0007',
      'OWNERS_ALIASES',
      'aliases:\n  support-approvers: [alice]\n',
    );
    const fixed = await instance.refreshRepository(ORG, 'mobile-operator-0007');
    expect(fixed).toMatchObject({ outcome: 'complete', applied: 'full' });
    expect(fixed!.held).toBeUndefined();
  });

  /** An OWNERS file naming `count` people, `person-000000` onwards: 18 bytes each. */
  const ownersNaming = (count: number) =>
    `approvers:\n${Array.from(
      { length: count },
      (_, i) => `  - person-${String(i).padStart(6, '0')}\n`,
    ).join('')}`;

  it('holds a repository whose webhook refresh fails, and stays incremental', async () => {
    const { instance } = await providerFor(github, { runs });
    const first = await instance.refresh();
    github.setFaults([{ route: 'graphql', status: 502, times: 100 }]);
    const failed = await instance.refreshRepository(ORG, 'growth-cli-0005');
    expect(failed).toMatchObject({ outcome: 'partial', applied: 'scoped' });
    expect(failed!.held?.map(h => h.scope)).toEqual([`${ORG}/growth-cli-0005`]);
    expect(failed!.entityRefs.sort()).toEqual(first.entityRefs.sort());
    github.setFaults([]);
    github.resetCounts();
    const next = await instance.refreshRepository(ORG, 'growth-cli-0005');
    expect(next).toMatchObject({ outcome: 'complete', applied: 'full' });
    expect(github.requestCounts()).toEqual({ graphql: 1 });
  });

  it('reads an OWNERS file that GitHub truncates in the listing whole from the archive', async () => {
    const owners = ownersNaming(40_000);
    expect(owners.length).toBeGreaterThan(512_000);
    const { instance } = await providerFor(github, { runs });
    github.putFile(ORG, 'growth-worker-0003', 'OWNERS', owners);
    const run = await instance.refresh();
    expect(run).toMatchObject({ outcome: 'complete', applied: 'full' });
    // The listing, and the one archive the truncated file made necessary.
    expect(run.requests).toEqual({ graphql: 1, tarball: 1 });
    const people = run.entityRefs.filter(r =>
      r.startsWith('user:default/person-'),
    );
    expect(people).toHaveLength(40_000);
    expect(people).toContain('user:default/person-039999');
  }, 60_000);

  it('reports a 3 MB OWNERS file as unread and holds its repository, never parsing its first part', async () => {
    const { instance } = await providerFor(github, { runs });
    const first = await instance.refresh();
    const owners = ownersNaming(170_000);
    expect(owners.length).toBeGreaterThan(3_000_000);
    github.putFile(ORG, 'growth-worker-0003', 'OWNERS', owners);
    const run = await instance.refresh();
    expect(run).toMatchObject({ outcome: 'partial', applied: 'scoped' });
    expect(run.held).toEqual([
      expect.objectContaining({
        scope: `${ORG}/growth-worker-0003`,
        reason: expect.stringContaining(
          'growth-worker-0003/OWNERS: 3060011 bytes, more than the 1048576 bytes',
        ),
      }),
    ]);
    // Its first 512,000 bytes would have named 28,000 people, the last one cut in half.
    expect(run.entityRefs.filter(r => r.includes('person-'))).toEqual([]);
    expect(run.entityRefs.sort()).toEqual(first.entityRefs.sort());
  });
});

describe('GithubInventoryProvider: a failed archive', () => {
  let github: GithubEmulator;
  let db: ReturnType<typeof inMemoryDatabase>;
  let runs: CrawlRunStore;
  beforeEach(async () => {
    github = await startEmulator(10);
    db = inMemoryDatabase();
    runs = await CrawlRunStore.create(db.database);
  });
  afterEach(async () => {
    await github.stop();
    await db.destroy();
  });

  const repositoryOf = (connection: RecordingConnection, name: string) =>
    entitiesOf(connection).find(
      e => e.metadata.name === `${ORG}--${name}`.toLowerCase(),
    )!;

  it('keeps the previous head commit with the previous contents, and says so', async () => {
    const { instance, connection } = await providerFor(
      github,
      { runs },
      { ownersDepth: 'tree' },
    );
    await instance.refresh();
    const before = repositoryOf(connection, 'checkout-web-0001');
    const oldHead = (before.spec!.repository as { headCommit: string })
      .headCommit;

    github.putFile(
      ORG,
      'checkout-web-0001',
      'OWNERS',
      'approvers: [newcomer]\n',
    );
    github.setFaults([
      { route: 'repos.downloadTarballArchive', status: 500, times: 100 },
    ]);
    const run = await instance.refresh();
    expect(run.outcome).toBe('partial');
    expect(run.errors.join('\n')).toContain(
      `read archive ${ORG}/checkout-web-0001@`,
    );
    expect(run.errors.join('\n')).toContain(`analysed at ${oldHead}`);
    const after = repositoryOf(connection, 'checkout-web-0001');
    expect(after.spec!.repository).toMatchObject({ headCommit: oldHead });
    expect(JSON.stringify(after.spec!.ownership)).not.toContain('newcomer');
  });

  it('holds a repository whose archive fails with no earlier snapshot', async () => {
    const { instance } = await providerFor(
      github,
      { runs },
      { ownersDepth: 'tree' },
    );
    const first = await instance.refresh();
    github.setFaults([
      { route: 'repos.downloadTarballArchive', status: 500, times: 100 },
    ]);
    github.removeRepository(ORG, 'infra-worker-0002');
    // A restarted backend without persisted snapshots: nothing to fall back on.
    const restarted = await providerFor(
      github,
      { runs },
      { ownersDepth: 'tree' },
    );
    const run = await restarted.instance.refresh();
    expect(run).toMatchObject({ outcome: 'partial', applied: 'scoped' });
    expect(run.held?.map(h => h.scope)).toContain(`${ORG}/checkout-web-0001`);
    const removed = (
      restarted.connection.last as { removed: Array<{ entityRef: string }> }
    ).removed.map(r => r.entityRef);
    // The deleted repository goes; what the unread ones declared stays.
    expect(removed).toContain(componentRef('infra-worker-0002'));
    expect(run.entityRefs).toEqual(
      expect.arrayContaining(
        first.entityRefs.filter(r => !r.includes('infra-worker-0002')),
      ),
    );
  });
});

/** A DatabaseService over one of the test databases, as the backend would build it. */
function databaseFor(testDb: TestDatabase): DatabaseService {
  return DatabaseManager.fromConfig(
    new ConfigReader({ backend: { database: testDb.config() } }),
  ).forPlugin('catalog', {
    logger: mockServices.logger.mock(),
    lifecycle: mockServices.lifecycle.mock(),
  });
}

describe.each(testDatabases())(
  'GithubInventoryProvider: persisted snapshots on $name',
  testDb => {
    afterAll(() => testDb.cleanup());

    it('resumes warm after a restart: no archive for a repository whose head has not moved', async () => {
      const github = await startEmulator(40);
      const database = databaseFor(testDb);
      const stores = async () => ({
        runs: await CrawlRunStore.create(database),
        snapshots: await SnapshotStore.create(database),
      });
      try {
        const before = await providerFor(github, await stores(), {
          ownersDepth: 'tree',
        });
        const cold = await before.instance.refresh();
        expect(cold.details?.archivesRead).toBeGreaterThan(30);
        const { bytes } = await (
          await SnapshotStore.create(database)
        ).size(before.instance.getProviderName());
        expect(bytes).toBeGreaterThan(0);

        github.putFile(ORG, 'checkout-web-0001', 'OWNERS', 'approvers: [x]\n');
        // Another process (a restart, a second replica): new stores on the same database.
        const after = await providerFor(github, await stores(), {
          ownersDepth: 'tree',
        });
        const warm = await after.instance.refresh();
        expect(warm).toMatchObject({ outcome: 'complete', applied: 'full' });
        expect(warm.details?.archivesRead).toBe(1);
        expect(warm.requests).toEqual({ graphql: 1, tarball: 1 });
        expect(warm.entityRefs).toContain('user:default/x');
        const again = await (
          await providerFor(github, await stores(), { ownersDepth: 'tree' })
        ).instance.refresh();
        expect(again.details?.archivesRead).toBe(0);
      } finally {
        await github.stop();
        await (await database.getClient()).destroy();
      }
    }, 60_000);
  },
);
