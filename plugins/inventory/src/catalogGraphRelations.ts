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
import {
  RELATION_SAME_AS,
  RELATIONS,
  REVERSE_RELATION,
} from '@infra-atlas/inventory-common';

const OFF_BY_DEFAULT = [
  RELATIONS.administeredBy,
  RELATIONS.administers,
  RELATION_SAME_AS,
];

/** The relation pairs Infra Atlas adds to the catalog's own. */
const inventoryPairs = Object.entries(REVERSE_RELATION).filter(
  ([forward]) => !ALL_RELATIONS.includes(forward),
);

/** The catalog graph's API, knowing the inventory's relations. */
export const catalogGraphRelationsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: catalogGraphApiRef,
      deps: {},
      factory: () =>
        new DefaultCatalogGraphApi({
          knownRelations: [...ALL_RELATIONS, ...new Set(inventoryPairs.flat())],
          knownRelationPairs: [...ALL_RELATION_PAIRS, ...inventoryPairs],
          // Who administers what, and who is whom, would crowd every graph; the filter
          // still offers them.
          defaultRelationTypes: { exclude: OFF_BY_DEFAULT },
        }),
    }),
});

/**
 * Teaches the stock catalog graph Infra Atlas's relations (`runsOn`/`hosts`,
 * `servedBy`/`serves`, `administeredBy`/`administers`, `sameAs`), so its relation filter
 * offers them and it merges each pair into one edge. Placement and serving are drawn by
 * default; administration and identity are a click away.
 */
export const catalogGraphInventoryRelations = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [catalogGraphRelationsApi],
});
