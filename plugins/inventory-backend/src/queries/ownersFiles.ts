import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  BACKSTAGE_ANNOTATIONS,
  OwnersFilesPerson,
  OwnersFilesResponse,
  commaList,
  githubUserEntityName,
  isOwnersRepository,
  ownersSourceOf,
  parseGitUrl,
} from '@infra-atlas/inventory-common';
import { InventoryGraph, refOf } from '../graph/InventoryGraph';
import { provenanceOf } from '../graph/provenance';
import {
  DirectoryOwnership,
  ownershipOf,
  repositorySlug,
} from '../graph/specs';

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
  // The provider's repository entity (with per-directory facts) over catalog-info components.
  const repo = candidates.find(c => ownershipOf(c).length > 0) ?? candidates[0];
  if (!repo) return undefined;
  const { path } = location;
  const directory =
    location.form === 'blob'
      ? path.slice(0, Math.max(path.lastIndexOf('/'), 0))
      : path;
  return { repo, directory, declaredIn };
}

const contains = (dir: string, path: string) =>
  dir === '' || path === dir || path.startsWith(`${dir}/`);

/**
 * The OWNERS entries that govern a directory, nearest first. The provider keeps each
 * directory's effective owners (its file's and every parent's, Prow's union); a directory whose
 * owners do not include its parent's stopped inheriting (`no_parent_owners`), so the chain
 * ends there.
 */
function governingEntries(
  repo: Entity,
  directory: string,
): DirectoryOwnership[] {
  const entries = ownershipOf(repo)
    .filter(e => contains(e.dir, directory))
    .sort((a, b) => b.dir.length - a.dir.length);
  const chain: DirectoryOwnership[] = [];
  for (const entry of entries) {
    const previous = chain[chain.length - 1];
    if (previous) {
      const below = new Set([
        ...(previous.approvers ?? []),
        ...(previous.reviewers ?? []),
      ]);
      const inherited = [
        ...(entry.approvers ?? []),
        ...(entry.reviewers ?? []),
      ].every(login => below.has(login));
      if (!inherited) break;
    }
    chain.push(entry);
  }
  return chain;
}

/**
 * Approvers, reviewers and emeritus of the OWNERS files that govern an entity, each with the
 * file that names them: the farthest file up the chain that lists them, because a parent's
 * owners are every child's owners. Aliases are already expanded by the GitHub provider; each
 * person's alias groups of the repository are listed with them.
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
  let chain = governingEntries(repo, directory);
  if (!chain.length) {
    // A repository with its own catalog-info.yaml keeps only its root approvers.
    const approvers = commaList(
      repo.metadata.annotations?.[ANNOTATIONS.ownersApprovers],
    );
    if (!approvers.length) return empty;
    chain = [{ dir: '', approvers }];
  }

  const person = (
    login: string,
    list: (e: DirectoryOwnership) => string[] | undefined,
  ): OwnersFilesPerson => {
    let from = chain[0];
    for (const entry of chain) {
      if (!list(entry)?.includes(login)) break;
      from = entry;
    }
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
    return {
      person: graph.summary(userRef),
      login,
      file: ownersFileUrl(repo, from.dir),
      aliases,
    };
  };
  const people = (list: (e: DirectoryOwnership) => string[] | undefined) =>
    (list(chain[0]) ?? []).map(login => person(login, list));

  return {
    entity: graph.summary(ref),
    repository: graph.summary(refOf(repo)),
    directory,
    files: chain.map(e => ownersFileUrl(repo, e.dir)),
    approvers: people(e => e.approvers),
    reviewers: people(e => e.reviewers),
    emeritus: people(e => e.emeritus),
    labels: chain[0].labels ?? [],
  };
}
