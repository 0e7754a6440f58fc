/*
 * GET /path-ownership and the who-approves-path action on a synthetic repository: answers with
 * files and lines, 400s and 404s that say what is wrong, and redaction of personal details.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { actionsOver } from '../__testUtils__/actions';
import { startInventoryBackend } from '../__testUtils__/backend';
import { pathOwnershipEntities } from '../__testUtils__/pathOwnership';
import { registerInventoryActions } from './actions';

const BLOB = 'https://github.com/o/repo/blob/main';

describe('GET /path-ownership', () => {
  let backend: Awaited<ReturnType<typeof startInventoryBackend>>;
  beforeAll(async () => {
    backend = await startInventoryBackend({
      entities: pathOwnershipEntities(),
      personalDetailsReaders: ['user:default/reader'],
    });
  });
  afterAll(() => backend.stop());
  const ask = (query: string, reader = false) =>
    backend.get(
      `path-ownership?${query}`,
      reader
        ? mockCredentials.user.header('user:default/reader')
        : mockCredentials.user.header(),
    );

  it('answers a file below a no_parent_owners directory with files and lines', async () => {
    const { status, body } = await ask(
      'repository=O/Repo&path=dns/zone-configs/k8s.io._0_base.yaml',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      repository: { ref: 'component:default/o--repo', slug: 'o/repo' },
      path: 'dns/zone-configs/k8s.io._0_base.yaml',
      assumed: 'file',
      commit: 'c0ffee',
      ownersDepth: 'tree',
      approvers: [
        {
          login: 'erin',
          entity: { ref: 'user:default/erin', exists: false },
          because: [
            {
              file: 'dns/OWNERS',
              line: 4,
              url: `${BLOB}/dns/OWNERS#L4`,
              alias: {
                name: 'dns-admins',
                definedAt: { url: `${BLOB}/OWNERS_ALIASES#L5` },
              },
            },
          ],
        },
      ],
      // dns/OWNERS names no reviewers: the root's still review.
      reviewers: [{ login: 'bob' }],
      labels: [{ label: 'area/dns', url: `${BLOB}/dns/OWNERS#L6` }],
      inheritanceStoppedAt: { url: `${BLOB}/dns/OWNERS#L2` },
      codeowners: {
        file: '.github/CODEOWNERS',
        rule: { pattern: '*', line: 1 },
        owners: [
          {
            name: '@o/maintainers',
            entity: {
              ref: 'group:default/github-team--o--maintainers',
              title: 'maintainers',
            },
          },
        ],
      },
    });
  });

  it('applies filters to files only where they match, and reads a trailing / as a directory', async () => {
    const goFile = await ask('repository=o/repo&path=go/main.go');
    expect(goFile.body.approvers.map((p: any) => p.login)).toEqual([
      'alice',
      'carol',
      'dan',
      'gopher',
    ]);
    expect(goFile.body.approvers[1]).toMatchObject({
      login: 'carol',
      entity: { title: 'Carol Danvers' },
    });
    const goDir = await ask('repository=o/repo&path=go/');
    expect(goDir.body.assumed).toBe('directory');
    expect(goDir.body.approvers.map((p: any) => p.login)).not.toContain(
      'gopher',
    );
    // Emeritus people are listed apart, never as approvers.
    expect(goDir.body.emeritus).toEqual([
      { login: 'old', file: 'OWNERS', line: 7, url: `${BLOB}/OWNERS#L7` },
    ]);
  });

  it('says when CODEOWNERS names nobody on purpose, and redacts personal addresses', async () => {
    const generated = await ask('repository=o/repo&path=docs/generated/api.md');
    expect(generated.body.codeowners).toMatchObject({
      rule: { pattern: '/docs/generated/', line: 3 },
      owners: [],
      skipped: [{ line: 4 }],
    });
    expect(generated.body.notes).toContain(
      '.github/CODEOWNERS line 3 matches with no owners: explicitly no code owner.',
    );
    const docs = await ask('repository=o/repo&path=docs/index.md');
    expect(docs.body.redacted).toBe(true);
    expect(docs.text).not.toContain('docs@example.org');
    const asReader = await ask('repository=o/repo&path=docs/index.md', true);
    expect(asReader.body.codeowners.owners).toEqual([
      {
        name: 'docs@example.org',
        entity: expect.objectContaining({
          ref: 'user:default/docs--example.org',
        }),
      },
    ]);
  });

  it('notes a repository read at the root only', async () => {
    const { body } = await ask('repository=o/self&path=/');
    expect(body).toMatchObject({ path: '', assumed: 'directory' });
    expect(body.approvers.map((p: any) => p.login)).toEqual(['alice']);
    expect(body.notes[0]).toMatch(
      /^Only the root OWNERS file of o\/self was read \(ownersDepth: root\)/,
    );
  });

  it('refuses missing or malformed parameters with 400, unknown repositories with 404', async () => {
    expect((await ask('path=x')).status).toBe(400);
    expect((await ask('repository=o/repo')).text).toContain(
      "request/query must have required property 'path'",
    );
    const traversal = await ask('repository=o/repo&path=../etc/passwd');
    expect(traversal.status).toBe(400);
    expect(traversal.text).toContain('must be a path inside the repository');
    expect((await ask('repository=not-a-slug&path=x')).status).toBe(400);
    const unknown = await ask('repository=o/nope&path=x');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('No crawled repository o/nope');
    const bare = await ask('repository=o/bare&path=x');
    expect(bare.status).toBe(404);
    expect(bare.text).toContain('no ownership rules for o/bare');
  });
});

describe('who-approves-path action', () => {
  it('answers in a sentence, with a link per entry', async () => {
    const actions = await actionsOver(
      pathOwnershipEntities(),
      options => registerInventoryActions({ ...options, impactMaxNodes: 100 }),
      AuthorizeResult.ALLOW,
    );
    const { output } = await actions.invoke({
      id: 'test:who-approves-path',
      input: { repository: 'o/repo', path: 'dns/records.yaml' },
      credentials: mockCredentials.user(),
    });
    expect(output).toEqual({
      answer: 'Approvers of the file dns/records.yaml of o/repo: erin.',
      approvers: [
        `erin: ${BLOB}/dns/OWNERS#L4 through dns-admins (${BLOB}/OWNERS_ALIASES#L5)`,
      ],
      reviewers: [`bob: ${BLOB}/OWNERS#L5`],
      codeOwners: [`@o/maintainers: ${BLOB}/.github/CODEOWNERS#L1`],
      notes: [],
    });
  });
});
