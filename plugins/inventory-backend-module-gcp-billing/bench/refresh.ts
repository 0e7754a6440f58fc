/*
 * Refresh benchmark: what a billing refresh asks of the GCP billing source at scale, read from
 * the Cloud Billing and BigQuery emulators seeded with a synthetic estate (default 2,000
 * projects, 24 invoice months of SYNTHETIC export):
 *
 * - first refresh: the back-fill — the coverage query, each project's billing account (Cloud
 *   Billing, paged per account) and the spend of the 24 months the export covers;
 * - next refresh: the same for the one month still open (closed months are not read again).
 *
 * The emulators run in this process; each refresh runs in a child process of its own, so that
 * its peak memory is the source's alone. The store's writes are not included (they are the
 * inventory backend's, measured by its own tests).
 *
 *   yarn workspace @infra-atlas/plugin-inventory-backend-module-gcp-billing bench \
 *     [--projects 2000] [--months 24] [--latency-ms 0]
 *
 * Prints a table; the results are in docs/infra-atlas/benchmarks.md (Issue 16).
 */
import { ConfigReader } from '@backstage/config';
import {
  generateSyntheticBillingExport,
  generateSyntheticGcpEstate,
  startBigQueryEmulator,
  startGcpEmulator,
} from '@infra-atlas/emulators';
import {
  benchLogger,
  peakRssMb,
  printMarkdownTable,
  runChild,
} from '@infra-atlas/test-utils';
import { parseArgs } from 'node:util';
import { createGcpBillingClients } from '../src/clients';
import { readGcpBillingConfig } from '../src/config';
import { GcpBillingSource } from '../src/GcpBillingSource';

type Mode = 'first refresh' | 'next refresh';
const MODES: Mode[] = ['first refresh', 'next refresh'];

/** One refresh's reads, as the child reports them. */
type ChildResult = {
  monthsRead: number;
  spendRows: number;
  projects: number;
  queries: number;
  /** The spend query's bytes, as the source reports them (SpendRead.bytesProcessed). */
  bytesProcessed: number;
  wallSeconds: number;
  peakRssMb: number;
};

type Row = ChildResult & {
  mode: Mode;
  /** Every query's bytes as BigQuery counts them: the spend's and the coverage query's. */
  totalBytesProcessed: number;
  /** Calls the emulators answered, by method. */
  requests: Record<string, number>;
};

const { values: options } = parseArgs({
  options: {
    mode: { type: 'string' },
    projects: { type: 'string', default: '2000' },
    months: { type: 'string', default: '24' },
    'latency-ms': { type: 'string', default: '0' },
    'gcp-port': { type: 'string' },
    'bigquery-url': { type: 'string' },
    table: { type: 'string' },
  },
});

/** In a child process: one refresh's reads through the source, as the module builds it. */
async function runRefresh(mode: Mode): Promise<ChildResult> {
  const config = readGcpBillingConfig(
    new ConfigReader({
      inventory: {
        billing: {
          gcp: {
            exportTable: options.table,
            // The export ends in 2024; the look-back runs from today.
            lookbackMonths: 120,
            connection: {
              endpoint: '127.0.0.1',
              port: Number(options['gcp-port']),
              insecure: true,
            },
            bigquery: { apiEndpoint: options['bigquery-url'] },
          },
        },
      },
    }),
  )!;
  const clients = createGcpBillingClients(config);
  const source = new GcpBillingSource(config, () => clients, benchLogger());
  const started = Date.now();
  const covered = await source.coveredMonths();
  const months = mode === 'first refresh' ? covered : covered.slice(-1);
  const [projects, spend] = await Promise.all([
    source.listProjectBilling(),
    source.readSpend(months),
  ]);
  const wallSeconds = (Date.now() - started) / 1000;
  await (await clients).close();
  return {
    monthsRead: months.length,
    spendRows: spend.rows.length,
    projects: projects.length,
    // The coverage query is a job too.
    queries: spend.queries + 1,
    bytesProcessed: spend.bytesProcessed,
    wallSeconds,
    peakRssMb: peakRssMb(),
  };
}

const gib = (bytes: number) => (bytes / 1024 ** 3).toFixed(2);

async function main() {
  const generated = Date.now();
  const estate = generateSyntheticGcpEstate({
    projects: Number(options.projects),
    assetsPerProject: 1,
  });
  const table = generateSyntheticBillingExport(estate, {
    months: Number(options.months),
  });
  const latencyMs = Number(options['latency-ms']);
  const gcp = await startGcpEmulator({ estate, latencyMs });
  const bigquery = await startBigQueryEmulator({ tables: [table], latencyMs });
  const rawRows = table.slices.reduce(
    (sum, s) => sum + s.rowsPerDay * (s.lastDay - s.firstDay + 1),
    0,
  );
  console.error(
    `Estate: ${estate.projects.length} projects, ${
      estate.billingAccounts?.length
    } billing accounts; export: ${table.slices.length} slices standing for ${(
      rawRows / 1e6
    ).toFixed(0)} M raw rows over ${Number(
      options.months,
    )} months; emulators ready in ${
      (Date.now() - generated) / 1000
    } s, ${peakRssMb().toFixed(0)} MB peak RSS`,
  );
  const rows: Row[] = [];
  try {
    for (const mode of MODES) {
      gcp.resetCounts();
      bigquery.resetCounts();
      const [result] = await runChild<ChildResult>(__filename, mode, {
        'gcp-port': String(gcp.port),
        'bigquery-url': bigquery.url,
        table: table.tableId,
      });
      rows.push({
        mode,
        ...result,
        requests: { ...gcp.requestCounts(), ...bigquery.requestCounts() },
        totalBytesProcessed: bigquery.totalBytesProcessed(),
      });
    }
  } finally {
    await Promise.all([gcp.stop(), bigquery.stop()]);
  }
  const kinds = [...new Set(rows.flatMap(r => Object.keys(r.requests)))].sort();
  printMarkdownTable(
    [
      'refresh',
      'months read',
      'query jobs',
      ...kinds,
      'bytes processed (GiB)',
      'of which spend (GiB)',
      'spend rows',
      'projects',
      'wall time (s)',
      'peak RSS (MB)',
    ],
    rows.map(row => [
      row.mode,
      String(row.monthsRead),
      String(row.queries),
      ...kinds.map(kind => String(row.requests[kind] ?? 0)),
      gib(row.totalBytesProcessed),
      gib(row.bytesProcessed),
      String(row.spendRows),
      String(row.projects),
      row.wallSeconds.toFixed(1),
      row.peakRssMb.toFixed(0),
    ]),
  );
  // BigQuery's on-demand list price (US multi-region), for scale; billed bytes round up.
  const dollars = (bytes: number) => ((bytes / 1024 ** 4) * 6.25).toFixed(2);
  console.log(
    `\nAt $6.25 per TiB scanned: first refresh $${dollars(
      rows[0].totalBytesProcessed,
    )}, next refresh $${dollars(rows[1].totalBytesProcessed)}.`,
  );
}

if (options.mode) {
  runRefresh(options.mode as Mode)
    .then(result => process.stdout.write(`${JSON.stringify(result)}\n`))
    .catch(error => {
      console.error(error);
      process.exit(1);
    });
} else {
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
