import { DatabaseManager } from '@backstage/backend-defaults/database';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  BigQueryEmulator,
  GcpEmulator,
  k8sInfraBillingExport,
  loadK8sInfraGcpEstate,
  startBigQueryEmulator,
  startGcpEmulator,
  useNodeHttpTransportForBigQuery,
} from '@infra-atlas/emulators';
import { monthsFrom } from '@infra-atlas/inventory-common';
import {
  GcpBillingClients,
  GcpBillingConfig,
  GcpBillingSource,
  createGcpBillingClients,
  readGcpBillingConfig,
} from '@infra-atlas/plugin-inventory-backend-module-gcp-billing';
import { testDatabases } from '@infra-atlas/test-utils';
import { ProjectAttribution } from '../store/BillingFigures';
import { BillingStore } from '../store/BillingStore';
import { BillingRefresh } from './BillingRefresh';

jest.setTimeout(120_000);

/**
 * The refresh reading through the GCP billing module from the Cloud Billing and BigQuery
 * emulators, seeded with the k8s-infra snapshot's synthetic export (24 months ending 2024-05):
 * how many query jobs each refresh runs and what it scans, as BigQuery would bill them.
 */
describe.each(testDatabases())(
  'Billing refresh from the GCP emulators on $name',
  db => {
    const estate = loadK8sInfraGcpEstate();
    const table = k8sInfraBillingExport(estate);
    let gcp: GcpEmulator;
    let bigquery: BigQueryEmulator;
    let config: GcpBillingConfig;
    let clients: Promise<GcpBillingClients>;
    let store: BillingStore;
    let destroy: () => Promise<void>;
    let now: Date;

    const attributions: ProjectAttribution[] = [
      {
        projectId: 'k8s-artifacts-prod',
        owners: ['group:default/sig-k8s-infra'],
        sigs: ['group:default/sig-k8s-infra'],
        systems: [],
      },
    ];

    beforeAll(async () => {
      useNodeHttpTransportForBigQuery();
      gcp = await startGcpEmulator({ estate });
      bigquery = await startBigQueryEmulator({ tables: [table] });
      config = readGcpBillingConfig(
        new ConfigReader({
          inventory: {
            billing: {
              gcp: {
                exportTable: table.tableId,
                lookbackMonths: 36,
                connection: {
                  endpoint: '127.0.0.1',
                  port: gcp.port,
                  insecure: true,
                },
                bigquery: { apiEndpoint: bigquery.url },
              },
            },
          },
        }),
      )!;
      clients = createGcpBillingClients(config);
      const database = DatabaseManager.fromConfig(
        new ConfigReader({ backend: { database: db.config() } }),
      ).forPlugin('inventory', {
        logger: mockServices.logger.mock(),
        lifecycle: mockServices.lifecycle.mock(),
      });
      destroy = async () => (await database.getClient()).destroy();
      store = await BillingStore.create(database, { currency: 'USD' });
    });
    afterAll(async () => {
      await (await clients).close();
      await Promise.all([gcp.stop(), bigquery.stop()]);
      await destroy();
      await db.cleanup();
    });

    /** One refresh at `now`, with the BigQuery emulator's counts of what it ran. */
    async function refreshAt(day: string) {
      now = new Date(`${day}T12:00:00Z`);
      const source = new GcpBillingSource(
        config,
        () => clients,
        mockServices.logger.mock(),
        () => now,
      );
      bigquery.resetCounts();
      const outcome = await new BillingRefresh({
        source,
        store,
        currentAttributions: async () => attributions,
        logger: mockServices.logger.mock(),
        months: 24,
        closeAfterDays: 5,
        now: () => now,
      }).refresh();
      return {
        outcome,
        jobs: bigquery.requestCounts()['Jobs/Insert'] ?? 0,
        // Every job's bytes, the coverage query's included.
        scanned: bigquery.totalBytesProcessed(),
      };
    }

    const seedNet = (months: string[]) =>
      table.slices
        .filter(s =>
          months.includes(
            `${s.invoiceMonth.slice(0, 4)}-${s.invoiceMonth.slice(4)}`,
          ),
        )
        .reduce((t, s) => t + s.cost + s.credits, 0);

    it('back-fills 24 months with two jobs, then reads only the open month', async () => {
      const all = monthsFrom('2022-06', '2024-05');
      const first = await refreshAt('2024-06-03');
      expect(first.outcome).toMatchObject({
        ok: true,
        monthsRead: all,
        queries: 2,
      });
      expect(first.jobs).toBe(2);
      const months = await store.months();
      expect(months.map(m => m.month)).toEqual(all);
      expect(months.filter(m => m.state === 'open').map(m => m.month)).toEqual([
        '2024-05',
      ]);
      const stored = await store.spend(all);
      const net = stored.reduce((t, r) => t + r.cost + r.credits, 0);
      expect(Math.abs(net - seedNet(all))).toBeLessThan(1e-6 * Math.abs(net));
      expect((await store.attributions(['2024-05']))[0].owners).toEqual([
        'group:default/sig-k8s-infra',
      ]);
      expect((await store.projectBilling()).length).toBeGreaterThan(0);

      const second = await refreshAt('2024-06-04');
      expect(second.outcome).toMatchObject({
        ok: true,
        monthsRead: ['2024-05'],
        queries: 2,
      });
      // The open month's partitions only: a small part of the back-fill's bytes.
      if (!first.outcome.ok || !second.outcome.ok)
        throw new Error('refresh failed');
      expect(second.outcome.bytesProcessed * 10).toBeLessThan(
        first.outcome.bytesProcessed,
      );
      // Its coverage job too looks at the partitions from the newest stored month only.
      expect(second.scanned * 10).toBeLessThan(first.scanned);
      expect((await store.freshness()).bytesProcessed).toBe(
        second.outcome.bytesProcessed,
      );
    });

    it('reads the month once more when it closes, then runs the coverage job only', async () => {
      const closing = await refreshAt('2024-06-06');
      expect(closing.outcome).toMatchObject({
        ok: true,
        monthsRead: ['2024-05'],
      });
      expect((await store.months()).at(-1)?.state).toBe('closed');
      const after = await refreshAt('2024-06-07');
      expect(after.outcome).toMatchObject({
        ok: true,
        monthsRead: [],
        queries: 1,
      });
      expect(after.jobs).toBe(1);
    });

    it('keeps the figures and says why when BigQuery cannot be reached', async () => {
      const before = await store.spend(['2024-05']);
      bigquery.setReachable(false);
      try {
        const failed = await refreshAt('2024-06-08');
        expect(failed.outcome.ok).toBe(false);
      } finally {
        bigquery.setReachable(true);
      }
      expect(await store.spend(['2024-05'])).toEqual(before);
      const freshness = await store.freshness();
      expect(freshness.refreshedAt).toBe('2024-06-07T12:00:00.000Z');
      expect(freshness.lastError).toMatch(
        /^BigQuery billing export kubernetes-public\.kubernetes_public_billing\..* \(location US\): /,
      );
    });
  },
);
