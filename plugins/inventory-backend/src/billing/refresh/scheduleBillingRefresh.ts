import {
  DatabaseService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  CrawlLeaseStore,
  leasedCrawlRunner,
} from '@infra-atlas/plugin-inventory-node';
import { BillingRefresh } from './BillingRefresh';

/** The scheduler task's id, and its row in the lease table. */
export const BILLING_REFRESH_TASK = 'inventory-billing-refresh';

/**
 * Runs the billing refresh once per cadence across replicas: every replica asks the lease
 * table in the inventory's database whether a refresh is due and the one whose claim lands
 * reads the export (the same leases as the providers' crawls), so replicas never read the
 * same months twice nor bill the queries twice.
 */
export async function scheduleBillingRefresh(options: {
  refresh: BillingRefresh;
  schedule: SchedulerServiceTaskScheduleDefinition;
  scheduler: SchedulerService;
  database: DatabaseService;
  logger: LoggerService;
}): Promise<void> {
  const leases = await CrawlLeaseStore.create(options.database);
  await leasedCrawlRunner({
    scheduler: options.scheduler,
    schedule: options.schedule,
    leases,
    logger: options.logger,
  }).run({
    id: BILLING_REFRESH_TASK,
    fn: async () => {
      await options.refresh.refresh();
    },
  });
}
