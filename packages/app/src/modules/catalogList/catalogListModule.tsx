import {
  coreExtensionData,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';

/*
 * The catalog's list page (/catalog) with the inventory's columns: a project, location,
 * owner, public and state column for a type of resource, e-mail for people and groups, names
 * that wrap by words. The catalog's page takes no columns through configuration, so this
 * overrides its loader and keeps the rest: its path, route, filters and configuration.
 */
const catalogListPage = catalogPlugin.getExtension('page:catalog').override({
  factory(originalFactory, { inputs, config }) {
    return originalFactory({
      params: {
        loader: async () => {
          const { CatalogListPage } = await import('./CatalogListPage');
          const filters = inputs.filters.map(filter =>
            filter.get(coreExtensionData.reactElement),
          );
          return (
            <CatalogListPage
              filters={<>{filters}</>}
              pagination={config.pagination}
              exportSettings={
                config.exportSettings?.enabled
                  ? config.exportSettings
                  : undefined
              }
            />
          );
        },
      },
    });
  },
});

/** Catalog lists per kind and type (issue 14, point 6). */
export const catalogListModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [catalogListPage],
});
