import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { inventoryBillingExtensionPoint } from '@infra-atlas/plugin-inventory-node';
import { GcpBillingClients, createGcpBillingClients } from './clients';
import { readGcpBillingConfig } from './config';
import { GcpBillingSource } from './GcpBillingSource';

/**
 * Gives the inventory its billing figures from GCP when `inventory.billing.gcp` is configured:
 * each project's billing account from Cloud Billing and monthly spend from the BigQuery
 * billing export. The inventory backend stores them, refreshes them on its schedule and joins
 * them to ownership.
 */
export const inventoryModuleGcpBilling = createBackendModule({
  pluginId: 'inventory',
  moduleId: 'gcp-billing',
  register(reg) {
    reg.registerInit({
      deps: {
        billing: inventoryBillingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
      },
      async init({ billing, config, logger, lifecycle }) {
        const billingConfig = readGcpBillingConfig(config);
        if (!billingConfig) {
          logger.info(
            'No inventory.billing.gcp configured; GCP billing figures are off',
          );
          return;
        }
        // Created at the first read, so a backend starts without reaching Google.
        let clients: Promise<GcpBillingClients> | undefined;
        lifecycle.addShutdownHook(async () => {
          await (await clients)?.close();
        });
        billing.addBillingSource(
          new GcpBillingSource(
            billingConfig,
            () => {
              clients ??= createGcpBillingClients(billingConfig);
              return clients;
            },
            logger,
          ),
        );
        logger.info(
          `GCP billing: spend from ${billingConfig.exportTable} (${
            billingConfig.location
          }), projects from ${
            billingConfig.billingAccounts?.join(', ') ??
            'every billing account the credentials can see'
          }`,
        );
      },
    });
  },
});
