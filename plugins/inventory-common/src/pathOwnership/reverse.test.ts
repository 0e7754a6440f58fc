import { parseCodeowners } from './codeowners';
import { rulesNaming } from './reverse';
import { CodeOwnershipRules } from './rules';

const codeowners = parseCodeowners(
  '.github/CODEOWNERS',
  ['* @Kubernetes/Release-Team', '/docs/ @Alice', '/docs/generated/'].join(
    '\n',
  ),
);

const rules: CodeOwnershipRules = {
  url: 'https://github.com/o/r',
  branch: 'main',
  ownersDepth: 'tree',
  owners: [
    { path: 'OWNERS', approvers: { leads: 2, bob: 3 }, emeritus: { old: 5 } },
    { path: 'dns/OWNERS', noParentOwners: 2, approvers: { 'dns-admins': 4 } },
    { path: 'apps/OWNERS', reviewers: { alice: 2 } },
    {
      path: 'infra/OWNERS',
      filters: [{ pattern: '\\.sh$', line: 2, approvers: { leads: 4 } }],
    },
  ],
  aliases: {
    path: 'OWNERS_ALIASES',
    aliases: {
      leads: { line: 2, members: ['alice', 'bob'] },
      'dns-admins': { line: 5, members: ['carol'] },
      unused: { line: 8, members: ['dan'] },
    },
  },
  codeowners: { path: codeowners.path, rules: codeowners.rules },
};

describe('which rules name a subject', () => {
  it('lists the OWNERS entries naming an alias, with what no_parent_owners cuts off', () => {
    expect(rulesNaming(rules, 'Leads')).toEqual([
      {
        role: 'approves',
        directory: '',
        file: 'OWNERS',
        line: 2,
        except: ['dns'],
      },
      {
        role: 'approves',
        directory: 'infra',
        pattern: '\\.sh$',
        file: 'infra/OWNERS',
        line: 4,
      },
    ]);
    expect(rulesNaming(rules, 'unused')).toEqual([]);
  });

  it('finds a login directly, through its aliases, as emeritus and in CODEOWNERS', () => {
    const alice = rulesNaming(rules, '@alice');
    expect(alice.map(r => [r.role, r.file, r.line, r.alias?.name])).toEqual([
      ['approves', 'OWNERS', 2, 'leads'],
      ['reviews', 'apps/OWNERS', 2, undefined],
      ['approves', 'infra/OWNERS', 4, 'leads'],
      ['code-owns', '.github/CODEOWNERS', 2, undefined],
    ]);
    expect(rulesNaming(rules, 'old')).toEqual([
      { role: 'emeritus', directory: '', file: 'OWNERS', line: 5 },
    ]);
  });

  it('finds a team by its CODEOWNERS rules, case-insensitively, with or without the @', () => {
    const expected = [
      {
        role: 'code-owns',
        directory: '',
        pattern: '*',
        file: '.github/CODEOWNERS',
        line: 1,
      },
    ];
    expect(rulesNaming(rules, '@kubernetes/release-team')).toEqual(expected);
    expect(rulesNaming(rules, 'kubernetes/RELEASE-team')).toEqual(expected);
    expect(rulesNaming(rules, '@kubernetes-sigs/release-team')).toEqual([]);
  });
});
