import {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { ApiCaller } from '../lib/apiCaller';
import { GcpClients } from '../lib/clients';
import { GcpInventoryProviderConfig } from '../lib/config';
import { CrawlResult, crawlScopes } from '../lib/crawl';
import { CrawlRun, CrawlStatusStore } from '../lib/crawlStatus';
import { crawlToEntities } from '../transform/entities';

export type GcpInventoryProviderDeps = {
  logger: LoggerService;
  taskRunner: SchedulerServiceTaskRunner;
  store: CrawlStatusStore;
  /** Creates the official clients; a seam for the emulator and for tests. */
  clients: () => Promise<GcpClients>;
  /** Backoff settings for retries; tests shorten them. */
  retry?: { maxAttempts?: number; baseDelayMs?: number };
};

type Decision = { applied: CrawlRun['applied']; reason?: string };

function countBy(entities: Entity[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of entities) {
    const key =
      e.kind === 'Resource' ? String(e.spec?.type) : e.kind.toLowerCase();
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function outcomeOf(crawl: CrawlResult | undefined): CrawlRun['outcome'] {
  if (!crawl) {
    return 'failed';
  }
  return crawl.failures.length ? 'partial' : 'complete';
}

const formatCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ') || 'none';

/**
 * Crawls one set of GCP scopes on a schedule and keeps the catalog in step with it, safely:
 * the provider's entities are replaced only after a crawl that read every page of every
 * scope and would not remove more than the removal ceiling allows. Anything less refreshes
 * what it read and removes nothing — or, if IAM policies could not be read, changes nothing,
 * because entities without their grants would silently lose who administers them.
 */
export class GcpInventoryProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(
    private readonly config: GcpInventoryProviderConfig,
    private readonly deps: GcpInventoryProviderDeps,
  ) {}

  getProviderName(): string {
    return `gcp-inventory:${this.config.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.deps.taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        await this.refresh();
      },
    });
  }

  /** One crawl and the catalog update it allows. Returns the run as it was recorded. */
  async refresh(): Promise<CrawlRun> {
    if (!this.connection) {
      throw new Error(
        `${this.getProviderName()} is not connected to the catalog`,
      );
    }
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

    const entities = crawl
      ? crawlToEntities(crawl, {
          locationKey: this.getProviderName(),
          owners: this.config.owners,
          adminRoles: this.config.adminRoles,
        })
      : [];
    const previousRefs = await store.lastAppliedRefs(this.config.id);
    const refs = entities.map(e => stringifyEntityRef(e));
    const decision = this.decide(crawl, refs, previousRefs);
    if (decision.reason) {
      logger.error(`GCP inventory ${this.config.id}: ${decision.reason}`);
      errors.push(decision.reason);
    }

    const deferred = entities.map(entity => ({
      entity,
      locationKey: this.getProviderName(),
    }));
    if (decision.applied === 'full') {
      await this.connection.applyMutation({ type: 'full', entities: deferred });
    } else if (decision.applied === 'upsert-only') {
      await this.connection.applyMutation({
        type: 'delta',
        added: deferred,
        removed: [],
      });
    }

    const finishedAt = new Date();
    const run: CrawlRun = {
      providerId: this.config.id,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      outcome: outcomeOf(crawl),
      applied: decision.applied,
      requests: caller.requests,
      retries: caller.retries,
      entities: countBy(entities),
      errors,
      entityRefs: this.refsAfter(decision.applied, refs, previousRefs),
    };
    await store.record(run);
    logger.info(
      `GCP inventory ${this.config.id}: ${run.outcome}, applied ${
        run.applied
      }; entities ${formatCounts(run.entities)}; requests ${formatCounts(
        run.requests,
      )}; retries ${formatCounts(run.retries)}; errors ${errors.length}; ${(
        (finishedAt.getTime() - startedAt.getTime()) /
        1000
      ).toFixed(1)}s`,
    );
    return run;
  }

  /** What the catalog holds for this provider once a decision has been applied. */
  private refsAfter(
    applied: CrawlRun['applied'],
    refs: string[],
    previousRefs: string[] = [],
  ): string[] {
    if (applied === 'full') {
      return refs;
    }
    if (applied === 'upsert-only') {
      return [...new Set([...previousRefs, ...refs])];
    }
    return previousRefs;
  }

  private decide(
    crawl: CrawlResult | undefined,
    refs: string[],
    previousRefs: string[] | undefined,
  ): Decision {
    if (!crawl) {
      return {
        applied: 'none',
        reason: 'the crawl failed; the catalog keeps what it had',
      };
    }
    if (crawl.failures.some(f => f.step === 'search IAM policies')) {
      return {
        applied: 'none',
        reason:
          'IAM policies could not be read; the catalog keeps what it had rather than entities without their administrators',
      };
    }
    if (crawl.failures.length > 0) {
      return {
        applied: 'upsert-only',
        reason: `the crawl was partial (${crawl.failures.length} failed steps); refreshed what was read and removed nothing`,
      };
    }
    if (refs.length === 0 && (previousRefs?.length ?? 0) > 0) {
      return {
        applied: 'none',
        reason: `the crawl returned nothing where ${
          previousRefs!.length
        } entities were before; refusing to empty the catalog`,
      };
    }
    if (previousRefs?.length) {
      const current = new Set(refs);
      const removed = previousRefs.filter(r => !current.has(r)).length;
      if (removed / previousRefs.length > this.config.removalCeiling) {
        return {
          applied: 'upsert-only',
          reason: `the crawl would remove ${removed} of ${
            previousRefs.length
          } entities, more than the removal ceiling of ${Math.round(
            this.config.removalCeiling * 100,
          )}%; refreshed what was read and removed nothing`,
        };
      }
    }
    return { applied: 'full' };
  }
}
