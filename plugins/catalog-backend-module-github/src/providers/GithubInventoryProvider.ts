import {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  CrawlOutcome,
  CrawlRun,
  CrawlRunStore,
  ScheduledEntityProvider,
  countEntities,
  recordRun,
  syncEntities,
} from '@infra-atlas/plugin-inventory-node';
import { GithubInventoryProviderConfig, analyzersFor } from '../lib/config';
import {
  CrawlResult,
  crawlGithub,
  errorMessage,
  included,
  readRepository,
  slugOf,
} from '../lib/crawl';
import {
  GithubClient,
  RequestStats,
  clientPerOrganization,
} from '../lib/github';
import { getRepository } from '../lib/repositories';
import { entityScopeOf, holdsOf } from '../lib/scopes';
import { LastCrawl, LastCrawlStore } from '../lib/lastCrawl';
import { SnapshotCache, SnapshotStore } from '../lib/snapshots';
import { crawlToEntities } from '../transform/entities';

export type GithubInventoryProviderDeps = {
  logger: LoggerService;
  taskRunner: SchedulerServiceTaskRunner;
  store: CrawlRunStore;
  /** An Octokit for one organization, counting into the given stats. */
  client: (organization: string, stats: RequestStats) => GithubClient;
  /** Shorter backoff for tests. */
  graphqlRetry?: { attempts?: number; baseDelayMs?: number };
  /** Where snapshots persist, so that a restart resumes warm; in memory only without it. */
  snapshots?: SnapshotStore;
  /** Where the last crawl persists, for webhooks on any replica; in memory only without it. */
  lastCrawls?: LastCrawlStore;
};

/**
 * What one refresh read, and how the run record names why it ran; `unknownRepository` when a
 * webhook named a repository that neither GitHub nor the last crawl has (nothing to apply).
 */
type Crawled = {
  crawl?: CrawlResult;
  trigger: string;
  unknownRepository?: string;
};

/** Whether a failure or skipped file belongs to a repository (`owner/name`, `owner/name@sha`). */
const concerns = (target: string, slug: string) =>
  target.toLowerCase() === slug || target.toLowerCase().startsWith(`${slug}@`);

/**
 * How the crawl went. Files that could not be read (invalid YAML, too large, truncated,
 * missing) make it partial like a failed request does: what they declare is held, not gone.
 */
function outcomeOf(
  crawl: CrawlResult | undefined,
  unreadFiles: number,
): CrawlOutcome {
  if (!crawl) {
    return 'failed';
  }
  const listed = crawl.repositories.length > 0;
  if (!listed && crawl.failures.length) {
    return 'failed';
  }
  return crawl.failures.length || unreadFiles ? 'partial' : 'complete';
}

/**
 * Crawls the configured GitHub organizations on a schedule — repositories with their
 * ownership files, and the declared infrastructure of the repositories analysed in depth —
 * and keeps the catalog in step under the shared safe-sync rule, scoped to what failed: what
 * a crawl could not read (an organization's listing, a repository, one analyzer's files) keeps
 * its entities, and deletions everywhere else proceed.
 *
 * Webhook deltas (`github.push`, `github.repository`) re-read just that repository and
 * recompute the entities from the last crawl's other repositories, so a push to the default
 * branch shows in the catalog without a full crawl. A burst for one repository is coalesced:
 * at most one more refresh waits behind the one running.
 */
export class GithubInventoryProvider extends ScheduledEntityProvider {
  private readonly cache: SnapshotCache;
  /**
   * The last crawl (complete or partial) with what it failed to read, so that one repository
   * can be refreshed on its own while the other repositories' failures stay held. Shared by
   * the replicas: a webhook builds on the newest crawl, whichever replica ran it.
   */
  private readonly last: LastCrawl;
  /** One refresh at a time: a webhook arriving during a crawl waits for it. */
  private running: Promise<unknown> = Promise.resolve();
  /** Refreshes queued but not started, by repository: a burst joins the one waiting. */
  private readonly waiting = new Map<string, Promise<CrawlRun | undefined>>();

  constructor(
    private readonly config: GithubInventoryProviderConfig,
    private readonly deps: GithubInventoryProviderDeps,
  ) {
    super(`github-inventory:${config.id}`, deps.taskRunner);
    this.cache = new SnapshotCache(
      deps.snapshots
        ? { store: deps.snapshots, providerId: this.getProviderName() }
        : undefined,
    );
    this.last = new LastCrawl({
      providerId: this.getProviderName(),
      cache: this.cache,
      store: deps.lastCrawls,
    });
  }

