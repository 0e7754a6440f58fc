import { Octokit } from '@octokit/core';
import { GithubEmulator } from '../server';

/** A plain Octokit (no retries, no throttling) against the emulator. */
export const octokitFor = (emulator: GithubEmulator, auth = 'test-token') =>
  new Octokit({ baseUrl: emulator.url, auth });

/** The rejection of `promise`, to assert on its status, headers and body. */
export async function failure(promise: Promise<unknown>): Promise<{
  status: number;
  message: string;
  response?: { headers: Record<string, string>; data: any };
}> {
  try {
    await promise;
  } catch (error) {
    return error as any;
  }
  throw new Error('Expected the request to fail');
}

/** The `rel="…"` URLs of a Link header. */
export function links(header: string | undefined): Record<string, string> {
  return Object.fromEntries(
    [...(header ?? '').matchAll(/<([^>]+)>; rel="(\w+)"/g)].map(m => [
      m[2],
      m[1],
    ]),
  );
}
