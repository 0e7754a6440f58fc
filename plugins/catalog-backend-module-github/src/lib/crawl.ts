import { LoggerService } from '@backstage/backend-plugin-api';
import { posix } from 'node:path';
import { RepositorySnapshot } from '../analyzers/types';
import { readRepositoryArchive } from './archive';
import { ConfiguredAnalyzer } from '../analyzers/definition';
import { GithubInventoryProviderConfig, analyzersFor } from './config';
import { GithubClient, RequestStats } from './github';
import {
  ListOptions,
  ROOT_BLOBS,
  RepositoryInfo,
  getRepository,
  listOrganizationRepositories,
} from './repositories';
import { CachedSnapshot, SnapshotCache } from './snapshots';
import { TeamInfo, listOrganizationTeams } from './teams';

export type CrawlFailure = {
  step: string;
  target: string;
  message: string;
  /** A failed archive: the commit of the earlier snapshot analysed instead, if there was one. */
  fallback?: string;
};

export type CrawledRepository = {
  info: RepositoryInfo;
  /** The files read from the archive, for repositories analysed in depth. */
  snapshot?: RepositorySnapshot;
};

export type CrawlResult = {
  repositories: CrawledRepository[];
  /** Organization teams with their direct members (unless `teams: false`). */
  teams: TeamInfo[];
  failures: CrawlFailure[];
  /** Files wanted but not read (too large, dangling symlinks), per repository. */
  skippedFiles: Array<{ repository: string; path: string; reason: string }>;
  /** Archives downloaded in this crawl; 0 when nothing changed. */
  archivesRead: number;
};

export const slugOf = (r: { owner: string; name: string }) =>
  `${r.owner}/${r.name}`.toLowerCase();

export const OWNERSHIP_FILES = new Set([
  'OWNERS',
  'OWNERS_ALIASES',
  'CODEOWNERS',
]);
/**
 * The root files the listing returns are kept from the archive too: a file GitHub truncated
 * in the listing is read from it, and after a failed archive the last snapshot gives them at
 * the snapshot's commit, so that head commit and contents stay together.
 */
export const ROOT_FILES = new Set<string>(Object.values(ROOT_BLOBS));

/**
 * `fn` over `items` with at most `limit` calls in flight, results in input order. Archives are
 * read a few at a time: one at a time is slow at real latencies, and GitHub's secondary limits
 * punish many concurrent requests.
 */
export async function mapConcurrently<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker),
  );
  return results;
}

/** Which files of a repository to keep from its archive. */
export function wantedFiles(
  analyzers: ConfiguredAnalyzer[],
): (path: string) => boolean {
  // Each analyzer's paths: directories (everything below) or files.
  const prefixes = analyzers
    .flatMap(a => a.paths)
    .map(p => p.replace(/\/+$/, ''));
  return path =>
    OWNERSHIP_FILES.has(posix.basename(path)) ||
    ROOT_FILES.has(path) ||
    prefixes.some(p => path === p || path.startsWith(`${p}/`));
}

/** Which files a snapshot kept, so that one taken for other analyzers is not reused. */
const wantedKey = (analyzers: ConfiguredAnalyzer[]) =>
  JSON.stringify(analyzers.flatMap(a => a.paths).sort());

/**
 * Stops reading archives once several in a row have failed: each failed archive has already
 * been retried with backoff, and against a GitHub that is down thousands of them would keep a
 * crawl busy for hours. The rest are analysed from their last snapshot, and the crawl is
 * partial.
 */
export class ArchiveBreaker {
  private consecutiveFailures = 0;

  constructor(private readonly threshold = 5) {}

  get open(): boolean {
    return this.consecutiveFailures >= this.threshold;
  }

  record(success: boolean) {
    this.consecutiveFailures = success ? 0 : this.consecutiveFailures + 1;
  }

  get reason(): string {
    return `not read: the ${this.threshold} archive reads before it failed, so GitHub looks unavailable`;
  }
}

