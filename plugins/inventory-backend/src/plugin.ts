import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { inventoryPermissions } from '@infra-atlas/inventory-common';
import {
  BillingSource,
  inventoryBillingExtensionPoint,
} from '@infra-atlas/plugin-inventory-node';
import { readInventoryConfig } from './service/config';
import { registerInventoryActions } from './service/actions';
import { registerAccessActions } from './service/accessActions';
import { registerConfigurationActions } from './service/configurationActions';
import { createAsk } from './service/answers';
import { CompletenessHistory } from './service/CompletenessHistory';
import { InventoryIndex } from './service/InventoryIndex';
import { createRouter } from './service/router';
import { notBuilt, untilIndexBuilt, untilReady } from './service/readiness';
import { startBillingRefresh } from './billing/refresh/startBillingRefresh';
import { currentAttributions } from './billing/model/attribution';
import { createBillingAnswers } from './billing/billingAnswers';
import { readBillingAnswersConfig } from './billing/billingConfig';
import { registerBillingActions } from './service/billingActions';

/**
 * The inventory backend: reads the whole catalog into an in-memory graph on a schedule,
 * links what only a global view can link, and answers placement, ownership, impact,
 * completeness, drift and crawl-status questions at /api/inventory, and as actions.
 *
 * @public
 */
export const inventoryPlugin = createBackendPlugin({
  pluginId: 'inventory',
  register(env) {
    // Billing modules (e.g. GCP's) add the source the billing store is refreshed from.
    const billingSources: BillingSource[] = [];
    env.registerExtensionPoint(inventoryBillingExtensionPoint, {
      addBillingSource(source) {
        billingSources.push(source);
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const config = readInventoryConfig(deps.config);
        const history = await CompletenessHistory.create(deps.database);
        const index = new InventoryIndex({
          catalog: deps.catalog,
          auth: deps.auth,
          discovery: deps.discovery,
          logger: deps.logger,
          history,
          links: config.links,
        });
        deps.permissionsRegistry.addPermissions(inventoryPermissions);
        const ask = createAsk(index, {
          permissions: deps.permissions,
          catalog: deps.catalog,
        });
        const billingConfig = readBillingAnswersConfig(deps.config);
        // Billing, when a module added a source: the store, refreshed once per cadence across
        // replicas, and each project's ownership recorded per month after each index build
        // (nothing until the index knows projects).
        const billingStore = await startBillingRefresh({
          sources: billingSources,
          config: deps.config,
          database: deps.database,
          scheduler: deps.scheduler,
          logger: deps.logger,
          currentAttributions: async () =>
            notBuilt(index)
              ? []
              : currentAttributions(index.current().graph, billingConfig.sigs),
        });
        const billing = createBillingAnswers({
          figures: billingStore?.figures,
          ask,
          permissions: deps.permissions,
          config: billingConfig,
        });
        // Until the first index is built every route answers 503, logged at info.
        deps.httpRouter.use(untilReady(index, deps.logger));
        deps.httpRouter.use(
          createRouter({
            index,
            ask,
            history,
            httpAuth: deps.httpAuth,
            impactMaxNodes: config.impactMaxNodes,
            billing,
          }),
        );
        registerInventoryActions({
          actionsRegistry: deps.actionsRegistry,
          ask,
          impactMaxNodes: config.impactMaxNodes,
        });
        registerConfigurationActions({
          actionsRegistry: deps.actionsRegistry,
          ask,
        });
        registerAccessActions({ actionsRegistry: deps.actionsRegistry, ask });
        registerBillingActions({
          actionsRegistry: deps.actionsRegistry,
          billing,
        });
        // The index lives in this process's memory, so every instance builds its own.
        await deps.scheduler.scheduleTask({
          ...config.schedule,
          id: 'inventory-index-refresh',
          scope: 'local',
          fn: async () => {
            await index.refresh();
            await billingStore?.refresh.recordAttributions();
          },
        });
        // Readiness waits for every plugin's startup hooks: a replica takes traffic only once
        // its inventory can answer.
        deps.lifecycle.addStartupHook(() =>
          untilIndexBuilt(index, deps.logger),
        );
      },
    });
  },
});
