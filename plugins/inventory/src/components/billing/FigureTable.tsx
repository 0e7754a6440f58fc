import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import GetAppIcon from '@material-ui/icons/GetApp';
import { ReactNode } from 'react';
import { CsvValue, saveCsv, toCsv } from './csv';

/**
 * A column of a billing table, written once for the page and for its CSV: what a reader sees
 * (rounded, linked) and what the file holds (the unrounded figure, the ref).
 */
export type FigureColumn<R> = {
  title: string;
  /** The CSV header, when it says more than the title (the currency, say). */
  csvTitle?: string;
  render: (row: R) => ReactNode;
  value: (row: R) => CsvValue;
  /** In the file only: what the page shows another way (a link's target, a caption). */
  csvOnly?: boolean;
  /** Amounts and counts: right-aligned. */
  numeric?: boolean;
};

const useStyles = makeStyles(theme => ({
  // Wide tables scroll inside their card on a narrow screen instead of widening the page.
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.palette.divider}`,
      verticalAlign: 'top',
    },
    '& thead th': { whiteSpace: 'nowrap' },
    '& tfoot th, & tfoot td': { fontWeight: 700, borderBottom: 'none' },
  },
  numeric: { textAlign: 'right', whiteSpace: 'nowrap' },
  text: { textAlign: 'left' },
  highlighted: { backgroundColor: theme.palette.action.selected },
  download: { marginTop: theme.spacing(1) },
}));

/**
 * A table of figures with its "Download CSV" button: the chart beside it says the same, this is
 * its text alternative, and the file is its figures for a spreadsheet. The first column heads
 * each row. `footer` is a totals line shown under the rows and left out of the file, so that the
 * file's columns add up to it.
 */
export function FigureTable<R>(props: {
  label: string;
  columns: FigureColumn<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  fileName: string;
  footer?: R;
  highlighted?: (row: R) => boolean;
}) {
  const { label, columns, rows, rowKey, fileName, footer, highlighted } = props;
  const classes = useStyles();
  const shown = columns.filter(column => !column.csvOnly);
  const align = (column: FigureColumn<R>) =>
    column.numeric ? classes.numeric : classes.text;
  const cells = (row: R) =>
    shown.map((column, index) =>
      index === 0 ? (
        <th key={column.title} scope="row" className={align(column)}>
          {column.render(row)}
        </th>
      ) : (
        <td key={column.title} className={align(column)}>
          {column.render(row)}
        </td>
      ),
    );
  const download = () =>
    saveCsv(
      fileName,
      toCsv(
        columns.map(c => c.csvTitle ?? c.title),
        rows.map(row => columns.map(c => c.value(row))),
      ),
    );
  return (
    <>
      <div className={classes.scroll}>
        <table aria-label={label} className={classes.table}>
          <thead>
            <tr>
              {shown.map(column => (
                <th key={column.title} scope="col" className={align(column)}>
                  {column.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(row => (
              <tr
                key={rowKey(row)}
                className={highlighted?.(row) ? classes.highlighted : undefined}
                aria-current={highlighted?.(row) ? 'true' : undefined}
              >
                {cells(row)}
              </tr>
            ))}
          </tbody>
          {footer && (
            <tfoot>
              <tr>{cells(footer)}</tr>
            </tfoot>
          )}
        </table>
      </div>
      <Button
        className={classes.download}
        size="small"
        startIcon={<GetAppIcon />}
        onClick={download}
        aria-label={`Download CSV: ${label}`}
      >
        Download CSV
      </Button>
    </>
  );
}
