import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  CrawlLeaseStore,
  CrawlRunStore,
  leasedCrawlRunner,
  providerStatusReport,
} from '@infra-atlas/plugin-inventory-node';
import Router from 'express-promise-router';
import { BUILT_IN_ANALYZERS } from './analyzers/builtIn';
import { AnalyzerRegistry } from './analyzers/definition';
import { githubInventoryAnalyzersExtensionPoint } from './extensions';
import { readGithubInventoryConfigs } from './lib/config';
import { createGithubClient } from './lib/github';
import { LastCrawlStore } from './lib/lastCrawl';
import { SnapshotStore } from './lib/snapshots';
import { repositoriesChangedBy } from './lib/webhooks';
import { GithubInventoryProvider } from './providers/GithubInventoryProvider';

/**
 * Adds the GitHub inventory to the catalog: one provider per entry of
 * `catalog.providers.githubInventory`, webhook deltas from the `github.push` and
 * `github.repository` event topics, and `GET /api/catalog/github-inventory/status` with the
 * last runs of each provider. Relations come from `catalogModuleInventoryRelations`
 * (`@infra-atlas/plugin-catalog-backend-module-inventory`).
 */
export const catalogModuleGithubInventory = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'github-inventory',
  register(reg) {
    // Modules that add analyzers are initialized before this one, so the registry is
    // complete when the configuration is read.
    const analyzers = new AnalyzerRegistry(BUILT_IN_ANALYZERS);
    reg.registerExtensionPoint(githubInventoryAnalyzersExtensionPoint, {
      addAnalyzer: (...definitions) =>
        definitions.forEach(d => analyzers.add(d)),
    });
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        events: eventsServiceRef,
      },
      async init({
        catalog,
        config,
        logger,
        scheduler,
        database,
        httpRouter,
        events,
      }) {
        const configs = readGithubInventoryConfigs(config, analyzers);
        if (configs.length === 0) {
          logger.info(
            'No catalog.providers.githubInventory configured; the GitHub inventory is off',
          );
          return;
        }
        const integrations = ScmIntegrations.fromConfig(config);
        const credentials =
          DefaultGithubCredentialsProvider.fromIntegrations(integrations);
        const store = await CrawlRunStore.create(database);
        // Replicas share one crawl per cadence through leases in the catalog's database.
        const leases = await CrawlLeaseStore.create(database);
        const snapshots = await SnapshotStore.create(database);
        const lastCrawls = await LastCrawlStore.create(database);
        const providers = configs.map(providerConfig => {
          const providerLogger = logger.child({ provider: providerConfig.id });
          return new GithubInventoryProvider(providerConfig, {
            logger: providerLogger,
            taskRunner: leasedCrawlRunner({
              scheduler,
              schedule: providerConfig.schedule,
              lease: providerConfig.lease,
              leases,
              logger: providerLogger,
            }),
            store,
            snapshots,
            lastCrawls,
            client: (organization, stats) =>
              createGithubClient({
                integrations,
                credentials,
                host: providerConfig.host,
                organization,
                logger: providerLogger,
                stats,
              }),
          });
        });
        catalog.addEntityProvider(providers);

        await events.subscribe({
          id: 'infra-atlas-github-inventory',
          topics: ['github.push', 'github.repository'],
          onEvent: async event => {
            for (const change of repositoriesChangedBy(event)) {
              for (const provider of providers.filter(p =>
                p.covers(change.owner, change.name),
              )) {
                await provider.refreshRepository(change.owner, change.name);
              }
            }
          },
        });

        const router = Router();
        router.get('/github-inventory/status', async (_req, res) => {
          res.json(
            await providerStatusReport(
              store,
              providers.map(p => p.getProviderName()),
            ),
          );
        });
        httpRouter.use(router);
      },
    });
  },
});
