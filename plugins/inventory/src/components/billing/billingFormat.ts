import { InvoiceMonth } from '@infra-atlas/inventory-common';

/*
 * How the billing page and cards write money, changes and months. The answers keep amounts
 * unrounded (they add up exactly); rounding happens here, for reading, and never in a CSV.
 * One locale for every viewer and test, as the rest of the inventory writes numbers.
 */

const LOCALE = 'en-US';

/** `$212,340`: whole units, in the account's currency. */
export const money = (amount: number, currency: string) =>
  new Intl.NumberFormat(LOCALE, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(amount);

/** `$2.71M`, `$3M`, `$850K`: for sentences and chart axes, where the digits distract. */
export const shortMoney = (amount: number, currency: string) =>
  new Intl.NumberFormat(LOCALE, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumSignificantDigits: 3,
  }).format(amount);

/** `+$8,412` or `-$1,200`: a change, always signed. */
export const signedMoney = (amount: number, currency: string) =>
  new Intl.NumberFormat(LOCALE, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  }).format(amount);

/**
 * `+4.1%`: how much `now` moved from `before`; undefined when there is nothing to compare
 * with (no spend before), where a percentage would be infinite or meaningless.
 */
export function percentChange(
  now: number,
  before: number | undefined,
): string | undefined {
  if (before === undefined || before === 0) return undefined;
  return new Intl.NumberFormat(LOCALE, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format((now - before) / Math.abs(before));
}

/** `12.5%`: a share of a total. */
export const share = (part: number, total: number) =>
  total === 0
    ? '–'
    : new Intl.NumberFormat(LOCALE, {
        style: 'percent',
        maximumFractionDigits: 1,
      }).format(part / total);

const monthDate = (month: InvoiceMonth) => new Date(`${month}-01T00:00:00Z`);

/** `November 2024` for `2024-11`. */
export const monthName = (month: InvoiceMonth) =>
  new Intl.DateTimeFormat(LOCALE, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(monthDate(month));

/** `Nov 2024`: for axes and narrow tables. */
export const shortMonthName = (month: InvoiceMonth) =>
  new Intl.DateTimeFormat(LOCALE, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(monthDate(month));
