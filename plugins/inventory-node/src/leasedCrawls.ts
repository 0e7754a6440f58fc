import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskRunner,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration, durationToMilliseconds } from '@backstage/types';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { CrawlLeaseStore, LeaseTiming } from './crawlLeases';

/**
 * How long a replica's claim on a crawl lasts without a heartbeat (a provider's `lease`).
 *
 * @public
 */
export type CrawlLease = HumanDuration;

/** The lease unless configured: a dead replica's crawl is taken over within about 90 s. */
const DEFAULT_CRAWL_LEASE: CrawlLease = { seconds: 60 };

/** The cadence in milliseconds when the frequency is a duration; undefined for cron or manual. */
function cadenceOf(
  frequency: SchedulerServiceTaskScheduleDefinition['frequency'],
): number | undefined {
  if (typeof frequency === 'string') return undefined;
  if ('cron' in frequency || 'trigger' in frequency) return undefined;
  return durationToMilliseconds(frequency as HumanDuration);
}

/**
 * A task runner for a crawl shared by replicas: one crawl per cadence across all of them, and a
 * replica that dies mid-crawl is replaced within one lease (default 60 s), not after the
 * crawl's timeout as with the scheduler's own global tasks, whose lease is the timeout.
 *
 * Every replica runs a local task that asks the lease table (`CrawlLeaseStore`) every half
 * lease (at most every half cadence) whether the crawl is due; the replica whose claim lands
 * crawls and renews its claim every third of a lease until the crawl ends. A replica shutting
 * down mid-crawl gives its claim up, so another takes over at its next ask.
 *
 * Cron or manual schedules have no cadence to compare with: they keep the scheduler's global
 * task (and its lease of one timeout).
 *
 * @public
 */
export function leasedCrawlRunner(options: {
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  leases: CrawlLeaseStore;
  logger: LoggerService;
  lease?: CrawlLease;
}): SchedulerServiceTaskRunner {
  const { scheduler, schedule, leases, logger } = options;
  const cadenceMs = cadenceOf(schedule.frequency);
  if (cadenceMs === undefined) {
    return scheduler.createScheduledTaskRunner(schedule);
  }
  const timing: LeaseTiming = {
    cadenceMs,
    leaseMs: durationToMilliseconds(options.lease ?? DEFAULT_CRAWL_LEASE),
  };
  // This replica, as lease rows name it: the pod's host name makes the logs readable.
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return {
    async run(task) {
      await scheduler.scheduleTask({
        id: task.id,
        signal: task.signal,
        scope: 'local',
        frequency: {
          milliseconds: Math.max(
            500,
            Math.min(timing.cadenceMs, timing.leaseMs) / 2,
          ),
        },
        timeout: schedule.timeout,
        initialDelay: schedule.initialDelay,
        fn: signal =>
          crawlIfDue({ task, signal, leases, timing, holder, logger }),
      });
    },
  };
}

async function crawlIfDue(options: {
  task: SchedulerServiceTaskInvocationDefinition;
  signal: AbortSignal;
  leases: CrawlLeaseStore;
  timing: LeaseTiming;
  holder: string;
  logger: LoggerService;
}) {
  const { task, signal, leases, timing, holder, logger } = options;
  if (!(await leases.claimIfDue(task.id, holder, timing))) return;
  logger.info(`${task.id}: this replica (${holder}) crawls`);
  const heartbeat = setInterval(() => {
    leases
      .renew(task.id, holder, timing.leaseMs)
      .then(held => {
        if (!held) {
          logger.warn(
            `${task.id}: lost the crawl's lease (a heartbeat came too late); another replica may crawl too`,
          );
        }
      })
      .catch(error =>
        logger.warn(`${task.id}: lease heartbeat failed: ${error}`),
      );
  }, timing.leaseMs / 3);
  // Shutting down mid-crawl: give the claim up now rather than let it run out. The crawl may
  // still end before the process does; it must not then mark the crawl done.
  let abandoned = false;
  const abandon = () => {
    abandoned = true;
    clearInterval(heartbeat);
    leases
      .abandon(task.id, holder)
      .catch(error =>
        logger.warn(`${task.id}: could not give the lease up: ${error}`),
      );
  };
  signal.addEventListener('abort', abandon, { once: true });
  try {
    await task.fn(signal);
  } finally {
    signal.removeEventListener('abort', abandon);
    clearInterval(heartbeat);
    if (!abandoned) await leases.finish(task.id, holder);
  }
}

/**
 * A provider's `lease` setting (how long a replica's claim on its crawl lasts without a
 * heartbeat), undefined when not set.
 *
 * @public
 */
export function readCrawlLease(config: Config): CrawlLease | undefined {
  return config.has('lease')
    ? readDurationFromConfig(config, { key: 'lease' })
    : undefined;
}
