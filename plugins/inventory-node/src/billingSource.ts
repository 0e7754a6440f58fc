import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { InvoiceMonth, MonthlySpend } from '@infra-atlas/inventory-common';

/** A project's link to its billing account, as Cloud Billing reports it. */
export type ProjectBilling = {
  projectId: string;
  /** `billingAccounts/0123AB-…`; empty when the project has none. */
  billingAccount: string;
  billingEnabled: boolean;
};

/** What one read of the spend export returned, and what it cost to read. */
export type SpendRead = {
  /** One row per month × project × service with spend; months without rows have none. */
  rows: MonthlySpend[];
  /** The months the export had any row for, among those asked. */
  monthsWithData: InvoiceMonth[];
  /** Bytes scanned, as the warehouse reports them (BigQuery's `totalBytesProcessed`). */
  bytesProcessed: number;
  queries: number;
};

/**
 * Where billing figures come from. The inventory backend owns the store, the schedule and the
 * model; a source only reads. `@infra-atlas/plugin-inventory-backend-module-gcp-billing` reads
 * Cloud Billing and the BigQuery billing export; another cloud's export would be another
 * module.
 *
 * @public
 */
export interface BillingSource {
  /** A name for logs and the status page, e.g. `gcp-billing:k8s-infra`. */
  readonly id: string;
  readonly currency: string;
  /** Each project's billing account, listed per billing account (not per project). */
  listProjectBilling(): Promise<ProjectBilling[]>;
  /** Spend of the given invoice months, each query bounded by a partition filter. */
  readSpend(months: InvoiceMonth[]): Promise<SpendRead>;
  /**
   * The invoice months the export covers, newest last (for the first back-fill). With
   * `since` (the newest month the store already has), only the data from its start on is
   * looked at, so a refresh's scan stays small (an earlier month may still show through its
   * late rows); without, as far back as the source looks.
   */
  coveredMonths(since?: InvoiceMonth): Promise<InvoiceMonth[]>;
}

/** @public */
export interface InventoryBillingExtensionPoint {
  addBillingSource(source: BillingSource): void;
}

/**
 * Lets a module give the inventory backend a billing source. Without one, the billing routes
 * answer that billing is not configured.
 *
 * @public
 */
export const inventoryBillingExtensionPoint =
  createExtensionPoint<InventoryBillingExtensionPoint>({
    id: 'inventory.billing',
  });
