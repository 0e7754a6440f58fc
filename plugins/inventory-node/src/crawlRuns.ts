import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { EntityScopes, HeldScope } from './heldScopes';
import { createTableOnce } from './tables';

const TABLE = 'infra_atlas_crawl_runs';

/**
 * One run of one provider, as the inventory backend and the status endpoints report it.
 *
 * @public
 */
export type CrawlRun = {
  /** The provider's name (`gcp-inventory:k8sInfra`, `github-inventory:k8sInfra`). */
  providerId: string;
  startedAt: string;
  finishedAt: string;
  /** `complete`: every page of every scope read; `partial`: some steps failed; `failed`: nothing usable. */
  outcome: 'complete' | 'partial' | 'failed';
  /**
   * What was done to the catalog: replaced the provider's entities; refreshed what was read and
   * removed what is gone outside the scopes it could not read (`scoped`); only upserted; or
   * nothing.
   */
  applied: 'full' | 'scoped' | 'upsert-only' | 'none';
  requests: Record<string, number>;
  retries: Record<string, number>;
  entities: Record<string, number>;
  errors: string[];
  /** Entity refs the catalog holds for this provider after the run (for the removal ceiling). */
  entityRefs: string[];
  /** Provider-specific facts worth keeping with the run (e.g. declared GCP projects). */
  details?: Record<string, unknown>;
  /** What the run could not read and kept from before, with how long each has been held. */
  held?: HeldScope[];
  /** For providers that scope their sync: `entityRefs` by the scope that declared them. */
  entityScopes?: EntityScopes;
};

/**
 * Keeps the last runs of each provider in the catalog's database, so that the removal
 * ceiling survives restarts and the status endpoints (and the inventory backend) can say when
 * each source was last crawled and how it went.
 *
 * @public
 */
export class CrawlRunStore {
  private constructor(private readonly db: Knex) {}

  static async create(database: DatabaseService): Promise<CrawlRunStore> {
    const db = await database.getClient();
    await createTableOnce(db, TABLE, table => {
      table.increments('id');
      table.string('provider_id').notNullable().index();
      table.string('started_at').notNullable();
      table.text('run', 'longtext').notNullable();
    });
    return new CrawlRunStore(db);
  }

  async record(run: CrawlRun): Promise<void> {
    await this.db(TABLE).insert({
      provider_id: run.providerId,
      started_at: run.startedAt,
      run: JSON.stringify(run),
    });
    // Keep a short history; the entity refs make old rows large.
    const keep = await this.db(TABLE)
      .where('provider_id', run.providerId)
      .orderBy('id', 'desc')
      .limit(20)
      .select('id');
    await this.db(TABLE)
      .where('provider_id', run.providerId)
      .whereNotIn(
        'id',
        keep.map(r => r.id),
      )
      .delete();
  }

  async recent(providerId: string, limit = 10): Promise<CrawlRun[]> {
    const rows = await this.db(TABLE)
      .where('provider_id', providerId)
      .orderBy('id', 'desc')
      .limit(limit)
      .select('run');
    return rows.map(r => JSON.parse(r.run));
  }

  /** The last run that changed the catalog: its refs, and their scopes. */
  async lastApplied(providerId: string): Promise<CrawlRun | undefined> {
    const runs = await this.recent(providerId, 20);
    return runs.find(r => r.applied !== 'none');
  }

  /** The entity refs after the last run that changed the catalog. */
  async lastAppliedRefs(providerId: string): Promise<string[] | undefined> {
    return (await this.lastApplied(providerId))?.entityRefs;
  }

  /** Recent runs without their entity refs: what a status page shows. */
  async summaries(
    providerId: string,
    limit = 10,
  ): Promise<
    Array<
      Omit<CrawlRun, 'entityRefs' | 'entityScopes'> & { entityCount: number }
    >
  > {
    return (await this.recent(providerId, limit)).map(
      ({ entityRefs, entityScopes: _scopes, ...run }) => ({
        ...run,
        entityCount: entityRefs.length,
      }),
    );
  }
}
