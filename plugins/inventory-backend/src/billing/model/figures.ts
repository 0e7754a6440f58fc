import {
  BillingFreshness,
  InvoiceMonth,
  MonthlySpend,
} from '@infra-atlas/inventory-common';
import {
  BillingFigures,
  MonthAttribution,
  StoredMonth,
} from '../store/BillingFigures';

/**
 * The store's figures for one answer, read once: the months it knows, and the spend and
 * recorded attributions of the months the answer needs. The model is pure over this.
 */
export type FiguresRead = {
  currency: string;
  /** Every month the store knows, oldest first. */
  months: StoredMonth[];
  spend: MonthlySpend[];
  attributions: MonthAttribution[];
  freshness: BillingFreshness;
};

/** Reads what the store knows of `months` (and which months it knows at all). */
export async function readFigures(
  figures: BillingFigures,
  months: (known: StoredMonth[]) => InvoiceMonth[],
): Promise<FiguresRead> {
  const [currency, known, freshness] = await Promise.all([
    figures.currency(),
    figures.months(),
    figures.freshness(),
  ]);
  const asked = months(known);
  const [spend, attributions] = await Promise.all([
    figures.spend(asked),
    figures.attributions(asked),
  ]);
  return { currency, months: known, spend, attributions, freshness };
}
