import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** The Infra Atlas inventory backend (`@infra-atlas/plugin-inventory-backend`). */
  inventory?: {
    /**
     * How often the index re-reads the catalog. Default: every minute, starting 5 seconds
     * after start-up, with a 10-minute timeout. The index is per instance (scope is local).
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    impact?: {
      /** Most entities one impact answer walks before it reports a cut-off. Default 5000. */
      maxNodes?: number;
    };
    identities?: {
      /**
       * Treat a User whose e-mail's local part equals a GitHub login as that person
       * (`ameukam@gmail.com` ≈ `ameukam`). Answers mark such links as inferred. Default true.
       */
      matchEmailLocalPart?: boolean;
    };
  };
}
