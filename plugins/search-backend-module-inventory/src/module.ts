import {
  LoggerService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogCollatorExtensionPoint,
  defaultCatalogCollatorEntityTransformer,
} from '@backstage/plugin-search-backend-module-catalog';
import { PgSearchEngine } from '@backstage/plugin-search-backend-module-pg';
import { LunrSearchEngine } from '@backstage/plugin-search-backend-node';
import { searchEngineRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import {
  ANNOTATIONS,
  RESOURCE_TYPES,
  entityIdentifiers,
  entityTitle,
} from '@infra-atlas/inventory-common';
import { inventoryLunrQuery } from './lunrQuery';
import { RankedSearchEngine } from './RankedSearchEngine';
import { SEARCH_KEYS_FIELD, searchKeys } from './searchKeys';
import { plainText } from './plainText';

/**
 * Lets catalog search find infrastructure by its identifiers (project IDs and numbers, bucket
 * names, DNS names, images, logins, group e-mails): they are appended to each entity's
 * searchable text (its description as plain text, without Markdown), and kept as the document's search keys, which
 * `searchModuleInventoryEngine` ranks first when the term equals one. Add it next to
 * `@backstage/plugin-search-backend-module-catalog`.
 *
 * @public
 */
export const searchModuleInventoryIdentifiers = createBackendModule({
  pluginId: 'search',
  moduleId: 'inventory-identifiers',
  register(reg) {
    reg.registerInit({
      deps: { collator: catalogCollatorExtensionPoint },
      async init({ collator }) {
        collator.setEntityTransformer(entity => {
          const document = defaultCatalogCollatorEntityTransformer(entity);
          const identifiers = entityIdentifiers(entity);
          // Descriptions are often a README's first paragraph; snippets show plain text.
          const text = plainText(document.text);
          return {
            ...document,
            // The catalog's own title falls back to the entity name (`ameukam--gmail.com`).
            title: entityTitle(entity),
            text: identifiers.length
              ? `${text}\n${identifiers.join(' ')}`
              : text,
            // Always set: Lunr only indexes the fields of a type's first document.
            [SEARCH_KEYS_FIELD]: searchKeys(entity),
            // Where it is, for the result to say: the GCP project of a resource in one.
            project:
              entity.spec?.type === RESOURCE_TYPES.gcpProject
                ? ''
                : entity.metadata.annotations?.[ANNOTATIONS.gcpProjectId] ?? '',
          };
        });
      },
    });
  },
});

function lunrSearchEngine(logger: LoggerService) {
  const engine = new LunrSearchEngine({ logger });
  engine.setTranslator(inventoryLunrQuery);
  return engine;
}

/**
 * The search engine with the inventory's ranking: PostgreSQL's when the database is
 * PostgreSQL, Lunr in memory otherwise, both wrapped in `RankedSearchEngine` (exact
 * identifiers and names first, an "indexing" answer until the first index is built). Use it
 * instead of `@backstage/plugin-search-backend-module-pg`.
 *
 * @public
 */
export const searchModuleInventoryEngine = createBackendModule({
  pluginId: 'search',
  moduleId: 'inventory-engine',
  register(reg) {
    reg.registerInit({
      deps: {
        searchEngineRegistry: searchEngineRegistryExtensionPoint,
        database: coreServices.database,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ searchEngineRegistry, database, config, logger }) {
        const engine = (await PgSearchEngine.supported(database))
          ? await PgSearchEngine.fromConfig(config, { database, logger })
          : lunrSearchEngine(logger);
        searchEngineRegistry.setSearchEngine(
          new RankedSearchEngine(engine, logger),
        );
      },
    });
  },
});
