import { GithubEstate, GithubRepository } from '../estate';

export const repository = (
  name: string,
  extra: Partial<GithubRepository> = {},
): GithubRepository => ({
  name,
  description: `${name} description`,
  topics: [],
  primaryLanguage: 'Go',
  isArchived: false,
  isFork: false,
  visibility: 'PUBLIC',
  defaultBranch: 'main',
  createdAt: '2020-01-02T03:04:05Z',
  pushedAt: '2024-01-02T03:04:05Z',
  files: { 'README.md': `# ${name}\n` },
  ...extra,
});

/**
 * A hand-written estate: organization `acme` with `tools` (nested directories, a symlink to
 * a file, one to a directory, a dangling one, a binary file), an empty repository, and 40
 * small repositories `repo-00` … `repo-39` created a day apart, for pagination.
 */
export function smallGithubEstate(): GithubEstate {
  return {
    organizations: [
      {
        login: 'acme',
        name: 'Acme',
        members: [
          { login: 'ann', name: 'Ann', email: 'ann@acme.example' },
          { login: 'ben', name: null },
        ],
        teams: [
          { slug: 'eng', name: 'Eng', description: null, members: ['ann'] },
          {
            slug: 'web',
            name: 'Web',
            description: 'Web team',
            parent: 'eng',
            members: ['ben'],
          },
        ],
        repositories: [
          repository('tools', {
            topics: ['cli', 'go'],
            files: {
              'README.md': '# tools\n',
              OWNERS: 'approvers:\n  - ann\n',
              'docs/guide.md': 'Guide\n',
              'docs/latest.md': { symlink: 'guide.md' },
              'docs/all': { symlink: '.' },
              'docs/gone.md': { symlink: 'missing.md' },
              'cmd/tool/main.go': 'package main\n',
              'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]),
            },
          }),
          repository('empty', { files: {} }),
          ...Array.from({ length: 40 }, (_, i) =>
            repository(`repo-${String(i).padStart(2, '0')}`, {
              createdAt: new Date(Date.UTC(2021, 0, 1 + i))
                .toISOString()
                .replace('.000Z', 'Z'),
              isFork: i % 10 === 3,
              isArchived: i % 10 === 7,
              visibility: i % 4 === 1 ? 'PRIVATE' : 'PUBLIC',
            }),
          ),
        ],
      },
    ],
  };
}
