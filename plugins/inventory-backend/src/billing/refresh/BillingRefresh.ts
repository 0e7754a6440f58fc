import { LoggerService } from '@backstage/backend-plugin-api';
import {
  BillingMonthState,
  InvoiceMonth,
  addMonths,
  monthsFrom,
} from '@infra-atlas/inventory-common';
import {
  BillingSource,
  ProjectBilling,
} from '@infra-atlas/plugin-inventory-node';
import { ProjectAttribution } from '../store/BillingFigures';
import { BillingStore, MonthRead, MonthRecord } from '../store/BillingStore';

export type BillingRefreshOptions = {
  source: BillingSource;
  store: BillingStore;
  /** Who each project's spend goes to today, from the inventory index (the spend model). */
  currentAttributions: () => Promise<ProjectAttribution[]>;
  logger: LoggerService;
  /** How many invoice months the store keeps, ending with the newest the export has. */
  months: number;
  /** Days after a month ends before its figures count as final. */
  closeAfterDays: number;
  now?: () => Date;
};

/** What one refresh did, for logs and tests. */
export type RefreshOutcome =
  | {
      ok: true;
      monthsRead: InvoiceMonth[];
      queries: number;
      bytesProcessed: number;
      durationMs: number;
    }
  | { ok: false; error: string };

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long after its final read a month's ownership record is still rewritten. */
const FOLLOW_AFTER_FINAL_MS = DAY_MS;

/** Whether a month's invoice is final: `closeAfterDays` days after the month ended. */
export function isClosed(
  month: InvoiceMonth,
  closeAfterDays: number,
  now: Date,
): boolean {
  const nextMonthStart = Date.parse(`${addMonths(month, 1)}-01T00:00:00Z`);
  return now.getTime() >= nextMonthStart + closeAfterDays * DAY_MS;
}

/** A month read without rows is no-data (never zero spend), else open until it closes. */
function monthState(hasData: boolean, closed: boolean): BillingMonthState {
  if (!hasData) return 'no-data';
  return closed ? 'closed' : 'open';
}

/**
 * Which months a refresh reads: of the last `months` months ending with the newest the export
 * covers, those not yet final in the store (never read, or read while still open). Closed
 * months read once stay as they are; a gap inside the range is read too and stored as no-data.
 */
export function monthsToRead(
  covered: InvoiceMonth[],
  stored: MonthRecord[],
  months: number,
): InvoiceMonth[] {
  if (covered.length === 0) return [];
  const newest = covered.reduce((a, b) => (a > b ? a : b));
  const oldest = covered.reduce((a, b) => (a < b ? a : b));
  const start = addMonths(newest, 1 - months);
  const range = monthsFrom(start > oldest ? start : oldest, newest);
  const final = new Set(stored.filter(m => m.final).map(m => m.month));
  return range.filter(m => !final.has(m));
}

/**
 * One refresh of the billing store from its source: asks which months the export covers,
 * reads the months not final yet and each project's billing account. Everything is read
 * before anything is written, and written in one transaction: a failing source leaves the
 * last figures in place and only records its error. Ownership is recorded per month apart
 * (`recordAttributions`), after each refresh and each index build.
 */
export class BillingRefresh {
  /** What recordAttributions last wrote, to skip writing the same again. */
  private lastRecorded?: string;

  constructor(private readonly options: BillingRefreshOptions) {}

