/**
 * Sync scoped to what failed. A provider names the scope of each entity it emits (a path such
 * as `kubernetes/k8s.io/analyzer:octodns`: organization, repository, then what inside it
 * declared the entity) and the scopes a crawl could not read (a failed listing, an unreadable
 * file). Only the previous entities of a held scope are kept; everything else the crawl no
 * longer finds is removed, so one broken file does not freeze every deletion elsewhere.
 */

/**
 * A scope the crawl could not read this time: every entity it declared before stays.
 *
 * @public
 */
export type Hold = {
  /**
   * What is held, stable from run to run. Scopes nest by `/`: a hold on `kubernetes` covers
   * `kubernetes/k8s.io` and `kubernetes/k8s.io/analyzer:octodns`.
   */
  scope: string;
  /** Why, as a reader would want it: the file and its problem, or the step that failed. */
  reason: string;
};

/**
 * A hold as a run records it: since when the same scope has been held, run after run.
 *
 * @public
 */
export type HeldScope = Hold & {
  /** When the first run of the current streak started. */
  since: string;
  /** How many runs in a row held this scope, this one included. */
  runs: number;
};

/**
 * Entity refs by the scope that declared them, as a run records them so that the next run can
 * tell what a hold keeps.
 *
 * @public
 */
export type EntityScopes = Record<string, string[]>;

/** Whether a hold on `held` covers an entity of scope `scope`. */
export function covers(held: string, scope: string): boolean {
  return scope === held || scope.startsWith(`${held}/`);
}

/**
 * The refs a crawl did not produce but that a hold keeps: those the previous run recorded under
 * a held scope.
 */
export function keptByHolds(
  missing: string[],
  holds: Hold[],
  previousScopes: EntityScopes = {},
): Set<string> {
  const missingSet = new Set(missing);
  const kept = new Set<string>();
  for (const [scope, refs] of Object.entries(previousScopes)) {
    if (!holds.some(h => covers(h.scope, scope))) continue;
    for (const ref of refs) {
      if (missingSet.has(ref)) kept.add(ref);
    }
  }
  return kept;
}

/**
 * The scopes after a run: those of the entities it produced, plus the previous scopes of the
 * refs it kept, so that a scope held for several runs keeps what it declared.
 */
export function scopesAfterSync(
  current: EntityScopes,
  kept: Set<string>,
  previousScopes: EntityScopes = {},
): EntityScopes {
  const result: EntityScopes = {};
  for (const [scope, refs] of Object.entries(current)) {
    result[scope] = [...refs];
  }
  for (const [scope, refs] of Object.entries(previousScopes)) {
    const still = refs.filter(r => kept.has(r));
    if (still.length) result[scope] = [...(result[scope] ?? []), ...still];
  }
  return result;
}

/**
 * This run's holds with their streaks: a scope the previous run held too keeps its `since` and
 * counts one more run, so that a problem nobody fixes is reported as lasting.
 *
 * @public
 */
export function heldStreaks(
  holds: Hold[],
  previous: HeldScope[] = [],
  startedAt: string,
): HeldScope[] {
  const before = new Map(previous.map(h => [h.scope, h]));
  const byScope = new Map<string, Hold[]>();
  for (const hold of holds) {
    byScope.set(hold.scope, [...(byScope.get(hold.scope) ?? []), hold]);
  }
  return [...byScope].map(([scope, same]) => {
    const earlier = before.get(scope);
    return {
      scope,
      reason: [...new Set(same.map(h => h.reason))].join('; '),
      since: earlier?.since ?? startedAt,
      runs: (earlier?.runs ?? 0) + 1,
    };
  });
}
