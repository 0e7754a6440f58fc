import { Link } from '@backstage/core-components';
import { EntityCost, addMonths } from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { Bar, BarChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from './ChartFigure';
import { BillingFreshnessNote } from './BillingFreshnessNote';
import {
  money,
  monthName,
  percentChange,
  shortMoney,
  shortMonthName,
  signedMoney,
} from './billingFormat';
import { csvFileName } from './csv';
import { FigureTable } from './FigureTable';
import { monthColumns } from './MonthsTrend';
import { rowColumns } from './rowColumns';

type CostMonth = EntityCost['months'][number];
type ServiceSpend = EntityCost['topServices'][number];

/** `November 2024: $150,000 net, +7.1% on October 2024.` */
function Latest(props: { cost: EntityCost; latest: CostMonth }) {
  const { cost, latest } = props;
  const previous = cost.months.find(
    m => m.month === addMonths(latest.month, -1) && m.state !== 'no-data',
  );
  const change = previous && percentChange(latest.net, previous.net);
  return (
    <Typography variant="h6" component="p">
      {monthName(latest.month)}: {money(latest.net, cost.currency)} net
      {previous &&
        `, ${
          change ?? signedMoney(latest.net - previous.net, cost.currency)
        } on ${monthName(previous.month)}`}
      .
      {latest.state === 'open' && (
        <Typography variant="body2" component="span">
          {' '}
          The month is still open: its figures can change.
        </Typography>
      )}
    </Typography>
  );
}

/** The months as small bars, and the same figures as a table behind a disclosure. */
function MonthBars(props: { cost: EntityCost; name: string }) {
  const { cost, name } = props;
  const theme = useTheme();
  const { months, currency } = cost;
  const first = months[0].month;
  const last = months[months.length - 1].month;
  return (
    <>
      <ChartFigure
        label="Net spend per month"
        height={120}
        caption={
          <>
            Net spend per month, {monthName(first)} to {monthName(last)}.
          </>
        }
      >
        <BarChart
          data={months.map(m => ({
            name: shortMonthName(m.month),
            net: m.state === 'no-data' ? undefined : m.net,
          }))}
          margin={{ left: 0, right: 8, top: 4 }}
        >
          <XAxis dataKey="name" hide />
          <YAxis
            width={56}
            tickFormatter={(value: number) => shortMoney(value, currency)}
          />
          <Tooltip formatter={(value: number) => money(value, currency)} />
          <Bar
            dataKey="net"
            name="Net"
            fill={theme.palette.primary.main}
            isAnimationActive={false}
          />
        </BarChart>
      </ChartFigure>
      <details>
        <summary>
          <Typography variant="caption">The months as a table</Typography>
        </summary>
        <FigureTable
          label={`Net spend per month of ${name}`}
          rows={[...months].reverse()}
          rowKey={m => m.month}
          fileName={csvFileName(name, 'months')}
          columns={monthColumns(currency, ['net', 'cost'])}
        />
      </details>
    </>
  );
}

/**
 * What an entity costs, for its page: the latest month's net against the month before, the
 * months as bars (and a table), its largest services and, for a group or System, its largest
 * projects; then a link to the billing report, where its row is marked.
 */
export function EntityCostView(props: {
  cost: EntityCost;
  /** The entity as its page titles it. */
  name: string;
  /** The billing report on the entity's breakdown with its row marked, when the app has it. */
  reportLink?: string;
}) {
  const { cost, name, reportLink } = props;
  const { currency } = cost;
  const withData = cost.months.filter(m => m.state !== 'no-data');
  const latest = withData[withData.length - 1];
  // A group that owns no project is charged nothing: one sentence, not a chart of zeros.
  const spent = withData.some(m => m.cost !== 0 || m.credits !== 0);
  if (latest && !spent) {
    return (
      <Typography variant="body1">
        No spend is attributed to {name} from {monthName(withData[0].month)} to{' '}
        {monthName(latest.month)}.
      </Typography>
    );
  }
  return (
    <>
      <BillingFreshnessNote freshness={cost.freshness} note={cost.note} />
      {latest ? (
        <>
          <Latest cost={cost} latest={latest} />
          {cost.basis && (
            <Typography variant="caption" component="p" color="textSecondary">
              {cost.basis}.
            </Typography>
          )}
          <MonthBars cost={cost} name={name} />
          {cost.topServices.length > 0 && (
            <>
              <Typography variant="subtitle2" component="h3">
                Largest services in {monthName(latest.month)}
              </Typography>
              <FigureTable<ServiceSpend>
                label={`Largest services of ${name}, ${monthName(
                  latest.month,
                )}`}
                rows={cost.topServices}
                rowKey={s => s.service}
                fileName={csvFileName(name, latest.month, 'services')}
                columns={[
                  {
                    title: 'Service',
                    render: s => s.service,
                    value: s => s.service,
                  },
                  {
                    title: 'Net',
                    csvTitle: `Net (${currency})`,
                    numeric: true,
                    render: s => money(s.net, currency),
                    value: s => s.net,
                  },
                  {
                    title: 'Cost',
                    csvTitle: `Cost (${currency})`,
                    numeric: true,
                    render: s => money(s.cost, currency),
                    value: s => s.cost,
                  },
                ]}
              />
            </>
          )}
          {cost.topProjects && cost.topProjects.length > 0 && (
            <>
              <Typography
                variant="subtitle2"
                component="h3"
                style={{ marginTop: 16 }}
              >
                Largest projects in {monthName(latest.month)}
              </Typography>
              <FigureTable
                label={`Largest projects of ${name}, ${monthName(
                  latest.month,
                )}`}
                rows={cost.topProjects}
                rowKey={row => row.key}
                fileName={csvFileName(name, latest.month, 'projects')}
                columns={rowColumns(
                  {
                    month: latest.month,
                    previousMonth: addMonths(latest.month, -1),
                    currency,
                  },
                  { nameTitle: 'Project' },
                )}
              />
            </>
          )}
        </>
      ) : (
        <Typography variant="body1">
          No billing figures for {name} in these months: the billing export has
          no rows for them.
        </Typography>
      )}
      {reportLink && (
        <Typography variant="body2" style={{ marginTop: 16 }}>
          <Link to={reportLink}>See it in the billing report</Link>
        </Typography>
      )}
    </>
  );
}
