import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  BACKSTAGE_ANNOTATIONS,
  EffectiveOwnersPerson,
  OwnersFilesPerson,
  OwnersFilesResponse,
  codeOwnershipOf,
  commaList,
  githubUserEntityName,
  isOwnersRepository,
  ownersRulesOf,
  ownersSourceOf,
  parseGitUrl,
  ruleUrl,
} from '@infra-atlas/inventory-common';
import { InventoryGraph, refOf } from '../graph/InventoryGraph';
import { provenanceOf } from '../graph/provenance';
import { ownershipOf, repositorySlug } from '../graph/specs';

/**
 * The URL of the OWNERS file of a repository directory (`''` for the root), from the
 * repository's `owners-files` list; the repository's own declaration when the list lacks it.
 * The path is compared whole: `dns/OWNERS` must not pass for the root's.
 */
export function ownersFileUrl(repo: Entity, dir: string): string {
  const wanted = dir ? `${dir}/OWNERS` : 'OWNERS';
  return (
    commaList(repo.metadata.annotations?.[ANNOTATIONS.ownersFiles]).find(
      f => parseGitUrl(f)?.path === wanted,
    ) ??
    (provenanceOf(repo) as { url?: string }).url ??
    ''
  );
}

/**
 * The repository an entity is, or is declared in, and the directory within it. A declared
 * entity names its file or directory (`ownersSourceOf`: declared-in, else its source or
 * managed-by location); a file's directory is the one its OWNERS rules follow.
 */
export function repositoryOf(
  graph: InventoryGraph,
  entity: Entity,
): { repo: Entity; directory: string; declaredIn?: string } | undefined {
  if (isOwnersRepository(entity)) return { repo: entity, directory: '' };
  const source = ownersSourceOf(entity);
  if (!source) return undefined;
  const { url: declaredIn, location } = source;
  const slug = location.repo.toLowerCase();
  const candidates = graph
    .ofKind('component')
    .filter(
      c =>
        c.metadata.annotations?.[
          BACKSTAGE_ANNOTATIONS.projectSlug
        ]?.toLowerCase() === slug && isOwnersRepository(c),
    );
  // The entity with the repository's rules (the provider's Component, or a self-described
  // repository's first one) over other Components of the same repository.
  const repo =
    candidates.find(c => codeOwnershipOf(c)) ??
    candidates.find(c => ownershipOf(c).length > 0) ??
    candidates[0];
  if (!repo) return undefined;
  const { path } = location;
  const directory =
    location.form === 'blob'
      ? path.slice(0, Math.max(path.lastIndexOf('/'), 0))
      : path;
  return { repo, directory, declaredIn };
}

/** A person an OWNERS file names, with the repository's OWNERS_ALIASES groups they are in. */
function person(
  graph: InventoryGraph,
  slug: string,
  login: string,
  file: string,
): OwnersFilesPerson {
  const userRef = `user:default/${githubUserEntityName(login)}`;
  const aliases = graph
    .out(userRef, ['memberOf'])
    .map(edge => graph.entity(edge.target))
    .filter(
      (group): group is Entity =>
        !!group &&
        (group.spec as { type?: string } | undefined)?.type ===
          'owners-alias' &&
        (group.metadata.annotations?.[ANNOTATIONS.declaredIn] ?? '')
          .toLowerCase()
          .includes(`github.com/${slug}/`),
    )
    .map(group => graph.summary(refOf(group)));
  return { person: graph.summary(userRef), login, file, aliases };
}

/**
 * Approvers, reviewers and emeritus of the OWNERS files that govern an entity's directory, as
 * Prow reads the repository's stored rules (inventory-common's OwnersRules), each with the
 * file that names them: the farthest file up the chain that lists them, because a parent's
 * owners are every child's owners; aliases expanded, each person's alias groups of the
 * repository listed with them.
 */
export function ownersFiles(
  graph: InventoryGraph,
  entityRef: string,
): OwnersFilesResponse {
  const { ref, entity } = graph.require(entityRef);
  const empty = {
    entity: graph.summary(ref),
    files: [],
    approvers: [],
    reviewers: [],
    emeritus: [],
    labels: [],
  };
  const found = repositoryOf(graph, entity);
  if (!found) return empty;
  const { repo, directory } = found;
  const slug = repositorySlug(repo).toLowerCase();
  const rules = codeOwnershipOf(repo);
  const people = (
    entries: Array<{ login: string; file: string }>,
  ): OwnersFilesPerson[] => {
    // Each person once, with the farthest file naming them: a parent's owners own every child.
    const farthest = new Map(entries.map(p => [p.login, p.file]));
    return [...farthest].map(([login, file]) =>
      person(graph, slug, login, file),
    );
  };
  if (!rules) {
    // Rules not stored (a crawl before they were): the root approvers the annotation keeps.
    const approvers = commaList(
      repo.metadata.annotations?.[ANNOTATIONS.ownersApprovers],
    );
    if (!approvers.length) return empty;
    const file = ownersFileUrl(repo, '');
    return {
      entity: graph.summary(ref),
      repository: graph.summary(refOf(repo)),
      directory,
      files: [file],
      approvers: people(approvers.map(login => ({ login, file }))),
      reviewers: [],
      emeritus: [],
      labels: [],
    };
  }
  const owners = ownersRulesOf(rules).ownersOf(
    directory ? `${directory}/` : '',
  );
  const url = (file: string) => ruleUrl(rules, file);
  const named = (list: EffectiveOwnersPerson[]) =>
    people(
      list.map(p => ({
        login: p.login,
        file: url(p.grants[p.grants.length - 1].file),
      })),
    );
  return {
    entity: graph.summary(ref),
    repository: graph.summary(refOf(repo)),
    directory,
    files: owners.files.map(url),
    approvers: named(owners.approvers),
    reviewers: named(owners.reviewers),
    emeritus: people(
      owners.emeritus.map(e => ({ login: e.login, file: url(e.file) })),
    ),
    labels: owners.labels.map(l => l.label),
  };
}
