import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Billing: what the estate costs, joined to who owns it. The vocabulary shared by the billing
 * source (plugins/inventory-backend-module-gcp-billing), the spend model and route
 * (plugins/inventory-backend/src/billing) and the report page and cards (plugins/inventory).
 * See docs/infra-atlas/billing.md.
 */

/**
 * Reading billing figures (`/api/inventory/billing`, the billing actions, the report page and
 * the "What it costs" cards). Without it the billing answers are 403s; nothing else changes.
 *
 * @public
 */
export const inventoryBillingReadPermission = createPermission({
  name: 'inventory.billing.read',
  attributes: { action: 'read' },
});

/** The ways a month's spend can be broken down; each is a partition of the same total. */
export const BILLING_GROUP_BYS = [
  'project',
  'owner',
  'sig',
  'system',
  'service',
] as const;

/** @public */
export type BillingGroupBy = (typeof BILLING_GROUP_BYS)[number];

/** An invoice month as the export spells it in `invoice.month` (`202412`) is `2024-12` here. */
export type InvoiceMonth = string;

/** `2024-12`: four-digit year, two-digit month 01–12. */
export const INVOICE_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Spend of one project on one service in one invoice month, as the billing export's rows add
 * up: `cost` before credits, `credits` as the export gives them (zero or negative), so the
 * amount paid is `cost + credits`. Amounts are in the account's currency.
 *
 * @public
 */
export type MonthlySpend = {
  month: InvoiceMonth;
  /** The GCP project ID; empty for charges not tied to a project (support, some taxes). */
  projectId: string;
  /** `service.description`, e.g. `Cloud Storage`. */
  service: string;
  cost: number;
  credits: number;
};

/** Cost, credits and what is left to pay (`net = cost + credits`). */
export type SpendAmounts = {
  cost: number;
  credits: number;
  net: number;
};

/**
 * Whether a month's figures are final. `open`: the invoice month is not closed yet and is
 * re-read at every refresh; `closed`: final, read once; `no-data`: the export has no row for
 * it (shown as such, never as zero spend).
 */
export type BillingMonthState = 'open' | 'closed' | 'no-data';

/** One month of the account's total, for the trend chart. */
export type BillingMonthTotal = SpendAmounts & {
  month: InvoiceMonth;
  state: BillingMonthState;
};

/**
 * One row of a breakdown. The rows of one breakdown partition the month's total: they add
 * up to it, unowned or unattributed spend included as its own row (`unattributed: true`).
 *
 * @public
 */
export type BillingRow = SpendAmounts & {
  /** Stable key: project ID, entity ref, or service description. */
  key: string;
  /** What a reader calls it: the project ID, a group's or System's title, a service name. */
  title: string;
  /** The catalog entity the row is about, when there is one (project, group, System). */
  entityRef?: string;
  /** The same row's net in the previous month; absent when it had no spend then. */
  previousNet?: number;
  /** `net - previousNet` (the whole net when the row is new this month). */
  change: number;
  /** The spend no owner, SIG or System accounts for; always its own row. */
  unattributed?: boolean;
  /**
   * How the row's figures were derived when not one-to-one, e.g. "half of k8s-infra-prow's
   * spend: the project is shared by 2 SIGs".
   */
  note?: string;
};

/** Spend against the budget the project lives on (an annual credit grant, say). */
export type BillingBudget = {
  title: string;
  amount: number;
  /** First and last invoice month of the budget period, inclusive. */
  start: InvoiceMonth;
  end: InvoiceMonth;
  /**
   * What counts against the budget: `net` (what is paid after credits, for a cash budget) or
   * `cost` (before credits: a credit grant is drawn down by the cost its credits cover).
   * Absent means `net`.
   */
  measure?: 'net' | 'cost';
  /** Spend (by `measure`) from `start` through the report month. */
  spent: number;
  /** `spent` plus the recent monthly average times the months left in the period. */
  projected: number;
  /** How the projection was made, in words. */
  projectionBasis: string;
  /** The month the projection crosses the budget, if it does before `end`. */
  exhaustedIn?: InvoiceMonth;
};

/** How fresh the figures are; an unreachable export keeps the last ones and says so. */
export type BillingFreshness = {
  /** When the export was last read successfully (ISO 8601); absent before the first read. */
  refreshedAt?: string;
  /** The last refresh's error, when it failed after `refreshedAt`. */
  lastError?: string;
  /** Bytes the last refresh's queries scanned, as BigQuery reported them. */
  bytesProcessed?: number;
};

/**
 * `GET /api/inventory/billing?groupBy=…&month=YYYY-MM[&from=YYYY-MM&to=YYYY-MM]`: one month's
 * breakdown against the previous month, the months of the range for the trend, the top
 * movers and the budget.
 *
 * @public
 */
export type BillingReport = {
  currency: string;
  groupBy: BillingGroupBy;
  month: InvoiceMonth;
  monthState: BillingMonthState;
  previousMonth: InvoiceMonth;
  total: SpendAmounts;
  previousTotal?: SpendAmounts;
  /** The breakdown of `month`; rows add up to `total`. Largest net first. */
  rows: BillingRow[];
  /** The rows whose net changed most from the previous month (largest absolute change). */
  movers: BillingRow[];
  /** The account's totals per month over the range, oldest first. */
  months: BillingMonthTotal[];
  budget?: BillingBudget;
  /** The rule a shared project's spend is split by, in words. */
  splitRule: string;
  freshness: BillingFreshness;
  /**
   * What a reader must know about where the figures come from, from the deployment's
   * configuration, e.g. the demo's "These figures are synthetic: …". The report page and the
   * "What it costs" cards show it above the figures.
   */
  note?: string;
};

/**
 * `GET /api/inventory/billing/entity?entityRef=…&months=N`: what one project, group (owner or
 * SIG) or System costs, for the "What it costs" cards.
 *
 * @public
 */
export type EntityCost = {
  entityRef: string;
  /**
   * The breakdown whose row the figures are (`project`, `owner` or `sig` for a group, `system`):
   * the card links to the report on it, with the entity's row marked.
   */
  groupBy?: BillingGroupBy;
  currency: string;
  /** Its row per month, oldest first; months it had no spend carry zeros. */
  months: Array<
    SpendAmounts & { month: InvoiceMonth; state: BillingMonthState }
  >;
  /** Its largest services in the latest month. */
  topServices: Array<SpendAmounts & { service: string }>;
  /** For a group or System: its largest projects in the latest month. */
  topProjects?: BillingRow[];
  /**
   * How its figures were made, e.g. "SIG Testing's share: the spend of the projects its groups
   * own, shared projects split equally".
   */
  basis?: string;
  /** As the report's `note`: where the figures come from (the demo's are synthetic). */
  note?: string;
  freshness: BillingFreshness;
};
