import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { createTableOnce } from './tables';

const TABLE = 'infra_atlas_crawl_leases';

/** How one claim is timed: all in milliseconds. */
export type LeaseTiming = {
  /** A crawl is due when the last one started at least this long ago (the cadence). */
  cadenceMs: number;
  /** How long a claim lasts without a heartbeat; a dead holder's claim ends after this. */
  leaseMs: number;
};

/**
 * Which replica crawls a provider, in the catalog's database: one row per provider with the
 * current holder, until when its claim lasts (renewed by a heartbeat while it crawls), and when
 * the last crawl started and finished. Every replica asks often whether a crawl is due; the one
 * whose claim lands crawls, the others see it and wait. A replica that dies mid-crawl stops
 * renewing, so its claim runs out after one lease, not after the crawl's timeout, and since
 * its crawl never finished the next replica to ask crawls at once.
 *
 * Times are the replicas' clocks (kept in step by NTP on any cluster); a skew of a few seconds
 * only moves a crawl by as much.
 *
 * @public
 */
export class CrawlLeaseStore {
  private constructor(private readonly db: Knex) {}

  static async create(database: DatabaseService): Promise<CrawlLeaseStore> {
    const db = await database.getClient();
    await createTableOnce(db, TABLE, table => {
      table.string('provider_id').primary();
      table.string('holder');
      table.bigInteger('expires_at').notNullable();
      table.bigInteger('started_at').notNullable();
      table.bigInteger('finished_at');
    });
    return new CrawlLeaseStore(db);
  }

  /**
   * Claims the provider's crawl for `holder` if nobody holds it and a crawl is due: the last
   * one started a cadence ago, or never finished (its holder died). True when the claim landed;
   * a single conditional UPDATE, so two replicas asking at once cannot both win.
   */
  async claimIfDue(
    providerId: string,
    holder: string,
    timing: LeaseTiming,
    now = Date.now(),
  ): Promise<boolean> {
    await this.db(TABLE)
      .insert({
        provider_id: providerId,
        expires_at: 0,
        started_at: 0,
        // Never crawled: due, like a crawl whose holder died.
        finished_at: null,
      })
      .onConflict('provider_id')
      .ignore();
    const claimed = await this.db(TABLE)
      .where('provider_id', providerId)
      .where('expires_at', '<=', now)
      .where(due =>
        due
          .whereNull('finished_at')
          .orWhere('started_at', '<=', now - timing.cadenceMs),
      )
      .update({
        holder,
        expires_at: now + timing.leaseMs,
        started_at: now,
        finished_at: null,
      });
    return claimed === 1;
  }

  /** Extends a claim still held by `holder`; false when it was lost (expired and taken). */
  async renew(
    providerId: string,
    holder: string,
    leaseMs: number,
    now = Date.now(),
  ): Promise<boolean> {
    const renewed = await this.db(TABLE)
      .where({ provider_id: providerId, holder })
      .whereNull('finished_at')
      .update({ expires_at: now + leaseMs });
    return renewed === 1;
  }

  /** Ends a claim: the crawl finished (well or not), the next is due a cadence after it began. */
  async finish(
    providerId: string,
    holder: string,
    now = Date.now(),
  ): Promise<void> {
    await this.db(TABLE)
      .where({ provider_id: providerId, holder })
      .whereNull('finished_at')
      .update({ expires_at: 0, finished_at: now });
  }

  /**
   * Gives a claim up without finishing (the holder is shutting down): the crawl is still due,
   * so the next replica to ask takes it over at once.
   */
  async abandon(providerId: string, holder: string): Promise<void> {
    await this.db(TABLE)
      .where({ provider_id: providerId, holder })
      .whereNull('finished_at')
      .update({ expires_at: 0 });
  }

  /** The provider's row as stored, for the status routes and tests. */
  async state(providerId: string): Promise<
    | {
        holder?: string;
        expiresAt: number;
        startedAt: number;
        finishedAt?: number;
      }
    | undefined
  > {
    const row = await this.db(TABLE).where('provider_id', providerId).first();
    if (!row) return undefined;
    return {
      holder: row.holder ?? undefined,
      expiresAt: Number(row.expires_at),
      startedAt: Number(row.started_at),
      finishedAt:
        row.finished_at === null ? undefined : Number(row.finished_at),
    };
  }
}
