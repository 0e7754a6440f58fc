import {
  CODEOWNERS_LOCATIONS,
  codeownerRef,
  codeownersFor,
  parseCodeowners,
  pickCodeownersFile,
} from './codeowners';

/** The example file of GitHub's "About code owners", its rules in their order. */
const GITHUB_EXAMPLE = `# This is a comment.
# Each line is a file pattern followed by one or more owners.
*       @global-owner1 @global-owner2
*.js    @js-owner #This is an inline comment.
*.go docs@example.com
*.txt @octo-org/octocats
/build/logs/ @doctocat
docs/* docs@example.com
apps/ @octocat
/docs/ @doctocat
/scripts/ @doctocat @octocat
**/logs @octocat
/apps/ @octocat
/apps/github @doctocat
/apps/ @octocat
/apps/github
`;

/** Who owns each path under a file's rules: owners, `[]` for "nobody", undefined if no rule. */
function ownersUnder(content: string, paths: string[]) {
  const file = parseCodeowners('CODEOWNERS', content);
  expect(file.skipped).toEqual([]);
  return Object.fromEntries(
    paths.map(p => [p, codeownersFor(file, p)?.owners]),
  );
}

describe("CODEOWNERS with GitHub's documented example", () => {
  const file = parseCodeowners('.github/CODEOWNERS', GITHUB_EXAMPLE);

  it('reads every rule with its line, and the inline comment is no owner', () => {
    expect(file.skipped).toEqual([]);
    expect(file.rules).toHaveLength(14);
    expect(file.rules[0]).toEqual({
      pattern: '*',
      owners: ['@global-owner1', '@global-owner2'],
      line: 3,
    });
    expect(file.rules[1]).toEqual({
      pattern: '*.js',
      owners: ['@js-owner'],
      line: 4,
    });
    expect(file.rules[13]).toEqual({
      pattern: '/apps/github',
      owners: [],
      line: 16,
    });
  });

  it('gives each path the owners of the last rule that matches it', () => {
    const owners = (p: string) => codeownersFor(file, p)?.owners;
    expect(owners('README.md')).toEqual(['@global-owner1', '@global-owner2']);
    expect(owners('src/index.js')).toEqual(['@js-owner']);
    expect(owners('cmd/main.go')).toEqual(['docs@example.com']);
    expect(owners('notes.txt')).toEqual(['@octo-org/octocats']);
    // /build/logs/ matches, and so does the later **/logs.
    expect(owners('build/logs/today.log')).toEqual(['@octocat']);
    // docs/* matches, and so does the later /docs/.
    expect(owners('docs/getting-started.md')).toEqual(['@doctocat']);
    expect(owners('web/apps/index.html')).toEqual(['@octocat']);
    expect(owners('scripts/deploy.sh')).toEqual(['@doctocat', '@octocat']);
    expect(owners('deeply/nested/logs/x.log')).toEqual(['@octocat']);
    expect(owners('apps/other/main.rb')).toEqual(['@octocat']);
  });

  it('leaves paths without owner where the last matching rule names none', () => {
    expect(codeownersFor(file, 'apps/github/main.rb')).toEqual({
      pattern: '/apps/github',
      owners: [],
      line: 16,
    });
  });
});

describe('CODEOWNERS patterns', () => {
  it('docs/* owns the files directly in docs/, docs/** everything below', () => {
    const paths = [
      'docs/getting-started.md',
      'docs/build-app/troubleshooting.md',
    ];
    expect(ownersUnder('docs/* @a\n', paths)).toEqual({
      'docs/getting-started.md': ['@a'],
      'docs/build-app/troubleshooting.md': undefined,
    });
    expect(ownersUnder('docs/** @b\n', paths)).toEqual({
      'docs/getting-started.md': ['@b'],
      'docs/build-app/troubleshooting.md': ['@b'],
    });
    expect(ownersUnder('/* @root\n', ['LICENSE', 'src/main.go'])).toEqual({
      LICENSE: ['@root'],
      'src/main.go': undefined,
    });
  });

  it('* does not cross a slash, ** does', () => {
    expect(
      ownersUnder('src/*.js @a\nsrc/**/*.ts @b\n', [
        'src/a.js',
        'src/lib/a.js',
        'src/a.ts',
        'src/lib/deep/a.ts',
      ]),
    ).toEqual({
      'src/a.js': ['@a'],
      'src/lib/a.js': undefined,
      'src/a.ts': ['@b'],
      'src/lib/deep/a.ts': ['@b'],
    });
  });

  it('apps/ matches a directory anywhere, /docs/ only at the root, and not a file of that name', () => {
    expect(
      ownersUnder('apps/ @a\n/docs/ @d\n', [
        'apps/x.go',
        'deep/er/apps/x.go',
        'apps',
        'docs/x.md',
        'site/docs/x.md',
      ]),
    ).toEqual({
      'apps/x.go': ['@a'],
      'deep/er/apps/x.go': ['@a'],
      apps: undefined,
      'docs/x.md': ['@d'],
      'site/docs/x.md': undefined,
    });
  });

  it('is case-sensitive about paths, reads escapes, and takes paths with or without a leading slash', () => {
    expect(
      ownersUnder('/Docs/ @a\npath\\ with\\ spaces/ @s\nf\\*o @e\n', [
        'docs/x.md',
        'Docs/x.md',
        'path with spaces/x',
        'f*o',
        'foo',
        '/Docs/y.md',
      ]),
    ).toEqual({
      'docs/x.md': undefined,
      'Docs/x.md': ['@a'],
      'path with spaces/x': ['@s'],
      'f*o': ['@e'],
      foo: undefined,
      '/Docs/y.md': ['@a'],
    });
  });
});

