import { ExportSlice } from './exportTable';

/**
 * Bytes a statement processes, counted as BigQuery's on-demand pricing counts them: only the
 * columns the statement references, only in the partitions its `_PARTITIONTIME` filter
 * selects (every row of those partitions, whatever the rest of the WHERE clause keeps), with
 * BigQuery's per-value sizes:
 *
 * - STRING: 2 bytes + its UTF-8 length;
 * - FLOAT64, INT64, TIMESTAMP, DATE: 8 bytes;
 * - NULL: 0 bytes;
 * - a REPEATED RECORD (`credits`): the referenced fields of every element;
 * - `_PARTITIONTIME`, a pseudo-column: not counted.
 *
 * A column that only leads to a referenced field (`credits` in `UNNEST(credits)` when only
 * `credit.amount` is read) counts as that field alone, as BigQuery reads nested leaves.
 */
const stringBytes = (value: string | null) =>
  value === null ? 0 : 2 + Buffer.byteLength(value, 'utf8');

const FIXED_WIDTH = 8;

/** Bytes of one raw row of `slice` for each column BigQuery may read, by leaf path. */
const COLUMN_BYTES: Record<string, (slice: ExportSlice) => number> = {
  'invoice.month': slice => stringBytes(slice.invoiceMonth),
  'project.id': slice => stringBytes(slice.projectId),
  'service.description': slice => stringBytes(slice.service),
  cost: () => FIXED_WIDTH,
  'credits.amount': slice => FIXED_WIDTH * slice.creditsPerRow,
};

/** The leaves among `columns`: a path that another one extends is not read on its own. */
export function leafColumns(columns: string[]): string[] {
  return columns.filter(
    column => !columns.some(other => other.startsWith(`${column}.`)),
  );
}

/** Bytes of one raw row of `slice` over the statement's columns. */
export function rowBytes(slice: ExportSlice, columns: string[]): number {
  return leafColumns(columns).reduce((sum, column) => {
    const bytes = COLUMN_BYTES[column];
    if (!bytes) {
      throw new Error(`No byte size known for column ${column}`);
    }
    return sum + bytes(slice);
  }, 0);
}