export type CrawlDeps = {
  clientFor: (organization: string) => GithubClient;
  stats: RequestStats;
  logger: LoggerService;
  cache: SnapshotCache;
  graphqlRetry?: { attempts?: number; baseDelayMs?: number };
};

/** Whether `repositories.include`/`exclude` let a repository in. */
export function included(
  repo: { owner: string; name: string },
  config: GithubInventoryProviderConfig,
) {
  const name = `${repo.owner}/${repo.name}`;
  return (
    (!config.include || config.include.test(name)) &&
    !(config.exclude && config.exclude.test(name))
  );
}

/** An error as a log line: Octokit's messages omit the HTTP status, which says the most. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const status = (error as { status?: number }).status;
  return status ? `HTTP ${status}: ${text}` : text;
}

/**
 * One crawl: list the configured organizations (GraphQL, with root ownership files), fetch
 * the repositories that analyzers name but the listing did not include, then read each
 * repository analysed in depth from one archive per changed commit. A failure in one step is
 * recorded and the rest goes on; the provider decides what the catalog may do with the result.
 */
export async function crawlGithub(
  config: GithubInventoryProviderConfig,
  deps: CrawlDeps,
): Promise<CrawlResult> {
  const failures: CrawlFailure[] = [];
  const skippedFiles: CrawlResult['skippedFiles'] = [];
  const listOptions = (organization: string): ListOptions => ({
    client: deps.clientFor(organization),
    stats: deps.stats,
    pageSize: config.pageSize,
    ...deps.graphqlRetry,
  });

  const bySlug = new Map<string, RepositoryInfo>();
  const teams: TeamInfo[] = [];
  for (const organization of config.organizations) {
    try {
      const repos = await listOrganizationRepositories(
        organization,
        listOptions(organization),
      );
      for (const repo of repos.filter(r => included(r, config))) {
        bySlug.set(slugOf(repo), repo);
      }
    } catch (error) {
      failures.push({
        step: 'list repositories',
        target: organization,
        message: errorMessage(error),
      });
    }
    if (config.teams) {
      try {
        teams.push(
          ...(await listOrganizationTeams(
            organization,
            listOptions(organization),
          )),
        );
      } catch (error) {
        failures.push({
          step: 'list teams',
          target: organization,
          message: errorMessage(error),
        });
      }
    }
  }

  const analyzedSlugs = new Set(
    config.analyzers.map(a => a.repository.toLowerCase()),
  );
  for (const slug of analyzedSlugs) {
    if (bySlug.has(slug)) continue;
    const [owner, name] = slug.split('/');
    try {
      const repo = await getRepository(owner, name, listOptions(owner));
      if (repo) {
        bySlug.set(slug, repo);
      } else {
        failures.push({
          step: 'get repository',
          target: slug,
          message:
            'an analyzer names this repository, but GitHub has no such repository',
        });
      }
    } catch (error) {
      failures.push({
        step: 'get repository',
        target: slug,
        message: errorMessage(error),
      });
    }
  }

  let archivesRead = 0;
  const repositories: CrawledRepository[] = [];
  const listed = [...bySlug.values()].sort((x, y) =>
    slugOf(x).localeCompare(slugOf(y)),
  );
  const breaker = new ArchiveBreaker();
  const reads = await mapConcurrently(listed, config.archiveConcurrency, info =>
    readRepository(info, config, deps, breaker),
  );
  for (const read of reads) {
    repositories.push(read.repository);
    failures.push(...read.failures);
    skippedFiles.push(...read.skippedFiles);
    archivesRead += read.archivesRead;
  }
  return { repositories, teams, failures, skippedFiles, archivesRead };
}

/**
 * The repository as the listing gave it, with the root files from a snapshot: those GitHub
 * truncated in the listing, or — for an earlier snapshot analysed after a failed archive — all
 * of them and the snapshot's commit, so that the Component never shows one commit with
 * another's contents.
 */
