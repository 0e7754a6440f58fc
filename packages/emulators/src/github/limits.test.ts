import { smallGithubEstate } from './__testUtils__/estates';
import { failure, octokitFor } from './__testUtils__/octokit';
import { GithubEmulator, startGithubEmulator } from './server';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe('rate limits, faults, latency and credentials', () => {
  let emulator: GithubEmulator;
  let octokit: ReturnType<typeof octokitFor>;
  const getRepo = () =>
    octokit.request('GET /repos/{owner}/{repo}', {
      owner: 'acme',
      repo: 'tools',
    });
  const graphql = () =>
    octokit.request('POST /graphql', {
      query: '{ repository(owner: "acme", name: "tools") { name } }',
    });

  beforeAll(async () => {
    emulator = await startGithubEmulator({ estate: smallGithubEstate() });
    octokit = octokitFor(emulator);
  });

  afterEach(() => {
    emulator.setFaults([]);
    emulator.setLatency(0);
    emulator.setRateLimit({ core: 5000, graphql: 5000, resetSeconds: 3600 });
    emulator.resetCounts();
  });

  afterAll(() => emulator.stop());

  it('refuses REST requests once the core budget is spent, until the window resets', async () => {
    emulator.setRateLimit({ core: 3, resetSeconds: 0.5 });
    const remaining = [];
    for (let i = 0; i < 3; i++) {
      remaining.push((await getRepo()).headers['x-ratelimit-remaining']);
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const refused = await failure(getRepo());
    expect(refused.status).toBe(403);
    expect(refused.response!.data.message).toBe(
      'API rate limit exceeded for user ID 1.',
    );
    expect(refused.response!.headers).toMatchObject({
      'x-ratelimit-limit': '3',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '3',
      'x-ratelimit-resource': 'core',
    });
    const reset = Number(refused.response!.headers['x-ratelimit-reset']);
    expect(reset * 1000).toBeGreaterThan(Date.now());

    // Checking the limit is free, as on GitHub.
    const { data } = await octokit.request('GET /rate_limit');
    expect(data.resources.core).toMatchObject({ limit: 3, remaining: 0 });

    await sleep(600);
    const after = await getRepo();
    expect(after.headers['x-ratelimit-remaining']).toBe('2');
  });

  it('names the client address when an anonymous client runs out', async () => {
    emulator.setRateLimit({ core: 0 });
    const refused = await failure(
      octokitFor(emulator, '').request('GET /orgs/{org}', { org: 'acme' }),
    );
    expect(refused.response!.data.message).toMatch(
      /^API rate limit exceeded for 127\.0\.0\.1\. \(But here's the good news/,
    );
  });

  it('spends GraphQL points from their own budget and answers RATE_LIMITED when short', async () => {
    emulator.setRateLimit({ graphql: 2 });
    const first = await graphql();
    expect(first.headers).toMatchObject({
      'x-ratelimit-resource': 'graphql',
      'x-ratelimit-remaining': '1',
    });
    await graphql();
    const limited = await graphql();
    expect(limited.status).toBe(200);
    expect(limited.data).toEqual({
      errors: [
        {
          type: 'RATE_LIMITED',
          message: 'API rate limit exceeded for user ID 1.',
        },
      ],
    });
    expect(emulator.graphqlPoints()).toBe(2);
    // The core budget is untouched.
    expect((await getRepo()).headers['x-ratelimit-used']).toBe('1');
  });

  it('injects a secondary rate limit with retry-after', async () => {
    emulator.setFaults([
      { route: 'repos.get', secondaryLimitSeconds: 7, times: 1 },
    ]);
    const limited = await failure(getRepo());
    expect(limited.status).toBe(403);
    expect(limited.response!.headers['retry-after']).toBe('7');
    expect(limited.response!.data.message).toBe(
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    );
    expect((await getRepo()).status).toBe(200);
  });

  it('fails with 502 after N successful calls, for `times` calls, without spending budget', async () => {
    emulator.setFaults([
      { route: 'repos.getContent', status: 502, afterCalls: 2, times: 1 },
    ]);
    const getContent = () =>
      octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
        owner: 'acme',
        repo: 'tools',
        path: 'README.md',
      });
    await getContent();
    const second = await getContent();
    const failed = await failure(getContent());
    expect(failed.status).toBe(502);
    expect(failed.response!.data).toMatchObject({ message: 'Bad Gateway' });
    expect(failed.response!.headers['x-ratelimit-used']).toBe(
      second.headers['x-ratelimit-used'],
    );
    expect((await getContent()).status).toBe(200);
    expect(emulator.requestCounts()).toEqual({ 'repos.getContent': 4 });
  });

  it('answers GraphQL errors with HTTP 200', async () => {
    emulator.setFaults([
      {
        route: 'graphql',
        graphqlErrors: [
          'Something went wrong while executing your query.',
          {
            type: 'FORBIDDEN',
            message: 'Resource not accessible by integration',
          },
        ],
        times: 1,
      },
    ]);
    const { status, data } = await graphql();
    expect(status).toBe(200);
    expect(data).toEqual({
      data: null,
      errors: [
        {
          type: 'INTERNAL',
          message: 'Something went wrong while executing your query.',
        },
        {
          type: 'FORBIDDEN',
          message: 'Resource not accessible by integration',
        },
      ],
    });
    expect((await graphql()).data).toEqual({
      data: { repository: { name: 'tools' } },
    });
  });

  it('refuses fault rules that could never fire or do nothing', () => {
    expect(() =>
      emulator.setFaults([{ route: 'repos.getContents', status: 500 }]),
    ).toThrow('Unknown route "repos.getContents"');
    expect(() => emulator.setFaults([{ route: 'repos.get' }])).toThrow(
      'exactly one of',
    );
    expect(() =>
      emulator.setFaults([{ route: 'repos.get', graphqlErrors: ['x'] }]),
    ).toThrow('only applies to the graphql route');
  });

  it('delays every answer by the latency', async () => {
    emulator.setLatency(150);
    const start = Date.now();
    await getRepo();
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
  });

  describe('with a required token', () => {
    let locked: GithubEmulator;

    beforeAll(async () => {
      locked = await startGithubEmulator({
        estate: smallGithubEstate(),
        requiredToken: 'secret',
      });
    });

    afterAll(() => locked.stop());

    it('answers 401 to other tokens and to none', async () => {
      const get = (token: string) =>
        octokitFor(locked, token).request('GET /orgs/{org}', { org: 'acme' });
      expect((await get('secret')).status).toBe(200);
      const wrong = await failure(get('guess'));
      expect(wrong.status).toBe(401);
      expect(wrong.response!.data.message).toBe('Bad credentials');
      expect((await failure(get(''))).response!.data.message).toBe(
        'Requires authentication',
      );
    });

    it('lets an app exchange a JWT for an installation token', async () => {
      const app = octokitFor(locked, 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.c2ln');
      expect(
        (
          await failure(
            octokitFor(locked, 'secret').request('GET /app/installations'),
          )
        ).response!.data.message,
      ).toBe('A JSON web token could not be decoded');
      const { data: installations } = await app.request(
        'GET /app/installations',
      );
      expect(installations).toMatchObject([
        { account: { login: 'acme' }, target_type: 'Organization' },
      ]);
      const { status, data: token } = await app.request(
        'POST /app/installations/{installation_id}/access_tokens',
        { installation_id: installations[0].id },
      );
      expect(status).toBe(201);
      expect(token.token).toMatch(/^ghs_/);
      expect(Date.parse(token.expires_at)).toBeGreaterThan(Date.now());

      const installation = octokitFor(locked, token.token);
      const { data } = await installation.request(
        'GET /installation/repositories',
        {
          per_page: 100,
        },
      );
      expect(data.total_count).toBe(42);
      expect(
        (await installation.request('GET /orgs/{org}', { org: 'acme' })).status,
      ).toBe(200);
    });
  });
});
