import { BillingBudget, BillingReport } from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { money, monthName, percentChange, shortMoney } from './billingFormat';

/** `+4.1% on October 2024`, or what stands in for a percentage when there is none. */
function changeWords(report: BillingReport): string {
  const { total, previousTotal, previousMonth, currency } = report;
  const previous = monthName(previousMonth);
  if (!previousTotal) return `no figures for ${previous} to compare with`;
  const change = percentChange(total.net, previousTotal.net);
  return change
    ? `${change} on ${previous} (${money(previousTotal.net, currency)})`
    : `${money(previousTotal.net, currency)} in ${previous}`;
}

/** `Projected $2.71M of $3M (Google credit grant) by December 2024; runs out in …`. */
export function budgetWords(budget: BillingBudget, currency: string): string {
  const projected = `Projected ${shortMoney(
    budget.projected,
    currency,
  )} of ${shortMoney(budget.amount, currency)} (${budget.title}) by ${monthName(
    budget.end,
  )}`;
  return budget.exhaustedIn
    ? `${projected}: at this rate it runs out in ${monthName(
        budget.exhaustedIn,
      )}.`
    : `${projected}: within it at this rate.`;
}

/**
 * The answer first, in two sentences a meeting can start with: the month's net spend against
 * the month before, and where the budget is heading.
 */
export function BillingHeadline(props: { report: BillingReport }) {
  const { report } = props;
  const { month, monthState, total, currency, budget } = report;
  if (monthState === 'no-data') {
    return (
      <section aria-label="Headline">
        <Typography variant="h5" component="p">
          {monthName(month)}: no billing figures.
        </Typography>
        <Typography variant="body1">
          The billing export has no rows for this month, so there is nothing to
          add up; this is not the same as no spend. Pick another month above.
        </Typography>
      </section>
    );
  }
  return (
    <section aria-label="Headline">
      <Typography variant="h5" component="p">
        {monthName(month)}: {money(total.net, currency)} net,{' '}
        {changeWords(report)}.
      </Typography>
      <Typography variant="body1">
        {money(total.cost, currency)} of usage,{' '}
        {money(-total.credits, currency)} of it covered by credits.
        {monthState === 'open' &&
          ' The month is still open: its figures can change until its invoice closes.'}
      </Typography>
      {budget && (
        <Typography variant="body1">{budgetWords(budget, currency)}</Typography>
      )}
    </section>
  );
}
