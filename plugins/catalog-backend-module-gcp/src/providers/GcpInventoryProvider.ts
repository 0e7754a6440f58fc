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
import { ApiCaller } from '../lib/apiCaller';
import { GcpClients } from '../lib/clients';
import { GcpInventoryProviderConfig } from '../lib/config';
import { CrawlResult, crawlScopes } from '../lib/crawl';
import { crawlToEntities } from '../transform/entities';

export type GcpInventoryProviderDeps = {
  logger: LoggerService;
  taskRunner: SchedulerServiceTaskRunner;
  store: CrawlRunStore;
  /** Creates the official clients; a seam for the emulator and for tests. */
  clients: () => Promise<GcpClients>;
  /** Backoff settings for retries; tests shorten them. */
  retry?: { maxAttempts?: number; baseDelayMs?: number };
};

function outcomeOf(crawl: CrawlResult | undefined): CrawlOutcome {
  if (!crawl) {
    return 'failed';
  }
  return crawl.failures.length ? 'partial' : 'complete';
}

/**
 * Crawls one set of GCP scopes on a schedule and keeps the catalog in step with it, safely:
 * the provider's entities are replaced only after a crawl that read every page of every
 * scope and would not remove more than the removal ceiling allows. Anything less refreshes
 * what it read and removes nothing — or, if IAM policies could not be read, changes nothing,
 * because entities without their grants would silently lose who administers them.
 */
export class GcpInventoryProvider extends ScheduledEntityProvider {
  constructor(
    private readonly config: GcpInventoryProviderConfig,
    private readonly deps: GcpInventoryProviderDeps,
  ) {
    super(`gcp-inventory:${config.id}`, deps.taskRunner);
  }

  /** One crawl and the catalog update it allows. Returns the run as it was recorded. */
  async refresh(): Promise<CrawlRun> {
    const connection = this.catalog();
    const { logger, store } = this.deps;
    const startedAt = new Date();
    const caller = new ApiCaller({
      quotas: this.config.quotas,
      timeoutMs: this.config.connection.timeoutMs,
      logger,
      ...this.deps.retry,
    });
    logger.info(
      `GCP inventory ${this.config.id}: crawling ${this.config.scopes
        .map(s => (s.kind === 'project' ? `projects/${s.projectId}` : s.name))
        .join(', ')}`,
    );

    let crawl: CrawlResult | undefined;
    const errors: string[] = [];
    try {
      crawl = await crawlScopes({
        scopes: this.config.scopes,
        assetTypes: this.config.assetTypes,
        clients: await this.deps.clients(),
        caller,
        logger,
      });
      errors.push(
        ...crawl.failures.map(f => `${f.step} ${f.target}: ${f.message}`),
      );
    } catch (error) {
      errors.push(
        `crawl aborted: ${error instanceof Error ? error.message : error}`,
      );
    }

    const transformed = crawl
      ? crawlToEntities(crawl, {
          locationKey: this.getProviderName(),
          owners: this.config.owners,
          roles: this.config.roles,
          principals: this.config.principals,
        })
      : { entities: [], unplaced: [] };
    const { entities, unplaced } = transformed;
    if (crawl && unplaced.length) {
      // Read but not placed: their parents' listings failed, or they sit outside every scope.
      const message = `${
        unplaced.length
      } node(s) read without their parent chain keep their last known state (e.g. ${unplaced
        .slice(0, 3)
        .join(', ')})`;
      crawl.failures.push({ step: 'place', target: 'hierarchy', message });
      errors.push(`place hierarchy: ${message}`);
      logger.warn(`GCP inventory ${this.config.id}: ${message}`);
    }
    const outcome = outcomeOf(crawl);
    const sync = await syncEntities({
      connection,
      locationKey: this.getProviderName(),
      entities,
      previousRefs: await store.lastAppliedRefs(this.getProviderName()),
      outcome,
      removalCeiling: this.config.removalCeiling,
      failedSteps: crawl?.failures.length,
      // Entities without their grants would silently lose who administers them.
      holdReason: crawl?.failures.some(f => f.step === 'search IAM policies')
        ? 'IAM policies could not be read; the catalog keeps what it had rather than entities without their administrators'
        : undefined,
    });
    if (sync.reason) {
      logger.error(`GCP inventory ${this.config.id}: ${sync.reason}`);
      errors.push(sync.reason);
    }

    return recordRun({
      store,
      logger,
      label: `GCP inventory ${this.config.id}`,
      providerId: this.getProviderName(),
      startedAt,
      outcome,
      sync,
      requests: caller.requests,
      retries: caller.retries,
      entities: countEntities(entities),
      errors,
    });
  }
}
