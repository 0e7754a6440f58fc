import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  ALL_RELATION_PAIRS,
  ALL_RELATIONS,
  DefaultCatalogGraphApi,
  catalogGraphApiRef,
} from '@backstage/plugin-catalog-graph';
import { REVERSE_RELATION } from '@infra-atlas/inventory-common';

/** The relation pairs Infra Atlas adds to the catalog's own. */
const inventoryPairs = Object.entries(REVERSE_RELATION).filter(
  ([forward]) => !ALL_RELATIONS.includes(forward),
);

/**
 * Teaches the stock catalog graph Infra Atlas's relations (`runsOn`/`hosts`,
 * `servedBy`/`serves`, `administeredBy`/`administers`, `sameAs`), so its relation filter
 * offers them and it merges each pair into one edge.
 */
export const catalogGraphInventoryRelations = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [
    ApiBlueprint.make({
      params: defineParams =>
        defineParams({
          api: catalogGraphApiRef,
          deps: {},
          factory: () =>
            new DefaultCatalogGraphApi({
              knownRelations: [
                ...ALL_RELATIONS,
                ...new Set(inventoryPairs.flat()),
              ],
              knownRelationPairs: [...ALL_RELATION_PAIRS, ...inventoryPairs],
            }),
        }),
    }),
  ],
});
