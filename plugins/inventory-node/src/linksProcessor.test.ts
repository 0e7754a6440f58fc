import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { InventoryLinksProcessor } from './linksProcessor';

const zone: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'dns-zone--k8s.io', namespace: 'default' },
  spec: { type: 'dns-zone' },
};
const link = {
  source: 'resource:default/dns-zone--k8s.io',
  type: 'runsOn',
  target: 'resource:default/dns-zone--kubernetes-public--1',
  provenance: { kind: 'inferred', rule: 'r', detail: 'd' },
};

describe('InventoryLinksProcessor', () => {
  let server: Server;
  let answer: { status: number; body: object };
  let requests = 0;
  let now = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterAll(() => {
    server.close();
    jest.restoreAllMocks();
  });

  const processor = (firstRead?: { retryMs: number; attempts: number }) => {
    const port = (server.address() as AddressInfo).port;
    return new InventoryLinksProcessor({
      discovery: {
        getBaseUrl: async () => `http://127.0.0.1:${port}/api/inventory`,
        getExternalBaseUrl: async () => '',
      },
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      firstRead,
    });
  };

  const emitted = async (p: InventoryLinksProcessor) => {
    const results: CatalogProcessorResult[] = [];
    await p.postProcessEntity(zone, { type: 'url', target: 'x' }, r =>
      results.push(r),
    );
    return results.map(r =>
      r.type === 'relation'
        ? `${r.relation.source.name} ${r.relation.type} ${r.relation.target.name}`
        : r.type,
    );
  };

  it('emits both directions of each link of the entity, reading the links at most every 30 s', async () => {
    answer = {
      status: 200,
      body: { generatedAt: '', links: [link], ambiguous: [] },
    };
    const p = processor();
    const expected = [
      'dns-zone--k8s.io runsOn dns-zone--kubernetes-public--1',
      'dns-zone--kubernetes-public--1 hosts dns-zone--k8s.io',
    ];
    expect(await emitted(p)).toEqual(expected);
    requests = 0;
    now += 10_000;
    expect(await emitted(p)).toEqual(expected);
    expect(requests).toBe(0);
  });

  it('keeps the links it read when the inventory stops answering', async () => {
    answer = {
      status: 200,
      body: { generatedAt: '', links: [link], ambiguous: [] },
    };
    const p = processor();
    now += 60_000;
    expect(await emitted(p)).toHaveLength(2);
    answer = { status: 503, body: { error: { message: 'building' } } };
    now += 60_000;
    requests = 0;
    expect(await emitted(p)).toHaveLength(2);
    expect(requests).toBe(1);
  });

  it('waits for its first read rather than emit no links while the inventory builds its index', async () => {
    answer = { status: 503, body: { error: { message: 'building' } } };
    const p = processor({ retryMs: 20, attempts: 50 });
    const processing = emitted(p);
    await new Promise(resolve => setTimeout(resolve, 100));
    answer = {
      status: 200,
      body: { generatedAt: '', links: [link], ambiguous: [] },
    };
    expect(await processing).toHaveLength(2);
  });

  it('fails the entity, which keeps its relations, when the first read never succeeds', async () => {
    answer = { status: 503, body: { error: { message: 'building' } } };
    const p = processor({ retryMs: 5, attempts: 3 });
    await expect(emitted(p)).rejects.toThrow(
      "The inventory's links could not be read (HTTP 503); the entity keeps its relations until they can",
    );
  });

  it('adds no links, and waits for none, in a catalog without the inventory backend', async () => {
    answer = { status: 404, body: { error: { message: 'Not found' } } };
    expect(await emitted(processor({ retryMs: 60_000, attempts: 5 }))).toEqual(
      [],
    );
  });
});
