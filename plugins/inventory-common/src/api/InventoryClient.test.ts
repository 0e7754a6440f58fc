import { InventoryClient, InventoryRequestError } from './InventoryClient';

const client = (response: Response) => {
  const fetch = jest.fn().mockResolvedValue(response);
  return {
    fetch,
    inventory: new InventoryClient({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/inventory' },
      fetchApi: { fetch },
    }),
  };
};

describe('InventoryClient', () => {
  it('asks the route with its query', async () => {
    const { fetch, inventory } = client(
      new Response(JSON.stringify({ scope: 'owner' }), { status: 200 }),
    );
    await expect(
      inventory.completeness({ scope: 'owner', key: 'group:default/x' }),
    ).resolves.toEqual({ scope: 'owner' });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/inventory/completeness?scope=owner&key=group%3Adefault%2Fx',
    );
  });

  it('fails with the HTTP status, so that pages can tell a 503 from an error', async () => {
    const { inventory } = client(
      new Response('still being built', { status: 503 }),
    );
    const error = await inventory.drift().catch(e => e);
    expect(error).toBeInstanceOf(InventoryRequestError);
    expect(error.status).toBe(503);
    expect(error.message).toContain('still being built');
  });
});
