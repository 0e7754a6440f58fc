import { mockServices } from '@backstage/backend-test-utils';
import { ApiCaller } from './apiCaller';

const grpcError = (code: number, message = 'boom') =>
  Object.assign(new Error(message), { code });

function caller(
  overrides: Partial<ConstructorParameters<typeof ApiCaller>[0]> = {},
) {
  const sleeps: number[] = [];
  const api = new ApiCaller({
    quotas: {},
    timeoutMs: 1000,
    logger: mockServices.logger.mock(),
    baseDelayMs: 10,
    sleep: async ms => {
      sleeps.push(ms);
    },
    ...overrides,
  });
  return { api, sleeps };
}

describe('ApiCaller', () => {
  it('retries UNAVAILABLE and RESOURCE_EXHAUSTED with growing delays', async () => {
    const { api, sleeps } = caller();
    const fn = jest
      .fn()
      .mockRejectedValueOnce(grpcError(14))
      .mockRejectedValueOnce(grpcError(8))
      .mockResolvedValue('ok');
    await expect(api.call('M', 'q', fn)).resolves.toBe('ok');
    expect(fn).toHaveBeenCalledTimes(3);
    expect(api.requests).toEqual({ M: 3 });
    expect(api.retries).toEqual({ M: 2 });
    expect(sleeps[1]).toBeGreaterThan(sleeps[0]);
  });

  it('gives up after the last attempt and does not retry permanent errors', async () => {
    const { api } = caller({ maxAttempts: 3 });
    const unavailable = jest.fn().mockRejectedValue(grpcError(14, 'down'));
    await expect(api.call('M', 'q', unavailable)).rejects.toThrow('down');
    expect(unavailable).toHaveBeenCalledTimes(3);

    const denied = jest.fn().mockRejectedValue(grpcError(7, 'denied'));
    await expect(api.call('N', 'q', denied)).rejects.toThrow('denied');
    expect(denied).toHaveBeenCalledTimes(1);
  });

  it('turns off the client’s own retries and pagination', async () => {
    const { api } = caller();
    const fn = jest.fn().mockResolvedValue('ok');
    await api.call('M', 'q', fn);
    expect(fn).toHaveBeenCalledWith({
      autoPaginate: false,
      retry: null,
      timeout: 1000,
    });
  });

  it('reads every page, and fails rather than return part of a list', async () => {
    const { api } = caller({ maxAttempts: 1 });
    const pages: Record<
      string,
      [number[], { pageToken: string } | null, unknown]
    > = {
      '': [[1, 2], { pageToken: 'b' }, {}],
      b: [[3], { pageToken: 'c' }, {}],
      c: [[4], null, {}],
    };
    const page = async (req: { pageToken: string }) => pages[req.pageToken];
    await expect(
      api.collectPages('M', 'q', { pageToken: '' }, page),
    ).resolves.toEqual([1, 2, 3, 4]);

    const failing = async (req: { pageToken: string }) => {
      if (req.pageToken === 'c') throw grpcError(14);
      return pages[req.pageToken];
    };
    await expect(
      api.collectPages('M', 'q', { pageToken: '' }, failing),
    ).rejects.toThrow('boom');
  });

  it('paces calls beyond the per-minute quota', async () => {
    const { api, sleeps } = caller({ quotas: { q: 2 } });
    const fn = jest.fn().mockResolvedValue('ok');
    await api.call('M', 'q', fn);
    await api.call('M', 'q', fn);
    expect(sleeps).toEqual([]);
    await api.call('M', 'q', fn);
    // The third call in the same minute waits for a token: about 30 s at 2 per minute.
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(25_000);
  });
});
