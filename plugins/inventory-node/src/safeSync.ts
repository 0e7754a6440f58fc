import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { CrawlRun } from './crawlRuns';
import { EntityScopes, Hold, keptByHolds, scopesAfterSync } from './heldScopes';

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
  /** `scoped`: the previous refs removed (outside every held scope). */
  removed?: string[];
  /** `scoped`: the previous refs not produced again but kept by a hold. */
  kept?: string[];
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
  /**
   * For a provider that scopes its sync: what this crawl could not read. A partial crawl then
   * removes what is gone outside these scopes (`scoped`) instead of removing nothing; without
   * them, a partial crawl only upserts.
   */
  holds?: Hold[];
  /** The previous run's refs by scope, to tell what the holds keep. */
  previousScopes?: EntityScopes;
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
  const { outcome, refs, previousRefs = [], removalCeiling, holds } = input;
  if (outcome === 'failed') {
    return {
      applied: 'none',
      reason: 'the crawl failed; the catalog keeps what it had',
    };
  }
  if (input.holdReason) {
    return { applied: 'none', reason: input.holdReason };
  }
  // A partial crawl that cannot say what it failed to read, or whose previous run did not
  // record what each scope declared (a run before scoped sync), must not remove anything.
  const scoped = !!holds?.length && !!input.previousScopes;
  if (outcome === 'partial' && !scoped) {
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
  const current = new Set(refs);
  const missing = previousRefs.filter(r => !current.has(r));
  const kept = scoped
    ? keptByHolds(missing, holds!, input.previousScopes)
    : new Set<string>();
  const removed = missing.filter(r => !kept.has(r));
  if (
    previousRefs.length > 0 &&
    removed.length / previousRefs.length > removalCeiling
  ) {
    return {
      applied: 'upsert-only',
      reason: `the crawl would remove ${removed.length} of ${
        previousRefs.length
      } entities, more than the removal ceiling of ${Math.round(
        removalCeiling * 100,
      )}%; refreshed what was read and removed nothing`,
    };
  }
  if (!scoped) {
    return { applied: 'full' };
  }
  return {
    applied: 'scoped',
    removed,
    kept: [...kept],
    reason: `held ${holds!.length} unread scope(s) and the ${
      kept.size
    } entities they declared; removed ${
      removed.length
    } entities gone elsewhere`,
  };
}

/** What the catalog holds for the provider once a decision has been applied. */
export function refsAfterSync(
  applied: CrawlRun['applied'],
  refs: string[],
  previousRefs: string[] = [],
  kept?: string[],
): string[] {
  if (applied === 'full') {
    return refs;
  }
  if (applied === 'upsert-only') {
    return [...new Set([...previousRefs, ...refs])];
  }
  if (applied === 'scoped') {
    return [...new Set([...refs, ...(kept ?? [])])];
  }
  return previousRefs;
}

/**
 * How a provider scopes its sync: the scope of each entity it emits and what this crawl could
 * not read (see `Hold`).
 *
 * @public
 */
export type SyncScopes = {
  /** The scope that declared an entity; undefined when none can be named. */
  scopeOf: (entity: Entity) => string | undefined;
  holds: Hold[];
  /** The last applied run's refs by scope (`CrawlRunStore.lastApplied`). */
  previousScopes?: EntityScopes;
};

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
  scopes?: SyncScopes;
}): Promise<
  SyncDecision & {
    entityRefs: string[];
    entityScopes?: EntityScopes;
    holds?: Hold[];
  }
> {
  const refs = options.entities.map(e => stringifyEntityRef(e));
  const { scopes } = options;
  const decision = decideSync({
    ...options,
    refs,
    holds: scopes?.holds,
    previousScopes: scopes?.previousScopes,
  });
  const deferred = options.entities.map(entity => ({
    entity,
    locationKey: options.locationKey,
  }));
  if (decision.applied === 'full') {
    await options.connection.applyMutation({
      type: 'full',
      entities: deferred,
    });
  } else if (decision.applied !== 'none') {
    await options.connection.applyMutation({
      type: 'delta',
      added: deferred,
      removed: (decision.removed ?? []).map(entityRef => ({
        entityRef,
        locationKey: options.locationKey,
      })),
    });
  }
  const entityRefs = refsAfterSync(
    decision.applied,
    refs,
    options.previousRefs,
    decision.kept,
  );
  if (!scopes) {
    return { ...decision, entityRefs };
  }
  return {
    ...decision,
    entityRefs,
    entityScopes: entityScopesAfter(
      decision,
      options.entities,
      refs,
      scopes,
      entityRefs,
    ),
    holds: scopes.holds,
  };
}

/** The refs the catalog now holds for the provider, by the scope that declared them. */
function entityScopesAfter(
  decision: SyncDecision,
  entities: Entity[],
  refs: string[],
  scopes: SyncScopes,
  entityRefs: string[],
): EntityScopes {
  const current: EntityScopes = {};
  entities.forEach((entity, i) => {
    const scope = scopes.scopeOf(entity);
    if (scope) (current[scope] ??= []).push(refs[i]);
  });
  if (decision.applied === 'full') return current;
  if (decision.applied === 'none') return scopes.previousScopes ?? {};
  // Whatever the catalog kept from before keeps the scope it was declared in.
  const kept = new Set(entityRefs);
  for (const ref of refs) kept.delete(ref);
  return scopesAfterSync(current, kept, scopes.previousScopes);
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
