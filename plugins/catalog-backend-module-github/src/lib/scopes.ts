import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@infra-atlas/inventory-common';
import { Hold } from '@infra-atlas/plugin-inventory-node';
import { posix } from 'node:path';
import { ConfiguredAnalyzer } from '../analyzers/definition';
import { GithubInventoryProviderConfig, analyzersFor } from './config';
import {
  CrawlFailure,
  CrawlResult,
  OWNERSHIP_FILES,
  ROOT_FILES,
} from './crawl';

/*
 * What a crawl of GitHub holds back when it cannot read something, as scopes of the shared
 * scoped-sync rule (`Hold` in @infra-atlas/plugin-inventory-node). Scopes nest by `/`:
 *
 * - `kubernetes`: an organization (its listing failed: everything in it is held);
 * - `kubernetes/@teams`: its teams and their members (the team listing failed);
 * - `kubernetes/k8s.io`: a repository (its archive or its `get repository` failed, or an
 *   ownership file or a root file such as catalog-info.yaml could not be read: they decide
 *   its Component, its people and its alias groups);
 * - `kubernetes/k8s.io/octodns`: one analyzer's output in a repository (a file it reads could
 *   not be read).
 */

const organizationOf = (slug: string) => slug.split('/')[0];

const analyzerScope = (slug: string, analyzer: ConfiguredAnalyzer) =>
  `${slug}/${analyzer.type}`;

/** Whether a repository path is one an analyzer reads (its file, or anything below its directory). */
const reads = (analyzer: ConfiguredAnalyzer, path: string) =>
  analyzer.paths.some(p => {
    const prefix = p.replace(/\/+$/, '');
    return path === prefix || path.startsWith(`${prefix}/`);
  });

/**
 * The scope of a file in a repository: the output of the analyzer that reads it, else the
 * repository (ownership files and catalog-info.yaml decide its Component, people and groups).
 */
function fileScope(
  slug: string,
  path: string,
  config: GithubInventoryProviderConfig,
): string {
  if (OWNERSHIP_FILES.has(posix.basename(path)) || ROOT_FILES.has(path)) {
    return slug;
  }
  const [owner, name] = slug.split('/');
  const analyzer = analyzersFor(config, { owner, name }).find(a =>
    reads(a, path),
  );
  return analyzer ? analyzerScope(slug, analyzer) : slug;
}

/** The scope a failed step holds; undefined when the step kept a consistent earlier state. */
function failureScope(failure: CrawlFailure): string | undefined {
  switch (failure.step) {
    case 'list repositories':
      return failure.target.toLowerCase();
    case 'list teams':
      return `${failure.target.toLowerCase()}/@teams`;
    case 'get repository':
      return failure.target.toLowerCase();
    case 'read archive':
      // Analysed from its last snapshot (head and contents together): nothing to hold.
      return failure.fallback ? undefined : failure.target.split('@')[0];
    default:
      // A step this rule does not know: hold its target's organization, to be safe.
      return organizationOf(failure.target.toLowerCase());
  }
}

/**
 * What this crawl could not read: failed steps, files it could not parse (`unread` problems)
 * and files it could not fetch (too large, truncated, dangling links).
 */
export function holdsOf(
  crawl: CrawlResult,
  unreadFiles: Array<{ repository: string; path: string; message: string }>,
  config: GithubInventoryProviderConfig,
): Hold[] {
  const holds: Hold[] = [];
  for (const failure of crawl.failures) {
    const scope = failureScope(failure);
    if (scope) {
      holds.push({
        scope,
        reason: `${failure.step} ${failure.target}: ${failure.message}`,
      });
    }
  }
  for (const file of unreadFiles) {
    holds.push({
      scope: fileScope(file.repository, file.path, config),
      reason: `${file.repository}/${file.path}: ${file.message}`,
    });
  }
  return holds;
}

/** `https://github.com/kubernetes/k8s.io/blob/main/dns/x.yaml` → slug and the rest of the path. */
function locate(url: string): { slug: string; rest: string } | undefined {
  let segments: string[];
  try {
    segments = new URL(url).pathname.split('/').filter(Boolean);
  } catch {
    return undefined;
  }
  if (segments[0] === 'orgs' && segments[2] === 'teams') {
    return { slug: `${segments[1].toLowerCase()}/@teams`, rest: '' };
  }
  if (segments.length < 2) return undefined;
  return {
    slug: `${segments[0]}/${segments[1]}`.toLowerCase(),
    // After `blob|tree/<branch>/`; a branch with a slash only shifts where matching starts.
    rest: segments.slice(4).join('/'),
  };
}

/**
 * The scope that declared each entity of a crawl's output, from the URLs they carry: the file
 * or directory that declares them (`infra-atlas.io/declared-in`), else the repository or team
 * they are; a team's members belong to their organization's teams.
 */
export function entityScopeOf(
  config: GithubInventoryProviderConfig,
  entities: Entity[],
): (entity: Entity) => string | undefined {
  const teamScopes = new Map<string, string>();
  for (const entity of entities) {
    const team = entity.metadata.annotations?.['github.com/team-slug'];
    if (entity.kind === 'Group' && team) {
      teamScopes.set(
        `group:default/${entity.metadata.name}`.toLowerCase(),
        `${organizationOf(team.toLowerCase())}/@teams`,
      );
    }
  }
  return entity => {
    const annotations = entity.metadata.annotations ?? {};
    const url =
      annotations[ANNOTATIONS.declaredIn] ??
      annotations['backstage.io/view-url'];
    const located = url ? locate(url) : undefined;
    if (located?.slug.endsWith('/@teams')) return located.slug;
    if (located) {
      // The path starts after the branch; a branch with slashes shifts it by a segment or two.
      const parts = located.rest.split('/');
      const paths = [0, 1, 2].map(skip => parts.slice(skip).join('/'));
      return paths
        .map(path => fileScope(located.slug, path, config))
        .reduce((narrowest, scope) =>
          scope.length > narrowest.length ? scope : narrowest,
        );
    }
    const slug = annotations['github.com/project-slug'];
    if (slug) return slug.toLowerCase();
    const memberOf = (entity.spec?.memberOf as string[] | undefined) ?? [];
    return memberOf.map(ref => teamScopes.get(ref.toLowerCase())).find(Boolean);
  };
}