  async refresh(): Promise<RefreshOutcome> {
    const { source, store, logger } = this.options;
    const now = (this.options.now ?? (() => new Date()))();
    const started = Date.now();
    try {
      const stored = await store.monthRecords();
      // Months the store has are known to be covered; only newer ones are looked for.
      const known = stored.filter(m => m.state !== 'no-data').map(m => m.month);
      const covered = await source.coveredMonths(stored.at(-1)?.month);
      const toRead = monthsToRead(
        [...known, ...covered],
        stored,
        this.options.months,
      );
      const read =
        toRead.length > 0
          ? await source.readSpend(toRead)
          : { rows: [], monthsWithData: [], bytesProcessed: 0, queries: 0 };
      const projectBilling = await this.listProjectBilling();
      const withData = new Set(read.monthsWithData);
      const monthsRead: MonthRead[] = toRead.map(month => {
        const closed = isClosed(month, this.options.closeAfterDays, now);
        return {
          month,
          state: monthState(withData.has(month), closed),
          final: closed,
          // BigQuery reports bytes per query, not per month: shared evenly, in whole bytes.
          bytesProcessed: Math.round(read.bytesProcessed / toRead.length),
        };
      });
      // The coverage query counts as one; its bytes are not reported by the source.
      const queries = read.queries + 1;
      await store.write({
        sourceId: source.id,
        currency: source.currency,
        refreshedAt: now,
        months: monthsRead,
        spend: read.rows,
        projectBilling,
        bytesProcessed: read.bytesProcessed,
        queries,
      });
      const durationMs = Date.now() - started;
      logger.info(
        `Billing refresh from ${source.id}: read ${describeMonths(toRead)} (${
          read.rows.length
        } spend rows, ${read.monthsWithData.length} months with data), ${
          projectBilling?.length ?? 'no'
        } projects' billing, ${queries} queries, ${
          read.bytesProcessed
        } bytes processed, in ${durationMs} ms`,
      );
      await this.recordAttributions();
      return {
        ok: true,
        monthsRead: toRead,
        queries,
        bytesProcessed: read.bytesProcessed,
        durationMs,
      };
    } catch (error) {
      const message = errorMessage(error);
      logger.warn(
        `Billing refresh from ${source.id} failed; the last figures are kept: ${message}`,
      );
      await store.recordError(source.id, message, now);
      return { ok: false, error: message };
    }
  }

  /**
   * Each project's billing account. Spend can be read without it, so its failure is logged
   * and the last listing kept rather than failing the whole refresh.
   */
  private async listProjectBilling(): Promise<ProjectBilling[] | undefined> {
    try {
      return await this.options.source.listProjectBilling();
    } catch (error) {
      this.options.logger.warn(
        `Billing refresh from ${
          this.options.source.id
        }: could not list projects' billing accounts, keeping the last listing: ${errorMessage(
          error,
        )}`,
      );
      return undefined;
    }
  }

  /**
   * Records today's ownership against the months still open, against final months that have
   * none yet (read before the inventory knew any project), and against months read final in
   * the last day (so that a back-fill made at start-up, while the first crawls are still
   * arriving, ends with the day's ownership). Run after each refresh and each index build:
   * attributions follow the catalog while a month is open and are frozen a day after its
   * final read. An index that knows no project records nothing; the same ownership over the
   * same months is not written again.
   */
  async recordAttributions(): Promise<void> {
    const { store, logger } = this.options;
    try {
      const projects = await this.options.currentAttributions();
      if (projects.length === 0) return;
      const attributed = new Set(await store.attributedMonths());
      const now = (this.options.now ?? (() => new Date()))().getTime();
      const months = (await store.monthRecords())
        .filter(
          m =>
            !m.final ||
            !attributed.has(m.month) ||
            // The day a month was read final, its record still follows the catalog: a
            // back-fill at start-up happens while the first crawls are still arriving.
            Date.parse(m.refreshedAt) > now - FOLLOW_AFTER_FINAL_MS,
        )
        .map(m => m.month);
      const signature = JSON.stringify([months, projects]);
      if (months.length === 0 || signature === this.lastRecorded) return;
      await store.writeAttributions(months.map(month => ({ month, projects })));
      this.lastRecorded = signature;
    } catch (error) {
      // The figures stay; the next index build tries again.
      logger.warn(
        `Billing: could not record the projects' ownership: ${errorMessage(
          error,
        )}`,
      );
    }
  }
}

function describeMonths(months: InvoiceMonth[]): string {
  if (months.length === 0) return 'no month (all final)';
  if (months.length === 1) return `month ${months[0]}`;
  return `${months.length} months ${months[0]}…${months[months.length - 1]}`;
}

/** An error's message for logs and the freshness answer: never its stack or request. */
function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
