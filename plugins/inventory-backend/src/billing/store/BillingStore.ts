import { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  BillingFreshness,
  BillingMonthState,
  InvoiceMonth,
  MonthlySpend,
} from '@infra-atlas/inventory-common';
import {
  ProjectBilling,
  createTableOnce,
} from '@infra-atlas/plugin-inventory-node';
import { Knex } from 'knex';
import {
  BillingFigures,
  MonthAttribution,
  ProjectAttribution,
  StoredMonth,
} from './BillingFigures';

const SPEND = 'inventory_billing_spend';
const MONTHS = 'inventory_billing_months';
const PROJECTS = 'inventory_billing_projects';
const ATTRIBUTIONS = 'inventory_billing_attributions';
const STATUS = 'inventory_billing_status';

/** Rows per INSERT: keeps each statement under SQLite's variable limit on large estates. */
const CHUNK = 150;

/** One month as a refresh read it. */
export type MonthRead = {
  month: InvoiceMonth;
  state: BillingMonthState;
  /** Read after the month closed: its figures and attributions are final, never read again. */
  final: boolean;
  bytesProcessed: number;
};

/** Everything one successful refresh writes, in one transaction. */
export type RefreshWrite = {
  sourceId: string;
  currency: string;
  refreshedAt: Date;
  /** The months read; their stored spend is replaced by `spend`'s rows for them. */
  months: MonthRead[];
  spend: MonthlySpend[];
  /** Replaces every project's billing link; absent when the listing failed. */
  projectBilling?: ProjectBilling[];
  bytesProcessed: number;
  queries: number;
};

/** A month row as the refresh plans with it. */
export type MonthRecord = StoredMonth & { final: boolean };

/**
 * The inventory's billing figures, in its own database (SQLite or PostgreSQL): spend per
 * month × project × service, the months and whether they are final, each project's billing
 * account, each month's ownership attributions, and the status of the last refresh.
 *
 * A refresh writes in one transaction, so readers see the previous refresh's figures or the
 * new ones, never a mix; a failed refresh only records its error.
 */
export class BillingStore implements BillingFigures {
  private constructor(
    private readonly db: Knex,
    private readonly defaultCurrency: string,
  ) {}

  static async create(
    database: DatabaseService,
    options: { currency: string },
  ): Promise<BillingStore> {
    const db = await database.getClient();
    // Replicas starting together race to create them.
    await createTableOnce(db, SPEND, table => {
      table.string('month', 7).notNullable();
      table.string('project_id', 64).notNullable();
      table.string('service', 255).notNullable();
      // Unrounded: the rows of a breakdown must add up to the month's total.
      table.double('cost').notNullable();
      table.double('credits').notNullable();
      table.primary(['month', 'project_id', 'service']);
    });
    await createTableOnce(db, MONTHS, table => {
      table.string('month', 7).primary();
      table.string('state', 16).notNullable();
      table.boolean('final').notNullable();
      table.string('refreshed_at', 32).notNullable();
      table.bigInteger('bytes_processed').notNullable();
    });
    await createTableOnce(db, PROJECTS, table => {
      table.string('project_id', 64).primary();
      table.string('billing_account', 128).notNullable();
      table.boolean('billing_enabled').notNullable();
    });
    await createTableOnce(db, ATTRIBUTIONS, table => {
      table.string('month', 7).notNullable();
      table.string('project_id', 64).notNullable();
      table.text('attribution').notNullable();
      table.primary(['month', 'project_id']);
    });
    await createTableOnce(db, STATUS, table => {
      // One row: the inventory reads one billing source.
      table.string('id', 16).primary();
      table.string('source_id', 255).notNullable();
      table.string('currency', 8);
      table.string('refreshed_at', 32);
      table.bigInteger('bytes_processed');
      table.integer('queries');
      table.text('last_error');
      table.string('last_error_at', 32);
    });
    return new BillingStore(db, options.currency);
  }

  async currency(): Promise<string> {
    const status = await this.status();
    return status?.currency ?? this.defaultCurrency;
  }

  async months(): Promise<StoredMonth[]> {
    return (await this.monthRecords()).map(
      ({ final: _final, ...month }) => month,
    );
  }

  /** The months with whether each is final, for planning the next refresh. */
  async monthRecords(): Promise<MonthRecord[]> {
    const rows = await this.db(MONTHS).orderBy('month');
    return rows.map(r => ({
      month: r.month,
      state: r.state,
      final: Boolean(r.final),
      refreshedAt: r.refreshed_at,
      bytesProcessed: Number(r.bytes_processed),
    }));
  }

