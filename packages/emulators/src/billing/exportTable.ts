/**
 * A Cloud Billing export table in BigQuery (the standard usage cost export), as the BigQuery
 * emulator serves it.
 *
 * Raw export rows are one per SKU, project and hour of usage: 2,000 projects over 24 months
 * would be hundreds of millions of them. The table therefore keeps them aggregated at the
 * grain the billing statements read — invoice month × project × service × a run of daily
 * partitions — and remembers how many raw rows each aggregate stands for, so that bytes
 * processed are counted as BigQuery counts them for the raw rows (see bytesProcessed.ts).
 */
export type BillingExportTable = {
  /** `project.dataset.table`, e.g. `kubernetes-public.kubernetes_public_billing.gcp_billing_export_v1_…`. */
  tableId: string;
  /** The dataset's location, e.g. `US`; jobs run there. */
  location: string;
  slices: ExportSlice[];
};

/**
 * Raw rows of one invoice month, project and service that landed in consecutive daily
 * partitions, spread evenly over them: a partition filter covering part of the run reads that
 * part of the cost, credits and rows.
 */
export type ExportSlice = {
  /** `invoice.month`, e.g. `202405`. */
  invoiceMonth: string;
  /** `project.id`; null for charges not tied to a project (support, taxes). */
  projectId: string | null;
  /** `service.description`, e.g. `Cloud Storage`. */
  service: string;
  /** First and last `_PARTITIONTIME` day of the run, as days since 1970-01-01. */
  firstDay: number;
  lastDay: number;
  /** `SUM(cost)` over the run's raw rows. */
  cost: number;
  /** The sum of every raw row's `credits[].amount` (zero or negative). */
  credits: number;
  /** Raw rows per partition day (SKUs × hourly rows). */
  rowsPerDay: number;
  /** `credits` entries per raw row (each has a name, an amount and a type). */
  creditsPerRow: number;
};

/** One column of the export's schema, as `tables.get` and query results describe it. */
export type ExportField = {
  name: string;
  type: 'STRING' | 'FLOAT' | 'TIMESTAMP' | 'RECORD' | 'NUMERIC';
  mode?: 'NULLABLE' | 'REPEATED';
  fields?: ExportField[];
};

const string = (name: string): ExportField => ({ name, type: 'STRING' });
const record = (
  name: string,
  fields: ExportField[],
  mode: ExportField['mode'] = 'NULLABLE',
): ExportField => ({ name, type: 'RECORD', mode, fields });

/**
 * The standard export's columns (those the statements may name, and the ones a reader
 * expects next to them), so that a misspelt column is "Unrecognized name" and a real but
 * unsupported one is refused as such. `_PARTITIONTIME` is a pseudo-column, not listed.
 */
export const EXPORT_SCHEMA: ExportField[] = [
  string('billing_account_id'),
  record('service', [string('id'), string('description')]),
  record('sku', [string('id'), string('description')]),
  { name: 'usage_start_time', type: 'TIMESTAMP' },
  { name: 'usage_end_time', type: 'TIMESTAMP' },
  record('project', [
    string('id'),
    string('number'),
    string('name'),
    record('labels', [string('key'), string('value')], 'REPEATED'),
  ]),
  record('labels', [string('key'), string('value')], 'REPEATED'),
  record('location', [string('location'), string('country'), string('region')]),
  { name: 'cost', type: 'FLOAT' },
  string('currency'),
  { name: 'currency_conversion_rate', type: 'FLOAT' },
  record('usage', [{ name: 'amount', type: 'FLOAT' }, string('unit')]),
  record(
    'credits',
    [
      string('name'),
      { name: 'amount', type: 'FLOAT' },
      string('full_name'),
      string('id'),
      string('type'),
    ],
    'REPEATED',
  ),
  record('invoice', [string('month')]),
  string('cost_type'),
  { name: 'export_time', type: 'TIMESTAMP' },
];

const DAY_MS = 24 * 3600 * 1000;

/** `2024-05-31` as days since 1970-01-01. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** Days since 1970-01-01 as `2024-05-31`. */
export function dayDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The first and last day of invoice month `202405`, as day numbers. */
export function monthDays(invoiceMonth: string): {
  firstDay: number;
  lastDay: number;
} {
  const year = Number(invoiceMonth.slice(0, 4));
  const month = Number(invoiceMonth.slice(4, 6));
  return {
    firstDay: Math.round(Date.UTC(year, month - 1, 1) / DAY_MS),
    lastDay: Math.round(Date.UTC(year, month, 0) / DAY_MS),
  };
}

/** The `count` invoice months ending with `last` (`202405`), oldest first. */
export function invoiceMonthsEndingWith(last: string, count: number): string[] {
  const year = Number(last.slice(0, 4));
  const month = Number(last.slice(4, 6));
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(year, month - count + i, 1));
    return `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(
      2,
      '0',
    )}`;
  });
}
