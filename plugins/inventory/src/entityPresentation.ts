import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import { DefaultEntityPresentationApi } from '@backstage/plugin-catalog';
import {
  CatalogApi,
  EntityPresentationApi,
  catalogApiRef,
  defaultEntityPresentation,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import { entityTitle, titleFromEntityRef } from '@infra-atlas/inventory-common';

/**
 * How the catalog presents an entity wherever it names one (links, tables, the entity page's
 * header while the entity loads): by the title people read, never by its entity name. Before
 * the entity has loaded, a readable form of its ref (`ameukam@gmail.com`, not
 * `ameukam--gmail.com`); the stock presentation shows the raw name until then.
 */
export function createEntityPresentationApi(
  catalogApi: CatalogApi,
): EntityPresentationApi {
  return DefaultEntityPresentationApi.create({
    catalogApi,
    renderer: {
      async: true,
      render: ({ entityRef, entity, context }) => ({
        snapshot: {
          ...defaultEntityPresentation(entity ?? entityRef, context),
          primaryTitle: entity
            ? entityTitle(entity)
            : titleFromEntityRef(entityRef),
        },
      }),
    },
  });
}

const entityPresentationApi = ApiBlueprint.make({
  name: 'entity-presentation',
  params: defineParams =>
    defineParams({
      api: entityPresentationApiRef,
      deps: { catalogApi: catalogApiRef },
      factory: ({ catalogApi }) => createEntityPresentationApi(catalogApi),
    }),
});

/** Replaces the catalog's entity presentation with the inventory's titles. */
export const catalogEntityPresentation = createFrontendModule({
  pluginId: 'catalog',
  extensions: [entityPresentationApi],
});
