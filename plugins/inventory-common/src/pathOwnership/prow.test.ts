import { OwnersRules, loginsOf } from './prow';
import { CodeOwnershipRules } from './rules';

/**
 * A synthetic repository, as the provider stores it:
 *   OWNERS            approvers root-a, Leads (alias); reviewers root-r; label sig/root
 *   go/OWNERS         filters: `\.go$` → approvers gopher; `.*` → reviewers go-r
 *   go/vendor/OWNERS  no_parent_owners; approvers vendor-a; emeritus old-a
 *   docs/OWNERS       no_parent_owners; reviewers docs-r (no approvers)
 *   docs/api/OWNERS   filters: `(?i)^README` → labels area/readme
 */
const rules: CodeOwnershipRules = {
  url: 'https://github.com/o/r',
  branch: 'main',
  ownersDepth: 'tree',
  owners: [
    {
      path: 'OWNERS',
      approvers: { 'root-a': 2, leads: 3 },
      reviewers: { 'root-r': 5 },
      labels: { 'sig/root': 7 },
    },
    {
      path: 'go/OWNERS',
      filters: [
        { pattern: '\\.go$', line: 2, approvers: { gopher: 4 } },
        { pattern: '.*', line: 5, reviewers: { 'go-r': 7 } },
      ],
    },
    {
      path: 'go/vendor/OWNERS',
      noParentOwners: 2,
      approvers: { 'vendor-a': 4 },
      emeritus: { 'old-a': 6 },
    },
    { path: 'docs/OWNERS', noParentOwners: 2, reviewers: { 'docs-r': 4 } },
    {
      path: 'docs/api/OWNERS',
      filters: [
        { pattern: '(?i)^README', line: 2, labels: { 'area/readme': 4 } },
      ],
    },
  ],
  aliases: {
    path: 'OWNERS_ALIASES',
    aliases: { leads: { line: 2, members: ['lead-1', 'lead-2'] } },
  },
};
const tree = new OwnersRules(rules);
const approvers = (path: string) => loginsOf(tree.ownersOf(path).approvers);
const reviewers = (path: string) => loginsOf(tree.ownersOf(path).reviewers);

describe('Prow OWNERS semantics', () => {
  it('applies a filter to the files it matches, relative to its OWNERS file', () => {
    expect(approvers('go/main.go')).toEqual([
      'gopher',
      'lead-1',
      'lead-2',
      'root-a',
    ]);
    expect(approvers('go/README.md')).toEqual(['lead-1', 'lead-2', 'root-a']);
    expect(tree.ownersOf('go/main.go').approvers[0].grants).toEqual([
      { file: 'go/OWNERS', line: 4, filter: '\\.go$' },
    ]);
    // `.*` is the top level: it applies to everything below, directories included.
    expect(reviewers('go/')).toEqual(['go-r', 'root-r']);
  });

  it('tests a filter on a directory against its relative path, `.` for its own OWNERS', () => {
    // `\.go$` does not match `.` (go/ itself) nor `cmd` (a directory go/cmd).
    expect(approvers('go/')).not.toContain('gopher');
    expect(approvers('go/cmd/')).not.toContain('gopher');
    // A directory named like a Go file does match, as it does in Prow.
    expect(approvers('go/weird.go/')).toContain('gopher');
  });

  it('says whether it took the path for a file or a directory', () => {
    expect(tree.ownersOf('go/main.go').isDirectory).toBe(false);
    expect(tree.ownersOf('go/cmd/').isDirectory).toBe(true);
    // Known to have an OWNERS file: a directory, with or without the slash.
    expect(tree.ownersOf('go/vendor').isDirectory).toBe(true);
    expect(tree.ownersOf('/').isDirectory).toBe(true);
    expect(tree.ownersOf('').path).toBe('');
  });

  it('stops at no_parent_owners, nested, and never lists emeritus entries as approvers', () => {
    const vendored = tree.ownersOf('go/vendor/lib/x.go');
    expect(loginsOf(vendored.approvers)).toEqual(['vendor-a']);
    expect(vendored.inheritanceStoppedAt).toEqual({
      file: 'go/vendor/OWNERS',
      line: 2,
    });
    expect(vendored.emeritus).toEqual([
      { login: 'old-a', file: 'go/vendor/OWNERS', line: 6 },
    ]);
    expect(loginsOf(vendored.approvers)).not.toContain('old-a');
    // Reviewers are a role of their own: go/vendor names none, so the walk goes on for them.
    expect(loginsOf(vendored.reviewers)).toEqual(['go-r', 'root-r']);
  });

  it('keeps walking a role that a no_parent_owners file names nobody for, as Prow does', () => {
    // docs/OWNERS names reviewers only: its no_parent_owners stops reviewers, not approvers.
    expect(reviewers('docs/guide.md')).toEqual(['docs-r']);
    expect(approvers('docs/guide.md')).toEqual(['lead-1', 'lead-2', 'root-a']);
    expect(tree.ownersOf('docs/guide.md').inheritanceStoppedAt).toBeUndefined();
  });

  it('expands aliases case-insensitively, citing the entry and the alias definition', () => {
    const lead = tree
      .ownersOf('README.md')
      .approvers.find(p => p.login === 'lead-1')!;
    expect(lead.grants).toEqual([
      {
        file: 'OWNERS',
        line: 3,
        alias: { name: 'leads', file: 'OWNERS_ALIASES', line: 2 },
      },
    ]);
    expect(tree.alias('LEADS')?.members).toEqual(['lead-1', 'lead-2']);
    expect(tree.ownersOf('README.md').approverEntries).toEqual([
      'root-a',
      'leads',
    ]);
  });

  it('reads a leading (?i) as Go does, and keeps the nearest label first', () => {
    expect(tree.ownersOf('go/x.go').labels.map(l => l.label)).toEqual([
      'sig/root',
    ]);
    // docs/OWNERS' no_parent_owners stops labels once one is found: sig/root stays out.
    const labels = tree.ownersOf('docs/api/readme.md').labels;
    expect(labels.map(l => l.label)).toEqual(['area/readme']);
    expect(tree.ownersOf('docs/api/x.md').labels.map(l => l.label)).toEqual([
      'sig/root',
    ]);
    expect(labels[0]).toEqual({
      label: 'area/readme',
      file: 'docs/api/OWNERS',
      line: 4,
      filter: '(?i)^README',
    });
  });

  it('skips a filter JavaScript cannot compile instead of failing the question', () => {
    const odd = new OwnersRules({
      owners: [
        {
          path: 'OWNERS',
          approvers: { a: 1 },
          filters: [{ pattern: '(?P<x>', line: 3, approvers: { b: 4 } }],
        },
      ],
    });
    expect(loginsOf(odd.ownersOf('x').approvers)).toEqual(['a']);
  });
});
