import {
  BILLING_GROUP_BYS,
  BillingGroupBy,
  INVOICE_MONTH_PATTERN,
  InvoiceMonth,
} from '@infra-atlas/inventory-common';

/**
 * What the billing report shows, as its URL says it, so that a view can be shared: the month
 * (`month`, else the latest with data), the end of the trend's range (`to`, kept while another
 * month is picked so the picker keeps its months), the breakdown (`by`) and the entity whose
 * row is marked (`focus`, from a "What it costs" card).
 */
export type BillingView = {
  month?: InvoiceMonth;
  to?: InvoiceMonth;
  groupBy: BillingGroupBy;
  focus?: string;
};

/** The breakdown a meeting starts with: the community's own units. */
export const DEFAULT_GROUP_BY: BillingGroupBy = 'sig';

const monthParam = (value: string | null) =>
  value && INVOICE_MONTH_PATTERN.test(value) ? value : undefined;

/**
 * The view a URL's query asks for. A malformed month is left out (the latest month shows), and
 * said in `ignored`, rather than sent to the inventory to be refused.
 */
export function readBillingView(params: URLSearchParams): BillingView & {
  ignored: string[];
} {
  const by = params.get('by') as BillingGroupBy | null;
  const ignored = (['month', 'to'] as const).filter(
    name => params.get(name) && !monthParam(params.get(name)),
  );
  return {
    month: monthParam(params.get('month')),
    to: monthParam(params.get('to')),
    groupBy: by && BILLING_GROUP_BYS.includes(by) ? by : DEFAULT_GROUP_BY,
    focus: params.get('focus') ?? undefined,
    ignored: ignored.map(name => `${name}=${params.get(name)}`),
  };
}

/** The query string of a view, without what is its default. */
export function billingViewSearch(view: BillingView): string {
  const params = new URLSearchParams();
  if (view.month) params.set('month', view.month);
  if (view.to) params.set('to', view.to);
  if (view.groupBy !== DEFAULT_GROUP_BY) params.set('by', view.groupBy);
  if (view.focus) params.set('focus', view.focus);
  const search = params.toString();
  return search ? `?${search}` : '';
}
