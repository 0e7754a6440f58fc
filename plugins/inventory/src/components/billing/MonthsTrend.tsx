import {
  BillingMonthState,
  BillingMonthTotal,
  SpendAmounts,
} from '@infra-atlas/inventory-common';
import { useTheme } from '@material-ui/core/styles';
import { Bar, BarChart, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { plural } from '../format';
import { ChartFigure } from './ChartFigure';
import { money, monthName, shortMoney, shortMonthName } from './billingFormat';
import { csvFileName } from './csv';
import { FigureColumn, FigureTable } from './FigureTable';

/** A month's state in words: an open month's figures can still change. */
export const MONTH_STATE_WORDS: Record<BillingMonthState, string> = {
  open: 'open: can still change',
  closed: 'closed',
  'no-data': 'no data in the export',
};

const AMOUNT_TITLES: Record<keyof SpendAmounts, string> = {
  cost: 'Cost',
  credits: 'Credits',
  net: 'Net',
};

/**
 * The columns of a table of months: the month, the amounts asked for (none, rather than zero,
 * for a month without data) and whether its figures are final.
 */
export function monthColumns(
  currency: string,
  amounts: Array<keyof SpendAmounts>,
): FigureColumn<BillingMonthTotal>[] {
  return [
    {
      title: 'Month',
      render: m => monthName(m.month),
      value: m => m.month,
    },
    ...amounts.map(
      (amount): FigureColumn<BillingMonthTotal> => ({
        title: AMOUNT_TITLES[amount],
        csvTitle: `${AMOUNT_TITLES[amount]} (${currency})`,
        numeric: true,
        render: m => (m.state === 'no-data' ? '–' : money(m[amount], currency)),
        value: m => (m.state === 'no-data' ? '' : m[amount]),
      }),
    ),
    {
      title: 'Figures',
      render: m => MONTH_STATE_WORDS[m.state],
      value: m => m.state,
    },
  ];
}

/**
 * The account's months over the range: what was paid (net) and what credits covered, stacked
 * to the month's cost. A month the export has no rows for has no bar and says so in the table,
 * rather than reading as a month of zero spend.
 */
export function MonthsTrend(props: {
  months: BillingMonthTotal[];
  currency: string;
}) {
  const { months, currency } = props;
  const theme = useTheme();
  if (!months.length) return null;
  const data = months.map(m =>
    m.state === 'no-data'
      ? { name: shortMonthName(m.month) }
      : {
          name: shortMonthName(m.month),
          net: m.net,
          covered: -m.credits,
        },
  );
  const first = months[0].month;
  const last = months[months.length - 1].month;
  const missing = months.filter(m => m.state === 'no-data').length;
  return (
    <>
      <ChartFigure
        label="Spend per month"
        height={260}
        caption={
          <>
            Each month's cost, split into what credits covered and the net, from{' '}
            {monthName(first)} to {monthName(last)}.
            {missing > 0 &&
              ` ${plural(
                missing,
                'month has',
                'months have',
              )} no data in the export and no bar.`}
          </>
        }
      >
        <BarChart data={data} margin={{ left: 8, right: 16, top: 8 }}>
          <XAxis dataKey="name" />
          <YAxis
            width={72}
            tickFormatter={(value: number) => shortMoney(value, currency)}
          />
          <Tooltip formatter={(value: number) => money(value, currency)} />
          <Legend />
          <Bar
            dataKey="net"
            name="Net (paid)"
            stackId="cost"
            fill={theme.palette.primary.main}
            isAnimationActive={false}
          />
          <Bar
            dataKey="covered"
            name="Covered by credits"
            stackId="cost"
            fill={theme.palette.grey[400]}
            isAnimationActive={false}
          />
        </BarChart>
      </ChartFigure>
      <FigureTable
        label={`Spend per month, ${monthName(first)} to ${monthName(last)}`}
        rows={[...months].reverse()}
        rowKey={m => m.month}
        fileName={csvFileName('months', first, 'to', last)}
        columns={monthColumns(currency, ['cost', 'credits', 'net'])}
      />
    </>
  );
}
