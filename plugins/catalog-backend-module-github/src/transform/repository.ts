import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  CodeOwnershipRules,
  OwnersRules,
  githubRepositoryEntityName,
  loginsOf,
} from '@infra-atlas/inventory-common';
import { RepositoryInfo } from '../lib/repositories';
import { PathOwner } from '../ownership/ownerResolver';

/** What Prow says about one directory with an OWNERS file: kept on the repository's entity. */
export type DirectoryOwnership = {
  dir: string;
  /** The owning group or user under the module's ownership rule, and why. */
  owner: string;
  ownerEvidence: string;
  approvers: string[];
  reviewers: string[];
  emeritus: string[];
  labels: string[];
};

/** The OWNERS facts and the owner of every directory that has an OWNERS file, root first. */
export function directoryOwnership(
  tree: OwnersRules,
  ownerOf: (dir: string) => PathOwner,
): DirectoryOwnership[] {
  return tree.directories.map(dir => {
    const owners = tree.ownersOf(dir ? `${dir}/` : '');
    const owner = ownerOf(dir);
    return {
      dir,
      owner: owner.ref,
      ownerEvidence: owner.evidence,
      approvers: loginsOf(owners.approvers),
      reviewers: loginsOf(owners.reviewers),
      emeritus: [...new Set(owners.emeritus.map(e => e.login))].sort(),
      labels: owners.labels.map(l => l.label).sort(),
    };
  });
}

/**
 * A repository's own catalog-info.yaml replaces its generated Component, but its path
 * ownership must still be answerable: the rules go on the first Component of the file, unless
 * the file sets `spec.codeOwnership` itself (its own fields win). A repository without OWNERS
 * or CODEOWNERS files adds nothing; a file without a Component keeps no rules, and path
 * questions about the repository say so.
 */
export function withCodeOwnership(
  entities: Entity[],
  rules: CodeOwnershipRules,
): Entity[] {
  const first = entities.findIndex(e => e.kind.toLowerCase() === 'component');
  const hasRules = rules.owners.length > 0 || !!rules.codeowners;
  if (
    !hasRules ||
    first === -1 ||
    entities[first].spec?.codeOwnership !== undefined
  ) {
    return entities;
  }
  return entities.map((e, i) =>
    i === first ? { ...e, spec: { ...e.spec, codeOwnership: rules } } : e,
  );
}

const tag = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9+#]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);

/**
 * The `spec.type` of a repository's Component: the first of its topics that the configuration
 * maps to a type (`website`, `library`, `service`, …), else `repository` — GitHub does not say
 * what a repository is, and guessing from the language would mislabel most of them.
 */
export function componentType(
  topics: string[],
  componentTypes: Record<string, string>,
): string {
  for (const topic of topics) {
    const type = componentTypes[topic.toLowerCase()];
    if (type) {
      return type;
    }
  }
  return 'repository';
}

/**
 * `production` for a live repository, `deprecated` once archived, `experimental` for a fork:
 * a fork is somebody's copy, not the thing itself.
 */
function lifecycle(repo: RepositoryInfo): string {
  if (repo.isArchived) {
    return 'deprecated';
  }
  return repo.isFork ? 'experimental' : 'production';
}

/** A repository as a `Component`, with its owner, the evidence, and its OWNERS facts. */
export function repositoryEntity(
  repo: RepositoryInfo,
  options: {
    owner: PathOwner;
    componentTypes: Record<string, string>;
    ownership: DirectoryOwnership[];
    ownersFiles: string[];
    codeOwnership: CodeOwnershipRules;
  },
): Entity {
  const branch = repo.defaultBranch ?? 'HEAD';
  const sourceLocation = `url:${repo.url}/tree/${branch}/`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: githubRepositoryEntityName(repo.owner, repo.name),
      title: `${repo.owner}/${repo.name}`,
      description: repo.description,
      tags: [
        ...new Set(
          [
            ...repo.topics,
            ...(repo.primaryLanguage ? [repo.primaryLanguage] : []),
          ]
            .map(tag)
            .filter(Boolean),
        ),
      ],
      links: [{ url: repo.url, title: 'Repository', icon: 'github' }],
      annotations: {
        'github.com/project-slug': `${repo.owner}/${repo.name}`,
        'backstage.io/source-location': sourceLocation,
        'backstage.io/view-url': repo.url,
        [ANNOTATIONS.provenance]: 'observed',
        [ANNOTATIONS.ownerEvidence]: options.owner.evidence,
        ...(options.ownersFiles.length
          ? { [ANNOTATIONS.ownersFiles]: options.ownersFiles.join(',') }
          : {}),
        ...(repo.pushedAt ? { [ANNOTATIONS.pushedAt]: repo.pushedAt } : {}),
      },
    },
    spec: {
      type: componentType(repo.topics, options.componentTypes),
      lifecycle: lifecycle(repo),
      owner: options.owner.ref,
      ...(options.owner.coOwners ? { coOwners: options.owner.coOwners } : {}),
      ...(options.owner.system ? { system: options.owner.system } : {}),
      repository: {
        visibility: repo.visibility.toLowerCase(),
        archived: repo.isArchived,
        fork: repo.isFork,
        defaultBranch: repo.defaultBranch,
        headCommit: repo.headCommit,
      },
      ...(options.ownership.length ? { ownership: options.ownership } : {}),
      codeOwnership: options.codeOwnership,
    },
  };
}
