import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  catalogCollatorExtensionPoint,
  defaultCatalogCollatorEntityTransformer,
} from '@backstage/plugin-search-backend-module-catalog';
import { entityIdentifiers } from '@infra-atlas/inventory-common';

/**
 * Lets catalog search find infrastructure by its identifiers (project IDs and numbers, bucket
 * names, DNS names, images, logins, group e-mails): they are appended to each entity's
 * searchable text. Add it next to `@backstage/plugin-search-backend-module-catalog`.
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
          return identifiers.length
            ? {
                ...document,
                text: `${document.text}\n${identifiers.join(' ')}`,
              }
            : document;
        });
      },
    });
  },
});
