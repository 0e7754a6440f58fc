import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import { AddressInfo } from 'node:net';
import { entity } from '../__testUtils__/entities';
import { inventoryPlugin } from '../plugin';
import { CompletenessHistory } from './CompletenessHistory';
import { InventoryIndex } from './InventoryIndex';
import { untilIndexBuilt, untilReady } from './readiness';

const indexOver = (catalog: ReturnType<typeof catalogServiceMock>) =>
  new InventoryIndex({
    catalog,
    auth: mockServices.auth(),
    discovery: mockServices.discovery(),
    logger: mockServices.logger.mock(),
    history: {
      record: jest.fn(),
      read: jest.fn(),
    } as unknown as CompletenessHistory,
    links: { matchEmailLocalPart: true },
  });

describe('readiness', () => {
  it('answers every route 503, logged at info, until the first index is built', async () => {
    const index = indexOver(
      catalogServiceMock({ entities: [entity('resource:a')] }),
    );
    const logger = mockServices.logger.mock();
    const app = express();
    app.use(untilReady(index, logger));
    app.get('/status', (_req, res) => {
      res.json(index.statusResponse());
    });
    const server = app.listen(0);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const before = await fetch(`${url}/status`);
      expect(before.status).toBe(503);
      expect(await before.json()).toMatchObject({
        ready: false,
        error: {
          name: 'ServiceUnavailableError',
          message: 'The inventory index is still being built',
        },
      });
      expect(logger.info).toHaveBeenCalledWith(
        'Not ready, answered 503 to GET /status',
      );
      expect(logger.error).not.toHaveBeenCalled();

      await index.refresh();
      const after = await fetch(`${url}/status`);
      expect(after.status).toBe(200);
      expect((await after.json()).index.entities).toBe(1);
    } finally {
      server.close();
    }
  });

  it('retries the first build until the catalog answers', async () => {
    const catalog = catalogServiceMock({ entities: [entity('resource:a')] });
    jest
      .spyOn(catalog, 'queryEntities')
      .mockRejectedValueOnce(new Error('Service has not started up yet'))
      .mockRejectedValueOnce(new Error('Service has not started up yet'));
    const index = indexOver(catalog);
    await untilIndexBuilt(index, mockServices.logger.mock(), {
      retryMs: 10,
      giveUpMs: 10_000,
    });
    expect(index.current().graph.has('resource:default/a')).toBe(true);
    expect(catalog.queryEntities).toHaveBeenCalledTimes(3);
  });

  it('fails the start-up when no index can be built for too long', async () => {
    const catalog = catalogServiceMock({ entities: [] });
    jest
      .spyOn(catalog, 'queryEntities')
      .mockRejectedValue(new Error('catalog failed to start'));
    await expect(
      untilIndexBuilt(indexOver(catalog), mockServices.logger.mock(), {
        retryMs: 10,
        giveUpMs: 50,
      }),
    ).rejects.toThrow(
      'No inventory index could be built in 0 s after start-up: The inventory index is still being built (last attempt failed: catalog failed to start)',
    );
  });

  it('keeps the backend from starting, hence from being ready, until the index is built', async () => {
    const catalog = catalogServiceMock({ entities: [entity('resource:a')] });
    let release!: () => void;
    const released = new Promise<void>(resolve => {
      release = resolve;
    });
    const query = catalog.queryEntities.bind(catalog);
    jest.spyOn(catalog, 'queryEntities').mockImplementation(async (...args) => {
      await released;
      return query(...args);
    });
    let started = false;
    const starting = startTestBackend({
      features: [
        inventoryPlugin,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        mockServices.rootConfig.factory({
          data: {
            inventory: {
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
            },
          },
        }),
      ],
    }).then(backend => {
      started = true;
      return backend;
    });
    await new Promise(resolve => setTimeout(resolve, 500));
    expect(started).toBe(false);
    release();
    const backend = await starting;
    try {
      const base = `http://localhost:${backend.server.port()}`;
      const health = await fetch(`${base}/.backstage/health/v1/readiness`);
      expect(health.status).toBe(200);
      const status = await fetch(`${base}/api/inventory/status`, {
        headers: { authorization: mockCredentials.user.header() },
      });
      expect(status.status).toBe(200);
      expect((await status.json()).index.entities).toBe(1);
    } finally {
      await backend.stop();
    }
  });
});
