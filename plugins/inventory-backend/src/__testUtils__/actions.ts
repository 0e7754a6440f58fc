import { mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Ask, createAsk } from '../service/answers';
import { CompletenessHistory } from '../service/CompletenessHistory';
import { InventoryIndex } from '../service/InventoryIndex';

/** An inventory index built once over a catalog, as the plugin builds it. */
export async function indexOver(catalog: CatalogService) {
  const index = new InventoryIndex({
    catalog,
    auth: mockServices.auth(),
    discovery: mockServices.discovery(),
    logger: mockServices.logger.mock(),
    history: { record: jest.fn() } as unknown as CompletenessHistory,
    links: { matchEmailLocalPart: false },
  });
  await index.refresh();
  return index;
}

/**
 * Actions registered by `register` over an index of `entities`, asked by a caller whom the
 * permission check gives `result` (personal details allowed or not; catalog reads always). Invoke them with
 * `registry.invoke({ id: 'test:<name>', input, credentials })`.
 */
export async function actionsOver(
  entities: Entity[],
  register: (options: {
    actionsRegistry: ReturnType<typeof actionsRegistryServiceMock>;
    ask: Ask;
  }) => void,
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const catalog = catalogServiceMock({ entities });
  const index = await indexOver(catalog);
  const actionsRegistry = actionsRegistryServiceMock();
  register({
    actionsRegistry,
    ask: createAsk(index, {
      permissions: mockServices.permissions.mock({
        authorize: async requests => requests.map(() => ({ result })),
        // Catalog reads are allowed: the permission tests cover the filter.
        authorizeConditional: async requests =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      }),
      catalog,
    }),
  });
  return actionsRegistry;
}
