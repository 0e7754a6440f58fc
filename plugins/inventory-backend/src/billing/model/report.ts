import {
  addMonths,
  BillingBudget,
  BillingGroupBy,
  BillingMonthState,
  BillingReport,
  BillingRow,
  InvoiceMonth,
  monthsFrom,
  SpendAmounts,
} from '@infra-atlas/inventory-common';
import { ProjectAttribution, StoredMonth } from '../store/BillingFigures';
import { FiguresRead } from './figures';
import {
  amountsOf,
  attributionLookup,
  breakdown,
  Names,
  noteOf,
  RowSum,
  SPLIT_RULE,
  spendByMonth,
} from './partition';

/** `inventory.billing.budget`: the budget a period's spend is measured against. */
export type BudgetConfig = {
  title: string;
  amount: number;
  /** First month of the first period; the period repeats every `months` months. */
  start: InvoiceMonth;
  months: number;
  measure: 'net' | 'cost';
};

/** What a report asks: one month's breakdown, and the months of the trend. */
export type ReportQuestion = {
  groupBy: BillingGroupBy;
  month?: InvoiceMonth;
  from?: InvoiceMonth;
  to?: InvoiceMonth;
};

/** What the report needs besides the store's figures. */
export type ReportContext = {
  current: ProjectAttribution[];
  names: Names;
  budget?: BudgetConfig;
  note?: string;
};

/** How many months the trend shows when no range is asked: a year, the report month last. */
const DEFAULT_TREND_MONTHS = 12;
/** Movers listed: the ones a meeting discusses. */
const MOVERS = 5;
/** Closed months the projection averages. */
const PROJECTION_MONTHS = 3;

/** The latest month with data, else the latest known, else none. */
export function latestMonth(months: StoredMonth[]): InvoiceMonth | undefined {
  const withData = months.filter(m => m.state !== 'no-data');
  return (withData.length ? withData : months).at(-1)?.month;
}

/** The report month and the trend's range, with the defaults filled in. */
export function resolveQuestion(
  question: ReportQuestion,
  known: StoredMonth[],
  today: InvoiceMonth,
) {
  const month = question.month ?? latestMonth(known) ?? today;
  const to = question.to ?? month;
  const from = question.from ?? addMonths(to, 1 - DEFAULT_TREND_MONTHS);
  return { groupBy: question.groupBy, month, from, to };
}

/** The budget period the month falls in, if the budget has begun by then. */
function budgetPeriod(budget: BudgetConfig, month: InvoiceMonth) {
  const elapsed = monthsFrom(budget.start, month).length - 1;
  if (elapsed < 0) return undefined;
  const start = addMonths(budget.start, elapsed - (elapsed % budget.months));
  return { start, end: addMonths(start, budget.months - 1) };
}

/** The last closed months up to `month`, the projection's basis. */
const closedBefore = (known: StoredMonth[], month: InvoiceMonth) =>
  known
    .filter(m => m.state === 'closed' && m.month <= month)
    .slice(-PROJECTION_MONTHS)
    .map(m => m.month);

/** Every month a report reads: the trend, the month and the one before, the budget period. */
export function monthsNeeded(
  question: ReturnType<typeof resolveQuestion>,
  known: StoredMonth[],
  budget?: BudgetConfig,
): InvoiceMonth[] {
  const months = new Set([
    ...monthsFrom(question.from, question.to),
    addMonths(question.month, -1),
    question.month,
  ]);
  const period = budget && budgetPeriod(budget, question.month);
  if (period) {
    monthsFrom(period.start, question.month).forEach(m => months.add(m));
    closedBefore(known, question.month).forEach(m => months.add(m));
  }
  return [...months].sort();
}

const stateOf = (
  known: StoredMonth[],
  month: InvoiceMonth,
): BillingMonthState => known.find(m => m.month === month)?.state ?? 'no-data';

/**
 * The billing report: one month broken down by `groupBy` against the month before, the top
 * movers, the trend over the range, and the budget with its projection. Every breakdown's
 * rows add up to the month's total (see partition.ts).
 */