  /** Whether a repository is one this provider crawls or analyses. */
  covers(owner: string, name: string): boolean {
    const listed =
      this.config.organizations.some(
        o => o.toLowerCase() === owner.toLowerCase(),
      ) && included({ owner, name }, this.config);
    return listed || analyzersFor(this.config, { owner, name }).length > 0;
  }

  /** A full crawl and the catalog update it allows; `trigger` says why, in the run record. */
  refresh(trigger = 'schedule'): Promise<CrawlRun> {
    // Only a webhook for an unknown repository records no run; a full crawl always does.
    return this.serialized(stats =>
      this.crawlAll(stats, trigger),
    ) as Promise<CrawlRun>;
  }

  private async crawlAll(
    stats: RequestStats,
    trigger: string,
  ): Promise<Crawled> {
    try {
      return {
        crawl: await crawlGithub(this.config, this.crawlDeps(stats)),
        trigger,
      };
    } catch (error) {
      this.deps.logger.error(
        `GitHub inventory ${this.config.id}: crawl aborted: ${error}`,
      );
      return { trigger };
    }
  }

  /**
   * Re-reads one repository (after a webhook) and applies the whole provider's entities again
   * with it replaced — or removed, if GitHub no longer has it. What the last crawl failed to
   * read in other repositories stays held; this repository's is judged again. Without a
   * previous crawl to build on (none yet, or it failed), runs a full crawl instead.
   *
   * A burst of webhooks for one repository costs at most one refresh more than the one
   * running: calls while a refresh of it waits to start share that refresh.
   */
  refreshRepository(
    owner: string,
    name: string,
  ): Promise<CrawlRun | undefined> {
    const slug = `${owner}/${name}`.toLowerCase();
    const trigger = `event ${owner}/${name}`;
    return this.serialized(async stats => {
      const previous = await this.last.current();
      if (!previous) {
        return this.crawlAll(
          stats,
          `${trigger} (full crawl: no previous crawl to build on)`,
        );
      }
      const others = previous.repositories.filter(r => slugOf(r.info) !== slug);
      const carried = {
        teams: previous.teams,
        failures: previous.failures.filter(f => !concerns(f.target, slug)),
        skippedFiles: previous.skippedFiles.filter(f => f.repository !== slug),
      };
      try {
        const info = await getRepository(owner, name, {
          client: this.deps.client(owner, stats),
          stats,
          pageSize: this.config.pageSize,
          ...this.deps.graphqlRetry,
        });
        if (!info && others.length === previous.repositories.length) {
          // A push for a repository GitHub does not have, and the catalog never had: nothing
          // to remove or re-read, so nothing is applied again.
          return { trigger, unknownRepository: `${owner}/${name}` };
        }
        if (!info) {
          return {
            crawl: { ...carried, repositories: others, archivesRead: 0 },
            trigger,
          };
        }
        const read = await readRepository(
          info,
          this.config,
          this.crawlDeps(stats),
        );
        return {
          crawl: {
            repositories: [...others, read.repository].sort((x, y) =>
              slugOf(x.info).localeCompare(slugOf(y.info)),
            ),
            teams: carried.teams,
            failures: [...carried.failures, ...read.failures],
            skippedFiles: [...carried.skippedFiles, ...read.skippedFiles],
            archivesRead: read.archivesRead,
          },
          trigger,
        };
      } catch (error) {
        // The repository keeps what the last crawl read of it, held; the rest applies.
        return {
          crawl: {
            ...carried,
            repositories: previous.repositories,
            failures: [
              ...carried.failures,
              {
                step: 'get repository',
                target: slug,
                message: errorMessage(error),
              },
            ],
            archivesRead: 0,
          },
          trigger,
        };
      }
    }, slug);
  }

  private crawlDeps(stats: RequestStats) {
    return {
      clientFor: clientPerOrganization(organization =>
        this.deps.client(organization, stats),
      ),
      stats,
      logger: this.deps.logger,
      cache: this.cache,
      graphqlRetry: this.deps.graphqlRetry,
    };
  }

