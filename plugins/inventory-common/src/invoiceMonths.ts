import type { InvoiceMonth } from './billing';

/**
 * Arithmetic on invoice months (`YYYY-MM`), shared by the billing source (partition bounds),
 * the store's refresh (which months are open), the spend model and the report page.
 */

const monthIndex = (month: InvoiceMonth) =>
  Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

const fromIndex = (index: number): InvoiceMonth =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The invoice month `count` months after `month` (before it when negative). */
export function addMonths(month: InvoiceMonth, count: number): InvoiceMonth {
  return fromIndex(monthIndex(month) + count);
}

/** Every invoice month from `first` to `last`, both included; empty when `last` comes first. */
export function monthsFrom(
  first: InvoiceMonth,
  last: InvoiceMonth,
): InvoiceMonth[] {
  const months: InvoiceMonth[] = [];
  for (let i = monthIndex(first); i <= monthIndex(last); i++) {
    months.push(fromIndex(i));
  }
  return months;
}

/**
 * The invoice month a moment falls in, in UTC. Invoice months follow Pacific time: the few
 * hours between the two at a month's edge only move when a month counts as closed.
 */
export function invoiceMonthOf(date: Date): InvoiceMonth {
  return fromIndex(date.getUTCFullYear() * 12 + date.getUTCMonth());
}

/** The first day of a month, `YYYY-MM-01`, for date and partition filters. */
export function firstDayOf(month: InvoiceMonth): string {
  return `${month}-01`;
}
