import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  BillingExportTable,
  GcpEstate,
  K8S_INFRA_LAST_INVOICE_MONTH,
  generateSyntheticBillingExport,
  generateSyntheticGcpEstate,
  k8sInfraBillingExport,
  loadK8sInfraGcpEstate,
  startBigQueryEmulator,
  startGcpEmulator,
  useNodeHttpTransportForBigQuery,
} from '@infra-atlas/emulators';
import { addMonths, monthsFrom } from '@infra-atlas/inventory-common';
import { createGcpBillingClients } from './clients';
import { GcpBillingConfig, readGcpBillingConfig } from './config';
import { GcpBillingSource } from './GcpBillingSource';
import { exportMonth } from './queries';

jest.setTimeout(60_000);

/**
 * The source against the emulators (Cloud Billing over gRPC on the GCP emulator, BigQuery's
 * REST API), with the module's own configuration and clients: no credentials, as the demo.
 */
async function start(
  estate: GcpEstate,
  table: BillingExportTable,
  settings: Record<string, unknown> = {},
) {
  const gcp = await startGcpEmulator({ estate });
  // Small pages, so that a read follows pageToken as it does on a large export.
  const bigquery = await startBigQueryEmulator({
    tables: [table],
    pageRows: 50,
  });
  const config = readGcpBillingConfig(
    new ConfigReader({
      inventory: {
        billing: {
          gcp: {
            exportTable: table.tableId,
            location: table.location,
            lookbackMonths: 120,
            connection: {
              endpoint: '127.0.0.1',
              port: gcp.port,
              insecure: true,
            },
            bigquery: { apiEndpoint: bigquery.url },
            ...settings,
          },
        },
      },
    }),
  )!;
  const clients = createGcpBillingClients(config);
  return {
    gcp,
    bigquery,
    config,
    source: (now = new Date()) =>
      new GcpBillingSource(
        config,
        () => clients,
        mockServices.logger.mock(),
        () => now,
      ),
    async stop() {
      await (await clients).close();
      await Promise.all([gcp.stop(), bigquery.stop()]);
    },
  };
}

type Started = Awaited<ReturnType<typeof start>>;

/** The export's own sums for some months, from the seed rather than through any query. */
function seedTotals(table: BillingExportTable, months: string[]) {
  const asked = new Set(months.map(exportMonth));
  const slices = table.slices.filter(s => asked.has(s.invoiceMonth));
  return {
    cost: slices.reduce((t, s) => t + s.cost, 0),
    credits: slices.reduce((t, s) => t + s.credits, 0),
    projects: new Set(slices.map(s => s.projectId ?? '')),
  };
}

const close = (a: number, b: number) =>
  expect(Math.abs(a - b)).toBeLessThan(1e-6 * Math.max(1, Math.abs(b)));

beforeAll(() => useNodeHttpTransportForBigQuery());

