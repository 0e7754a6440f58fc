import {
  DatabaseService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { BillingSource } from '@infra-atlas/plugin-inventory-node';
import { ProjectAttribution } from '../store/BillingFigures';
import { BillingStore } from '../store/BillingStore';
import { BillingRefresh } from './BillingRefresh';
import { scheduleBillingRefresh } from './scheduleBillingRefresh';

/** `inventory.billing`'s refresh settings (see config.d.ts). */
export type BillingRefreshConfig = {
  schedule: SchedulerServiceTaskScheduleDefinition;
  months: number;
  closeAfterDays: number;
};

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 6 },
  timeout: { minutes: 30 },
  // Soon after start-up, once the inventory index has had time to know the projects.
  initialDelay: { seconds: 30 },
};

function wholeNumber(
  config: Config | undefined,
  key: string,
  fallback: number,
  min: number,
): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new Error(
      `inventory.billing.${key} must be a whole number, at least ${min}; it is ${value}`,
    );
  }
  return value;
}

export function readBillingRefreshConfig(root: Config): BillingRefreshConfig {
  const billing = root.getOptionalConfig('inventory.billing');
  return {
    schedule: billing?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          billing.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    months: wholeNumber(billing, 'months', 24, 1),
    closeAfterDays: wholeNumber(billing, 'closeAfterDays', 5, 0),
  };
}

/** The billing store the spend model reads, and its refresh. */
export type Billing = { figures: BillingStore; refresh: BillingRefresh };

/**
 * Starts the billing store and its scheduled refresh when a module added a billing source;
 * undefined when billing is not configured.
 */
export async function startBillingRefresh(options: {
  sources: BillingSource[];
  config: Config;
  database: DatabaseService;
  scheduler: SchedulerService;
  logger: LoggerService;
  currentAttributions: () => Promise<ProjectAttribution[]>;
}): Promise<Billing | undefined> {
  const { sources, logger } = options;
  if (sources.length === 0) {
    logger.info('No billing source added; the billing report is off');
    return undefined;
  }
  if (sources.length > 1) {
    throw new Error(
      `The inventory reads one billing source; ${
        sources.length
      } were added (${sources.map(s => s.id).join(', ')})`,
    );
  }
  const [source] = sources;
  const settings = readBillingRefreshConfig(options.config);
  const store = await BillingStore.create(options.database, {
    currency: source.currency,
  });
  const refresh = new BillingRefresh({
    source,
    store,
    currentAttributions: options.currentAttributions,
    logger,
    months: settings.months,
    closeAfterDays: settings.closeAfterDays,
  });
  await scheduleBillingRefresh({
    refresh,
    schedule: settings.schedule,
    scheduler: options.scheduler,
    database: options.database,
    logger,
  });
  return { figures: store, refresh };
}
