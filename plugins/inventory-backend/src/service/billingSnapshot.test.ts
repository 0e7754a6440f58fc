/*
 * Billing end to end on the k8s-infra snapshot: the GCP billing module reads Cloud Billing and
 * the BigQuery export from the emulators (the snapshot's SYNTHETIC export, 24 months ending
 * 2024-05), the store's refresh keeps it in SQLite, and the routes join it to the snapshot's
 * ownership as the demo's catalog holds it.
 */
import {
  BigQueryEmulator,
  GcpEmulator,
  k8sInfraBillingExport,
  loadK8sInfraGcpEstate,
  startBigQueryEmulator,
  startGcpEmulator,
  useNodeHttpTransportForBigQuery,
} from '@infra-atlas/emulators';
import {
  BILLING_GROUP_BYS,
  BillingReport,
  EntityCost,
} from '@infra-atlas/inventory-common';
import gcpBillingModule from '@infra-atlas/plugin-inventory-backend-module-gcp-billing';
import { startInventoryBackend } from '../__testUtils__/backend';
import { k8sInfraEntities } from '../billing/model/__testUtils__/estates';

jest.setTimeout(180_000);

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('billing on the k8s-infra snapshot, read from the emulators', () => {
  let gcp: GcpEmulator;
  let bigquery: BigQueryEmulator;
  let inventory: Awaited<ReturnType<typeof startInventoryBackend>>;
  const reports = new Map<string, BillingReport>();

  beforeAll(async () => {
    useNodeHttpTransportForBigQuery();
    const estate = loadK8sInfraGcpEstate();
    const table = k8sInfraBillingExport(estate);
    gcp = await startGcpEmulator({ estate });
    bigquery = await startBigQueryEmulator({ tables: [table] });
    inventory = await startInventoryBackend({
      entities: k8sInfraEntities(),
      billing: {
        module: gcpBillingModule,
        config: {
          // The demo's budget: an annual credit grant, drawn down by the cost it covers.
          budget: {
            title: 'Google Cloud credit grant',
            amount: 3_000_000,
            start: '2024-01',
            measure: 'cost',
          },
          gcp: {
            exportTable: table.tableId,
            location: table.location,
            currency: 'USD',
            lookbackMonths: 72,
            bigquery: { apiEndpoint: bigquery.url },
            connection: {
              endpoint: '127.0.0.1',
              port: gcp.port,
              insecure: true,
            },
          },
        },
      },
    });
    const deadline = Date.now() + 150_000;
    for (;;) {
      const { status, body } = await inventory.get('billing');
      if (status === 200 && body.month === '2024-05') break;
      if (Date.now() > deadline) {
        throw new Error(
          `no billing figures: ${status} ${JSON.stringify(body)}`,
        );
      }
      await new Promise(r => setTimeout(r, 500));
    }
    for (const groupBy of BILLING_GROUP_BYS) {
      const { body } = await inventory.get(`billing?groupBy=${groupBy}`);
      reports.set(groupBy, body);
    }
  });
  afterAll(async () => {
    await inventory?.stop();
    await Promise.all([gcp?.stop(), bigquery?.stop()]);
  });

  it('reconciles: every breakdown adds up to the same total, credits counted once', () => {
    const total = reports.get('service')!.total;
    expect(total.cost).toBeGreaterThan(0);
    // A credit grant pays for most of it.
    expect(-total.credits / total.cost).toBeGreaterThan(0.9);
    expect(total.net).toBeCloseTo(total.cost + total.credits, 6);
    for (const [groupBy, report] of reports) {
      expect({
        groupBy,
        month: report.month,
        state: report.monthState,
      }).toEqual({
        groupBy,
        month: '2024-05',
        state: 'closed',
      });
      for (const field of ['cost', 'credits', 'net'] as const) {
        expect(report.total[field]).toBeCloseTo(total[field], 6);
        expect(sum(report.rows.map(r => r[field]))).toBeCloseTo(
          total[field],
          6,
        );
      }
    }
    expect(reports.get('service')!.months).toHaveLength(12);
  });

  it('joins spend to the snapshot’s ownership: the CI projects are SIG Testing’s, through the Prow on-call group', async () => {
    const sigs = reports.get('sig')!;
    const testing = sigs.rows.find(r => r.key === 'group:default/sig-testing')!;
    expect(testing.title).toBe('SIG Testing');
    const oncall = reports
      .get('owner')!
      .rows.find(
        r => r.key === 'group:default/k8s-infra-prow-oncall--kubernetes.io',
      )!;
    // The on-call group's CI projects make most of SIG Testing's spend.
    expect(oncall.net).toBeGreaterThan(0.9 * testing.net);
    expect(testing.net).toBeGreaterThanOrEqual(oncall.net);
    const { body } = await inventory.get(
      'billing/entity?entityRef=group:default/sig-testing&months=3',
    );
    const cost = body as EntityCost;
    expect(cost.groupBy).toBe('sig');
    expect(cost.months.map(m => m.month)).toEqual([
      '2024-03',
      '2024-04',
      '2024-05',
    ]);
    expect(cost.months.at(-1)!.net).toBeCloseTo(testing.net, 6);
    // Unowned projects, and charges with no project, are said, never dropped.
    expect(sigs.rows.find(r => r.unattributed)?.note).toMatch(
      /^Spend of \d+ projects whose owners belong to no SIG \(.+\), charges not tied to a project$/,
    );
  });

  it('names the month’s clear mover, and projects the credit grant', () => {
    const projects = reports.get('project')!;
    // The seed's one clear mover (K8S_INFRA_MOVER of the emulators' k8sInfraBilling.ts).
    expect(projects.movers[0].key).toBe('k8s-infra-e2e-scale-5k-project');
    expect(projects.movers[0].change).toBeGreaterThan(0);
    const { budget } = projects;
    expect(budget).toMatchObject({
      start: '2024-01',
      end: '2024-12',
      measure: 'cost',
    });
    const spent = sum(
      projects.months.filter(m => m.month >= '2024-01').map(m => m.cost),
    );
    expect(budget!.spent).toBeCloseTo(spent, 4);
    const lastThree = projects.months.slice(-3).map(m => m.cost);
    expect(budget!.projected).toBeCloseTo(spent + (sum(lastThree) / 3) * 7, 4);
  });
});
