import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { LinkOptions } from '../links/resolveLinks';

export type InventoryConfig = {
  schedule: SchedulerServiceTaskScheduleDefinition;
  impactMaxNodes: number;
  links: LinkOptions;
};

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 1 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 5 },
};

/** `inventory:` in app-config; every key is optional (see config.d.ts). */
export function readInventoryConfig(config: Config): InventoryConfig {
  const inventory = config.getOptionalConfig('inventory');
  return {
    schedule: inventory?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          inventory.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    impactMaxNodes: inventory?.getOptionalNumber('impact.maxNodes') ?? 5000,
    links: {
      matchEmailLocalPart:
        inventory?.getOptionalBoolean('identities.matchEmailLocalPart') ?? true,
    },
  };
}
