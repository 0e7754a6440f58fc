import type {
  BillingFreshness,
  BillingMonthState,
  InvoiceMonth,
  MonthlySpend,
} from '@infra-atlas/inventory-common';
import type { ProjectBilling } from '@infra-atlas/plugin-inventory-node';

/**
 * Who a project's spend goes to in one month, as the inventory's ownership said while the
 * month was open. Lists of entity refs; a project listed under N owners (SIGs, Systems) has
 * its spend split N ways by the model. Empty lists mean unowned / no SIG / no system.
 *
 * The store keeps each attribution as JSON, so fields added here later are stored and read
 * back without a migration.
 */
export type ProjectAttribution = {
  projectId: string;
  /** Owner groups (`group:default/sig-k8s-infra`), from the project's `spec.owner`. */
  owners: string[];
  /** SIGs, through the owner groups. */
  sigs: string[];
  /** Systems with a part living in the project. */
  systems: string[];
};

/** A project's attribution in one invoice month. */
export type MonthAttribution = ProjectAttribution & { month: InvoiceMonth };

/** One invoice month as the store knows it. */
export type StoredMonth = {
  month: InvoiceMonth;
  /** `open` until `closeAfterDays` after the month ends; `no-data` when the export had no row. */
  state: BillingMonthState;
  /** When the month's figures were last read (ISO 8601). */
  refreshedAt: string;
  /** Bytes the read of this month scanned (the refresh's bytes shared among its months). */
  bytesProcessed: number;
};

/**
 * The billing figures the store holds, for the spend model: what the last successful refresh
 * read, never a half-written refresh (each refresh is one transaction).
 */
export interface BillingFigures {
  /** The source's currency, e.g. `USD`; the last one stored, or the source's before any read. */
  currency(): Promise<string>;
  /** Every month read so far, oldest first. */
  months(): Promise<StoredMonth[]>;
  /** Spend rows (month × project × service) of the given months. */
  spend(months: InvoiceMonth[]): Promise<MonthlySpend[]>;
  /** The attributions recorded for the given months (frozen once a month closed). */
  attributions(months: InvoiceMonth[]): Promise<MonthAttribution[]>;
  /** Each project's billing account, as Cloud Billing last reported it. */
  projectBilling(): Promise<ProjectBilling[]>;
  /** When the figures were read, and the last refresh's error if it failed since. */
  freshness(): Promise<BillingFreshness>;
}
