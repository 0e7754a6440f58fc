import {
  BillingBudget,
  BillingGroupBy,
  BillingMonthTotal,
  InvoiceMonth,
  monthsFrom,
} from '@infra-atlas/inventory-common';

/** What a breakdown's rows are, in the page's words: "Spend by SIG". */
export const GROUP_BY_TITLES: Record<BillingGroupBy, string> = {
  sig: 'SIG',
  owner: 'Owner',
  system: 'System',
  project: 'Project',
  service: 'Service',
};

/** The order of the breakdown tabs: the community's view first, the bill's last. */
export const GROUP_BY_ORDER: BillingGroupBy[] = [
  'sig',
  'owner',
  'system',
  'project',
  'service',
];

/** One month of the budget period: spent so far (to the report month), or projected after. */
export type BudgetPoint = {
  month: InvoiceMonth;
  spent?: number;
  projected?: number;
};

/**
 * The budget period month by month: the cumulative spend (net, or cost before credits for a
 * credit grant: the budget's `measure`) up to the report month, then the
 * projection's straight line from what is spent to what the answer projects at the period's
 * end. The cumulative line is anchored on the answer's `spent` and walked back through the
 * months' totals, so it ends exactly where the answer says; a month the trend does not cover
 * ends the walk (its earlier months are left blank rather than guessed).
 */
export function budgetSeries(
  budget: BillingBudget,
  months: BillingMonthTotal[],
  reportMonth: InvoiceMonth,
): BudgetPoint[] {
  const period = monthsFrom(budget.start, budget.end);
  const measure = budget.measure ?? 'net';
  const spentIn = new Map(months.map(m => [m.month, m[measure]]));
  const cumulative = new Map<InvoiceMonth, number>();
  let toDate = budget.spent;
  const spentMonths = period.filter(m => m <= reportMonth).reverse();
  for (const month of spentMonths) {
    cumulative.set(month, toDate);
    const monthSpend = spentIn.get(month);
    if (monthSpend === undefined) break;
    toDate -= monthSpend;
  }
  const left = period.filter(m => m > reportMonth);
  const step = left.length
    ? (budget.projected - budget.spent) / left.length
    : 0;
  return period.map(month => {
    if (month <= reportMonth) {
      // The projection starts where the spending stands, so the two lines meet.
      const spent = cumulative.get(month);
      return month === reportMonth && left.length
        ? { month, spent, projected: spent }
        : { month, spent };
    }
    return {
      month,
      projected: budget.spent + step * (left.indexOf(month) + 1),
    };
  });
}
