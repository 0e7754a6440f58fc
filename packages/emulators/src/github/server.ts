import {
  createServer,
  IncomingMessage,
  ServerResponse,
  STATUS_CODES,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';
import { bearerToken, Credentials } from './auth';
import { GithubEstate, GithubFileContent, GithubRepository } from './estate';
import { graphqlReply } from './graphqlEndpoint';
import {
  encodeBody,
  etagOf,
  HttpError,
  matchesIfNoneMatch,
  notFound,
  Reply,
  write,
} from './http';
import { RateLimits, RateLimitSettings } from './rateLimits';
import { GithubStore } from './repositories';
import { GithubFaultRule, RequestControl } from './requestControl';
import { restRoutes, Route } from './restRoutes';

export type GithubEmulatorOptions = {
  /** What to serve at start; read, never changed. */
  estate: GithubEstate;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Delay before every answer; default none. */
  latencyMs?: number;
  faults?: GithubFaultRule[];
  rateLimit?: RateLimitSettings;
  /** When set, requests must authenticate with it (or an issued installation token). */
  requiredToken?: string;
};

export type GithubEmulator = {
  /** `http://host:port`: the `baseUrl` of Octokit, the `apiBaseUrl` of Backstage. */
  url: string;
  port: number;
  /**
   * Requests received per route (`graphql`, `repos.getContent`, …), failed ones included;
   * `<route>:304` counts those answered 304 Not Modified.
   */
  requestCounts(): Record<string, number>;
  /** GraphQL points spent since the start or the last reset. */
  graphqlPoints(): number;
  resetCounts(): void;
  /** Replaces the fault rules, with fresh counters. */
  setFaults(rules: GithubFaultRule[]): void;
  setLatency(ms: number): void;
  /** Changes the given budgets and starts fresh windows. */
  setRateLimit(settings: RateLimitSettings): void;
  /** Commits `content` at `path` on the default branch. */
  putFile(
    owner: string,
    repo: string,
    path: string,
    content: GithubFileContent,
  ): void;
  deleteFile(owner: string, repo: string, path: string): void;
  addRepository(owner: string, repository: GithubRepository): void;
  removeRepository(owner: string, name: string): void;
  stop(): Promise<void>;
};

const RATE_LIMIT_DOCS =
  'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';

function faultReply(fault: GithubFaultRule): Reply {
  if (fault.secondaryLimitSeconds !== undefined) {
    return new HttpError(
      403,
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      { 'retry-after': String(fault.secondaryLimitSeconds) },
      `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`,
    ).toReply();
  }
  if (fault.graphqlErrors) {
    return {
      status: 200,
      body: {
        data: null,
        errors: fault.graphqlErrors.map(error =>
          typeof error === 'string'
            ? { type: 'INTERNAL', message: error }
            : error,
        ),
      },
    };
  }
  return new HttpError(
    fault.status!,
    STATUS_CODES[fault.status!] ?? 'Injected fault',
  ).toReply();
}

function primaryLimitReply(token: string | undefined, address: string): Reply {
  const who = token
    ? 'user ID 1.'
    : `${address}. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)`;
  return new HttpError(
    403,
    `API rate limit exceeded for ${who}`,
    {},
    RATE_LIMIT_DOCS,
  ).toReply();
}

/** The first route for the method whose pattern matches, with the path's captures. */
function matchRoute(
  routes: Route[],
  method: string | undefined,
  pathname: string,
): { route: Route; captures: RegExpMatchArray } | undefined {
  for (const route of routes) {
    const captures = route.method === method && pathname.match(route.pattern);
    if (captures) return { route, captures };
  }
  return undefined;
}

/**
 * Starts an HTTP server that answers GitHub's REST v3 and GraphQL v4 APIs from `estate`,
 * with GitHub's status codes, headers (rate limits, ETags, Link), pagination and limits, for
 * Octokit and Backstage's GitHub integration pointed at `url`.
 */
export async function startGithubEmulator(
  options: GithubEmulatorOptions,
): Promise<GithubEmulator> {
  const store = new GithubStore(options.estate);
  const credentials = new Credentials(options.requiredToken);
  const rateLimits = new RateLimits(options.rateLimit);
  let graphqlPoints = 0;
  const routes: Route[] = [
    ...restRoutes({ store, credentials, rateLimits }),
    {
      name: 'graphql',
      method: 'POST',
      pattern: /^\/graphql$/,
      auth: 'token',
      budget: { resource: 'graphql', perRequest: false },
      handle: ({ body }) =>
        graphqlReply({
          body,
          store,
          rateLimits,
          onSpend: points => {
            graphqlPoints += points;
          },
        }),
    },
  ];
  const control = new RequestControl(routes.map(r => r.name));
  control.setFaults(options.faults ?? []);
  control.setLatency(options.latencyMs ?? 0);

  const host = options.host ?? '127.0.0.1';
  let url = '';

  const answer = async (
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> => {
    // Absolute URLs in answers use the host the client called, so that they work through
    // port mappings too.
    const base = req.headers.host ? `http://${req.headers.host}` : url;
    const requestUrl = new URL(req.url ?? '/', base);
    const send = (
      reply: Reply,
      extraHeaders: Record<string, string> = {},
      { bytes, contentType } = encodeBody(reply),
    ) => {
      write(
        res,
        reply.status,
        {
          ...(contentType && { 'content-type': contentType }),
          ...reply.headers,
          ...extraHeaders,
        },
        bytes,
      );
    };
    const match = matchRoute(routes, req.method, requestUrl.pathname);
    if (!match) {
      send(notFound().toReply());
      return;
    }
    const { route, captures } = match;
    const body = req.method === 'POST' ? await buffer(req) : Buffer.alloc(0);
    const fault = await control.admit(route.name);
    const token = bearerToken(req.headers.authorization);
    const budget = route.budget;
    const rateHeaders = () =>
      budget ? rateLimits.headers(budget.resource) : {};

    const refusal = credentials.refusal(route.auth, token);
    if (refusal) {
      send(refusal.toReply(), rateHeaders());
      return;
    }
    if (fault) {
      send(faultReply(fault), rateHeaders());
      return;
    }
    if (
      budget?.perRequest &&
      rateLimits.status(budget.resource).remaining === 0
    ) {
      send(
        primaryLimitReply(token, req.socket.remoteAddress ?? '127.0.0.1'),
        rateHeaders(),
      );
      return;
    }

    let reply: Reply;
    try {
      reply = await route.handle({
        params: captures.slice(1).map(c => c && decodeURIComponent(c)),
        url: requestUrl,
        base,
        accept: req.headers.accept ?? '',
        token,
        body,
      });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      reply = error.toReply();
    }

    const encoded = encodeBody(reply);
    const validator: Record<string, string> = {};
    if (req.method === 'GET' && reply.status === 200) {
      validator.etag = etagOf(
        encoded.bytes,
        reply.headers?.['content-type'] ?? encoded.contentType,
      );
      // A 304 is free on GitHub: it does not count against the rate limit.
      if (matchesIfNoneMatch(req.headers['if-none-match'], validator.etag)) {
        control.count(`${route.name}:304`);
        write(res, 304, { ...validator, ...rateHeaders() });
        return;
      }
    }
    if (budget?.perRequest) rateLimits.trySpend(budget.resource, 1);
    send(reply, { ...validator, ...rateHeaders() }, encoded);
  };

  const server = createServer((req, res) => {
    answer(req, res).catch(error => {
      write(
        res,
        500,
        { 'content-type': 'application/json; charset=utf-8' },
        Buffer.from(
          JSON.stringify({
            message: error instanceof Error ? error.message : String(error),
          }),
        ),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://${host}:${port}`;

  return {
    url,
    port,
    requestCounts: () => control.requestCounts(),
    graphqlPoints: () => graphqlPoints,
    resetCounts: () => {
      control.resetCounts();
      graphqlPoints = 0;
    },
    setFaults: rules => control.setFaults(rules),
    setLatency: ms => control.setLatency(ms),
    setRateLimit: settings => rateLimits.configure(settings),
    putFile: (owner, repo, path, content) =>
      store.putFile(owner, repo, path, content),
    deleteFile: (owner, repo, path) => store.deleteFile(owner, repo, path),
    addRepository: (owner, repository) =>
      store.addRepository(owner, repository),
    removeRepository: (owner, name) => store.removeRepository(owner, name),
    async stop() {
      // Release delayed requests first; otherwise their timers would outlive the server.
      control.wakeAll();
      server.closeAllConnections();
      await new Promise<void>(resolve => server.close(() => resolve()));
    },
  };
}
