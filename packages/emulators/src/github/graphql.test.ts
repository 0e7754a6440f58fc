import {
  FragmentDefinitionNode,
  Kind,
  OperationDefinitionNode,
  parse,
} from 'graphql';
import { smallGithubEstate } from './__testUtils__/estates';
import { octokitFor } from './__testUtils__/octokit';
import { GithubFileContent } from './estate';
import { queryCost } from './graphqlCost';
import { githubSchema } from './graphqlSchema';
import { GithubEmulator, startGithubEmulator } from './server';
import { generateSyntheticGithubEstate } from './syntheticEstate';

describe('GitHub GraphQL API', () => {
  const synthetic = generateSyntheticGithubEstate({
    repositories: 100,
    seed: 7,
  });
  let emulator: GithubEmulator;
  let octokit: ReturnType<typeof octokitFor>;
  /** The raw answer, errors included (Octokit's `graphql()` would throw on them). */
  const post = async (query: string, variables: Record<string, unknown> = {}) =>
    (await octokit.request('POST /graphql', { query, variables })).data as {
      data?: any;
      errors?: any[];
    };

  beforeAll(async () => {
    const small = smallGithubEstate();
    emulator = await startGithubEmulator({
      estate: {
        organizations: [...synthetic.organizations, ...small.organizations],
      },
    });
    octokit = octokitFor(emulator);
  });

  afterEach(() => emulator.resetCounts());

  afterAll(() => emulator.stop());

  it('validates queries against GitHub schema and spends nothing on invalid ones', async () => {
    const answer = await post('{ organization(login: "acme") { login nope } }');
    expect(answer).toEqual({
      errors: [
        {
          message:
            'Cannot query field "nope" on type "Organization". Did you mean "name"?',
          locations: [{ line: 1, column: 39 }],
        },
      ],
    });
    expect(emulator.graphqlPoints()).toBe(0);
  });

  it('reads the root files of 100 repositories in one query, for one point', async () => {
    const blob = (alias: string, path: string) =>
      `${alias}: object(expression: "HEAD:${path}") { ... on Blob { text } }`;
    const { data, errors } = await post(
      `query ($org: String!) {
        organization(login: $org) {
          repositories(first: 100) {
            totalCount
            nodes {
              name
              defaultBranchRef { name target { ... on Commit { oid committedDate } } }
              repositoryTopics(first: 10) { nodes { topic { name } } }
              ${blob('owners', 'OWNERS')}
              ${blob('aliases', 'OWNERS_ALIASES')}
              ${blob('githubCodeowners', '.github/CODEOWNERS')}
              ${blob('rootCodeowners', 'CODEOWNERS')}
              ${blob('docsCodeowners', 'docs/CODEOWNERS')}
              ${blob('catalogInfo', 'catalog-info.yaml')}
            }
          }
        }
        rateLimit { cost remaining nodeCount }
      }`,
      { org: 'synthetic-org' },
    );
    expect(errors).toBeUndefined();
    const repos = synthetic.organizations[0].repositories;
    const nodes = data.organization.repositories.nodes;
    expect(data.organization.repositories.totalCount).toBe(100);
    expect(nodes.map((n: any) => n.name)).toEqual(repos.map(r => r.name));
    const text = (content: GithubFileContent | undefined) =>
      content === undefined ? null : { text: String(content) };
    nodes.forEach((node: any, i: number) => {
      const { files, topics, defaultBranch, pushedAt } = repos[i];
      expect(node).toMatchObject({
        owners: text(files.OWNERS),
        aliases: text(files.OWNERS_ALIASES),
        githubCodeowners: text(files['.github/CODEOWNERS']),
        rootCodeowners: text(files.CODEOWNERS),
        docsCodeowners: text(files['docs/CODEOWNERS']),
        catalogInfo: text(files['catalog-info.yaml']),
        repositoryTopics: { nodes: topics.map(name => ({ topic: { name } })) },
        defaultBranchRef: {
          name: defaultBranch,
          target: { committedDate: pushedAt },
        },
      });
    });
    // The estate has each kind of file somewhere, and not everywhere.
    for (const key of [
      'aliases',
      'githubCodeowners',
      'rootCodeowners',
      'docsCodeowners',
    ]) {
      const present = nodes.filter((n: any) => n[key]).length;
      expect(present).toBeGreaterThan(0);
      expect(present).toBeLessThan(100);
    }
    // 1 request for the repositories + 100 for their topics = 101 → 1 point.
    expect(data.rateLimit).toEqual({
      cost: 1,
      remaining: 4999,
      nodeCount: 1100,
    });
    expect(emulator.graphqlPoints()).toBe(1);
  });

  it('charges nested connections per parent node, as GitHub documents', async () => {
    const { data } = await post(`{
      organization(login: "synthetic-org") {
        repositories(first: 100) { nodes { repositoryTopics(first: 100) { totalCount } } }
        teams(first: 100) { nodes { members(first: 100) { totalCount } } }
      }
      rateLimit { cost nodeCount }
    }`);
    // (1 + 100) + (1 + 100) requests = 202 → 2 points.
    expect(data.rateLimit).toEqual({ cost: 2, nodeCount: 20200 });
    expect(emulator.graphqlPoints()).toBe(2);
  });

  it("computes GitHub's documented example: 5,101 requests cost 51 points", () => {
    const document = parse(`query {
      viewer {
        login
        repositories(first: 100) {
          edges { node { id
            issues(first: 50) {
              edges { node { id
                labels(first: 60) { edges { node { id name } } }
              } }
            }
          } }
        }
      }
    }`);
    const cost = queryCost(
      githubSchema(),
      document.definitions[0] as OperationDefinitionNode,
      {} as Record<string, FragmentDefinitionNode>,
      {},
    );
    expect(cost).toEqual({ points: 51, nodeCount: 100 + 5000 + 300000 });
    expect(document.definitions[0].kind).toBe(Kind.OPERATION_DEFINITION);
  });

  it("enforces GitHub's pagination limits", async () => {
    expect(
      await post(
        '{ organization(login: "acme") { repositories { totalCount } } }',
      ),
    ).toEqual({
      errors: [
        {
          type: 'MISSING_PAGINATION_BOUNDARIES',
          path: ['organization', 'repositories'],
          locations: [{ line: 1, column: 33 }],
          message:
            'You must provide a `first` or `last` value to properly paginate the `repositories` connection.',
        },
      ],
    });
    const tooMany = await post(
      '{ organization(login: "acme") { repositories(first: 101) { totalCount } } }',
    );
    expect(tooMany.errors![0]).toMatchObject({
      type: 'EXCESSIVE_PAGINATION',
      message:
        'Requesting 101 records on the `repositories` connection exceeds the `first` limit of 100 records.',
    });
  });

  it('pages a connection with opaque cursors', async () => {
    const page = (after: string | null) =>
      post(
        `query ($after: String) {
          organization(login: "acme") {
            repositories(first: 15, after: $after, orderBy: { field: NAME, direction: DESC }) {
              totalCount
              pageInfo { hasNextPage endCursor }
              edges { cursor node { name } }
            }
          }
        }`,
        { after },
      );
    const names: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const { data } = await page(after);
      const { pageInfo, edges, totalCount } = data.organization.repositories;
      expect(totalCount).toBe(42);
      names.push(...edges.map((e: any) => e.node.name));
      expect(pageInfo.endCursor).toBe(edges[edges.length - 1].cursor);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(names).toHaveLength(42);
    expect(names.slice(0, 2)).toEqual(['tools', 'repo-39']);
    expect([...names].sort().reverse()).toEqual(names);

    expect((await page('bm90IGEgY3Vyc29y')).errors![0]).toMatchObject({
      type: 'INVALID_CURSOR_ARGUMENTS',
      message: '`bm90IGEgY3Vyc29y` does not appear to be a valid cursor.',
    });
  });

  it('filters repositories like GitHub', async () => {
    const { data } = await post(`{
      organization(login: "acme") {
        forks: repositories(first: 100, isFork: true) { totalCount }
        private: repositories(first: 100, privacy: PRIVATE) { totalCount }
        sources: repositories(first: 100, isFork: false, isArchived: false) { totalCount }
      }
    }`);
    expect(data.organization).toEqual({
      forks: { totalCount: 4 },
      private: { totalCount: 10 },
      sources: { totalCount: 42 - 4 - 4 },
    });
  });

  it('resolves object expressions to blobs, trees and commits', async () => {
    const { data, errors } = await post(`{
      repository(owner: "acme", name: "tools") {
        nameWithOwner
        isEmpty
        visibility
        primaryLanguage { name }
        owner { __typename login }
        docs: object(expression: "main:docs") {
          __typename
          ... on Tree { entries { name path type mode object { ... on Blob { text } } } }
        }
        logo: object(expression: "HEAD:logo.png") { ... on Blob { isBinary text byteSize } }
        head: object(expression: "HEAD") { __typename ... on Commit { tree { oid } } }
        missing: object(expression: "HEAD:nope") { oid }
        badRef: object(expression: "nope:README.md") { oid }
      }
      repositoryOwner(login: "nobody") { login }
    }`);
    expect(errors).toBeUndefined();
    const repo = data.repository;
    expect(repo).toMatchObject({
      nameWithOwner: 'acme/tools',
      isEmpty: false,
      visibility: 'PUBLIC',
      primaryLanguage: { name: 'Go' },
      owner: { __typename: 'Organization', login: 'acme' },
      logo: { isBinary: true, text: null, byteSize: 8 },
      head: {
        __typename: 'Commit',
        tree: { oid: expect.stringMatching(/^[0-9a-f]{40}$/) },
      },
      missing: null,
      badRef: null,
    });
    expect(repo.docs.__typename).toBe('Tree');
    expect(repo.docs.entries).toContainEqual({
      name: 'latest.md',
      path: 'docs/latest.md',
      type: 'blob',
      mode: 0o120000,
      object: { text: 'guide.md' },
    });
    expect(data.repositoryOwner).toBeNull();

    const commitOid = (
      await post(
        '{ repository(owner: "acme", name: "tools") { defaultBranchRef { target { oid } } } }',
      )
    ).data.repository.defaultBranchRef.target.oid;
    const byOid = await post(
      `{ repository(owner: "acme", name: "tools") {
          object(expression: "${commitOid}:OWNERS") { ... on Blob { text } } } }`,
    );
    expect(byOid.data.repository.object.text).toBe('approvers:\n  - ann\n');
  });

  it('truncates a blob text past 512,000 bytes and says so, as GitHub does', async () => {
    const line = `${'approvers:\n'.padEnd(1000, '#')}\n`;
    emulator.putFile('acme', 'tools', 'OWNERS', line.repeat(3000));
    const { data } = await post(`{
      repository(owner: "acme", name: "tools") {
        owners: object(expression: "HEAD:OWNERS") { ... on Blob { text isTruncated byteSize } }
        readme: object(expression: "HEAD:README.md") { ... on Blob { isTruncated } }
      }
    }`);
    const { owners, readme } = data.repository;
    expect(owners.byteSize).toBe(3_003_000);
    expect(owners.isTruncated).toBe(true);
    expect(owners.text).toHaveLength(512_000);
    expect(readme.isTruncated).toBe(false);
  });

  it('answers NOT_FOUND for a missing repository, and says which fields it does not serve', async () => {
    expect(
      await post('{ repository(owner: "acme", name: "nope") { name } }'),
    ).toEqual({
      data: { repository: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository'],
          locations: [{ line: 1, column: 3 }],
          message:
            "Could not resolve to a Repository with the name 'acme/nope'.",
        },
      ],
    });
    const unserved = await post(
      '{ repository(owner: "acme", name: "tools") { name stargazerCount } }',
    );
    expect(unserved.errors![0].message).toBe(
      'The GitHub emulator does not serve Repository.stargazerCount',
    );
  });

  it('serves members and nested teams', async () => {
    const { data } = await post(`{
      organization(login: "acme") {
        membersWithRole(first: 10) { edges { role node { login name email } } }
        teams(first: 10) {
          nodes {
            slug combinedSlug parentTeam { slug }
            all: members(first: 10) { nodes { login } }
            immediate: members(first: 10, membership: IMMEDIATE) { nodes { login } }
          }
        }
        web: teams(first: 10, userLogins: ["ben"]) { nodes { slug } }
      }
    }`);
    expect(data.organization.membersWithRole.edges).toEqual([
      {
        role: 'MEMBER',
        node: { login: 'ann', name: 'Ann', email: 'ann@acme.example' },
      },
      { role: 'MEMBER', node: { login: 'ben', name: null, email: '' } },
    ]);
    expect(data.organization.teams.nodes).toEqual([
      {
        slug: 'eng',
        combinedSlug: 'acme/eng',
        parentTeam: null,
        all: { nodes: [{ login: 'ann' }, { login: 'ben' }] },
        immediate: { nodes: [{ login: 'ann' }] },
      },
      {
        slug: 'web',
        combinedSlug: 'acme/web',
        parentTeam: { slug: 'eng' },
        all: { nodes: [{ login: 'ben' }] },
        immediate: { nodes: [{ login: 'ben' }] },
      },
    ]);
    expect(data.organization.web.nodes).toEqual([{ slug: 'web' }]);
  });
});