export function billingReport(
  figures: FiguresRead,
  question: ReturnType<typeof resolveQuestion>,
  context: ReportContext,
): BillingReport {
  const { groupBy, month, from, to } = question;
  const known = figures.months;
  const previousMonth = addMonths(month, -1);
  const lookup = attributionLookup(figures.attributions, context.current);
  const spendOf = spendByMonth(figures.spend);
  const totals = new Map<InvoiceMonth, SpendAmounts>();
  const monthTotal = (m: InvoiceMonth) => {
    let total = totals.get(m);
    if (!total) {
      total = amountsOf(spendOf(m));
      totals.set(m, total);
    }
    return total;
  };
  const rowsOf = (m: InvoiceMonth) =>
    breakdown(m, spendOf(m), groupBy, lookup, context.names);
  const current = rowsOf(month);
  const previous = rowsOf(previousMonth);
  const previousHasData = stateOf(known, previousMonth) !== 'no-data';
  // Movers compare two months with figures; against a month without, everything "moved".
  const comparable = previousHasData && stateOf(known, month) !== 'no-data';
  const rows = [...current.values()]
    .map(row => reportRow(row, groupBy, previous.get(row.key)))
    .sort((a, b) => b.net - a.net);
  const gone = [...previous.values()]
    .filter(row => !current.has(row.key))
    .map(row => ({
      ...reportRow({ ...row, cost: 0, credits: 0, net: 0 }, groupBy, row),
      note: `No spend in ${month}`,
    }));
  const movers = comparable
    ? [...rows, ...gone]
        .filter(row => row.change !== 0)
        .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
        .slice(0, MOVERS)
    : [];
  return {
    currency: figures.currency,
    groupBy,
    month,
    monthState: stateOf(known, month),
    previousMonth,
    total: monthTotal(month),
    ...(previousHasData ? { previousTotal: monthTotal(previousMonth) } : {}),
    rows,
    movers,
    months: monthsFrom(from, to).map(m => ({
      month: m,
      state: stateOf(known, m),
      ...monthTotal(m),
    })),
    ...budgetFields(context.budget, month, known, monthTotal),
    splitRule: SPLIT_RULE,
    freshness: figures.freshness,
    ...(context.note ? { note: context.note } : {}),
  };
}

function reportRow(
  row: RowSum,
  groupBy: BillingGroupBy,
  previous: RowSum | undefined,
): BillingRow {
  const note = noteOf(row, groupBy);
  return {
    key: row.key,
    title: row.title,
    ...(row.entityRef ? { entityRef: row.entityRef } : {}),
    cost: row.cost,
    credits: row.credits,
    net: row.net,
    ...(previous ? { previousNet: previous.net } : {}),
    change: row.net - (previous?.net ?? 0),
    ...(row.unattributed ? { unattributed: true } : {}),
    ...(note ? { note } : {}),
  };
}

const MEASURES = { net: 'net spend', cost: 'cost before credits' };

/**
 * Spend against the budget: what the period has spent through `month`, plus the average of
 * the last closed months for each month left, and the month the projection runs out.
 */
function budgetFields(
  budget: BudgetConfig | undefined,
  month: InvoiceMonth,
  known: StoredMonth[],
  monthTotal: (m: InvoiceMonth) => SpendAmounts,
): { budget?: BillingBudget } {
  const period = budget && budgetPeriod(budget, month);
  if (!budget || !period) return {};
  const measured = (m: InvoiceMonth) => monthTotal(m)[budget.measure];
  let spent = 0;
  let exhaustedIn: InvoiceMonth | undefined;
  for (const m of monthsFrom(period.start, month)) {
    spent += measured(m);
    if (!exhaustedIn && spent > budget.amount) exhaustedIn = m;
  }
  const basis = closedBefore(known, month);
  const average = basis.length
    ? basis.reduce((sum, m) => sum + measured(m), 0) / basis.length
    : 0;
  const left = monthsFrom(month, period.end).length - 1;
  if (!exhaustedIn && average > 0) {
    const monthsToGo = Math.ceil((budget.amount - spent) / average);
    if (monthsToGo <= left) exhaustedIn = addMonths(month, monthsToGo);
  }
  const what = MEASURES[budget.measure];
  return {
    budget: {
      title: budget.title,
      amount: budget.amount,
      start: period.start,
      end: period.end,
      measure: budget.measure,
      spent,
      projected: spent + average * left,
      projectionBasis: basis.length
        ? `The ${what} of ${
            period.start
          } through ${month}, plus the average of the last ${
            basis.length
          } closed months (${basis.join(
            ', ',
          )}) for each of the ${left} months left`
        : `The ${what} of ${period.start} through ${month}: no closed month yet to project the ${left} months left from`,
      ...(exhaustedIn ? { exhaustedIn } : {}),
    },
  };
}