  async spend(months: InvoiceMonth[]): Promise<MonthlySpend[]> {
    if (months.length === 0) return [];
    const rows = await this.db(SPEND)
      .whereIn('month', months)
      .orderBy(['month', 'project_id', 'service']);
    return rows.map(r => ({
      month: r.month,
      projectId: r.project_id,
      service: r.service,
      cost: Number(r.cost),
      credits: Number(r.credits),
    }));
  }

  async attributions(months: InvoiceMonth[]): Promise<MonthAttribution[]> {
    if (months.length === 0) return [];
    const rows = await this.db(ATTRIBUTIONS)
      .whereIn('month', months)
      .orderBy(['month', 'project_id']);
    return rows.map(r => ({
      ...JSON.parse(r.attribution),
      month: r.month,
      projectId: r.project_id,
    }));
  }

  /** The months that have attributions recorded. */
  async attributedMonths(): Promise<InvoiceMonth[]> {
    const rows = await this.db(ATTRIBUTIONS).distinct('month').orderBy('month');
    return rows.map(r => r.month);
  }

  async projectBilling(): Promise<ProjectBilling[]> {
    const rows = await this.db(PROJECTS).orderBy('project_id');
    return rows.map(r => ({
      projectId: r.project_id,
      billingAccount: r.billing_account,
      billingEnabled: Boolean(r.billing_enabled),
    }));
  }

  async freshness(): Promise<BillingFreshness> {
    const status = await this.status();
    if (!status) return {};
    const failedSince =
      status.last_error &&
      (!status.refreshed_at || status.last_error_at >= status.refreshed_at);
    return {
      refreshedAt: status.refreshed_at ?? undefined,
      lastError: failedSince ? status.last_error : undefined,
      bytesProcessed:
        status.bytes_processed === null
          ? undefined
          : Number(status.bytes_processed),
    };
  }

  /** Writes one refresh's figures; all or nothing. */
  async write(refresh: RefreshWrite): Promise<void> {
    const refreshedAt = refresh.refreshedAt.toISOString();
    await this.db.transaction(async tx => {
      const months = refresh.months.map(m => m.month);
      await replaceMonths(
        tx,
        SPEND,
        months,
        refresh.spend.map(s => ({
          month: s.month,
          project_id: s.projectId,
          service: s.service,
          cost: s.cost,
          credits: s.credits,
        })),
      );
      await replaceMonths(
        tx,
        MONTHS,
        months,
        refresh.months.map(m => ({
          month: m.month,
          state: m.state,
          final: m.final,
          refreshed_at: refreshedAt,
          bytes_processed: m.bytesProcessed,
        })),
      );
      if (refresh.projectBilling) {
        await tx(PROJECTS).delete();
        await insertChunks(
          tx,
          PROJECTS,
          refresh.projectBilling.map(p => ({
            project_id: p.projectId,
            billing_account: p.billingAccount,
            billing_enabled: p.billingEnabled,
          })),
        );
      }
      await upsertStatus(tx, {
        source_id: refresh.sourceId,
        currency: refresh.currency,
        refreshed_at: refreshedAt,
        bytes_processed: refresh.bytesProcessed,
        queries: refresh.queries,
      });
    });
  }

  /** Replaces the attributions of the given months (others keep theirs), in one transaction. */
  async writeAttributions(
    months: Array<{ month: InvoiceMonth; projects: ProjectAttribution[] }>,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await replaceMonths(
        tx,
        ATTRIBUTIONS,
        months.map(m => m.month),
        months.flatMap(({ month, projects }) =>
          projects.map(({ projectId, ...attribution }) => ({
            month,
            project_id: projectId,
            attribution: JSON.stringify(attribution),
          })),
        ),
      );
    });
  }

  /** Records a failed refresh: its error and when, leaving every figure as it was. */
  async recordError(sourceId: string, error: string, at: Date): Promise<void> {
    await upsertStatus(this.db, {
      source_id: sourceId,
      last_error: error,
      last_error_at: at.toISOString(),
    });
  }

  private async status() {
    return this.db(STATUS).where('id', 'billing').first();
  }
}

async function insertChunks(
  db: Knex,
  table: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db(table).insert(rows.slice(i, i + CHUNK));
  }
}

/** Replaces a table's rows of the given months with `rows`. */
async function replaceMonths(
  tx: Knex,
  table: string,
  months: InvoiceMonth[],
  rows: Record<string, unknown>[],
): Promise<void> {
  await tx(table).whereIn('month', months).delete();
  await insertChunks(tx, table, rows);
}

async function upsertStatus(db: Knex, fields: Record<string, unknown>) {
  await db(STATUS)
    .insert({ id: 'billing', ...fields })
    .onConflict('id')
    .merge(Object.keys(fields));
}
