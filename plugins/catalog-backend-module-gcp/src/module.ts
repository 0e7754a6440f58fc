import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import Router from 'express-promise-router';
import { createGcpClients } from './lib/clients';
import { readGcpInventoryConfigs } from './lib/config';
import {
  CrawlLeaseStore,
  CrawlRunStore,
  leasedCrawlRunner,
  providerStatusReport,
} from '@infra-atlas/plugin-inventory-node';
import { GcpInventoryProvider } from './providers/GcpInventoryProvider';

/**
 * Adds the GCP inventory to the catalog: one provider per entry of
 * `catalog.providers.gcpInventory`, and `GET /api/catalog/gcp-inventory/status` with the last
 * runs of each provider. The relations their entities imply come from
 * `catalogModuleInventoryRelations` (`@infra-atlas/plugin-catalog-backend-module-inventory`).
 */
export const catalogModuleGcpInventory = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'gcp-inventory',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
      },
      async init({
        catalog,
        config,
        logger,
        scheduler,
        database,
        httpRouter,
        lifecycle,
      }) {
        const configs = readGcpInventoryConfigs(config);
        if (configs.length === 0) {
          logger.info(
            'No catalog.providers.gcpInventory configured; the GCP inventory is off',
          );
          return;
        }
        const store = await CrawlRunStore.create(database);
        // Replicas share one crawl per cadence through leases in the catalog's database.
        const leases = await CrawlLeaseStore.create(database);
        catalog.addEntityProvider(
          configs.map(providerConfig => {
            let clients: ReturnType<typeof createGcpClients> | undefined;
            // The clients hold gRPC channels open; close them with the backend.
            lifecycle.addShutdownHook(async () => {
              await (await clients)?.close();
            });
            const providerLogger = logger.child({
              provider: providerConfig.id,
            });
            return new GcpInventoryProvider(providerConfig, {
              logger: providerLogger,
              taskRunner: leasedCrawlRunner({
                scheduler,
                schedule: providerConfig.schedule,
                lease: providerConfig.lease,
                leases,
                logger: providerLogger,
              }),
              store,
              clients: () => {
                clients ??= createGcpClients(
                  providerConfig.connection,
                  providerConfig.credentials,
                );
                return clients;
              },
            });
          }),
        );

        const router = Router();
        router.get('/gcp-inventory/status', async (_req, res) => {
          res.json(
            await providerStatusReport(
              store,
              configs.map(c => `gcp-inventory:${c.id}`),
            ),
          );
        });
        httpRouter.use(router);
      },
    });
  },
});
