import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { entity } from '../__testUtils__/entities';
import { CompletenessHistory } from './CompletenessHistory';
import { InventoryIndex } from './InventoryIndex';

describe('InventoryIndex', () => {
  it('keeps the last good build when the catalog fails, and says why', async () => {
    const catalog = catalogServiceMock({ entities: [entity('resource:kept')] });
    const history = {
      record: jest.fn(),
      read: jest.fn(),
    } as unknown as CompletenessHistory;
    const index = new InventoryIndex({
      catalog,
      auth: mockServices.auth(),
      discovery: mockServices.discovery(),
      logger: mockServices.logger.mock(),
      history,
      links: { matchEmailLocalPart: true },
    });
    expect(() => index.current()).toThrow(/still being built/);

    await index.refresh();
    expect(index.current().graph.has('resource:default/kept')).toBe(true);

    jest
      .spyOn(catalog, 'queryEntities')
      .mockRejectedValueOnce(new Error('catalog is down'));
    await index.refresh();
    expect(index.current().graph.has('resource:default/kept')).toBe(true);
    expect(index.statusResponse().index).toMatchObject({
      entities: 1,
      lastError: 'catalog is down',
    });
    // Each successful build records the day's completeness.
    expect(history.record).toHaveBeenCalledTimes(1);
  });
});
