import { BigQuery } from '@google-cloud/bigquery';
import {
  BillingEmulators,
  coverageStatement,
  queryWithStatistics,
  spendStatement,
  startBillingEmulators,
} from './__testUtils__/billingEmulators';
import {
  k8sInfraBillingExport,
  K8S_INFRA_LAST_INVOICE_MONTH,
  K8S_INFRA_MOVER,
} from './k8sInfraBilling';
import { generateSyntheticBillingExport } from './syntheticBilling';
import { loadK8sInfraGcpEstate } from '../gcp/k8sInfraSeed';
import { generateSyntheticGcpEstate } from '../gcp/syntheticEstate';

jest.setTimeout(60_000);

type Row = {
  invoice_month: string;
  project_id: string | null;
  service_description: string;
  cost: number;
  credits: number;
};

/** Reads months as the billing module does: one bounded spend query, all pages. */
async function readSpend(
  bigquery: BigQuery,
  tableId: string,
  months: string[],
) {
  const last = months[months.length - 1];
  const after = new Date(
    Date.UTC(Number(last.slice(0, 4)), Number(last.slice(4)), 10),
  );
  const { rows, totalBytesProcessed } = await queryWithStatistics(bigquery, {
    query: spendStatement(tableId),
    params: {
      partitionStart: BigQuery.date(
        `${months[0].slice(0, 4)}-${months[0].slice(4)}-01`,
      ),
      partitionEnd: BigQuery.date(after.toISOString().slice(0, 10)),
      months,
    },
  });
  return { rows: rows as Row[], bytes: totalBytesProcessed };
}

const sum = (rows: Row[], field: 'cost' | 'credits') =>
  rows.reduce((total, row) => total + row[field], 0);

describe('the k8s-infra billing export (synthetic), read with the official client', () => {
  let emulators: BillingEmulators;
  let bigquery: BigQuery;
  const estate = loadK8sInfraGcpEstate();
  const table = k8sInfraBillingExport(estate);

  beforeAll(async () => {
    emulators = await startBillingEmulators(estate, table);
    bigquery = emulators.bigqueryClient();
  });
  afterAll(() => emulators.stop());

  it('covers the 24 invoice months ending with the snapshot month', async () => {
    const [rows] = await bigquery.query({
      query: coverageStatement(table.tableId),
      params: {
        partitionStart: BigQuery.date('2020-01-01'),
        partitionEnd: BigQuery.date('2024-06-10'),
      },
    });
    const months = rows.map(row => row.invoice_month);
    expect(months).toHaveLength(24);
    expect(months[0]).toBe('202206');
    expect(months[23]).toBe(K8S_INFRA_LAST_INVOICE_MONTH);
  });

  it('is dominated by artifact serving, then CI, with credits paying most of it', async () => {
    const { rows } = await readSpend(bigquery, table.tableId, ['202405']);
    const costOf = (pattern: RegExp) =>
      sum(
        rows.filter(row => pattern.test(row.project_id ?? '')),
        'cost',
      );
    const artifacts = costOf(
      /^k8s-(artifacts|infra-oci-proxy|infra-releases|release)/,
    );
    const ci = costOf(/^k8s-infra-(prow-build|e2e-)/);
    const staging = costOf(/^k8s-staging-/);
    const total = sum(rows, 'cost');
    expect(artifacts / total).toBeGreaterThan(0.5);
    expect(ci).toBeLessThan(artifacts);
    expect(ci).toBeGreaterThan(staging * 5);
    expect(total).toBeGreaterThan(200_000);
    expect(total).toBeLessThan(350_000);
    // The grant pays 95% of every charge; the net is the rest.
    expect(-sum(rows, 'credits') / total).toBeCloseTo(0.95, 6);
    expect(rows.some(row => row.project_id === null)).toBe(true);
  });

  it('has one clear mover in the last month', async () => {
    const { rows } = await readSpend(bigquery, table.tableId, [
      '202404',
      '202405',
    ]);
    const byProject = new Map<string, number>();
    for (const row of rows) {
      const sign = row.invoice_month === '202405' ? 1 : -1;
      const key = row.project_id ?? '';
      byProject.set(key, (byProject.get(key) ?? 0) + sign * row.cost);
    }
    const movers = [...byProject.entries()].sort(
      (a, b) => Math.abs(b[1]) - Math.abs(a[1]),
    );
    expect(movers[0][0]).toBe(K8S_INFRA_MOVER);
    expect(Math.abs(movers[0][1])).toBeGreaterThan(2 * Math.abs(movers[1][1]));
  });

  it('has projects that appear only in recent months, and rows that arrive late', async () => {
    const { rows } = await readSpend(bigquery, table.tableId, [
      '202402',
      '202403',
    ]);
    const recent = (month: string) =>
      rows.some(
        r =>
          r.invoice_month === month &&
          r.project_id === 'k8s-infra-e2e-boskos-121',
      );
    expect(recent('202402')).toBe(false);
    expect(recent('202403')).toBe(true);
    // April's late rows sit in the first partitions of May.
    const [late] = await bigquery.query({
      query: coverageStatement(table.tableId),
      params: {
        partitionStart: BigQuery.date('2024-05-01'),
        partitionEnd: BigQuery.date('2024-05-01'),
      },
    });
    expect(late.map(row => row.invoice_month)).toEqual(['202404', '202405']);
  });

  it('scans the same bytes for a month whichever months the filter keeps', async () => {
    const one = await readSpend(bigquery, table.tableId, ['202405']);
    const shifted = await queryWithStatistics(bigquery, {
      query: spendStatement(table.tableId),
      params: {
        partitionStart: BigQuery.date('2024-05-01'),
        partitionEnd: BigQuery.date('2024-06-10'),
        months: ['202301'],
      },
    });
    expect(shifted.rows).toEqual([]);
    expect(shifted.totalBytesProcessed).toBe(one.bytes);
    const two = await readSpend(bigquery, table.tableId, ['202404', '202405']);
    expect(two.bytes).toBeGreaterThan(1.8 * one.bytes);
  });

  it('is the same export on every run', () => {
    expect(k8sInfraBillingExport(loadK8sInfraGcpEstate())).toEqual(table);
  });
});

