import { BigQuery, BigQueryOptions } from '@google-cloud/bigquery';
import { CloudBillingClient } from '@google-cloud/billing';
import { createGcpAuth, gaxClientOptions } from '@infra-atlas/gcp-auth-node';
import { GcpBillingConfig } from './config';

/** The official clients the billing source reads with. */
export type GcpBillingClients = {
  billing: CloudBillingClient;
  bigquery: BigQuery;
  close(): Promise<void>;
};

/**
 * Cloud Billing over gRPC and BigQuery over REST, both with the module's credentials: the
 * BigQuery client takes the same auth as its `authClient`, so keys, impersonation, Workload
 * Identity and the emulators (no credentials) work alike.
 */
export async function createGcpBillingClients(
  config: GcpBillingConfig,
): Promise<GcpBillingClients> {
  const auth = await createGcpAuth(config.connection, config.credentials);
  const billing = new CloudBillingClient(
    gaxClientOptions(config.connection, auth),
  );
  const bigquery = new BigQuery({
    projectId: config.queryProject,
    location: config.location,
    // google-gax builds on google-auth-library 10 and BigQuery (through @google-cloud/common)
    // on 11: the types differ, but BigQuery only asks the client for a request's headers
    // (getRequestHeaders), which both majors answer alike.
    authClient:
      (await auth.getClient()) as unknown as BigQueryOptions['authClient'],
    ...(config.bigquery.apiEndpoint
      ? { apiEndpoint: config.bigquery.apiEndpoint }
      : {}),
  });
  return {
    billing,
    bigquery,
    close: () => billing.close(),
  };
}
