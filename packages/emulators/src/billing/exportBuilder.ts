import { ExportSlice, monthDays } from './exportTable';

/** Raw export rows per SKU and day: one per hour of usage. */
const HOURLY_ROWS = 24;

/** How a seed describes one month of one project's use of one service. */
export type MonthlyUse = {
  /** `202405` */
  invoiceMonth: string;
  projectId: string | null;
  service: string;
  cost: number;
  /** Credits as shares of the cost, e.g. `[0.95]` for a grant paying 95% (one entry each). */
  creditShares: number[];
  /** Distinct SKUs billed, which sets the raw row count. */
  skus: number;
  /**
   * Share of the month's usage the export delivered late, in the first three daily
   * partitions of the next month (same invoice month). Default 0.
   */
  lateShare?: number;
};

/**
 * The export slices for one month of use: the usage spread over the month's daily partitions,
 * and the late part, if any, over the first three days of the next month.
 */
export function sliceMonthlyUse(use: MonthlyUse): ExportSlice[] {
  const { firstDay, lastDay } = monthDays(use.invoiceMonth);
  const creditShare = use.creditShares.reduce((sum, share) => sum + share, 0);
  const slice = (share: number, first: number, last: number): ExportSlice => ({
    invoiceMonth: use.invoiceMonth,
    projectId: use.projectId,
    service: use.service,
    firstDay: first,
    lastDay: last,
    cost: use.cost * share,
    credits: -use.cost * share * creditShare,
    rowsPerDay: use.skus * HOURLY_ROWS,
    creditsPerRow: use.creditShares.length,
  });
  const late = use.lateShare ?? 0;
  return late > 0
    ? [
        slice(1 - late, firstDay, lastDay),
        slice(late, lastDay + 1, lastDay + 3),
      ]
    : [slice(1, firstDay, lastDay)];
}
