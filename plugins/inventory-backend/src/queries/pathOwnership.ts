import { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  BACKSTAGE_ANNOTATIONS,
  CodeOwnershipRules,
  oncePer,
  EffectiveOwnersPerson,
  OwnersRules,
  PathOwnershipPerson,
  PathOwnershipResponse,
  RuleLocation,
  codeOwnershipOf,
  codeownerRef,
  codeownersFor,
  codeownersForDirectory,
  ownersRulesOf,
  githubUserEntityName,
  ownersAliasEntityName,
  ruleUrl,
} from '@infra-atlas/inventory-common';
import { InventoryGraph, refOf } from '../graph/InventoryGraph';

/** A repository whose Component carries its ownership rules. */
export type RepositoryRules = {
  ref: string;
  /** `owner/name` as GitHub spells it. */
  slug: string;
  rules: CodeOwnershipRules;
  tree: OwnersRules;
};

/**
 * Every repository with stored rules, by lower-cased `owner/name`; read once per index build,
 * so that a path question costs a walk up the rules and nothing more.
 */
export const repositoriesWithRules = oncePer((graph: InventoryGraph) => {
  const found = new Map<string, RepositoryRules>();
  for (const entity of graph.ofKind('component')) {
    const rules = codeOwnershipOf(entity);
    const slug =
      entity.metadata.annotations?.[BACKSTAGE_ANNOTATIONS.projectSlug];
    if (!rules || !slug) continue;
    found.set(slug.toLowerCase(), {
      ref: refOf(entity),
      slug,
      rules,
      tree: ownersRulesOf(rules),
    });
  }
  return found;
});

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/** The repository and path of a question, refused with a clear message when malformed. */
export function parsePathQuestion(repository: string, path: string) {
  const slug = repository.trim().replace(/^https:\/\/github\.com\//, '');
  if (!REPOSITORY.test(slug)) {
    throw new InputError(
      `repository must be owner/name, like kubernetes/k8s.io, not '${repository}'`,
    );
  }
  const segments = path.split('/');
  if (
    path.length > 4096 ||
    /\\/.test(path) ||
    [...path].some(c => c.charCodeAt(0) < 0x20) ||
    segments.some(s => s === '..' || s === '.')
  ) {
    throw new InputError(
      `path must be a path inside the repository, like apps/gcsweb/deploy.yaml or dns/, not '${path}'`,
    );
  }
  return { slug, path };
}

/** The stored rules of a repository; a 404 that says why when there are none. */
export function requireRepositoryRules(
  graph: InventoryGraph,
  slug: string,
): RepositoryRules {
  const found = repositoriesWithRules(graph).get(slug.toLowerCase());
  if (found) return found;
  const known = graph
    .ofKind('component')
    .some(
      (e: Entity) =>
        e.metadata.annotations?.[
          BACKSTAGE_ANNOTATIONS.projectSlug
        ]?.toLowerCase() === slug.toLowerCase(),
    );
  throw new NotFoundError(
    known
      ? `The inventory has no ownership rules for ${slug}: its catalog-info.yaml declares no Component, or it was crawled before rules were kept`
      : `No crawled repository ${slug} in the inventory`,
  );
}

const location = (
  rules: CodeOwnershipRules,
  file: string,
  line: number,
): RuleLocation => ({ file, line, url: ruleUrl(rules, file, line) });

/** A GitHub login's User, or the summary of one the inventory does not have. */
const userSummary = (graph: InventoryGraph, login: string) =>
  graph.summary(`user:default/${githubUserEntityName(login)}`);

function people(
  graph: InventoryGraph,
  repo: RepositoryRules,
  found: EffectiveOwnersPerson[],
): PathOwnershipPerson[] {
  const { rules } = repo;
  const [owner, name] = repo.slug.split('/');
  return found.map(({ login, grants }) => ({
    login,
    entity: userSummary(graph, login),
    because: grants.map(({ file, line, filter, alias }) => ({
      ...location(rules, file, line),
      ...(filter ? { filter } : {}),
      ...(alias
        ? {
            alias: {
              name: alias.name,
              entity: graph.summary(
                `group:default/${ownersAliasEntityName(
                  { owner, name },
                  alias.name,
                )}`,
              ),
              definedAt: location(rules, alias.file, alias.line),
            },
          }
        : {}),
    })),
  }));
}

function codeownersAnswer(
  graph: InventoryGraph,
  rules: CodeOwnershipRules,
  path: string,
  isDirectory: boolean,
): PathOwnershipResponse['codeowners'] {
  const file = rules.codeowners;
  if (!file) return undefined;
  const ownersFile = path ? `${path}/OWNERS` : 'OWNERS';
  const matched = isDirectory ? ownersFile : path;
  const rule = isDirectory
    ? codeownersForDirectory(file, path)
    : codeownersFor(file, path);
  return {
    file: file.path,
    url: ruleUrl(rules, file.path),
    matched,
    ...(rule
      ? {
          rule: {
            ...location(rules, file.path, rule.line),
            pattern: rule.pattern,
          },
        }
      : {}),
    owners: (rule?.owners ?? []).map(token => {
      const resolved = codeownerRef(token);
      return {
        name: token,
        entity:
          'ref' in resolved
            ? graph.summary(resolved.ref)
            : { ref: token, kind: 'unknown', title: token, exists: false },
      };
    }),
    skipped: file.skipped ?? [],
  };
}

function notesFor(
  repo: RepositoryRules,
  answer: Omit<PathOwnershipResponse, 'notes' | 'redacted'>,
): string[] {
  const notes: string[] = [];
  if (repo.rules.ownersDepth === 'root') {
    notes.push(
      `Only the root OWNERS file of ${repo.slug} was read (ownersDepth: root): OWNERS files in its directories are unknown, and may add approvers or stop inheritance.`,
    );
  }
  if (!repo.rules.owners.length) {
    notes.push(`${repo.slug} has no OWNERS file: Prow names no approvers.`);
  } else if (!answer.approvers.length) {
    notes.push(`No OWNERS file above ${answer.path || '/'} names approvers.`);
  }
  if (answer.codeowners && !answer.codeowners.rule) {
    notes.push(
      `No rule of ${answer.codeowners.file} matches ${answer.codeowners.matched}: GitHub requests no code owner review.`,
    );
  } else if (answer.codeowners?.rule && !answer.codeowners.owners.length) {
    notes.push(
      `${answer.codeowners.file} line ${answer.codeowners.rule.line} matches with no owners: explicitly no code owner.`,
    );
  }
  if (answer.assumed === 'file' && !answer.path.includes('.')) {
    notes.push(
      `Read as a file; end the path with / to ask about the directory ${answer.path}/.`,
    );
  }
  return notes;
}

/**
 * Who approves, reviews and code-owns one path of one repository, from the rules stored on
 * the repository's Component: no request to GitHub.
 */
export function pathOwnership(
  graph: InventoryGraph,
  repository: string,
  rawPath: string,
): PathOwnershipResponse {
  const question = parsePathQuestion(repository, rawPath);
  const repo = requireRepositoryRules(graph, question.slug);
  const { rules, tree } = repo;
  const owners = tree.ownersOf(question.path);
  const answer = {
    repository: { ...graph.summary(repo.ref), slug: repo.slug },
    path: owners.path,
    assumed: owners.isDirectory ? ('directory' as const) : ('file' as const),
    ...(rules.commit ? { commit: rules.commit } : {}),
    ownersDepth: rules.ownersDepth,
    approvers: people(graph, repo, owners.approvers),
    reviewers: people(graph, repo, owners.reviewers),
    labels: owners.labels.map(({ label, file, line, filter }) => ({
      label,
      ...location(rules, file, line),
      ...(filter ? { filter } : {}),
    })),
    emeritus: owners.emeritus.map(({ login, file, line }) => ({
      login,
      ...location(rules, file, line),
    })),
    ownersFiles: owners.files.map(file => ({
      file,
      url: ruleUrl(rules, file),
    })),
    ...(owners.inheritanceStoppedAt
      ? {
          inheritanceStoppedAt: location(
            rules,
            owners.inheritanceStoppedAt.file,
            owners.inheritanceStoppedAt.line,
          ),
        }
      : {}),
    codeowners: codeownersAnswer(graph, rules, owners.path, owners.isDirectory),
  };
  return { ...answer, notes: notesFor(repo, answer), redacted: false };
}
