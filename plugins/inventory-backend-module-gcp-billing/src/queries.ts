import {
  InvoiceMonth,
  addMonths,
  firstDayOf,
} from '@infra-atlas/inventory-common';

/**
 * The only statements this module sends to BigQuery: the spend of some invoice months and the
 * months the export covers. Both read the standard Cloud Billing export table
 * (`gcp_billing_export_v1_<account>`), which is partitioned by ingestion day, and both are
 * bounded by a partition filter: BigQuery bills the bytes of the columns a query references
 * in the partitions it scans, so the filter is what keeps a refresh cheap.
 *
 * The BigQuery emulator (packages/emulators/src/billing) executes exactly these shapes;
 * change them together.
 */

/** A parameterised statement and its named parameters. */
export type Statement = {
  query: string;
  params: Record<string, unknown>;
  /** BigQuery types of parameters whose JavaScript value does not say it. */
  types: Record<string, string | string[]>;
};

/** An export row lands in the partitions of up to this day of the month after its invoice month. */
export const LATE_ROWS_DAY = 10;

/** `project.dataset.table`, each part checked, so the name can be quoted in the statement. */
export function exportTableReference(exportTable: string): string {
  const parts = exportTable.split('.');
  const valid =
    parts.length === 3 &&
    // Project IDs, domain-scoped ones (`example.com:project`) included.
    /^[a-z][a-z0-9.:-]*$/.test(parts[0]) &&
    /^\w{1,1024}$/.test(parts[1]) &&
    /^[\w-]{1,1024}$/.test(parts[2]);
  if (!valid) {
    throw new Error(
      `inventory.billing.gcp.exportTable must be project.dataset.table, not '${exportTable}'`,
    );
  }
  return `\`${exportTable}\``;
}

/** `2024-05` as the export spells `invoice.month`: `202405`. */
export const exportMonth = (month: InvoiceMonth) => month.replace('-', '');

/** `202405` from the export as `2024-05`. */
export const invoiceMonth = (exportValue: string) =>
  `${exportValue.slice(0, 4)}-${exportValue.slice(4, 6)}`;

/**
 * Spend per invoice month × project × service, cost and credits apart.
 *
 * Partitions: from the first day of the earliest month asked (no row of a month is ingested
 * before it starts) to the 10th of the month after the latest (usage is exported hours to days
 * after it happens, and end-of-month corrections land in the next month's first days).
 */
export function spendStatement(
  table: string,
  months: InvoiceMonth[],
): Statement {
  const sorted = [...months].sort();
  const last = sorted[sorted.length - 1];
  return {
    query: [
      // invoice.month, not usage_start_time: the invoice month is what the account is billed
      // for, and late usage is billed in the month it is exported in.
      'SELECT invoice.month AS invoice_month,',
      // NULL for charges tied to no project (support, some taxes): the module reads it as ''.
      '  project.id AS project_id,',
      '  service.description AS service,',
      '  SUM(cost) AS cost,',
      // Credits are an array per row; summed on their own so cost is never counted once per
      // credit (joining UNNEST(credits) to the row would repeat its cost).
      '  SUM(IFNULL((SELECT SUM(c.amount) FROM UNNEST(credits) AS c), 0)) AS credits',
      `FROM ${exportTableReference(table)}`,
      // The partition filter: bounds the bytes scanned (and billed).
      'WHERE DATE(_PARTITIONTIME) BETWEEN @partitionStart AND @partitionEnd',
      // The months asked for only: rows of earlier months corrected late share the partitions.
      '  AND invoice.month IN UNNEST(@months)',
      'GROUP BY invoice_month, project_id, service',
      // A stable order, so pages and tests read the same rows in the same order.
      'ORDER BY invoice_month, project_id, service',
    ].join('\n'),
    params: {
      partitionStart: firstDayOf(sorted[0]),
      partitionEnd: `${addMonths(last, 1)}-${LATE_ROWS_DAY}`,
      months: sorted.map(exportMonth),
    },
    types: { partitionStart: 'DATE', partitionEnd: 'DATE', months: ['STRING'] },
  };
}

/**
 * The invoice months with any row, over the partitions from the first day of `since` to
 * `until` (a day): only `invoice.month` is referenced, the cheapest column to scan.
 */
export function coverageStatement(
  table: string,
  since: InvoiceMonth,
  until: string,
): Statement {
  return {
    query: [
      'SELECT DISTINCT invoice.month AS invoice_month',
      `FROM ${exportTableReference(table)}`,
      // The partition filter: a bounded look-back, never the whole table.
      'WHERE DATE(_PARTITIONTIME) BETWEEN @partitionStart AND @partitionEnd',
      'ORDER BY invoice_month',
    ].join('\n'),
    params: { partitionStart: firstDayOf(since), partitionEnd: until },
    types: { partitionStart: 'DATE', partitionEnd: 'DATE' },
  };
}
