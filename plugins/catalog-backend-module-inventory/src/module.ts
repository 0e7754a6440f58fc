import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  InventoryLinksProcessor,
  InventoryRelationsProcessor,
  UnownedGroupProvider,
} from '@infra-atlas/plugin-inventory-node';

/**
 * Registers {@link InventoryRelationsProcessor} (the providers' spec fields as relations),
 * {@link InventoryLinksProcessor} (the inventory backend's resolved links as relations) and
 * {@link UnownedGroupProvider} (the placeholder owner of what no rule attributes) with the
 * catalog. Add it once to a backend that runs any Infra Atlas provider.
 *
 * @public
 */
export const catalogModuleInventoryRelations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'inventory-relations',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
      },
      async init({ catalog, discovery, auth, logger }) {
        catalog.addProcessor(new InventoryRelationsProcessor());
        catalog.addProcessor(
          new InventoryLinksProcessor({ discovery, auth, logger }),
        );
        catalog.addEntityProvider(new UnownedGroupProvider());
      },
    });
  },
});
