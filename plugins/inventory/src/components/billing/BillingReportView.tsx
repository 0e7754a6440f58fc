import { InfoCard } from '@backstage/core-components';
import {
  BillingGroupBy,
  BillingReport,
  InvoiceMonth,
} from '@infra-atlas/inventory-common';
import Grid from '@material-ui/core/Grid';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { BillingFreshnessNote } from './BillingFreshnessNote';
import { BillingHeadline } from './BillingHeadline';
import { GROUP_BY_ORDER, GROUP_BY_TITLES } from './billingFigures';
import { monthName } from './billingFormat';
import { BudgetProjection } from './BudgetProjection';
import { MONTH_STATE_WORDS, MonthsTrend } from './MonthsTrend';
import { SpendBreakdown } from './SpendBreakdown';
import { TopMovers } from './TopMovers';

/** The months the report can show, newest first, each saying whether it has figures. */
function MonthPicker(props: {
  report: BillingReport;
  onMonth: (month: InvoiceMonth) => void;
}) {
  const { report, onMonth } = props;
  const months = report.months.map(m => m.month);
  if (!months.includes(report.month)) months.push(report.month);
  const states = new Map(report.months.map(m => [m.month, m.state]));
  return (
    <TextField
      select
      id="billing-month"
      label="Month"
      variant="outlined"
      size="small"
      value={report.month}
      onChange={event => onMonth(event.target.value)}
      SelectProps={{ native: true }}
      style={{ minWidth: 220 }}
    >
      {months
        .sort()
        .reverse()
        .map(month => (
          <option key={month} value={month}>
            {monthName(month)}
            {states.get(month) === 'no-data'
              ? ` (${MONTH_STATE_WORDS['no-data']})`
              : ''}
          </option>
        ))}
    </TextField>
  );
}

/**
 * The billing report, made to be read at the start of a meeting: the month's net against the
 * previous month and the budget first, then the projection and the movers, then the breakdown
 * the reader chose (with the spend nothing accounts for), then the months' trend. Every chart has
 * a table that says the same, and every table a CSV of its figures.
 */
export function BillingReportView(props: {
  report: BillingReport;
  focus?: string;
  onMonth: (month: InvoiceMonth) => void;
  onGroupBy: (groupBy: BillingGroupBy) => void;
}) {
  const { report, focus, onMonth, onGroupBy } = props;
  const hasData = report.monthState !== 'no-data';
  const by = GROUP_BY_TITLES[report.groupBy];
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <BillingFreshnessNote freshness={report.freshness} note={report.note} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard>
          <div
            style={{
              display: 'flex',
              flexWrap: 'wrap',
              gap: 16,
              justifyContent: 'space-between',
              alignItems: 'flex-start',
            }}
          >
            <BillingHeadline report={report} />
            <MonthPicker report={report} onMonth={onMonth} />
          </div>
        </InfoCard>
      </Grid>
      {report.budget && (
        <Grid item xs={12} md={hasData ? 6 : 12}>
          <InfoCard title={`Against the budget: ${report.budget.title}`}>
            <BudgetProjection
              budget={report.budget}
              months={report.months}
              month={report.month}
              currency={report.currency}
            />
          </InfoCard>
        </Grid>
      )}
      {hasData && (
        <Grid item xs={12} md={report.budget ? 6 : 12}>
          <InfoCard
            title={`What moved most since ${monthName(report.previousMonth)}`}
          >
            <TopMovers report={report} />
          </InfoCard>
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard title={`Spend by ${by}`}>
          <Tabs
            value={report.groupBy}
            onChange={(_, value: BillingGroupBy) => onGroupBy(value)}
            indicatorColor="primary"
            variant="scrollable"
            aria-label="Break the spend down by"
            style={{ marginBottom: 16 }}
          >
            {GROUP_BY_ORDER.map(groupBy => (
              <Tab
                key={groupBy}
                value={groupBy}
                label={`By ${GROUP_BY_TITLES[groupBy]}`}
              />
            ))}
          </Tabs>
          {hasData ? (
            <SpendBreakdown report={report} focus={focus} />
          ) : (
            <Typography variant="body2">
              No breakdown for {monthName(report.month)}: the billing export has
              no rows for it.
            </Typography>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Month by month">
          <MonthsTrend months={report.months} currency={report.currency} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
