import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { inMemoryDatabase } from '@infra-atlas/test-utils';
import { CrawlLeaseStore } from './crawlLeases';
import { leasedCrawlRunner } from './leasedCrawls';

const timing = { cadenceMs: 60_000, leaseMs: 3_000 };

describe('CrawlLeaseStore', () => {
  let leases: CrawlLeaseStore;
  let destroy: () => Promise<void>;
  beforeEach(async () => {
    const db = inMemoryDatabase();
    destroy = db.destroy;
    leases = await CrawlLeaseStore.create(db.database);
  });
  afterEach(() => destroy());

  it('lets one replica claim a due crawl, and no other until a cadence after it began', async () => {
    expect(await leases.claimIfDue('p', 'a', timing, 1_000)).toBe(true);
    expect(await leases.claimIfDue('p', 'b', timing, 1_001)).toBe(false);
    await leases.finish('p', 'a', 5_000);
    // Finished, but the cadence has not passed since it began.
    expect(await leases.claimIfDue('p', 'b', timing, 30_000)).toBe(false);
    expect(await leases.claimIfDue('p', 'b', timing, 61_000)).toBe(true);
  });

  it('gives a dead holder’s unfinished crawl to the next replica once its lease runs out', async () => {
    expect(await leases.claimIfDue('p', 'a', timing, 1_000)).toBe(true);
    expect(await leases.renew('p', 'a', timing.leaseMs, 3_000)).toBe(true);
    // a dies: no heartbeat after 3 s, so the claim ends at 6 s, long before the cadence.
    expect(await leases.claimIfDue('p', 'b', timing, 5_999)).toBe(false);
    expect(await leases.claimIfDue('p', 'b', timing, 6_000)).toBe(true);
    // The dead holder's late calls change nothing.
    expect(await leases.renew('p', 'a', timing.leaseMs, 6_500)).toBe(false);
    await leases.finish('p', 'a', 6_600);
    expect((await leases.state('p'))?.holder).toBe('b');
    expect((await leases.state('p'))?.finishedAt).toBeUndefined();
  });

  it('hands a crawl given up at shutdown to the next replica at once', async () => {
    expect(await leases.claimIfDue('p', 'a', timing, 1_000)).toBe(true);
    await leases.abandon('p', 'a');
    expect(await leases.claimIfDue('p', 'b', timing, 1_100)).toBe(true);
  });

  it('keeps providers apart', async () => {
    expect(await leases.claimIfDue('p', 'a', timing, 1_000)).toBe(true);
    expect(await leases.claimIfDue('q', 'b', timing, 1_000)).toBe(true);
  });
});

describe('leasedCrawlRunner', () => {
  const schedule: SchedulerServiceTaskScheduleDefinition = {
    frequency: { minutes: 30 },
    timeout: { minutes: 10 },
  };

  it('asks often on a local task, and crawls once per cadence across replicas', async () => {
    const db = inMemoryDatabase();
    const leases = await CrawlLeaseStore.create(db.database);
    const scheduled: Array<{
      fn: (signal: AbortSignal) => Promise<void> | void;
      scope?: string;
      frequency: unknown;
    }> = [];
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: async task => {
        scheduled.push(task);
      },
    });
    const crawls: string[] = [];
    for (const replica of ['a', 'b']) {
      await leasedCrawlRunner({
        scheduler,
        schedule,
        leases,
        lease: { seconds: 4 },
        logger: mockServices.logger.mock(),
      }).run({
        id: 'p:refresh',
        fn: async () => {
          crawls.push(replica);
        },
      });
    }
    expect(scheduled.map(t => [t.scope, t.frequency])).toEqual([
      ['local', { milliseconds: 2_000 }],
      ['local', { milliseconds: 2_000 }],
    ]);
    const signal = new AbortController().signal;
    await Promise.all(scheduled.map(t => t.fn(signal)));
    await scheduled[1].fn(signal);
    await scheduled[0].fn(signal);
    expect(crawls).toHaveLength(1);
    expect((await leases.state('p:refresh'))?.finishedAt).toBeDefined();
    await db.destroy();
  });

  it('keeps the scheduler’s global task for a cron schedule', async () => {
    const db = inMemoryDatabase();
    const run = jest.fn();
    const scheduler = mockServices.scheduler.mock({
      createScheduledTaskRunner: () => ({ run }),
    });
    await leasedCrawlRunner({
      scheduler,
      schedule: { frequency: { cron: '0 * * * *' }, timeout: { minutes: 5 } },
      leases: await CrawlLeaseStore.create(db.database),
      logger: mockServices.logger.mock(),
    }).run({ id: 'p:refresh', fn: async () => {} });
    expect(run).toHaveBeenCalled();
    expect(scheduler.scheduleTask).not.toHaveBeenCalled();
    await db.destroy();
  });
});
