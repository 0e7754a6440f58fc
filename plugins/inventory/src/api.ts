import {
  ApiBlueprint,
  createApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { InventoryClient } from '@infra-atlas/inventory-common';

/** The inventory backend, as the app's cards and pages call it. */
export const inventoryApiRef = createApiRef<InventoryClient>({
  id: 'plugin.inventory.client',
});

/** The typed client of `@infra-atlas/inventory-common`, with the signed-in user's token. */
export const inventoryApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: inventoryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new InventoryClient({ discoveryApi, fetchApi }),
    }),
});
