import { LoggerService } from '@backstage/backend-plugin-api';
import {
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';

/** What one crawl spent, for the run summary and the benchmark. */
export class RequestStats {
  /** HTTP requests by kind (`graphql`, `tarball`, `GET /repos/{owner}/{repo}`, …). */
  readonly requests: Record<string, number> = {};
  graphqlPoints = 0;
  /** Waits for a primary or secondary rate limit. */
  rateLimitWaits = 0;

  count(url: string, method: string) {
    const kind = requestKind(url, method);
    this.requests[kind] = (this.requests[kind] ?? 0) + 1;
  }

  get total(): number {
    return Object.values(this.requests).reduce((a, b) => a + b, 0);
  }
}

/** Groups request URLs so that the summary stays readable: ids and names become placeholders. */
function requestKind(url: string, method: string): string {
  const { pathname } = new URL(url);
  if (pathname.endsWith('/graphql')) {
    return 'graphql';
  }
  if (
    /\/(tarball|legacy\.tar\.gz)\//.test(pathname) ||
    /\/tarball$/.test(pathname)
  ) {
    return 'tarball';
  }
  const path = pathname
    .replace(/^\/api\/v3/, '')
    .replace(/^\/repos\/[^/]+\/[^/]+/, '/repos/{owner}/{repo}')
    .replace(/^\/(orgs|users)\/[^/]+/, '/$1/{name}')
    .replace(/\/contents\/.*$/, '/contents/{path}');
  return `${method} ${path}`;
}

export type GithubClientOptions = {
  integrations: ScmIntegrationRegistry;
  /**
   * One for the whole backend (`DefaultGithubCredentialsProvider.fromIntegrations`): it caches
   * GitHub App installation tokens, so a crawl mints one per installation, not one per call.
   */
  credentials: GithubCredentialsProvider;
  host: string;
  /** The organization whose credentials to use (GitHub App installations are per org). */
  organization: string;
  logger: LoggerService;
  stats: RequestStats;
  /** Milliseconds per "second" GitHub asks us to wait; tests shrink it. */
  retryAfterBaseValue?: number;
  /** Give up waiting for a rate limit that resets later than this (seconds). */
  maxRateLimitWaitSeconds?: number;
  /**
   * Longest a request may take, body included (an archive streams through it). A stalled
   * connection would otherwise hold the crawl — and every webhook queued behind it — forever.
   */
  requestTimeoutMs?: number;
};

const ThrottledOctokit = Octokit.plugin(throttling, retry);
export type GithubClient = InstanceType<typeof ThrottledOctokit>;

/**
 * An Octokit for one organization of one GitHub host, authenticated through Backstage's
 * `integrations.github` (a token or a GitHub App; App tokens are refreshed per request by the
 * credentials provider), pointed at the integration's `apiBaseUrl` (the emulator in the demo
 * and tests), and well-behaved under GitHub's limits:
 * - primary rate limit: wait until `x-ratelimit-reset`, at most twice, and only if the reset
 *   is within `maxRateLimitWaitSeconds`; otherwise fail the request (the crawl then counts
 *   as partial and deletes nothing);
 * - secondary limits: wait `retry-after` (or a minute), at most twice;
 * - 5xx and GitHub's transient GraphQL error: retried with backoff by plugin-retry.
 * The throttling plugin would pace every GraphQL query like a mutation (one per second); the
 * crawl only reads, sequentially, so that pacing is lifted for it.
 */
export function createGithubClient(options: GithubClientOptions): GithubClient {
  const { integrations, credentials, host, organization, logger, stats } =
    options;
  const integration = integrations.github.byHost(host);
  if (!integration) {
    throw new Error(
      `No integrations.github entry for host '${host}'; add one with a token or a GitHub App`,
    );
  }
  const maxWait = options.maxRateLimitWaitSeconds ?? 15 * 60;
  // Both limits: wait as GitHub says, twice at most, unless the wait is unreasonable.
  const waitOrGiveUp =
    (limit: string, why: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      const wait = retryCount < 2 && retryAfter <= maxWait;
      logger.warn(
        `GitHub ${limit} for ${request.method} ${request.url}; ${
          wait
            ? `waiting ${retryAfter}s${why ? ` ${why}` : ''}`
            : 'giving up on this request'
        }`,
      );
      if (wait) stats.rateLimitWaits++;
      return wait;
    };

  const octokit = new ThrottledOctokit({
    baseUrl: integration.config.apiBaseUrl ?? 'https://api.github.com',
    request: {
      fetch: async (url: string, init: RequestInit) => {
        stats.count(url, init?.method ?? 'GET');
        const timeout = AbortSignal.timeout(
          options.requestTimeoutMs ?? 120_000,
        );
        return fetch(url, {
          ...init,
          signal: init?.signal
            ? AbortSignal.any([init.signal, timeout])
            : timeout,
        });
      },
    },
    throttle: {
      retryAfterBaseValue: options.retryAfterBaseValue ?? 1000,
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      onRateLimit: waitOrGiveUp('rate limit reached', 'for the reset'),
      onSecondaryRateLimit: waitOrGiveUp('secondary rate limit', ''),
    },
    retry: { retryAfterBaseValue: options.retryAfterBaseValue ?? 1000 },
  });

  // Credentials per request: GitHub App installation tokens expire after an hour.
  octokit.hook.before('request', async request => {
    const { headers } = await credentials.getCredentials({
      url: `https://${host}/${organization}`,
    });
    Object.assign(request.headers, headers);
  });
  return octokit;
}

/**
 * One client per organization for the length of a crawl: the throttling plugin paces what one
 * client sends, and every repository of an organization shares its credentials.
 */
export function clientPerOrganization(
  create: (organization: string) => GithubClient,
): (organization: string) => GithubClient {
  const clients = new Map<string, GithubClient>();
  return organization => {
    const key = organization.toLowerCase();
    if (!clients.has(key)) clients.set(key, create(organization));
    return clients.get(key)!;
  };
}
