import { CodeOwnershipRules } from '@infra-atlas/inventory-common';
import { entity } from './entities';

/**
 * A synthetic repository `o/repo` with the rules the GitHub provider stores:
 *   OWNERS        approvers alice, leads (alias: carol, dan); reviewers bob; emeritus old
 *   dns/OWNERS    no_parent_owners; approvers dns-admins (alias: erin); labels area/dns
 *   go/OWNERS     filters `\.go$` → approvers gopher
 *   .github/CODEOWNERS  `* @o/maintainers`, `/docs/ docs@example.org`, `/docs/generated/`
 * plus `o/self`, a self-described repository read at the root only.
 */
export const REPO_RULES: CodeOwnershipRules = {
  url: 'https://github.com/o/repo',
  branch: 'main',
  commit: 'c0ffee',
  ownersDepth: 'tree',
  owners: [
    {
      path: 'OWNERS',
      approvers: { alice: 2, leads: 3 },
      reviewers: { bob: 5 },
      emeritus: { old: 7 },
    },
    {
      path: 'dns/OWNERS',
      noParentOwners: 2,
      approvers: { 'dns-admins': 4 },
      labels: { 'area/dns': 6 },
    },
    {
      path: 'go/OWNERS',
      filters: [{ pattern: '\\.go$', line: 2, approvers: { gopher: 4 } }],
    },
  ],
  aliases: {
    path: 'OWNERS_ALIASES',
    aliases: {
      leads: { line: 2, members: ['carol', 'dan'] },
      'dns-admins': { line: 5, members: ['erin'] },
      unused: { line: 7, members: ['zed'] },
    },
  },
  codeowners: {
    path: '.github/CODEOWNERS',
    rules: [
      { pattern: '*', owners: ['@o/maintainers'], line: 1 },
      { pattern: '/docs/', owners: ['docs@example.org'], line: 2 },
      { pattern: '/docs/generated/', owners: [], line: 3 },
    ],
    skipped: [
      {
        line: 4,
        reason: 'negation (!) is not supported in CODEOWNERS; line skipped',
      },
    ],
  },
};

export const pathOwnershipEntities = () => [
  entity('component:o--repo', {
    type: 'repository',
    title: 'o/repo',
    annotations: { 'github.com/project-slug': 'o/repo' },
    spec: { codeOwnership: REPO_RULES },
  }),
  entity('component:self', {
    annotations: { 'github.com/project-slug': 'o/self' },
    spec: {
      codeOwnership: {
        url: 'https://github.com/o/self',
        branch: 'main',
        ownersDepth: 'root',
        owners: [{ path: 'OWNERS', approvers: { alice: 1 } }],
      },
    },
  }),
  entity('component:o--bare', {
    annotations: { 'github.com/project-slug': 'o/bare' },
  }),
  entity('user:alice', {
    annotations: { 'github.com/user-login': 'alice' },
    relations: [['memberOf', 'group:github-team--o--maintainers']],
  }),
  entity('user:carol', { title: 'Carol Danvers' }),
  entity('user:old', { annotations: { 'github.com/user-login': 'old' } }),
  entity('group:o--repo--leads', { title: 'leads (o/repo)' }),
  entity('group:github-team--o--maintainers', {
    title: 'maintainers',
    annotations: { 'github.com/team-slug': 'o/maintainers' },
  }),
  entity('user:docs--example.org', {
    spec: { profile: { email: 'docs@example.org' } },
  }),
];
