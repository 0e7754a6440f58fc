import { Config } from '@backstage/config';
import {
  ConnectionOptions,
  CredentialOptions,
  readConnectionOptions,
  readCredentialOptions,
} from '@infra-atlas/gcp-auth-node';
import { exportTableReference } from './queries';

export type GcpBillingConfig = {
  /** `billingAccounts/0123AB-456789-ABCDEF`; undefined: every account the credentials see. */
  billingAccounts?: string[];
  exportTable: string;
  /** Where the export's dataset lives; query jobs run there. */
  location: string;
  /** The project query jobs run in (and are billed to); the export table's by default. */
  queryProject: string;
  /** How far back the coverage query looks for invoice months. */
  lookbackMonths: number;
  currency: string;
  bigquery: { apiEndpoint?: string; jobTimeoutMs: number; maxResults: number };
  connection: ConnectionOptions;
  credentials: CredentialOptions;
};

const KEY = 'inventory.billing.gcp';

/** `0123AB-456789-ABCDEF` or `billingAccounts/0123AB-…`, as Cloud Billing names it. */
const accountName = (account: string) =>
  account.startsWith('billingAccounts/')
    ? account
    : `billingAccounts/${account}`;

/** Reads `inventory.billing.gcp`; undefined when GCP billing is not configured. */
export function readGcpBillingConfig(
  root: Config,
): GcpBillingConfig | undefined {
  const c = root.getOptionalConfig(KEY);
  if (!c) return undefined;
  const exportTable = c.getString('exportTable');
  // Checked at start-up, so a wrong name stops the backend with the key to fix.
  exportTableReference(exportTable);
  const lookbackMonths = c.getOptionalNumber('lookbackMonths') ?? 36;
  if (!Number.isInteger(lookbackMonths) || lookbackMonths < 1) {
    throw new Error(
      `${KEY}.lookbackMonths must be a whole number of months, at least 1`,
    );
  }
  return {
    billingAccounts: c
      .getOptionalStringArray('billingAccounts')
      ?.map(accountName),
    exportTable,
    location: c.getOptionalString('location') ?? 'US',
    queryProject:
      c.getOptionalString('bigquery.projectId') ?? exportTable.split('.')[0],
    lookbackMonths,
    currency: c.getOptionalString('currency') ?? 'USD',
    bigquery: {
      apiEndpoint: c.getOptionalString('bigquery.apiEndpoint'),
      jobTimeoutMs: c.getOptionalNumber('bigquery.jobTimeoutMs') ?? 120_000,
      maxResults: c.getOptionalNumber('bigquery.maxResults') ?? 10_000,
    },
    connection: readConnectionOptions(c),
    credentials: readCredentialOptions(c),
  };
}
