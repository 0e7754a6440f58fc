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

/**
 * What one caller may read. The permission service answers first: every entity (most callers,
 * and every backend plugin: no catalog call), none (a static token whose access restrictions
 * leave out `catalog.entity.read`), or some, under conditions — then the catalog, asked with
 * the caller's credentials about the answer's refs in one request, says which, applying its
 * own rules. An entity the catalog does not return is unreadable, whether hidden or gone.
 */
export async function unreadableRefsFor(
  credentials: BackstageCredentials,
  deps: { permissions: PermissionsService; catalog: CatalogService },
): Promise<UnreadableRefs> {
  const [decision] = await deps.permissions.authorizeConditional(
    [{ permission: catalogEntityReadPermission }],
    { credentials },
  );
  if (decision.result === AuthorizeResult.ALLOW) return async () => undefined;
  if (decision.result === AuthorizeResult.DENY) return async () => () => true;
  return async answer => {
    const entityRefs = [...refsIn(answer)];
    if (!entityRefs.length) return undefined;
    const { items } = await deps.catalog.getEntitiesByRefs(
      { entityRefs, fields: ['kind', 'metadata.namespace', 'metadata.name'] },
      { credentials },
    );
    const readable = new Set(
      items.flatMap(entity =>
        entity ? [stringifyEntityRef(entity).toLowerCase()] : [],
      ),
    );
    return ref => !readable.has(ref);
  };
}
