import {
  BillingBudget,
  BillingMonthTotal,
  InvoiceMonth,
} from '@infra-atlas/inventory-common';
import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFigure } from './ChartFigure';
import { budgetSeries } from './billingFigures';
import { money, monthName, shortMoney, shortMonthName } from './billingFormat';
import { csvFileName } from './csv';
import { FigureTable } from './FigureTable';
import { budgetWords } from './BillingHeadline';

/**
 * The budget period month by month: net spend to date against the budget's line, and the
 * projection (dashed) to the period's end, with a table of the same figures.
 */
export function BudgetProjection(props: {
  budget: BillingBudget;
  months: BillingMonthTotal[];
  month: InvoiceMonth;
  currency: string;
}) {
  const { budget, months, month, currency } = props;
  const theme = useTheme();
  const series = budgetSeries(budget, months, month);
  const data = series.map(point => ({
    ...point,
    name: shortMonthName(point.month),
  }));
  const amount = (value?: number) =>
    value === undefined ? '–' : money(value, currency);
  return (
    <>
      <ChartFigure
        label="Spend against the budget"
        height={260}
        caption={
          <>
            {budgetWords(budget, currency)} {budget.projectionBasis}
          </>
        }
      >
        <LineChart data={data} margin={{ left: 8, right: 16, top: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis
            width={72}
            domain={[0, (max: number) => Math.max(max, budget.amount)]}
            tickFormatter={(value: number) => shortMoney(value, currency)}
          />
          <Tooltip formatter={(value: number) => money(value, currency)} />
          <Legend />
          <ReferenceLine
            y={budget.amount}
            stroke={theme.palette.error.main}
            label={`Budget ${shortMoney(budget.amount, currency)}`}
          />
          <Line
            dataKey="spent"
            name="Spent to date"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            isAnimationActive={false}
            connectNulls={false}
          />
          <Line
            dataKey="projected"
            name="Projected"
            stroke={theme.palette.primary.main}
            strokeDasharray="6 4"
            isAnimationActive={false}
            dot={false}
          />
        </LineChart>
      </ChartFigure>
      <FigureTable
        label={`${budget.title}, ${monthName(budget.start)} to ${monthName(
          budget.end,
        )}`}
        rows={series}
        rowKey={point => point.month}
        fileName={csvFileName('budget', budget.start, 'to', budget.end)}
        highlighted={point => point.month === month}
        columns={[
          {
            title: 'Month',
            render: point => monthName(point.month),
            value: point => point.month,
          },
          {
            title: 'Spent to date',
            csvTitle: `Spent to date (${currency})`,
            numeric: true,
            render: point => amount(point.spent),
            value: point => point.spent,
          },
          {
            title: 'Projected to date',
            csvTitle: `Projected to date (${currency})`,
            numeric: true,
            render: point => amount(point.projected),
            value: point => point.projected,
          },
          {
            // The same every month: the chart's line and its caption say it on the page.
            title: 'Budget',
            csvTitle: `Budget (${currency})`,
            csvOnly: true,
            numeric: true,
            render: () => money(budget.amount, currency),
            value: () => budget.amount,
          },
        ]}
      />
    </>
  );
}
