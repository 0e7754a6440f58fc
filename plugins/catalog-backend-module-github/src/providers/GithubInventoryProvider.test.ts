/*
 * The provider against the GitHub emulator through real Octokit: what a crawl costs, what a
 * re-crawl of unchanged repositories costs (nothing but the listing), and that rate limits,
 * secondary limits, 502s in the middle of pagination and GraphQL error payloads lose no
 * entity.
 */
import { generateKeyPairSync } from 'node:crypto';
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
  loadK8sInfraGithubEstate,
  startGithubEmulator,
} from '@infra-atlas/emulators';
import { CrawlRunStore } from '@infra-atlas/plugin-inventory-node';
import { RecordingConnection, inMemoryDatabase } from '@infra-atlas/test-utils';
import {
  K8S_INFRA_ANALYZERS,
  testProviderConfig,
} from '../__testUtils__/providerConfig';
import { GithubInventoryProviderConfig } from '../lib/config';
import { createGithubClient } from '../lib/github';
import { GithubInventoryProvider } from './GithubInventoryProvider';

const refsOf = (entities: DeferredEntity[]) =>
  entities.map(d => `${d.entity.kind}:${d.entity.metadata.name}`.toLowerCase());

describe('GithubInventoryProvider against the GitHub emulator', () => {
  let db: ReturnType<typeof inMemoryDatabase>;
  let store: CrawlRunStore;
  const emulators: GithubEmulator[] = [];

  beforeEach(async () => {
    db = inMemoryDatabase();
    store = await CrawlRunStore.create(db.database);
  });
  afterEach(async () => {
    await db.destroy();
  });
  afterAll(async () => {
    await Promise.all(emulators.map(e => e.stop()));
  });

  async function emulator(estate = loadK8sInfraGithubEstate()) {
    const started = await startGithubEmulator({ estate });
    emulators.push(started);
    return started;
  }

  async function provider(
    target: GithubEmulator,
    overrides: Partial<GithubInventoryProviderConfig> = {},
    retryAfterBaseValue = 1,
    credentials: object = { token: 'secret-token-123' },
  ) {
    const config = testProviderConfig({
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
      ownersDepth: 'root',
      analyzers: K8S_INFRA_ANALYZERS,
      ...overrides,
    });

    const integrations = ScmIntegrations.fromConfig(
      new ConfigReader({
        integrations: {
          github: [
            { host: 'github.com', apiBaseUrl: target.url, ...credentials },
          ],
        },
      }),
    );
    const logger = mockServices.logger.mock();
    const credentialsProvider =
      DefaultGithubCredentialsProvider.fromIntegrations(integrations);
    const instance = new GithubInventoryProvider(config, {
      logger,
      taskRunner: { run: async () => {} },
      store,
      client: (organization, stats) =>
        createGithubClient({
          integrations,
          credentials: credentialsProvider,
          host: 'github.com',
          organization,
          logger,
          stats,
          // GitHub's "seconds" become milliseconds unless a test waits for a real reset.
          retryAfterBaseValue,
        }),
      graphqlRetry: { attempts: 3, baseDelayMs: 1 },
    });
    const connection = new RecordingConnection();
    await instance.connect(connection);
    return { instance, connection, logger };
  }

  it('crawls kubernetes with one listing page and one archive per analysed repository, then nothing more while unchanged', async () => {
    const github = await emulator();
    const { instance, connection, logger } = await provider(github);

    const cold = await instance.refresh();
    expect(cold).toMatchObject({ outcome: 'complete', applied: 'full' });
    expect(cold.requests).toEqual({ graphql: 1, tarball: 2 });
    expect(cold.details?.graphqlPoints).toBeGreaterThan(0);
    const refs = refsOf(
      (connection.last as { entities: DeferredEntity[] }).entities,
    );
    expect(refs).toEqual(
      expect.arrayContaining([
        'component:kubernetes--k8s.io',
        'component:k8s-app--kubernetes-public--us-central1--aaa--gcsweb',
        'group:sig-k8s-infra',
        'user:ameukam',
      ]),
    );
    expect(cold.entities.component).toBeGreaterThanOrEqual(14);
    const summary = logger.info.mock.calls
      .map(c => String(c[0]))
      .find(m => m.includes('applied full'));
    expect(summary).toMatch(
      /requests graphql=1 tarball=2; retries rate-limit-waits=0; repositories 2; GraphQL points \d+; archives 2/,
    );

    const warm = await instance.refresh();
    expect(warm.requests).toEqual({ graphql: 1 });
    expect(warm.entityRefs.sort()).toEqual(cold.entityRefs.sort());

    github.putFile(
      'kubernetes',
      'k8s.io',
      'apps/gcsweb/README.md',
      '# gcsweb\n\nMoved.\n',
    );
    const changed = await instance.refresh();
    expect(changed.requests).toEqual({ graphql: 1, tarball: 1 });
    // Three crawls of the whole snapshot: more than Jest's default 5 s on a loaded machine.
  }, 30_000);

  it('authenticates as a GitHub App through the integration, with installation tokens', async () => {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const github = await startGithubEmulator({
      estate: loadK8sInfraGithubEstate(),
      requiredToken: 'no-static-token-works',
    });
    emulators.push(github);
    const { instance } = await provider(github, {}, 1, {
      apps: [{ appId: 1, privateKey, clientId: 'c', clientSecret: 's' }],
    });
    const run = await instance.refresh();
    expect(run).toMatchObject({ outcome: 'complete', applied: 'full' });
    expect(github.requestCounts()).toMatchObject({
      'apps.createInstallationAccessToken': 1,
      graphql: 1,
    });
  });

  it('never sends the token to the log', async () => {
    const github = await emulator();
    const { instance, logger } = await provider(github);
    github.setFaults([{ route: 'graphql', status: 502, times: 100 }]);
    await instance.refresh();
    const logged = JSON.stringify([
      ...logger.info.mock.calls,
      ...logger.warn.mock.calls,
      ...logger.error.mock.calls,
    ]);
    expect(logged).toContain('502');
    expect(logged).not.toContain('secret-token-123');
  });

  it('keeps what an unreadable file declared, rather than deleting it', async () => {
    const github = await emulator();
    const { instance, connection, logger } = await provider(github);
    const first = await instance.refresh();
    const records = first.entities['dns-record'];
    expect(records).toBe(446);

    github.putFile(
      'kubernetes',
      'k8s.io',
      'dns/octodns-config.yaml',
      'zones: [\n',
    );
    const run = await instance.refresh();
    // Only the octodns analyzer's output of k8s.io is held; removals elsewhere would proceed.
    expect(run).toMatchObject({ outcome: 'partial', applied: 'scoped' });
    expect(run.held?.map(h => h.scope)).toEqual(['kubernetes/k8s.io/octodns']);
    expect(run.entities['dns-record'] ?? 0).toBe(0);
    expect(connection.last).toMatchObject({ type: 'delta', removed: [] });
    expect(run.entityRefs.sort()).toEqual(first.entityRefs.sort());
    const warnings = logger.warn.mock.calls.map(c => String(c[0])).join('\n');
    expect(warnings).toContain('kubernetes/k8s.io/dns/octodns-config.yaml:');
  });

  it('keeps reporting a file too large to read for as long as its commit stands', async () => {
    const github = await emulator();
    // The largest real file, apps/cert-manager/cert-manager.yaml, is 383 kB.
    const { instance } = await provider(github, { maxFileBytes: 400_000 });
    const first = await instance.refresh();
    expect(first.outcome).toBe('complete');
    const path = 'groups/sig-k8s-infra/groups.yaml';
    github.putFile(
      'kubernetes',
      'k8s.io',
      path,
      `groups: []\n${'# padding\n'.repeat(50_000)}`,
    );
    for (const attempt of [1, 2]) {
      const run = await instance.refresh();
      expect([attempt, run.outcome, run.applied]).toEqual([
        attempt,
        'partial',
        'scoped',
      ]);
      expect(run.entityRefs.sort()).toEqual(first.entityRefs.sort());
    }
    // A webhook builds on the partial crawl, and judges the repository's files again.
    const event = await instance.refreshRepository('kubernetes', 'k8s.io');
    expect(event!.details?.trigger).toBe('event kubernetes/k8s.io');
    expect(event!.held).toEqual([
      expect.objectContaining({
        scope: 'kubernetes/k8s.io/google-groups',
        reason: expect.stringContaining(path),
        runs: 3,
      }),
    ]);
  });

  it('keeps every entity when GitHub fails the listing, and says so', async () => {
    const github = await emulator();
    const { instance, connection } = await provider(github, { analyzers: [] });
    await instance.refresh();
    const before = connection.mutations.length;
    github.setFaults([{ route: 'graphql', status: 502, times: 100 }]);
    const run = await instance.refresh();
    expect(run).toMatchObject({ outcome: 'failed', applied: 'none' });
    expect(run.errors.join('\n')).toContain('list repositories kubernetes');
    expect(connection.mutations).toHaveLength(before);
  });

  describe('on a synthetic organization of 250 repositories (3 pages)', () => {
    let github: GithubEmulator;
    beforeAll(async () => {
      github = await emulator(
        generateSyntheticGithubEstate({
          organization: 'synthetic-org',
          repositories: 250,
          seed: 7,
        }),
      );
    });
    beforeEach(() => {
      github.setFaults([]);
      github.setRateLimit({ core: 5000, graphql: 5000, resetSeconds: 3600 });
    });
    const options = { organizations: ['synthetic-org'], analyzers: [] };

    async function baseline(retryAfterBaseValue = 1) {
      const p = await provider(github, options, retryAfterBaseValue);
      const run = await p.instance.refresh();
      expect(run.outcome).toBe('complete');
      return { ...p, refs: run.entityRefs.sort() };
    }

    it('retries a 502 in the middle of pagination and loses nothing', async () => {
      const { instance, refs } = await baseline();
      github.setFaults([
        { route: 'graphql', status: 502, afterCalls: 1, times: 1 },
      ]);
      const run = await instance.refresh();
      expect(run).toMatchObject({ outcome: 'complete', applied: 'full' });
      expect(run.requests.graphql).toBe(4);
      expect(run.entityRefs.sort()).toEqual(refs);
    });

    it('retries a page that came back with a GraphQL errors payload', async () => {
      const { instance, refs } = await baseline();
      github.setFaults([
        {
          route: 'graphql',
          graphqlErrors: ['Timeout on validation of query'],
          afterCalls: 2,
          times: 1,
        },
      ]);
      const run = await instance.refresh();
      expect(run).toMatchObject({ outcome: 'complete', applied: 'full' });
      expect(run.entityRefs.sort()).toEqual(refs);
    });

    it('waits for the primary rate limit to reset and finishes the crawl', async () => {
      // The emulator's window is real time, so this test waits real seconds.
      const { instance, refs } = await baseline(1000);
      github.setRateLimit({ graphql: 2, resetSeconds: 1 });
      const run = await instance.refresh();
      expect(run).toMatchObject({ outcome: 'complete', applied: 'full' });
      expect(run.retries['rate-limit-waits']).toBeGreaterThan(0);
      expect(run.entityRefs.sort()).toEqual(refs);
    });

    it('waits out a secondary limit for as long as retry-after says', async () => {
      const { instance, refs } = await baseline();
      github.setFaults([
        { route: 'graphql', secondaryLimitSeconds: 2, afterCalls: 1, times: 1 },
      ]);
      const run = await instance.refresh();
      expect(run).toMatchObject({ outcome: 'complete', applied: 'full' });
      expect(run.retries['rate-limit-waits']).toBe(1);
      expect(run.entityRefs.sort()).toEqual(refs);
    });

    it('stops reading archives when GitHub keeps failing them, and removes nothing', async () => {
      const tree = { ...options, ownersDepth: 'tree' as const };
      const first = await (await provider(github, tree)).instance.refresh();
      expect(first).toMatchObject({ outcome: 'complete', applied: 'full' });
      github.setFaults([
        { route: 'repos.downloadTarballArchive', status: 500, times: 100_000 },
      ]);
      // A restarted backend: nothing cached, every archive to read again.
      const restarted = await provider(github, tree);
      const run = await restarted.instance.refresh();
      expect(run).toMatchObject({ outcome: 'partial', applied: 'scoped' });
      // Five archives in a row failed (each after plugin-retry's retries); the other 245
      // were not tried.
      expect(run.requests.tarball).toBeLessThan(40);
      expect(run.errors.join('\n')).toContain('GitHub looks unavailable');
      expect(restarted.connection.last).toMatchObject({
        type: 'delta',
        removed: [],
      });
      expect(run.entityRefs.sort()).toEqual(first.entityRefs.sort());
    });

    it('removes nothing when rate-limited for longer than it will wait', async () => {
      const { instance, connection, refs } = await baseline();
      github.setRateLimit({ graphql: 1, resetSeconds: 3600 });
      const run = await instance.refresh();
      expect(run.applied).toBe('none');
      expect(run.entityRefs.sort()).toEqual(refs);
      expect(connection.last.type).toBe('full');
    });
  });

  it('takes webhooks only for repositories it crawls or analyses', async () => {
    const github = await emulator();
    const { instance } = await provider(github, {
      exclude: /^kubernetes\/website$/,
    });
    expect(instance.covers('Kubernetes', 'test-infra')).toBe(true);
    expect(instance.covers('kubernetes', 'website')).toBe(false);
    expect(instance.covers('other-org', 'x')).toBe(false);
    expect(instance.covers('kubernetes', 'community')).toBe(true);
  });

  it('ignores a push for a repository the organization does not have: nothing is applied again', async () => {
    const github = await emulator();
    const { instance, connection } = await provider(github);
    await instance.refresh();
    const applied = connection.mutations.length;
    github.resetCounts();
    const run = await instance.refreshRepository('kubernetes', 'no-such-repo');
    expect(run).toBeUndefined();
    expect(connection.mutations.length).toBe(applied);
    expect(github.requestCounts()).toEqual({ graphql: 1 });
  }, 30_000);

  it('refreshes one repository after a push, without listing the organization', async () => {
    const github = await emulator();
    const { instance, connection } = await provider(github);
    await instance.refresh();
    github.putFile(
      'kubernetes',
      'k8s.io',
      'apps/gcsweb/OWNERS',
      'approvers: [someone-new]\nlabels: [sig/testing]\n',
    );
    github.resetCounts();
    const run = await instance.refreshRepository('kubernetes', 'k8s.io');
    expect(run).toMatchObject({ outcome: 'complete', applied: 'full' });
    expect(run!.requests).toEqual({ graphql: 1, tarball: 1 });
    const repo = (
      connection.last as { entities: DeferredEntity[] }
    ).entities.find(d => d.entity.metadata.name === 'kubernetes--k8s.io')!;
    const gcsweb = (
      repo.entity.spec!.ownership as Array<{ dir: string; approvers: string[] }>
    ).find(d => d.dir === 'apps/gcsweb');
    expect(gcsweb?.approvers).toContain('someone-new');
  });
});
