import { DatabaseManager } from '@backstage/backend-defaults/database';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { InvoiceMonth, MonthlySpend } from '@infra-atlas/inventory-common';
import { BillingSource } from '@infra-atlas/plugin-inventory-node';
import { testDatabases } from '@infra-atlas/test-utils';
import { memoryBillingSource } from '../../__testUtils__/billingSource';
import { ProjectAttribution } from '../store/BillingFigures';
import { BillingStore } from '../store/BillingStore';
import { BillingRefresh, isClosed, monthsToRead } from './BillingRefresh';
import {
  BILLING_REFRESH_TASK,
  scheduleBillingRefresh,
} from './scheduleBillingRefresh';

/**
 * The route tests' export in memory, with what the refresh's bookkeeping needs on top: which
 * months it asks for, coverage from a month on, and failures. The real source is tested
 * against the BigQuery and Cloud Billing emulators (gcpBillingRefresh.test.ts).
 */
class FakeSource implements BillingSource {
  readonly id = 'fake-billing';
  readonly currency = 'USD';
  rows: MonthlySpend[] = [];
  reads: InvoiceMonth[][] = [];
  coverageSince: Array<InvoiceMonth | undefined> = [];
  failWith?: Error;
  failProjectsWith?: Error;
  private readonly memory = memoryBillingSource(this.rows);

  async listProjectBilling() {
    if (this.failProjectsWith) throw this.failProjectsWith;
    return this.memory.listProjectBilling();
  }

  async readSpend(months: InvoiceMonth[]) {
    if (this.failWith) throw this.failWith;
    this.reads.push(months);
    return this.memory.readSpend(months);
  }

  async coveredMonths(since?: InvoiceMonth) {
    if (this.failWith) throw this.failWith;
    this.coverageSince.push(since);
    return (await this.memory.coveredMonths()).filter(
      m => !since || m >= since,
    );
  }
}

const spend = (
  month: string,
  projectId: string,
  cost: number,
  service = 'Cloud Storage',
): MonthlySpend => ({ month, projectId, service, cost, credits: -cost / 2 });

const owned = (owner: string): ProjectAttribution[] => [
  { projectId: 'k8s-artifacts-prod', owners: [owner], sigs: [], systems: [] },
];

