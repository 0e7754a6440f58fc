import { Entity } from '@backstage/catalog-model';

/**
 * The catalog REST API of a test backend, as a user would ask it: `get` a path, or wait for
 * an `entity` to appear in a given state — crawling and processing take a while, so tests
 * poll rather than sleep.
 */
export function catalogApi(baseUrl: string, authorization: string) {
  async function get<T>(path: string): Promise<{ status: number; body: T }> {
    const res = await fetch(`${baseUrl}${path}`, {
      headers: { Authorization: authorization },
    });
    return {
      status: res.status,
      body: res.ok ? ((await res.json()) as T) : (undefined as T),
    };
  }

  async function entity(
    ref: string,
    ready: (e: Entity) => boolean = () => true,
    timeoutMs = 120_000,
  ): Promise<Entity> {
    const [kind, name] = ref.split(':');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await get<Entity>(
        `/entities/by-name/${kind}/default/${name}`,
      );
      if (body && ready(body)) return body;
      if (Date.now() > deadline)
        throw new Error(
          `${ref} did not appear: ${JSON.stringify(body)?.slice(0, 300)}`,
        );
      await new Promise(r => setTimeout(r, 500));
    }
  }

  return { get, entity };
}