describe('GcpBillingSource on the k8s-infra snapshot (synthetic export)', () => {
  const estate = loadK8sInfraGcpEstate();
  const table = k8sInfraBillingExport(estate);
  const lastMonth = K8S_INFRA_LAST_INVOICE_MONTH.replace(
    /^(\d{4})(\d{2})$/,
    '$1-$2',
  );
  let emulators: Started;
  beforeAll(async () => {
    emulators = await start(estate, table);
  });
  afterAll(() => emulators.stop());

  it('finds the 24 invoice months the export covers with one bounded query', async () => {
    emulators.bigquery.resetCounts();
    const months = await emulators.source().coveredMonths();
    expect(months).toEqual(monthsFrom(addMonths(lastMonth, -23), lastMonth));
    expect(emulators.bigquery.requestCounts()['Jobs/Insert']).toBe(1);
  });

  it('looks only from a given month on when the store already has the older ones', async () => {
    emulators.bigquery.resetCounts();
    await emulators.source().coveredMonths();
    const whole = emulators.bigquery.totalBytesProcessed();
    emulators.bigquery.resetCounts();
    const since = addMonths(lastMonth, -1);
    // The previous month's late rows land in the first partitions looked at.
    expect(await emulators.source().coveredMonths(since)).toEqual([
      addMonths(since, -1),
      since,
      lastMonth,
    ]);
    expect(emulators.bigquery.totalBytesProcessed() * 5).toBeLessThan(whole);
  });

  it('reads every row of the months asked, cost and credits as the export sums them', async () => {
    const months = monthsFrom(addMonths(lastMonth, -2), lastMonth);
    emulators.bigquery.resetCounts();
    const read = await emulators.source().readSpend(months);
    const expected = seedTotals(table, months);
    close(
      read.rows.reduce((t, r) => t + r.cost, 0),
      expected.cost,
    );
    close(
      read.rows.reduce((t, r) => t + r.credits, 0),
      expected.credits,
    );
    expect(new Set(read.rows.map(r => r.projectId))).toEqual(expected.projects);
    expect(read.monthsWithData.sort()).toEqual(months);
    expect(read.queries).toBe(1);
    // Paged: more rows than one page of 50.
    expect(read.rows.length).toBeGreaterThan(50);
    expect(
      emulators.bigquery.requestCounts()['Jobs/GetQueryResults'],
    ).toBeGreaterThan(1);
    // BigQuery's count for the statement, as the emulator reports it for every job run.
    expect(read.bytesProcessed).toBeGreaterThan(0);
    expect(read.bytesProcessed).toBe(emulators.bigquery.totalBytesProcessed());
    // Credits offset most of the cost, as the project's credit grant does.
    expect(-expected.credits / expected.cost).toBeGreaterThan(0.5);
  });

  it('scans fewer bytes for one open month than for the back-fill', async () => {
    const source = emulators.source();
    const one = await source.readSpend([lastMonth]);
    const all = await source.readSpend(
      monthsFrom(addMonths(lastMonth, -23), lastMonth),
    );
    expect(one.bytesProcessed * 10).toBeLessThan(all.bytesProcessed);
  });

  it('lists each project’s billing account, per account', async () => {
    const projects = await emulators.source().listProjectBilling();
    const linked = (estate.billingAccounts ?? []).flatMap(a => a.projects);
    expect(projects.map(p => p.projectId).sort()).toEqual([...linked].sort());
    expect(
      projects.every(p => p.billingAccount.startsWith('billingAccounts/')),
    ).toBe(true);
  });

  it('names the table and its location when the export is missing', async () => {
    const missing = await start(estate, table, {
      exportTable: `${table.tableId.split('.').slice(0, 2).join('.')}.missing`,
    });
    try {
      await expect(missing.source().readSpend([lastMonth])).rejects.toThrow(
        /^BigQuery billing export .*\.missing \(location US\): Not found: Table .*missing/,
      );
    } finally {
      await missing.stop();
    }
  });

  it('says which account it could not list, and fails the read rather than return part of it', async () => {
    emulators.gcp.setFaults([
      {
        method: 'CloudBilling/ListProjectBillingInfo',
        code: 'PERMISSION_DENIED',
        times: 1,
      },
    ]);
    try {
      await expect(emulators.source().listProjectBilling()).rejects.toThrow(
        /^Cloud Billing: could not list the projects of billingAccounts\/[0-9A-F-]+: 7 PERMISSION_DENIED/,
      );
    } finally {
      emulators.gcp.setFaults([]);
    }
  });

  it('reports a refused job as BigQuery’s error, naming the table', async () => {
    emulators.bigquery.setFaults([
      {
        method: 'Jobs/Insert',
        code: 'PERMISSION_DENIED',
        times: 1,
        message:
          'Access Denied: User does not have bigquery.jobs.create permission',
      },
    ]);
    await expect(emulators.source().coveredMonths()).rejects.toThrow(
      /^BigQuery billing export kubernetes-public\..* \(location US\): Access Denied: User does not have bigquery.jobs.create permission/,
    );
  });

  it('rides out a transient backend error: the client retries it', async () => {
    emulators.bigquery.setFaults([
      { method: 'Jobs/Insert', code: 'UNAVAILABLE', times: 1 },
    ]);
    emulators.bigquery.resetCounts();
    expect(await emulators.source().coveredMonths()).toHaveLength(24);
    expect(emulators.bigquery.requestCounts()['Jobs/Insert']).toBe(2);
  });
});

describe('GcpBillingSource on a synthetic estate', () => {
  // Another shape: 120 projects under one folder level, 36 months ending later.
  const estate = generateSyntheticGcpEstate({
    projects: 120,
    folderDepth: 1,
    seed: 7,
  });
  const table = generateSyntheticBillingExport(estate, {
    lastInvoiceMonth: '202610',
    months: 36,
    seed: 7,
  });
  let emulators: Started;
  let config: GcpBillingConfig;
  beforeAll(async () => {
    emulators = await start(estate, table);
    config = emulators.config;
  });
  afterAll(() => emulators.stop());

  it('reads the whole export: its totals and projects, through coverage then spend', async () => {
    const source = emulators.source();
    const months = await source.coveredMonths();
    expect(months).toEqual(monthsFrom('2023-11', '2026-10'));
    const read = await source.readSpend(months);
    const expected = seedTotals(table, months);
    close(
      read.rows.reduce((t, r) => t + r.cost, 0),
      expected.cost,
    );
    expect(new Set(read.rows.map(r => r.projectId))).toEqual(expected.projects);
    expect(config.queryProject).toBe(table.tableId.split('.')[0]);
  });

  it('lists the projects of the accounts it is told, only', async () => {
    const [first] = estate.billingAccounts ?? [];
    const only = await start(estate, table, {
      billingAccounts: [first.name.split('/')[1]],
    });
    try {
      const projects = await only.source().listProjectBilling();
      expect(projects.map(p => p.projectId).sort()).toEqual(
        [...first.projects].sort(),
      );
    } finally {
      await only.stop();
    }
  });
});
