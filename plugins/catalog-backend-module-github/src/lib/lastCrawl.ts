import { DatabaseService } from '@backstage/backend-plugin-api';
import { createTableOnce } from '@infra-atlas/plugin-inventory-node';
import { Knex } from 'knex';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { CrawlResult } from './crawl';
import { RepositoryInfo } from './repositories';
import { SnapshotCache } from './snapshots';

const TABLE = 'infra_atlas_github_last_crawl';
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * A crawl as stored: each repository's archive snapshot by its commit only (the snapshots
 * themselves are in `SnapshotStore`), and maps as entry lists.
 */
type StoredCrawl = Omit<CrawlResult, 'repositories'> & {
  repositories: Array<{
    info: Omit<RepositoryInfo, 'rootFiles'> & {
      rootFiles: Array<[string, string]>;
    };
    snapshotCommit?: string;
  }>;
};

/**
 * The last crawl of each GitHub provider, in the catalog's database: what a webhook builds on,
 * whichever replica ran the crawl. One row per provider; a crawl replaces the row only if it
 * began later than the one stored, so a slow replica never puts older data back.
 */
export class LastCrawlStore {
  private constructor(private readonly db: Knex) {}

  static async create(database: DatabaseService): Promise<LastCrawlStore> {
    const db = await database.getClient();
    await createTableOnce(db, TABLE, table => {
      table.string('provider_id').primary();
      table.string('started_at').notNullable();
      // Null after a failed crawl: the next webhook must crawl everything.
      table.binary('crawl');
    });
    return new LastCrawlStore(db);
  }

  async put(
    providerId: string,
    startedAt: string,
    crawl: CrawlResult | undefined,
  ): Promise<void> {
    const stored: StoredCrawl | undefined = crawl && {
      ...crawl,
      repositories: crawl.repositories.map(({ info, snapshot }) => ({
        info: { ...info, rootFiles: [...info.rootFiles.entries()] },
        ...(snapshot ? { snapshotCommit: snapshot.commit } : {}),
      })),
    };
    await this.db(TABLE)
      .insert({
        provider_id: providerId,
        started_at: startedAt,
        crawl: stored ? await gzipAsync(JSON.stringify(stored)) : null,
      })
      .onConflict('provider_id')
      .merge()
      .where(`${TABLE}.started_at`, '<', startedAt);
  }

  async get(
    providerId: string,
  ): Promise<{ startedAt: string; crawl?: StoredCrawl } | undefined> {
    const row = await this.db(TABLE).where('provider_id', providerId).first();
    if (!row) return undefined;
    return {
      startedAt: row.started_at,
      ...(row.crawl
        ? {
            crawl: JSON.parse(
              (await gunzipAsync(row.crawl as Buffer)).toString('utf8'),
            ),
          }
        : {}),
    };
  }
}

/**
 * The crawl a provider's webhooks build on: this replica's own, or a later one another replica
 * stored, with its snapshots read back from the shared snapshot store. Without a store (tests,
 * a single process) it is this process's last crawl.
 */
export class LastCrawl {
  private crawl?: CrawlResult;
  private startedAt?: string;

  constructor(
    private readonly options: {
      providerId: string;
      cache: SnapshotCache;
      store?: LastCrawlStore;
    },
  ) {}

  /** The newest crawl any replica finished, or undefined when a full crawl is needed. */
  async current(): Promise<CrawlResult | undefined> {
    const { store, providerId } = this.options;
    const stored = await store?.get(providerId);
    if (!stored || stored.startedAt === this.startedAt) return this.crawl;
    this.startedAt = stored.startedAt;
    this.crawl = stored.crawl && (await this.restore(stored.crawl));
    return this.crawl;
  }

  /** Keeps a finished crawl (undefined after a failed one) here and for the other replicas. */
  async set(startedAt: Date, crawl: CrawlResult | undefined): Promise<void> {
    this.startedAt = startedAt.toISOString();
    this.crawl = crawl;
    await this.options.store?.put(
      this.options.providerId,
      this.startedAt,
      crawl,
    );
  }

  /** The stored crawl with its snapshots; undefined if one has been replaced since. */
  private async restore(stored: StoredCrawl): Promise<CrawlResult | undefined> {
    const repositories: CrawlResult['repositories'] = [];
    for (const { info, snapshotCommit } of stored.repositories) {
      const repository = { ...info, rootFiles: new Map(info.rootFiles) };
      if (!snapshotCommit) {
        repositories.push({ info: repository });
        continue;
      }
      const cached = await this.options.cache.at(repository, snapshotCommit);
      if (!cached) return undefined;
      repositories.push({ info: repository, snapshot: cached.snapshot });
    }
    return { ...stored, repositories };
  }
}
