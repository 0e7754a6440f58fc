/*
 * CSV as RFC 4180 writes it, for the billing tables' "Download CSV": a header row, then one
 * line per row, CRLF between lines. Numbers go out as JavaScript writes them, unrounded, so a
 * spreadsheet's sum of a column is the report's total.
 */

export type CsvValue = string | number | boolean | undefined;

/**
 * A field, quoted when it holds a comma, a quote or a line break (a title like
 * `SIG "Testing", infra` or a note over two lines), with quotes doubled inside.
 */
function field(value: CsvValue): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of a header and its rows. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows]
    .map(line => line.map(field).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/**
 * A file name for a billing table: `billing-2024-11-by-sig.csv`, with anything a file system
 * might refuse (spaces, slashes, colons of entity refs) turned into hyphens.
 */
export const csvFileName = (...parts: string[]) =>
  `billing-${parts.join('-').replace(/[^\w.-]+/g, '-')}.csv`;

/** Hands a CSV text to the browser as a file to save. */
export function saveCsv(fileName: string, text: string) {
  const url = URL.createObjectURL(
    new Blob([text], { type: 'text/csv;charset=utf-8' }),
  );
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Revoked a little later: a browser may still be starting the download after the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
