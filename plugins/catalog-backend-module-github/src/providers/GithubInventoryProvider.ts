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
  SnapshotCache,
  crawlGithub,
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
import { crawlToEntities } from '../transform/entities';

export type GithubInventoryProviderDeps = {
  logger: LoggerService;
  taskRunner: SchedulerServiceTaskRunner;
  store: CrawlRunStore;
  /** An Octokit for one organization, counting into the given stats. */
  client: (organization: string, stats: RequestStats) => GithubClient;
  /** Shorter backoff for tests. */
  graphqlRetry?: { attempts?: number; baseDelayMs?: number };
};

/**
 * How the crawl went. Files that could not be read (invalid YAML, too large, missing) make it
 * partial like a failed request does: what they declare is missing, not gone.
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
 * and keeps the catalog in step under the shared safe-sync rule: a failed, rate-limited or
 * partial crawl never deletes entities.
 *
 * Webhook deltas (`github.push`, `github.repository`) re-read just that repository and
 * recompute the entities from the last crawl's other repositories, so a push to the default
 * branch shows in the catalog without a full crawl.
 */
export class GithubInventoryProvider extends ScheduledEntityProvider {
  private readonly cache = new SnapshotCache();
  /** The last crawl's repositories, so that one repository can be refreshed on its own. */
  private last?: CrawlResult;
  /** One refresh at a time: a webhook arriving during a crawl waits for it. */
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly config: GithubInventoryProviderConfig,
    private readonly deps: GithubInventoryProviderDeps,
  ) {
    super(`github-inventory:${config.id}`, deps.taskRunner);
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
    return this.serialized(async stats => {
      try {
        return await crawlGithub(this.config, this.crawlDeps(stats));
      } catch (error) {
        this.deps.logger.error(
          `GitHub inventory ${this.config.id}: crawl aborted: ${error}`,
        );
        return undefined;
      }
    }, trigger);
  }

  /**
   * Re-reads one repository (after a webhook) and applies the whole provider's entities again
   * with it replaced — or removed, if GitHub no longer has it. Without a previous crawl to
   * build on, runs a full crawl instead.
   */
  refreshRepository(owner: string, name: string): Promise<CrawlRun> {
    if (!this.last) {
      return this.refresh(
        `event ${owner}/${name} (full crawl: no previous crawl to build on)`,
      );
    }
    return this.serialized(async stats => {
      const previous = this.last!;
      const slug = `${owner}/${name}`.toLowerCase();
      const others = previous.repositories.filter(r => slugOf(r.info) !== slug);
      try {
        const info = await getRepository(owner, name, {
          client: this.deps.client(owner, stats),
          stats,
          pageSize: this.config.pageSize,
          ...this.deps.graphqlRetry,
        });
        if (!info) {
          return {
            ...previous,
            repositories: others,
            failures: [],
            archivesRead: 0,
          };
        }
        const read = await readRepository(
          info,
          this.config,
          this.crawlDeps(stats),
        );
        return {
          repositories: [...others, read.repository].sort((x, y) =>
            slugOf(x.info).localeCompare(slugOf(y.info)),
          ),
          // A push does not change teams: keep the last crawl's.
          teams: previous.teams,
          failures: read.failures,
          skippedFiles: read.skippedFiles,
          archivesRead: read.archivesRead,
        };
      } catch (error) {
        this.deps.logger.error(
          `GitHub inventory ${this.config.id}: refresh of ${owner}/${name} failed: ${error}`,
        );
        return undefined;
      }
    }, `event ${owner}/${name}`);
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

  private serialized(
    crawl: (stats: RequestStats) => Promise<CrawlResult | undefined>,
    trigger: string,
  ): Promise<CrawlRun> {
    const next = this.running.then(() => this.run(crawl, trigger));
    this.running = next.catch(() => undefined);
    return next;
  }

  private async run(
    crawlFn: (stats: RequestStats) => Promise<CrawlResult | undefined>,
    trigger: string,
  ): Promise<CrawlRun> {
    const connection = this.catalog();
    const { logger, store } = this.deps;
    const startedAt = new Date();
    const stats = new RequestStats();
    const crawl = await crawlFn(stats);
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

    const unreadFiles =
      transformed.problems.filter(p => p.unread).length +
      (crawl?.skippedFiles.length ?? 0);
    if (unreadFiles) {
      errors.push(
        `${unreadFiles} file(s) could not be read; what they declare is kept from earlier crawls`,
      );
    }
    const outcome = outcomeOf(crawl, unreadFiles);
    const providerName = this.getProviderName();
    const sync = await syncEntities({
      connection,
      locationKey: providerName,
      entities: transformed.entities,
      previousRefs: await store.lastAppliedRefs(providerName),
      outcome,
      removalCeiling: this.config.removalCeiling,
      failedSteps: (crawl?.failures.length ?? 0) + unreadFiles,
    });
    if (sync.reason) {
      logger.error(`GitHub inventory ${this.config.id}: ${sync.reason}`);
      errors.push(sync.reason);
    }
    // A webhook builds on the last crawl only if that crawl was complete: one built on a
    // partial crawl would forget its failures and count as complete.
    this.last = outcome === 'complete' ? crawl : undefined;

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