describe('synthetic billing exports', () => {
  it('give every billed project spend, none to unbilled ones, the same for the same seed', async () => {
    const estate = generateSyntheticGcpEstate({
      projects: 120,
      assetsPerProject: 1,
      seed: 2,
    });
    const table = generateSyntheticBillingExport(estate, { seed: 2 });
    expect(generateSyntheticBillingExport(estate, { seed: 2 })).toEqual(table);
    expect(generateSyntheticBillingExport(estate, { seed: 3 })).not.toEqual(
      table,
    );

    const emulators = await startBillingEmulators(estate, table);
    try {
      const bigquery = emulators.bigqueryClient();
      const { rows } = await readSpend(bigquery, table.tableId, [
        '202404',
        '202405',
      ]);
      const billed = new Set(estate.billingAccounts!.flatMap(a => a.projects));
      const spending = new Set(rows.map(row => row.project_id));
      const deleted = estate.projects.filter(
        p => p.state === 'DELETE_REQUESTED',
      );
      expect([...spending].every(id => billed.has(id!))).toBe(true);
      expect(spending.size).toBe(
        billed.size - deleted.filter(p => billed.has(p.projectId)).length,
      );
      // Heavy, medium and small projects: the largest spends far more than the median.
      const perProject = [...spending].map(id =>
        sum(
          rows.filter(row => row.project_id === id),
          'cost',
        ),
      );
      perProject.sort((a, b) => a - b);
      expect(perProject[perProject.length - 1]).toBeGreaterThan(
        20 * perProject[Math.floor(perProject.length / 2)],
      );
    } finally {
      await emulators.stop();
    }
  });

  it("keeps 2,000 projects × 24 months in memory at the statements' grain", () => {
    const estate = generateSyntheticGcpEstate({
      projects: 2000,
      assetsPerProject: 1,
    });
    const table = generateSyntheticBillingExport(estate);
    const billed = estate.billingAccounts!.flatMap(a => a.projects).length;
    // At most 5 services a month each, one late slice a month: far fewer slices than the
    // hundreds of millions of raw rows they stand for.
    expect(table.slices.length).toBeLessThan(billed * 24 * 6);
    const rawRows = table.slices.reduce(
      (total, s) => total + s.rowsPerDay * (s.lastDay - s.firstDay + 1),
      0,
    );
    expect(rawRows).toBeGreaterThan(100 * table.slices.length);
  });
});
