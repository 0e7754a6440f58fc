import {
  GithubEstate,
  GithubFileContent,
  GithubRepository,
  GithubTeam,
  GithubUser,
  GithubVisibility,
  githubTime,
} from './estate';
import { Random, prng } from '../shared/random';
import {
  SYNTHETIC_DOMAIN,
  SYNTHETIC_PEOPLE,
  SYNTHETIC_TEAMS,
} from '../shared/syntheticOrganization';

export type SyntheticGithubEstateOptions = {
  /** Default `synthetic-org`. */
  organization?: string;
  /** Default 100. */
  repositories?: number;
  /** Share of repositories with nested directories that have OWNERS files. Default 0.1. */
  nestedOwnersRatio?: number;
  /** Share of repositories with a `catalog-info.yaml` Component. Default 1. */
  catalogInfoRatio?: number;
  /** Same seed, same estate. Default 1. */
  seed?: number;
};

const SIGS = [
  'api-machinery',
  'apps',
  'architecture',
  'auth',
  'cli',
  'docs',
  'k8s-infra',
  'network',
  'node',
  'release',
  'storage',
  'testing',
];
const NOUNS = [
  'api',
  'service',
  'worker',
  'web',
  'lib',
  'cli',
  'operator',
  'site',
];
const LANGUAGES: Array<[string, string]> = [
  ['Go', 'main.go'],
  ['TypeScript', 'src/index.ts'],
  ['Python', 'app/__init__.py'],
  ['Java', 'src/main/java/App.java'],
  ['Shell', 'hack/build.sh'],
];
const COMPONENT_WORDS = [
  'core',
  'storage',
  'api',
  'controller',
  'util',
  'client',
];
const EPOCH = Date.parse('2016-01-01T00:00:00Z');
/** The synthetic estate's "now": nothing is pushed after it, so it never depends on the clock. */
const SNAPSHOT = Date.parse('2024-06-01T00:00:00Z');
const YEAR_MS = 365 * 24 * 3600 * 1000;

const yamlList = (key: string, items: string[]) =>
  items.length ? `${key}:\n${items.map(i => `  - ${i}`).join('\n')}\n` : '';

/** A Prow OWNERS file (https://go.k8s.io/owners). */
function ownersFile(entries: {
  approvers: string[];
  reviewers: string[];
  labels?: string[];
  emeritusApprovers?: string[];
  noParentOwners?: boolean;
}): string {
  return [
    '# See the OWNERS docs at https://go.k8s.io/owners\n',
    entries.noParentOwners ? 'options:\n  no_parent_owners: true\n' : '',
    yamlList('approvers', entries.approvers),
    yamlList('reviewers', entries.reviewers),
    yamlList('emeritus_approvers', entries.emeritusApprovers ?? []),
    yamlList('labels', entries.labels ?? []),
  ]
    .filter(Boolean)
    .join('\n');
}

const aliasEntry = (alias: string, logins: string[]) =>
  `  ${alias}:\n${logins.map(login => `    - ${login}`).join('\n')}\n`;

/** Nested directories, 2 to 4 levels deep, each with an OWNERS file and a source file. */
function nestedOwners(
  random: Random,
  files: Record<string, GithubFileContent>,
  sig: string,
) {
  const roots = random.some(COMPONENT_WORDS, 1 + random.int(2));
  for (const root of roots) {
    let dir = `pkg/${root}`;
    const depth = 2 + random.int(3);
    for (let level = 0; level < depth; level++) {
      files[`${dir}/OWNERS`] = ownersFile({
        approvers: random.some(SYNTHETIC_PEOPLE, 1 + random.int(2)),
        reviewers: random.some(SYNTHETIC_PEOPLE, 1 + random.int(3)),
        labels: level === 0 ? [`sig/${sig}`, `area/${root}`] : [],
        noParentOwners: level > 0 && random.next() < 0.3,
      });
      files[
        `${dir}/doc.go`
      ] = `// Package ${root} is part of a synthetic repository.\npackage ${root}\n`;
      dir = `${dir}/${random.pick(COMPONENT_WORDS)}${level}`;
    }
  }
}

