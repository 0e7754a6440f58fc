import { LoggerService } from '@backstage/backend-plugin-api';
import { posix } from 'node:path';
import { RepositorySnapshot } from '../analyzers/types';
import { readRepositoryArchive } from './archive';
import { ConfiguredAnalyzer } from '../analyzers/definition';
import { GithubInventoryProviderConfig, analyzersFor } from './config';
import { GithubClient, RequestStats } from './github';
import {
  ListOptions,
  RepositoryInfo,
  getRepository,
  listOrganizationRepositories,
} from './repositories';
import { TeamInfo, listOrganizationTeams } from './teams';

export type CrawlFailure = { step: string; target: string; message: string };

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

const OWNERSHIP_FILES = new Set(['OWNERS', 'OWNERS_ALIASES', 'CODEOWNERS']);

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
    prefixes.some(p => path === p || path.startsWith(`${p}/`));
}

/**
 * The snapshots of repositories read before, by repository: a re-crawl of a repository whose
 * head commit has not moved reuses its snapshot and downloads nothing.
 */
export class SnapshotCache {
  private readonly snapshots = new Map<string, CachedSnapshot>();

  /**
   * The snapshot at the repository's head commit, with the files its archive could not give
   * (too large, dangling links): they stay unread for as long as the commit stands, so every
   * crawl must report them again, or a later crawl would count as complete and delete what
   * they declare.
   */
  get(repo: RepositoryInfo): CachedSnapshot | undefined {
    const cached = this.snapshots.get(slugOf(repo));
    return cached?.snapshot.commit === repo.headCommit ? cached : undefined;
  }

  /** The last snapshot of a repository at any commit: better than nothing after a failure. */
  latest(repo: RepositoryInfo): RepositorySnapshot | undefined {
    return this.snapshots.get(slugOf(repo))?.snapshot;
  }

  set(cached: CachedSnapshot) {
    this.snapshots.set(slugOf(cached.snapshot), cached);
  }
}

type CachedSnapshot = {
  snapshot: RepositorySnapshot;
  skipped: Array<{ path: string; reason: string }>;
};

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
function message(error: unknown): string {
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
        message: message(error),
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
          message: message(error),
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
        message: message(error),
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
  const deep =
    analyzers.length > 0 ||
    (config.ownersDepth === 'tree' && info.rootFiles.has('OWNERS'));
  if (!deep || !info.headCommit) {
    return { ...nothing, repository: { info } };
  }
  const cached = deps.cache.get(info);
  if (cached) {
    return {
      ...nothing,
      skippedFiles: cached.skipped.map(s => ({
        repository: slugOf(info),
        ...s,
      })),
      repository: { info, snapshot: cached.snapshot },
    };
  }
  const unread = (reason: string) => ({
    ...nothing,
    failures: [
      {
        step: 'read archive',
        target: `${slugOf(info)}@${info.headCommit}`,
        message: reason,
      },
    ],
    // Keep analysing what was read last time; the crawl is partial and removes nothing.
    repository: { info, snapshot: deps.cache.latest(info) },
  });
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
    deps.cache.set({ snapshot, skipped: archive.skipped });
    breaker.record(true);
    return {
      failures: [],
      skippedFiles: archive.skipped.map(s => ({
        repository: slugOf(info),
        ...s,
      })),
      archivesRead: 1,
      repository: { info, snapshot },
    };
  } catch (error) {
    breaker.record(false);
    return unread(message(error));
  }
}
