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
    /**
     * Billing figures (docs/infra-atlas/billing.md). They come from a billing module, e.g.
     * `@infra-atlas/plugin-inventory-backend-module-gcp-billing` (`inventory.billing.gcp`);
     * without one the billing report is off and these settings do nothing.
     */
    billing?: {
      /**
       * How often the store is refreshed from the export, once per frequency across replicas.
       * Default: every 6 hours, 30 seconds after start-up, with a 30-minute timeout.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** How many invoice months the store keeps, ending with the newest the export has. Default 24. */
      months?: number;
      /**
       * Days after an invoice month ends before its figures count as final: until then the
       * month is open and re-read at every refresh; after, it is read once more and never
       * again. Default 5.
       */
      closeAfterDays?: number;
      /** The budget spend is measured against, e.g. an annual credit grant. */
      budget?: {
        /** What a reader calls it, e.g. `Google credit grant`. */
        title: string;
        /** The amount for one period, in the account's currency. */
        amount: number;
        /** The first invoice month of the first period, `YYYY-MM`. */
        start: string;
        /** How many months a period lasts; periods repeat. Default 12. */
        months?: number;
        /**
         * What draws the budget down: `net` (cost after credits, for money paid) or `cost`
         * (cost before credits, for a credit grant the credits come from). Default `net`.
         */
        measure?: 'net' | 'cost';
      };
      /**
       * What readers must know about where the figures come from, shown above them on the
       * report and the cost cards, e.g. the demo's "These figures are synthetic: …".
       */
      note?: string;
      /**
       * How an owner group leads to its SIG, for the breakdown by SIG. A group is a SIG if its
       * `spec.type` is one of `groupTypes`; otherwise its SIG is the one whose directory holds
       * the file declaring it (`declaredIn`), else the nearest parent group that is a SIG.
       */
      sigs?: {
        /** Group types that are SIGs in their own right. Default: sig, working-group, committee. */
        groupTypes?: string[];
        /**
         * A regular expression over the URL of the file that declares a group
         * (`infra-atlas.io/declared-in`); its first capture names the SIG group. Default
         * `/groups/([^/]+)/groups\.yaml$`: kubernetes/k8s.io keeps each SIG's Google Groups
         * in `groups/<sig>/groups.yaml`. Empty turns the rule off.
         */
        declaredIn?: string;
      };
    };
  };
}
