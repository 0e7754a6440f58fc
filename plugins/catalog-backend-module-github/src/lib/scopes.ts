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

/**
 * `https://github.com/kubernetes/k8s.io/blob/main/dns/x.yaml` → the scope of that file;
 * `https://github.com/orgs/kubernetes/teams/x` → the organization's teams. Undefined for other
 * URLs (a person's profile, another host).
 */
function scopeOfUrl(
  url: string,
  config: GithubInventoryProviderConfig,
): string | undefined {
  let segments: string[];
  try {
    const parsed = new URL(url);
    if (parsed.host !== config.host) return undefined;
    segments = parsed.pathname.split('/').filter(Boolean);
  } catch {
    return undefined;
  }
  if (segments[0] === 'orgs' && segments[2] === 'teams') {
    return `${segments[1].toLowerCase()}/@teams`;
  }
  if (segments.length < 2) return undefined;
  const slug = `${segments[0]}/${segments[1]}`.toLowerCase();
  // The path follows `blob|tree/<branch>/`; a branch with slashes shifts it by a segment or
  // two, so the narrowest scope any of those readings gives wins.
  const rest = segments.slice(4);
  return [0, 1, 2]
    .map(skip => fileScope(slug, rest.slice(skip).join('/'), config))
    .reduce((narrowest, scope) =>
      scope.length > narrowest.length ? scope : narrowest,
    );
}

/**
 * The scope that declared each entity of a crawl's output: the file or directory that
 * declares it (`infra-atlas.io/declared-in`), else the repository it is
 * (`github.com/project-slug`), else the team it is; a team's members belong to their
 * organization's teams.
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
    const declaredIn = annotations[ANNOTATIONS.declaredIn];
    const viewUrl = annotations['backstage.io/view-url'];
    const memberOf = (entity.spec?.memberOf as string[] | undefined) ?? [];
    return (
      (declaredIn && scopeOfUrl(declaredIn, config)) ||
      annotations['github.com/project-slug']?.toLowerCase() ||
      (viewUrl && scopeOfUrl(viewUrl, config)) ||
      memberOf.map(ref => teamScopes.get(ref.toLowerCase())).find(Boolean)
    );
  };
}
