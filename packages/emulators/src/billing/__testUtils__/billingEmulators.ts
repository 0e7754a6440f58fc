import { BigQuery } from '@google-cloud/bigquery';
import { CloudBillingClient } from '@google-cloud/billing';
import { GoogleAuth, googleAuthLibrary, grpc } from 'google-gax';
import { startBigQueryEmulator, BigQueryEmulator } from '../bigqueryServer';
import { useNodeHttpTransportForBigQuery } from '../testing';
import { BillingExportTable } from '../exportTable';
import { GcpEstate } from '../../gcp/estate';
import { GcpEmulator, startGcpEmulator } from '../../gcp/server';

/** Both billing emulators on free ports, and the official clients pointed at them. */
export type BillingEmulators = {
  gcp: GcpEmulator;
  bigquery: BigQueryEmulator;
  billingClient: CloudBillingClient;
  /** Runs jobs in `projectId` (the export's project unless told otherwise). */
  bigqueryClient: (projectId?: string) => BigQuery;
  stop(): Promise<void>;
};

/**
 * Starts the GCP emulator (Cloud Billing on its gRPC port) on `estate` and the BigQuery
 * emulator on `table`, with clients configured as the billing module configures them for the
 * demo: no TLS, no credentials, no client-side retries (so a fault is seen as itself).
 */
export async function startBillingEmulators(
  estate: GcpEstate,
  table: BillingExportTable,
  options: { pageRows?: number } = {},
): Promise<BillingEmulators> {
  useNodeHttpTransportForBigQuery();
  const gcp = await startGcpEmulator({ estate });
  const bigquery = await startBigQueryEmulator({
    tables: [table],
    pageRows: options.pageRows,
  });
  const noCredentials = () => new googleAuthLibrary.PassThroughClient();
  const billingClient = new CloudBillingClient({
    apiEndpoint: '127.0.0.1',
    port: gcp.port,
    sslCreds: grpc.credentials.createInsecure(),
    auth: new GoogleAuth({ authClient: noCredentials() }),
  });
  const bigqueryClient = (projectId = table.tableId.split('.')[0]) =>
    new BigQuery({
      projectId,
      apiEndpoint: bigquery.url,
      authClient: noCredentials() as any,
      autoRetry: false,
      location: table.location,
    });
  return {
    gcp,
    bigquery,
    billingClient,
    bigqueryClient,
    async stop() {
      await billingClient.close();
      await Promise.all([gcp.stop(), bigquery.stop()]);
    },
  };
}

/** The spend statement as the billing module sends it (see statements.ts). */
export const spendStatement = (tableId: string) => `
SELECT
  invoice.month AS invoice_month,
  project.id AS project_id,
  service.description AS service_description,
  SUM(cost) AS cost,
  SUM(IFNULL((SELECT SUM(credit.amount) FROM UNNEST(credits) AS credit), 0)) AS credits
FROM \`${tableId}\`
WHERE DATE(_PARTITIONTIME) BETWEEN @partitionStart AND @partitionEnd
  AND invoice.month IN UNNEST(@months)
GROUP BY invoice_month, project_id, service_description
ORDER BY invoice_month, project_id, service_description`;

/** The coverage statement as the billing module sends it. */
export const coverageStatement = (tableId: string) => `
SELECT DISTINCT invoice.month AS invoice_month
FROM \`${tableId}\`
WHERE DATE(_PARTITIONTIME) BETWEEN @partitionStart AND @partitionEnd
ORDER BY invoice_month`;

/**
 * `bigquery.query()` with the jobs.query response it resolves to as its third element (its
 * typings stop at two), for `totalBytesProcessed` and `cacheHit`.
 */
export async function queryWithStatistics(
  bigquery: BigQuery,
  query: Parameters<BigQuery['query']>[0],
): Promise<{ rows: any[]; totalBytesProcessed: number; cacheHit: boolean }> {
  const [rows, , response] = (await bigquery.query(query)) as unknown as [
    any[],
    unknown,
    { totalBytesProcessed: string; cacheHit: boolean },
  ];
  return {
    rows,
    totalBytesProcessed: Number(response.totalBytesProcessed),
    cacheHit: response.cacheHit,
  };
}
