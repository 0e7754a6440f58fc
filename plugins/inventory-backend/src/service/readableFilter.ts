import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { refsIn } from './withhold';

/*
 * Every inventory answer is computed from the inventory's own, complete view of the catalog.
 * Before it leaves, what the caller may not read in the catalog is taken out. The catalog
 * decides, with the caller's credentials, so conditional rules (owners only, some kinds
 * only…) apply exactly as on the catalog's own pages.
 */

/** Which of an answer's refs one caller may not read; `undefined` when they may read all. */
export type UnreadableRefs = (
  answer: unknown,
) => Promise<((ref: string) => boolean) | undefined>;

/** How long the catalog's word on a ref is kept: a changed rule or membership applies within it. */
const REMEMBERED_MS = 60_000;
/** Callers remembered at once; the oldest is forgotten first. */
const REMEMBERED_CALLERS = 1_000;

/**
 * What the catalog said each caller may read, for a minute: a caller's next answers mostly
 * name the same entities, and asking the catalog again would cost each of them a round trip
 * through the catalog and the permission backend. Keyed by the user and the conditions the
 * policy gave them, so new conditions (a new group, a changed policy) start afresh.
 */
export class ReadableRefsMemory {
  private readonly callers = new Map<
    string,
    { until: number; refs: Map<string, boolean> }
  >();

  constructor(private readonly now: () => number = Date.now) {}

  /** What is known for this caller: ref → readable. */
  known(caller: string): Map<string, boolean> {
    const entry = this.callers.get(caller);
    if (entry && entry.until > this.now()) return entry.refs;
    this.callers.delete(caller);
    if (this.callers.size >= REMEMBERED_CALLERS) {
      this.callers.delete(this.callers.keys().next().value!);
    }
    const refs = new Map<string, boolean>();
    this.callers.set(caller, { until: this.now() + REMEMBERED_MS, refs });
    return refs;
  }
}

/**
 * What one caller may read. The permission service answers first: every entity (most callers,
 * and every backend plugin: no catalog call), none (a static token whose access restrictions
 * leave out `catalog.entity.read`), or some, under conditions — then the catalog, asked with
 * the caller's credentials about the answer's refs it has not been asked about in the last
 * minute, in one request, says which, applying its own rules. An entity the catalog does not
 * return is unreadable, whether hidden or gone.
 */
export async function unreadableRefsFor(
  credentials: BackstageCredentials,
  deps: {
    permissions: PermissionsService;
    catalog: CatalogService;
    memory: ReadableRefsMemory;
  },
): Promise<UnreadableRefs> {
  const [decision] = await deps.permissions.authorizeConditional(
    [{ permission: catalogEntityReadPermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.CONDITIONAL) {
    return decision.result === AuthorizeResult.ALLOW
      ? async () => undefined
      : async () => () => true;
  }
  const caller = `${
    (credentials.principal as { userEntityRef?: string }).userEntityRef
  }\n${JSON.stringify(decision.conditions)}`;
  return async answer => {
    const known = deps.memory.known(caller);
    const entityRefs = [...refsIn(answer)].filter(ref => !known.has(ref));
    if (entityRefs.length) {
      const { items } = await deps.catalog.getEntitiesByRefs(
        { entityRefs, fields: ['kind', 'metadata.namespace', 'metadata.name'] },
        { credentials },
      );
      const readable = new Set(
        items.flatMap(entity =>
          entity ? [stringifyEntityRef(entity).toLowerCase()] : [],
        ),
      );
      for (const ref of entityRefs) known.set(ref, readable.has(ref));
    }
    return ref => known.get(ref) === false;
  };
}
