import {
  OwnershipItem,
  RuleNaming,
  codeownerRef,
  ownersAliasEntityName,
  ruleUrl,
  rulesNaming,
} from '@infra-atlas/inventory-common';
import { InventoryGraph } from '../graph/InventoryGraph';
import { RepositoryRules, repositoriesWithRules } from './pathOwnership';

/** A subject of the reverse look-up: a login, an alias or a team, and the entity it is. */
export type PathSubject = { name: string; ref?: string };

/** How many repositories a note about unread nested OWNERS files names. */
const NAMED_REPOSITORIES = 3;

const describe = (repo: RepositoryRules, naming: RuleNaming) =>
  [
    `${naming.directory ? `${naming.directory}/` : '/'} in ${repo.slug}`,
    naming.pattern ? `paths matching ${naming.pattern}` : undefined,
    naming.alias ? `through alias ${naming.alias.name}` : undefined,
    naming.except?.length
      ? `except ${naming.except.map(d => `${d}/`).join(', ')}`
      : undefined,
  ]
    .filter(Boolean)
    .join(', ');

/** The entity a subject is in one repository: its alias Group, team Group or User. */
function subjectRef(repo: RepositoryRules, subject: PathSubject) {
  if (subject.ref) return subject.ref;
  const [owner, name] = repo.slug.split('/');
  if (repo.tree.alias(subject.name)) {
    return `group:default/${ownersAliasEntityName(
      { owner, name },
      subject.name,
    )}`;
  }
  const token = subject.name.includes('@') ? subject.name : `@${subject.name}`;
  const resolved = codeownerRef(token);
  return 'ref' in resolved ? resolved.ref : subject.name;
}

function item(
  graph: InventoryGraph,
  repo: RepositoryRules,
  subject: PathSubject,
  naming: RuleNaming,
): OwnershipItem {
  const { rules } = repo;
  const url = ruleUrl(rules, naming.file, naming.line);
  return {
    role: naming.role,
    entity: graph.summary(repo.ref),
    path: `${repo.slug}/${naming.directory}`.replace(/\/$/, ''),
    rule: {
      file: naming.file,
      line: naming.line,
      url,
      ...(naming.pattern ? { pattern: naming.pattern } : {}),
      ...(naming.alias
        ? {
            alias: {
              name: naming.alias.name,
              definedAt: {
                file: naming.alias.file,
                line: naming.alias.line,
                url: ruleUrl(rules, naming.alias.file, naming.alias.line),
              },
            },
          }
        : {}),
      ...(naming.except ? { except: naming.except } : {}),
    },
    steps: [
      {
        from: subjectRef(repo, subject),
        relation: naming.role,
        to: repo.ref,
        provenance: { kind: 'declared', url },
        note: describe(repo, naming),
      },
    ],
  };
}

/**
 * Which paths the subjects approve, review or code-own in every repository with stored rules
 * — each item one OWNERS entry or CODEOWNERS rule, with its file and line — and notes for an
 * answer that is empty for a reason (an alias no OWNERS file names, a login that is only
 * emeritus), and `coverage`: the repositories whose nested OWNERS files were not read.
 */
export function pathRoles(
  graph: InventoryGraph,
  subjects: PathSubject[],
): { items: OwnershipItem[]; notes: string[]; coverage?: string } {
  const repositories = [...repositoriesWithRules(graph).values()];
  const items: OwnershipItem[] = [];
  const notes: string[] = [];
  for (const subject of subjects) {
    const roles = new Set<string>();
    for (const repo of repositories) {
      const found = rulesNaming(repo.rules, subject.name);
      for (const naming of found) {
        roles.add(naming.role);
        items.push(item(graph, repo, subject, naming));
      }
      const alias = repo.tree.alias(subject.name);
      if (alias && !found.length) {
        notes.push(
          `${alias.name} is an alias of ${repo.slug} (${alias.file} line ${alias.line}) that no OWNERS file names: it approves and reviews nothing there.`,
        );
      }
    }
    if (roles.size === 1 && roles.has('emeritus')) {
      notes.push(
        `${subject.name} is named only as emeritus: emeritus approvers and reviewers approve and review nothing.`,
      );
    }
  }
  const rootOnly = repositories
    .filter(r => r.rules.ownersDepth === 'root' && r.rules.owners.length)
    .map(r => r.slug)
    .sort();
  if (!subjects.length || !rootOnly.length) return { items, notes };
  const named = rootOnly.slice(0, NAMED_REPOSITORIES).join(', ');
  const more = rootOnly.length - NAMED_REPOSITORIES;
  return {
    items,
    notes,
    coverage: `Only the root OWNERS file was read for ${named}${
      more > 0 ? ` and ${more} more repositories` : ''
    } (ownersDepth: root): what OWNERS files in their directories say is not known.`,
  };
}
