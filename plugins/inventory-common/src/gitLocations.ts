import type { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS, BACKSTAGE_ANNOTATIONS } from './annotations';
import { commaList } from './identifiers';

/**
 * A file or directory in git, as a GitHub or GitLab web URL names it.
 *
 * @public
 */
export type GitUrl = {
  /** Host, lowercased: `github.com`. */
  host: string;
  /** `owner/name`. */
  repo: string;
  /** `blob` for a file, `tree` for a directory. */
  form: 'blob' | 'tree';
  /** Branch, tag or commit. */
  ref: string;
  /** Path within the repository, without a trailing `/`; `''` for the root. */
  path: string;
};

// GitLab puts `-/` before `blob`/`tree`; GitHub does not.
const GIT_URL =
  /^https?:\/\/([^/]+)\/([^/]+\/[^/]+)\/(?:-\/)?(tree|blob)\/([^/]+)\/?(.*)$/i;

/**
 * The parts of a git web URL (`https://github.com/kubernetes/k8s.io/blob/main/groups/groups.yaml`),
 * or undefined for other URLs. The one parser for such URLs: the backend finds the repository
 * and directory an entity is declared in with it, the app names files with it.
 *
 * @public
 */
export function parseGitUrl(url: string): GitUrl | undefined {
  const match = url.match(GIT_URL);
  if (!match) return undefined;
  const [, host, repo, form, ref, path] = match;
  return {
    host: host.toLowerCase(),
    repo,
    form: form.toLowerCase() as GitUrl['form'],
    ref,
    path: path.replace(/\/+$/, ''),
  };
}

/** Catalog locations carry their type (`url:`, `file:`) before the URL. */
const LOCATION_PREFIX = /^(url|file):/;

/**
 * Whether an entity is a repository that carries its OWNERS facts: a GitHub repository
 * Component with per-directory ownership (`spec.ownership`) or the OWNERS files annotation.
 *
 * @public
 */
export function isOwnersRepository(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  const ownership = (entity.spec as { ownership?: unknown[] } | undefined)
    ?.ownership;
  return (
    !!annotations[BACKSTAGE_ANNOTATIONS.projectSlug] &&
    ((Array.isArray(ownership) && ownership.length > 0) ||
      commaList(annotations[ANNOTATIONS.ownersFiles]).length > 0)
  );
}

/**
 * The GitHub file or directory an entity is declared in, whose directory's OWNERS files govern
 * it: `infra-atlas.io/declared-in`, else its source location, else the catalog location that
 * produced it; undefined when none is on GitHub.
 *
 * @public
 */
export function ownersSourceOf(
  entity: Entity,
): { url: string; location: GitUrl } | undefined {
  const annotations = entity.metadata.annotations ?? {};
  for (const raw of [
    annotations[ANNOTATIONS.declaredIn],
    annotations[BACKSTAGE_ANNOTATIONS.sourceLocation],
    annotations[BACKSTAGE_ANNOTATIONS.managedByLocation],
  ]) {
    const url = raw?.replace(LOCATION_PREFIX, '');
    const location = url ? parseGitUrl(url) : undefined;
    if (url && location?.host === 'github.com' && /^https:/i.test(url)) {
      return { url, location };
    }
  }
  return undefined;
}

/**
 * Whether the inventory can say who approves and reviews an entity from OWNERS files: it is a
 * repository with OWNERS facts, or it is declared in a GitHub repository. The backend's
 * `/owners-files` and the app's OWNERS card both decide with this.
 *
 * @public
 */
export const hasOwnersSource = (entity: Entity): boolean =>
  isOwnersRepository(entity) || !!ownersSourceOf(entity);