function withSnapshot(
  info: RepositoryInfo,
  snapshot: RepositorySnapshot,
): RepositoryInfo {
  const stale = snapshot.commit !== info.headCommit;
  const paths = stale ? [...ROOT_FILES] : info.truncatedFiles.map(f => f.path);
  const rootFiles = new Map(info.rootFiles);
  for (const path of paths) {
    const content = snapshot.files.get(path);
    if (content === undefined) rootFiles.delete(path);
    else rootFiles.set(path, content);
  }
  return {
    ...info,
    headCommit: snapshot.commit,
    rootFiles,
    truncatedFiles: stale ? [] : info.truncatedFiles,
  };
}

/** Root files GitHub truncated in the listing that no snapshot could give: reported, not parsed. */
const truncatedUnread = (info: RepositoryInfo, why: string) =>
  info.truncatedFiles.map(f => ({
    repository: slugOf(info),
    path: f.path,
    reason: `${f.byteSize} bytes, truncated by GitHub in the listing, and ${why}`,
  }));

/**
 * Reads one listed repository: its snapshot from the cache when its head commit has not
 * moved, else from one archive — for repositories analysed in depth (an analyzer names them,
 * or `ownersDepth: tree` and they have a root OWNERS file). Others need nothing beyond the
 * listing.
 */
export async function readRepository(
  info: RepositoryInfo,
  config: GithubInventoryProviderConfig,
  deps: CrawlDeps,
  breaker = new ArchiveBreaker(),
): Promise<
  Omit<CrawlResult, 'repositories' | 'teams'> & {
    repository: CrawledRepository;
  }
> {
  const nothing = { failures: [], skippedFiles: [], archivesRead: 0 };
  const analyzers = analyzersFor(config, info);
  // A root file GitHub truncated makes the repository deep for this crawl: it is read whole
  // from the archive, never parsed in part.
  const deep =
    analyzers.length > 0 ||
    info.truncatedFiles.length > 0 ||
    (config.ownersDepth === 'tree' && info.rootFiles.has('OWNERS'));
  if (!deep || !info.headCommit) {
    return { ...nothing, repository: { info } };
  }
  const wanted = wantedKey(analyzers);
  const fromSnapshot = (cached: CachedSnapshot) => ({
    skippedFiles: cached.skipped.map(s => ({
      repository: slugOf(info),
      ...s,
    })),
    repository: {
      info: withSnapshot(info, cached.snapshot),
      snapshot: cached.snapshot,
    },
  });
  const cached = await deps.cache.get(info, wanted);
  if (cached) {
    return { ...nothing, ...fromSnapshot(cached) };
  }
  const unread = async (reason: string) => {
    // The last snapshot, head and contents together; without one, the repository is held.
    const latest = await deps.cache.latest(info);
    const failure: CrawlFailure = {
      step: 'read archive',
      target: `${slugOf(info)}@${info.headCommit}`,
      message: latest
        ? `${reason}; analysed at ${latest.snapshot.commit}, the last commit read`
        : reason,
      ...(latest ? { fallback: latest.snapshot.commit } : {}),
    };
    if (latest) {
      return { ...nothing, failures: [failure], ...fromSnapshot(latest) };
    }
    return {
      ...nothing,
      failures: [failure],
      skippedFiles: truncatedUnread(info, 'its archive could not be read'),
      repository: { info },
    };
  };
  if (breaker.open) {
    return unread(breaker.reason);
  }
  try {
    const archive = await readRepositoryArchive(
      deps.clientFor(info.owner),
      { owner: info.owner, name: info.name, commit: info.headCommit },
      { wanted: wantedFiles(analyzers), maxFileBytes: config.maxFileBytes },
    );
    const snapshot: RepositorySnapshot = {
      owner: info.owner,
      name: info.name,
      commit: info.headCommit,
      htmlUrl: info.url,
      defaultBranch: info.defaultBranch ?? 'HEAD',
      files: archive.files,
    };
    const read = { snapshot, skipped: archive.skipped, wanted };
    await deps.cache.set(read);
    breaker.record(true);
    return { ...nothing, archivesRead: 1, ...fromSnapshot(read) };
  } catch (error) {
    breaker.record(false);
    return unread(errorMessage(error));
  }
}
