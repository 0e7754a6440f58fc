import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { InventoryRelationsProcessor } from './relationsProcessor';

/**
 * Registers {@link InventoryRelationsProcessor} with the catalog. Add it once to a backend
 * that runs any Infra Atlas provider.
 *
 * @public
 */
export const catalogModuleInventoryRelations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'inventory-relations',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new InventoryRelationsProcessor());
      },
    });
  },
});