  /**
   * Runs refreshes one after another. With a `key`, a call while a refresh of the same key
   * waits to start joins it: that refresh has not read anything yet, so it will see whatever
   * the later webhook announced.
   */
  private serialized(
    crawl: (stats: RequestStats) => Promise<Crawled>,
    key?: string,
  ): Promise<CrawlRun | undefined> {
    const joined = key ? this.waiting.get(key) : undefined;
    if (joined) {
      return joined;
    }
    const next = this.running.then(() => {
      if (key) this.waiting.delete(key);
      return this.run(crawl);
    });
    if (key) this.waiting.set(key, next);
    this.running = next.catch(() => undefined);
    return next;
  }

  private async run(
    crawlFn: (stats: RequestStats) => Promise<Crawled>,
  ): Promise<CrawlRun | undefined> {
    const connection = this.catalog();
    const { logger, store } = this.deps;
    const startedAt = new Date();
    const stats = new RequestStats();
    const { crawl, trigger, unknownRepository } = await crawlFn(stats);
    if (unknownRepository) {
      logger.info(
        `GitHub inventory ${this.config.id}: webhook for ${unknownRepository} ignored: no such repository in GitHub or in the last crawl`,
      );
      return undefined;
    }
    const errors = (crawl?.failures ?? []).map(
      f => `${f.step} ${f.target}: ${f.message}`,
    );
    for (const error of errors) {
      logger.error(`GitHub inventory ${this.config.id}: ${error}`);
    }
    if (!crawl) {
      errors.push('crawl aborted');
    }

    const transformed = crawl
      ? crawlToEntities(crawl, this.config)
      : {
          entities: [],
          problems: [],
          declarations: {},
        };
    for (const problem of transformed.problems) {
      logger.warn(
        `GitHub inventory ${this.config.id}: ${problem.repository}/${
          problem.path
        }${problem.line ? `:${problem.line}` : ''}: ${problem.message}`,
      );
    }
    for (const skipped of crawl?.skippedFiles ?? []) {
      logger.warn(
        `GitHub inventory ${this.config.id}: skipped ${skipped.repository}/${skipped.path}: ${skipped.reason}`,
      );
    }

    const unreadFiles = [
      ...transformed.problems.filter(p => p.unread),
      ...(crawl?.skippedFiles ?? []).map(f => ({ ...f, message: f.reason })),
    ];
    if (unreadFiles.length) {
      errors.push(
        `${unreadFiles.length} file(s) could not be read; what they declare is kept from earlier crawls`,
      );
    }
    const outcome = outcomeOf(crawl, unreadFiles.length);
    const providerName = this.getProviderName();
    const previous = await store.lastApplied(providerName);
    const sync = await syncEntities({
      connection,
      locationKey: providerName,
      entities: transformed.entities,
      previousRefs: previous?.entityRefs,
      outcome,
      removalCeiling: this.config.removalCeiling,
      failedSteps: (crawl?.failures.length ?? 0) + unreadFiles.length,
      scopes: {
        holds: crawl ? holdsOf(crawl, unreadFiles, this.config) : [],
        scopeOf: entityScopeOf(this.config, transformed.entities),
        previousScopes: previous?.entityScopes,
      },
    });
    if (sync.reason) {
      const log = sync.applied === 'scoped' ? logger.warn : logger.error;
      log.call(logger, `GitHub inventory ${this.config.id}: ${sync.reason}`);
      errors.push(sync.reason);
    }
    // A webhook builds on the last crawl, complete or partial: its failures travel with it,
    // so those of other repositories stay held. After a failed crawl it crawls everything.
    await this.last.set(startedAt, outcome === 'failed' ? undefined : crawl);

    return recordRun({
      store,
      logger,
      label: `GitHub inventory ${this.config.id} (${trigger})`,
      providerId: providerName,
      startedAt,
      outcome,
      sync,
      requests: { ...stats.requests },
      retries: { 'rate-limit-waits': stats.rateLimitWaits },
      entities: countEntities(transformed.entities),
      errors,
      details: {
        trigger,
        graphqlPoints: stats.graphqlPoints,
        archivesRead: crawl?.archivesRead ?? 0,
        repositories: crawl?.repositories.length ?? 0,
        problems: transformed.problems.length,
        ...transformed.declarations,
      },
      logDetails: [
        `repositories ${crawl?.repositories.length ?? 0}`,
        `GraphQL points ${stats.graphqlPoints}`,
        `archives ${crawl?.archivesRead ?? 0}`,
        `problems ${transformed.problems.length}`,
      ],
    });
  }
}
