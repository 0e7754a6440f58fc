/**
 * Cloud Billing's view of an estate: the billing accounts and the projects linked to each,
 * in the shapes of `google.cloud.billing.v1`. Part of the GCP estate (`billingAccounts`), so
 * that one seed describes the hierarchy and who pays for it.
 */
export type GcpBillingAccount = {
  /** `billingAccounts/012345-6789AB-CDEF01` */
  name: string;
  displayName: string;
  /** A closed account still lists its projects, with billing disabled. */
  open: boolean;
  /** `organizations/<number>`, or empty for an account outside any organization. */
  parent: string;
  /** The reseller's parent account for a subaccount; empty otherwise. */
  masterBillingAccount: string;
  /** ISO 4217, e.g. `USD`. */
  currencyCode: string;
  /** Project IDs linked to the account (a project without an account is in none). */
  projects: string[];
  /**
   * The crawler cannot see this account (no `billing.accounts.get` on it): it is left out of
   * the list, and reading it or its projects is PERMISSION_DENIED. Its projects still report
   * it in their own billing info, as the project-level permission allows.
   */
  restricted?: boolean;
};

/** `billingAccounts/XXXXXX-XXXXXX-XXXXXX`, six upper-case hexadecimal digits each. */
export const BILLING_ACCOUNT_NAME =
  /^billingAccounts\/[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/;

/** The account ID as the export's table name and `billing_account_id` spell it. */
export function billingAccountId(name: string): string {
  return name.slice('billingAccounts/'.length);
}
