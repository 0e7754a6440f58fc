import {
  BillingReport,
  BillingRow,
  typeNoun,
} from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { Bar, BarChart, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from './ChartFigure';
import { GROUP_BY_TITLES } from './billingFigures';
import { money, monthName, shortMoney, shortMonthName } from './billingFormat';
import { csvFileName } from './csv';
import { FigureTable } from './FigureTable';
import { rowColumns } from './rowColumns';

/** Bars drawn: the largest rows, and the unattributed one wherever it ranks. */
const CHART_LIMIT = 15;
const BAR_HEIGHT = 34;

const cut = (title: string) =>
  title.length > 28 ? `${title.slice(0, 27)}…` : title;

/** The rows the chart draws: the largest, and the unattributed one always. */
function chartedRows(rows: BillingRow[]): BillingRow[] {
  const charted = rows.slice(0, CHART_LIMIT);
  const unattributed = rows.find(
    row => row.unattributed && !charted.includes(row),
  );
  return unattributed ? [...charted, unattributed] : charted;
}

/**
 * Why the rows can be trusted to add up: the unattributed row is listed, not dropped (its note
 * says what it holds), and a shared project is split by the stated rule.
 */
function HowRowsAddUp(props: { report: BillingReport }) {
  const { report } = props;
  const unattributed = report.rows.find(row => row.unattributed);
  return (
    <Typography variant="body2" component="div" style={{ marginTop: 8 }}>
      <p>
        The rows add up to the month's total,{' '}
        {money(report.total.net, report.currency)}
        {unattributed
          ? `, "${
              unattributed.title
            }" included: what nothing attributes to a ${typeNoun(
              report.groupBy,
              1,
            )} is listed as its own row, not left out.`
          : '.'}
      </p>
      <p>{report.splitRule}</p>
    </Typography>
  );
}

/**
 * One month's spend by the chosen breakdown against the month before: a bar chart of the
 * largest rows, and a table of every row that says the same, with the month's total under it.
 * `focus` marks the row of one entity (the "What it costs" card links here with it).
 */
export function SpendBreakdown(props: {
  report: BillingReport;
  focus?: string;
}) {
  const { report, focus } = props;
  const theme = useTheme();
  const { rows, groupBy, currency, month, previousMonth, total } = report;
  const by = GROUP_BY_TITLES[groupBy];
  const charted = chartedRows(rows).map(row => ({
    name: cut(row.title),
    net: row.net,
    previousNet: row.previousNet ?? 0,
  }));
  const focused = focus
    ? rows.find(row => row.entityRef === focus || row.key === focus)
    : undefined;
  const previousNet = report.previousTotal?.net;
  return (
    <>
      {focused && (
        <Typography variant="body1" style={{ marginBottom: 8 }}>
          {focused.title}: {money(focused.net, currency)} in {monthName(month)},
          marked in the table below.
        </Typography>
      )}
      <ChartFigure
        label={`Spend by ${by}`}
        height={charted.length * BAR_HEIGHT + 60}
        caption={
          <>
            Net spend by {typeNoun(groupBy, 1)}, {monthName(month)} against{' '}
            {monthName(previousMonth)}.
            {charted.length < rows.length &&
              ` The chart shows the ${charted.length} largest; the table lists all ${rows.length}.`}
          </>
        }
      >
        <BarChart data={charted} layout="vertical" margin={{ right: 16 }}>
          <XAxis
            type="number"
            tickFormatter={(value: number) => shortMoney(value, currency)}
          />
          <YAxis type="category" dataKey="name" width={200} />
          <Tooltip formatter={(value: number) => money(value, currency)} />
          <Legend />
          <Bar
            dataKey="previousNet"
            name={shortMonthName(previousMonth)}
            fill={theme.palette.grey[400]}
            isAnimationActive={false}
          />
          <Bar
            dataKey="net"
            name={shortMonthName(month)}
            fill={theme.palette.primary.main}
            isAnimationActive={false}
          />
        </BarChart>
      </ChartFigure>
      <FigureTable
        label={`Spend by ${by}, ${monthName(month)}`}
        columns={rowColumns(report, { nameTitle: by, total: total.net })}
        rows={rows}
        rowKey={row => row.key}
        fileName={csvFileName(month, 'by', groupBy)}
        highlighted={row => row === focused}
        footer={{
          key: 'total',
          title: 'Total',
          ...total,
          previousNet,
          change: total.net - (previousNet ?? 0),
        }}
      />
      <HowRowsAddUp report={report} />
    </>
  );
}