describe.each(testDatabases())('Billing store and refresh on $name', db => {
  let database: DatabaseService;
  let source: FakeSource;
  let store: BillingStore;
  let attributions: ProjectAttribution[];
  let now: Date;
  const logger = mockServices.logger.mock();

  const refresher = () =>
    new BillingRefresh({
      source,
      store,
      currentAttributions: async () => attributions,
      logger,
      months: 3,
      closeAfterDays: 5,
      now: () => now,
    });

  beforeEach(async () => {
    database = DatabaseManager.fromConfig(
      new ConfigReader({ backend: { database: db.config() } }),
    ).forPlugin(`inventory${Math.random().toString(36).slice(2, 8)}`, {
      logger: mockServices.logger.mock(),
      lifecycle: mockServices.lifecycle.mock(),
    });
    source = new FakeSource();
    // Four months of export; 2026-10 has no row (a gap), 2026-12 is the open month.
    source.rows.push(
      spend('2026-08', 'k8s-artifacts-prod', 100),
      spend('2026-09', 'k8s-artifacts-prod', 110),
      spend('2026-09', '', 5, 'Support'),
      spend('2026-11', 'k8s-artifacts-prod', 120),
      spend('2026-11', 'k8s-infra-prow-build', 60, 'Compute Engine'),
      spend('2026-12', 'k8s-artifacts-prod', 40),
    );
    store = await BillingStore.create(database, { currency: 'USD' });
    attributions = owned('group:default/sig-k8s-infra');
    now = new Date('2026-12-03T12:00:00Z');
  });
  afterEach(async () => {
    await (await database.getClient()).destroy();
  });
  // One PostgreSQL database per test to drop, on a shared machine.
  afterAll(() => db.cleanup(), 60_000);

  it('back-fills the last months the export covers on its first run, a gap as no-data', async () => {
    const outcome = await refresher().refresh();
    expect(outcome).toMatchObject({
      ok: true,
      monthsRead: ['2026-10', '2026-11', '2026-12'],
      queries: 2,
    });
    // 2026-08 and 2026-09 are beyond `months: 3` of the newest covered month.
    expect(source.reads).toEqual([['2026-10', '2026-11', '2026-12']]);
    expect(
      (await store.months()).map(m => [m.month, m.state, m.refreshedAt]),
    ).toEqual([
      ['2026-10', 'no-data', '2026-12-03T12:00:00.000Z'],
      // 2026-11 ended 2 days ago: not closed until 5 days after it ended.
      ['2026-11', 'open', '2026-12-03T12:00:00.000Z'],
      ['2026-12', 'open', '2026-12-03T12:00:00.000Z'],
    ]);
    expect(await store.spend(['2026-11'])).toEqual([
      spend('2026-11', 'k8s-artifacts-prod', 120),
      spend('2026-11', 'k8s-infra-prow-build', 60, 'Compute Engine'),
    ]);
    expect((await store.projectBilling()).map(p => p.projectId)).toEqual([
      'k8s-artifacts-prod',
      'k8s-infra-prow-build',
    ]);
    expect(await store.freshness()).toEqual({
      refreshedAt: '2026-12-03T12:00:00.000Z',
      bytesProcessed: 1000,
    });
    expect(await store.currency()).toBe('USD');
    // One query's bytes shared by the months it read, in whole bytes.
    expect((await store.months()).map(m => m.bytesProcessed)).toEqual([
      333, 333, 333,
    ]);
  });

  it('re-reads only the months still open; a closed month is read once more, then never', async () => {
    await refresher().refresh();
    now = new Date('2026-12-04T12:00:00Z');
    await refresher().refresh();
    // 2026-10 was read after it closed (final); 2026-11 and 2026-12 are open.
    expect(source.reads[1]).toEqual(['2026-11', '2026-12']);
    // Coverage is asked from the newest stored month on, after the first refresh.
    expect(source.coverageSince).toEqual([undefined, '2026-12']);
    // 2026-11 closes on Dec 6: read that day for the last time, then never again.
    now = new Date('2026-12-06T00:00:00Z');
    source.rows.push(spend('2026-11', 'k8s-e2e-late', 3));
    await refresher().refresh();
    expect(source.reads[2]).toEqual(['2026-11', '2026-12']);
    expect((await store.months()).find(m => m.month === '2026-11')?.state).toBe(
      'closed',
    );
    expect((await store.spend(['2026-11'])).map(r => r.projectId)).toContain(
      'k8s-e2e-late',
    );
    now = new Date('2026-12-07T00:00:00Z');
    await refresher().refresh();
    expect(source.reads[3]).toEqual(['2026-12']);
  });

  it('keeps the last figures when the export fails, and says when they were read and why', async () => {
    await refresher().refresh();
    const before = await store.spend(['2026-10', '2026-11', '2026-12']);
    source.failWith = new Error(
      'Not found: Table k8s-infra-billing:billing.export was not found in location US',
    );
    now = new Date('2026-12-03T18:00:00Z');
    const outcome = await refresher().refresh();
    expect(outcome).toEqual({
      ok: false,
      error:
        'Not found: Table k8s-infra-billing:billing.export was not found in location US',
    });
    expect(await store.spend(['2026-10', '2026-11', '2026-12'])).toEqual(
      before,
    );
    expect(await store.freshness()).toEqual({
      refreshedAt: '2026-12-03T12:00:00.000Z',
      lastError:
        'Not found: Table k8s-infra-billing:billing.export was not found in location US',
      bytesProcessed: 1000,
    });
    // The next good refresh clears the error.
    source.failWith = undefined;
    now = new Date('2026-12-04T00:00:00Z');
    await refresher().refresh();
    expect((await store.freshness()).lastError).toBeUndefined();
  });

  it('keeps the last project listing when Cloud Billing fails, and still reads spend', async () => {
    await refresher().refresh();
    source.failProjectsWith = new Error('PERMISSION_DENIED');
    source.rows.push(spend('2026-12', 'k8s-staging-new', 1));
    const outcome = await refresher().refresh();
    expect(outcome.ok).toBe(true);
    expect((await store.projectBilling()).map(p => p.projectId)).toEqual([
      'k8s-artifacts-prod',
      'k8s-infra-prow-build',
    ]);
    expect((await store.spend(['2026-12'])).map(r => r.projectId)).toContain(
      'k8s-staging-new',
    );
  });

  it('records ownership per month: open months follow today’s, closed months keep theirs', async () => {
    now = new Date('2026-12-10T00:00:00Z');
    await refresher().refresh();
    // The day of the final read, the record still follows the catalog (a back-fill at
    // start-up meets the first crawls arriving).
    attributions = owned('group:default/sig-release');
    await refresher().refresh();
    expect((await store.attributions(['2026-11']))[0].owners).toEqual([
      'group:default/sig-release',
    ]);
    // The project moves back after that day: 2026-11 is frozen, the open month follows.
    attributions = owned('group:default/sig-k8s-infra');
    await refresher().refresh();
    now = new Date('2026-12-12T00:00:00Z');
    attributions = owned('group:default/sig-release');
    await refresher().refresh();
    const byMonth = Object.fromEntries(
      (await store.attributions(['2026-11', '2026-12'])).map(a => [
        a.month,
        a.owners,
      ]),
    );
    expect(byMonth).toEqual({
      '2026-11': ['group:default/sig-k8s-infra'],
      '2026-12': ['group:default/sig-release'],
    });
  });

  it('records ownership after an index build without reading the export: open months only', async () => {
    now = new Date('2026-12-10T00:00:00Z');
    const refresh = refresher();
    await refresh.refresh();
    now = new Date('2026-12-12T00:00:00Z');
    attributions = owned('group:default/sig-release');
    await refresh.recordAttributions();
    expect(source.reads).toHaveLength(1);
    const owners = async (month: string) =>
      (await store.attributions([month]))[0].owners;
    expect(await owners('2026-12')).toEqual(['group:default/sig-release']);
    expect(await owners('2026-11')).toEqual(['group:default/sig-k8s-infra']);
  });

  it('records ownership later for months read before the inventory knew any project', async () => {
    now = new Date('2026-12-10T00:00:00Z');
    attributions = [];
    await refresher().refresh();
    expect(await store.attributions(['2026-10', '2026-11'])).toEqual([]);
    attributions = owned('group:default/sig-k8s-infra');
    await refresher().refresh();
    // Only the open month was read again, yet the final months got their attributions.
    expect(source.reads[1]).toEqual(['2026-12']);
    expect(
      (await store.attributions(['2026-10', '2026-11'])).map(a => a.month),
    ).toEqual(['2026-10', '2026-11']);
  });

  it('refreshes once per cadence across two replicas on one database', async () => {
    const scheduled: Array<(signal: AbortSignal) => Promise<void> | void> = [];
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: async task => {
        scheduled.push(task.fn);
      },
    });
    for (let replica = 0; replica < 2; replica++) {
      await scheduleBillingRefresh({
        refresh: refresher(),
        schedule: { frequency: { hours: 6 }, timeout: { minutes: 10 } },
        scheduler,
        database,
        logger,
      });
    }
    const signal = new AbortController().signal;
    await Promise.all(scheduled.map(fn => fn(signal)));
    await Promise.all(scheduled.map(fn => fn(signal)));
    expect(source.reads).toHaveLength(1);
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({ id: BILLING_REFRESH_TASK, scope: 'local' }),
    );
  });
});

describe('which months a refresh reads', () => {
  it('closes a month closeAfterDays after it ends', () => {
    expect(isClosed('2026-11', 5, new Date('2026-12-05T23:59:59Z'))).toBe(
      false,
    );
    expect(isClosed('2026-11', 5, new Date('2026-12-06T00:00:00Z'))).toBe(true);
    expect(isClosed('2026-12', 0, new Date('2027-01-01T00:00:00Z'))).toBe(true);
  });

  it('reads nothing when the export covers no month', () => {
    expect(monthsToRead([], [], 24)).toEqual([]);
  });

  it('starts no earlier than the oldest month the export covers', () => {
    expect(monthsToRead(['2026-11', '2026-12'], [], 24)).toEqual([
      '2026-11',
      '2026-12',
    ]);
  });
});
