import { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

// Small pages: the catalog serves them on the event loop that answers, one page at a time.
const PAGE_SIZE = 250;

/** Every entity of the catalog with its relations, page by page through the catalog's cursor. */
export async function loadCatalogEntities(
  catalog: CatalogService,
  auth: AuthService,
): Promise<{ entities: Entity[]; requests: number }> {
  const credentials = await auth.getOwnServiceCredentials();
  const entities: Entity[] = [];
  let cursor: string | undefined;
  let requests = 0;
  do {
    const page = await catalog.queryEntities(
      cursor ? { cursor, limit: PAGE_SIZE } : { limit: PAGE_SIZE },
      { credentials },
    );
    requests++;
    entities.push(...page.items);
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return { entities, requests };
}
