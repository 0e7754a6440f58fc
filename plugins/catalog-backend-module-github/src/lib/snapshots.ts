import { DatabaseService } from '@backstage/backend-plugin-api';
import { createTableOnce } from '@infra-atlas/plugin-inventory-node';
import { Knex } from 'knex';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { RepositorySnapshot } from '../analyzers/types';

const TABLE = 'infra_atlas_github_snapshots';
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** The files read from one repository's archive at one commit, and those it could not give. */
export type CachedSnapshot = {
  snapshot: RepositorySnapshot;
  /**
   * Files the archive could not give (too large, dangling links): they stay unread for as long
   * as the commit stands, so every crawl must report them again, or a later crawl would count
   * as complete and delete what they declare.
   */
  skipped: Array<{ path: string; reason: string }>;
  /**
   * Which files were kept (`wantedKey`): a snapshot taken for other analyzers lacks files the
   * current ones read, so it is not reused even at the same commit.
   */
  wanted: string;
};

const slugOf = (r: { owner: string; name: string }) =>
  `${r.owner}/${r.name}`.toLowerCase();

/**
 * Snapshots in the catalog's database, compressed, one row per provider and repository, so
 * that a restarted backend — or a second replica — resumes warm: no archive is downloaded again
 * for a repository whose head commit has not moved.
 */
export class SnapshotStore {
  private constructor(private readonly db: Knex) {}

  static async create(database: DatabaseService): Promise<SnapshotStore> {
    const db = await database.getClient();
    await createTableOnce(db, TABLE, table => {
      table.string('provider_id').notNullable();
      table.string('repository').notNullable();
      table.string('commit').notNullable();
      table.binary('snapshot').notNullable();
      table.integer('bytes').notNullable();
      table.string('stored_at').notNullable();
      table.primary(['provider_id', 'repository']);
    });
    return new SnapshotStore(db);
  }

  async get(
    providerId: string,
    repository: string,
  ): Promise<CachedSnapshot | undefined> {
    const row = await this.db(TABLE)
      .where({ provider_id: providerId, repository })
      .first('snapshot');
    if (!row) return undefined;
    const stored = JSON.parse(
      (await gunzipAsync(row.snapshot as Buffer)).toString('utf8'),
    );
    return {
      ...stored,
      snapshot: { ...stored.snapshot, files: new Map(stored.snapshot.files) },
    };
  }

  async put(providerId: string, cached: CachedSnapshot): Promise<void> {
    const data = await gzipAsync(
      JSON.stringify({
        ...cached,
        snapshot: {
          ...cached.snapshot,
          files: [...cached.snapshot.files.entries()],
        },
      }),
    );
    await this.db(TABLE)
      .insert({
        provider_id: providerId,
        repository: slugOf(cached.snapshot),
        commit: cached.snapshot.commit,
        snapshot: data,
        bytes: data.length,
        stored_at: new Date().toISOString(),
      })
      .onConflict(['provider_id', 'repository'])
      .merge();
  }

  /** Stored repositories and their compressed bytes, for the docs and the benchmark. */
  async size(
    providerId: string,
  ): Promise<{ repositories: number; bytes: number }> {
    const [row] = await this.db(TABLE)
      .where({ provider_id: providerId })
      .count({ repositories: '*' })
      .sum({ bytes: 'bytes' });
    return {
      repositories: Number(row?.repositories ?? 0),
      bytes: Number(row?.bytes ?? 0),
    };
  }
}

/**
 * The snapshots of repositories read before: a re-crawl of a repository whose head commit has
 * not moved reuses its snapshot and downloads nothing. Kept in memory, and in the database when
 * a store is given (then a restart starts warm).
 */
export class SnapshotCache {
  private readonly snapshots = new Map<string, CachedSnapshot>();

  constructor(
    private readonly persisted?: { store: SnapshotStore; providerId: string },
  ) {}

  /** The snapshot at the repository's head commit, taken for the same wanted files. */
  async get(
    repo: { owner: string; name: string; headCommit?: string },
    wanted: string,
  ): Promise<CachedSnapshot | undefined> {
    // Another replica (or this one before a restart) may have read the new head already.
    const cached = repo.headCommit
      ? await this.at(repo, repo.headCommit)
      : undefined;
    return cached?.wanted === wanted ? cached : undefined;
  }

  /** The last snapshot of a repository at any commit: better than nothing after a failure. */
  async latest(repo: {
    owner: string;
    name: string;
  }): Promise<CachedSnapshot | undefined> {
    const slug = slugOf(repo);
    const inMemory = this.snapshots.get(slug);
    if (inMemory || !this.persisted) return inMemory;
    const stored = await this.persisted.store.get(
      this.persisted.providerId,
      slug,
    );
    if (stored) this.snapshots.set(slug, stored);
    return stored;
  }

  /** The snapshot of a repository at one commit: another replica may have stored it. */
  async at(
    repo: { owner: string; name: string },
    commit: string,
  ): Promise<CachedSnapshot | undefined> {
    const slug = slugOf(repo);
    const inMemory = this.snapshots.get(slug);
    if (inMemory?.snapshot.commit === commit || !this.persisted) {
      return inMemory?.snapshot.commit === commit ? inMemory : undefined;
    }
    const stored = await this.persisted.store.get(
      this.persisted.providerId,
      slug,
    );
    if (stored?.snapshot.commit !== commit) return undefined;
    this.snapshots.set(slug, stored);
    return stored;
  }

  async set(cached: CachedSnapshot): Promise<void> {
    this.snapshots.set(slugOf(cached.snapshot), cached);
    await this.persisted?.store.put(this.persisted.providerId, cached);
  }
}