function repository(
  random: Random,
  index: number,
  options: Required<Omit<SyntheticGithubEstateOptions, 'seed'>>,
): GithubRepository {
  const team = random.pick(SYNTHETIC_TEAMS);
  const sig = random.pick(SIGS);
  const [language, sourceFile] = random.pick(LANGUAGES);
  const name = `${team}-${random.pick(NOUNS)}-${String(index).padStart(
    4,
    '0',
  )}`;
  const description = `${name} of the ${team} team`;
  const approvers = random.some(SYNTHETIC_PEOPLE, 2);
  const reviewers = random.some(SYNTHETIC_PEOPLE, 3);
  const hasAliases = random.next() < 0.5;
  const files: Record<string, GithubFileContent> = {
    'README.md': `# ${name}\n\n${description}.\n`,
    [sourceFile]: `// ${name}\n`,
    OWNERS: ownersFile({
      approvers: hasAliases ? [`${team}-approvers`] : approvers,
      reviewers: hasAliases ? [`${team}-reviewers`] : reviewers,
      labels: [`sig/${sig}`, `area/${team}`],
      emeritusApprovers:
        random.next() < 0.1 ? [random.pick(SYNTHETIC_PEOPLE)] : [],
    }),
  };
  if (hasAliases) {
    files.OWNERS_ALIASES = `aliases:\n${aliasEntry(
      `${team}-approvers`,
      approvers,
    )}${aliasEntry(`${team}-reviewers`, reviewers)}`;
  }
  // GitHub reads CODEOWNERS from .github/, the root or docs/; most repositories use .github/.
  if (random.next() < 0.4) {
    const place = random.pick([
      '.github/',
      '.github/',
      '.github/',
      '',
      'docs/',
    ]);
    files[`${place}CODEOWNERS`] = `* @${
      options.organization
    }/${team}\n/docs/ @${random.pick(SYNTHETIC_PEOPLE)}\n`;
  }
  if (random.next() < 0.1) {
    files['docs/README.md'] = { symlink: '../README.md' };
  }
  if (random.next() < options.catalogInfoRatio) {
    files['catalog-info.yaml'] = [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      `  name: ${name}`,
      `  description: ${description}`,
      '  annotations:',
      `    github.com/project-slug: ${options.organization}/${name}`,
      'spec:',
      `  type: ${random.pick(['service', 'library', 'website'])}`,
      `  lifecycle: ${random.pick([
        'production',
        'production',
        'experimental',
      ])}`,
      `  owner: group:default/${team}`,
      '',
    ].join('\n');
  }
  if (random.next() < options.nestedOwnersRatio) {
    nestedOwners(random, files, sig);
  }
  const createdAt = EPOCH + random.next() * 6 * YEAR_MS;
  const roll = random.next();
  let visibility: GithubVisibility = 'PUBLIC';
  if (roll < 0.1) visibility = 'PRIVATE';
  else if (roll < 0.15) visibility = 'INTERNAL';
  return {
    name,
    description,
    topics: [team, `sig-${sig}`, language.toLowerCase()],
    primaryLanguage: language,
    isArchived: random.next() < 0.05,
    isFork: random.next() < 0.05,
    visibility,
    defaultBranch: random.next() < 0.15 ? 'master' : 'main',
    createdAt: githubTime(createdAt),
    pushedAt: githubTime(createdAt + random.next() * (SNAPSHOT - createdAt)),
    files,
  };
}

/**
 * A made-up organization of any size, for benchmarks and tests that need scale: repositories
 * with a README, a root OWNERS (approvers, reviewers, `sig/*` labels), some OWNERS_ALIASES
 * and CODEOWNERS, a `catalog-info.yaml` Component in `catalogInfoRatio` of them, nested
 * OWNERS hierarchies (some with `no_parent_owners`) in `nestedOwnersRatio` of them, a few
 * archived repositories and forks; plus members and teams from the same people.
 */
export function generateSyntheticGithubEstate(
  options: SyntheticGithubEstateOptions = {},
): GithubEstate {
  const settings = {
    organization: options.organization ?? 'synthetic-org',
    repositories: options.repositories ?? 100,
    nestedOwnersRatio: options.nestedOwnersRatio ?? 0.1,
    catalogInfoRatio: options.catalogInfoRatio ?? 1,
  };
  const random = prng(options.seed ?? 1);
  const members: GithubUser[] = SYNTHETIC_PEOPLE.map(login => ({
    login,
    name: `${login[0].toUpperCase()}${login.slice(1)} Example`,
    email: `${login}@${SYNTHETIC_DOMAIN}`,
  }));
  const teams: GithubTeam[] = [
    {
      slug: 'engineering',
      name: 'Engineering',
      description: 'Everyone who builds things',
      members: random.some(SYNTHETIC_PEOPLE, 2),
    },
    ...SYNTHETIC_TEAMS.map(team => ({
      slug: team,
      name: team,
      description: `The ${team} team`,
      parent: 'engineering',
      members: random.some(SYNTHETIC_PEOPLE, 2 + random.int(3)),
    })),
  ];
  return {
    organizations: [
      {
        login: settings.organization,
        name: 'Synthetic Org',
        description: 'A generated organization for tests and benchmarks',
        createdAt: githubTime(EPOCH),
        members,
        teams,
        repositories: Array.from({ length: settings.repositories }, (_, i) =>
          repository(random, i, settings),
        ),
      },
    ],
  };
}
