import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { CrawlRun } from './crawlRuns';

/**
 * How a crawl went. `complete`: every page of every source was read. `partial`: some steps
 * failed, what was read is sound. `failed`: nothing usable.
 *
 * @public
 */
export type CrawlOutcome = CrawlRun['outcome'];

/** @public */
export type SyncDecision = {
  applied: CrawlRun['applied'];
  /** Why the catalog was not fully replaced, for the log and the run record. */
  reason?: string;
};

/** @public */
export type SyncInput = {
  outcome: CrawlOutcome;
  /** Entity refs the crawl produced. */
  refs: string[];
  /** Entity refs the catalog held for this provider after its last applied run. */
  previousRefs?: string[];
  /** Largest share of the previous entities a full replace may remove (0.2 = 20 %). */
  removalCeiling: number;
  /**
   * Set when the crawl lost something that makes even its own entities misleading (e.g. GCP
   * resources without their IAM grants): then nothing is applied.
   */
  holdReason?: string;
  /** How many steps failed, for the message of a partial crawl. */
  failedSteps?: number;
};

/**
 * The safe-sync rule every Infra Atlas provider follows, so that a failed, rate-limited or
 * partial crawl never deletes entities: replace the provider's entities only after a complete
 * crawl that removes no more than the ceiling; otherwise upsert what was read and remove
 * nothing; apply nothing at all when the crawl failed, produced nothing where there was
 * something, or lost facts its entities depend on.
 *
 * @public
 */
export function decideSync(input: SyncInput): SyncDecision {
  const { outcome, refs, previousRefs = [], removalCeiling } = input;
  if (outcome === 'failed') {
    return {
      applied: 'none',
      reason: 'the crawl failed; the catalog keeps what it had',
    };
  }
  if (input.holdReason) {
    return { applied: 'none', reason: input.holdReason };
  }
  if (outcome === 'partial') {
    return {
      applied: 'upsert-only',
      reason: `the crawl was partial (${
        input.failedSteps ?? 'some'
      } failed steps); refreshed what was read and removed nothing`,
    };
  }
  if (refs.length === 0 && previousRefs.length > 0) {
    return {
      applied: 'none',
      reason: `the crawl returned nothing where ${previousRefs.length} entities were before; refusing to empty the catalog`,
    };
  }
  if (previousRefs.length > 0) {
    const current = new Set(refs);
    const removed = previousRefs.filter(r => !current.has(r)).length;
    if (removed / previousRefs.length > removalCeiling) {
      return {
        applied: 'upsert-only',
        reason: `the crawl would remove ${removed} of ${
          previousRefs.length
        } entities, more than the removal ceiling of ${Math.round(
          removalCeiling * 100,
        )}%; refreshed what was read and removed nothing`,
      };
    }
  }
  return { applied: 'full' };
}

/** What the catalog holds for the provider once a decision has been applied. */
export function refsAfterSync(
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

/**
 * Decides and applies one crawl's entities to the catalog.
 *
 * @public
 */
export async function syncEntities(options: {
  connection: EntityProviderConnection;
  locationKey: string;
  entities: Entity[];
  previousRefs?: string[];
  outcome: CrawlOutcome;
  removalCeiling: number;
  holdReason?: string;
  failedSteps?: number;
}): Promise<SyncDecision & { entityRefs: string[] }> {
  const refs = options.entities.map(e => stringifyEntityRef(e));
  const decision = decideSync({ ...options, refs });
  const deferred = options.entities.map(entity => ({
    entity,
    locationKey: options.locationKey,
  }));
  if (decision.applied === 'full') {
    await options.connection.applyMutation({
      type: 'full',
      entities: deferred,
    });
  } else if (decision.applied === 'upsert-only') {
    await options.connection.applyMutation({
      type: 'delta',
      added: deferred,
      removed: [],
    });
  }
  return {
    ...decision,
    entityRefs: refsAfterSync(decision.applied, refs, options.previousRefs),
  };
}

/**
 * `{a: 2, b: 1}` → `a=2 b=1`, sorted, for one-line run summaries.
 *
 * @public
 */
export function formatCounts(counts: Record<string, number>): string {
  return (
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${v}`)
      .join(' ') || 'none'
  );
}

/**
 * Entities counted by what a reader cares about: a Resource by its `spec.type`, anything else
 * by kind.
 *
 * @public
 */
export function countEntities(entities: Entity[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of entities) {
    const key =
      e.kind === 'Resource' ? String(e.spec?.type) : e.kind.toLowerCase();
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