describe('CODEOWNERS owners', () => {
  it("points teams at their organization's team Group, logins and addresses at Users, whatever their case", () => {
    expect(codeownerRef('@kubernetes/SIG-K8s-Infra-Leads')).toEqual({
      ref: 'group:default/github-team--kubernetes--sig-k8s-infra-leads',
    });
    expect(codeownerRef('@kubernetes-sigs/sig-k8s-infra-leads')).not.toEqual(
      codeownerRef('@kubernetes/sig-k8s-infra-leads'),
    );
    expect(codeownerRef('@BenTheElder')).toEqual({
      ref: 'user:default/bentheelder',
    });
    expect(codeownerRef('@bentheelder')).toEqual(codeownerRef('@BenTheElder'));
    expect(codeownerRef('Docs@Example.com')).toEqual({
      ref: 'user:default/docs--example.com',
    });
  });

  it('refuses anything else', () => {
    for (const token of ['someone', '@', '@org/', '@-x', '@a/b/c', 'x@y']) {
      expect(codeownerRef(token)).toEqual({
        problem: expect.stringContaining(`'${token}' is not an owner`),
      });
    }
  });
});

describe('CODEOWNERS bad input', () => {
  it('reports the lines GitHub would skip, with their numbers, and uses the others', () => {
    const file = parseCodeowners(
      'CODEOWNERS',
      [
        '* @default', // 1
        '!*.md @a', // 2
        '*.[ch] @a', // 3
        '\\#notes @a', // 4
        '*.rb ruby-team', // 5
        '/ @a', // 6
        'a***b @a', // 7
        '*.go @gophers', // 8
        'trailing\\', // 9
      ].join('\r\n'),
    );
    expect(file.skipped).toEqual([
      {
        line: 2,
        reason: 'negation (!) is not supported in CODEOWNERS; line skipped',
      },
      {
        line: 3,
        reason:
          'character ranges ([ ]) are not supported in CODEOWNERS; line skipped',
      },
      {
        line: 4,
        reason:
          'GitHub does not support escaping a pattern that starts with #; line skipped',
      },
      {
        line: 5,
        reason:
          "'ruby-team' is not an owner: expected @login, @org/team or an e-mail address; line skipped",
      },
      {
        line: 6,
        reason: "the pattern '/' never matches anything; line skipped",
      },
      {
        line: 7,
        reason:
          'a pattern cannot contain three consecutive asterisks; line skipped',
      },
      {
        line: 9,
        reason: 'the pattern ends in an escape; line skipped',
      },
    ]);
    expect(file.rules.map(r => r.line)).toEqual([1, 8]);
    expect(codeownersFor(file, 'README.md')?.owners).toEqual(['@default']);
    expect(codeownersFor(file, 'x.rb')?.owners).toEqual(['@default']);
    expect(codeownersFor(file, 'main.go')?.owners).toEqual(['@gophers']);
  });

  it('refuses a file larger than GitHub loads', () => {
    const file = parseCodeowners('CODEOWNERS', '* @a\n'.repeat(700_000));
    expect(file.rules).toEqual([]);
    expect(file.skipped[0].reason).toMatch(/GitHub does not load it/);
  });

  it('answers nothing for paths that are not in the repository', () => {
    const file = parseCodeowners('CODEOWNERS', '* @a\n');
    expect(codeownersFor(file, '')).toBeUndefined();
    expect(codeownersFor(file, '../etc/passwd')).toBeUndefined();
  });
});

describe('CODEOWNERS location', () => {
  it('picks the file GitHub uses: .github/, then the root, then docs/', () => {
    expect(CODEOWNERS_LOCATIONS).toEqual([
      '.github/CODEOWNERS',
      'CODEOWNERS',
      'docs/CODEOWNERS',
    ]);
    expect(pickCodeownersFile(['docs/CODEOWNERS', 'CODEOWNERS'])).toBe(
      'CODEOWNERS',
    );
    expect(
      pickCodeownersFile(
        new Map([
          ['docs/CODEOWNERS', ''],
          ['.github/CODEOWNERS', ''],
        ]).keys(),
      ),
    ).toBe('.github/CODEOWNERS');
    expect(
      pickCodeownersFile(['src/CODEOWNERS', 'codeowners']),
    ).toBeUndefined();
  });
});
