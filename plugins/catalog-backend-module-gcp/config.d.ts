import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * GCP inventory providers, one per key. Each crawls its scopes with Resource Manager
       * (hierarchy) and Cloud Asset Inventory (resources and IAM policies).
       */
      gcpInventory?: {
        [providerId: string]: {
          /**
           * What to crawl: `organizations/N`, `folders/N` or `projects/PROJECT_ID`. An
           * organization or folder is crawled with everything below it.
           */
          scopes: string[];
          /**
           * Cloud Asset Inventory asset types to import, e.g. `storage.googleapis.com/Bucket`.
           * Defaults to clusters, buckets, service accounts, secrets, DNS zones, Artifact
           * Registry repositories, Cloud Run services, Cloud SQL instances, Pub/Sub topics,
           * BigQuery datasets, reserved IP addresses (global and regional: the addresses behind
           * GKE static IP names), and for configuration enabled APIs
           * (`serviceusage.googleapis.com/Service`) and custom roles (`iam.googleapis.com/Role`).
           */
          assetTypes?: string[];
          /** When to crawl. Defaults to every 30 minutes, with a 15 minute timeout. */
          schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
          /**
           * How long a replica's claim on this provider's crawl lasts without a heartbeat
           * (renewed every third of it while the crawl runs). With several replicas, one crawl
           * runs per schedule frequency across all of them, and a replica that dies mid-crawl is
           * replaced within about 1.5 leases. A duration such as `{ seconds: 60 }` (the
           * default) or `PT1M`. Leases apply to a frequency given as a duration; a cron
           * frequency keeps the scheduler's own lease, which is the timeout.
           */
          lease?: { minutes?: number; seconds?: number } | string;
          /**
           * The largest fraction (0–1) of this provider's entities one run may remove.
           * A run that would remove more updates what it found and removes nothing.
           * Defaults to 0.2.
           */
          removalCeiling?: number;
          /** How owners are resolved; see the module's README. */
          owners?: {
            /** Label keys whose value names the owning group. Defaults to `owner`, `team`. */
            labelKeys?: string[];
            /** Project ID patterns (regular expressions) mapped to owner entity refs. */
            projects?: Array<{ match: string; owner: string }>;
            /**
             * The owner when no rule applies. Without one such entities are unowned: their
             * owner is the placeholder `group:default/unowned` and answers say so.
             */
            fallback?: string;
          };
          /**
           * How IAM roles are classified by what they let their holder do to the resource:
           * `administer`, `write`, `read` or `other`. These rules are tried first, in order,
           * then the defaults (docs/infra-atlas/gcp-inventory.md lists them: billing roles and
           * service agents are `other`, viewer and browser roles `read`). Administrative
           * grants become `administeredBy` relations and can make an owner.
           */
          roles?: Array<{
            /** A regular expression over the role name, e.g. `^roles/billing\\.`. */
            match: string;
            power: 'administer' | 'write' | 'read' | 'other';
          }>;
          /** Principals (the people and Google Groups named in IAM policies). */
          principals?: {
            /**
             * E-mail domains whose groups and people another provider declares, e.g.
             * `kubernetes.io` when the GitHub inventory reads its groups.yaml. Grants still
             * point at them; this provider emits no Group or User for them, so that each has
             * one source. Defaults to none.
             */
            declaredElsewhere?: string[];
            /**
             * Whether people granted roles directly become User entities. Set false when
             * another provider declares the people (groups.yaml members). Defaults to true.
             */
            users?: boolean;
          };
          /** Calls per minute per method, to stay under the API quotas. */
          quotas?: {
            searchAllResources?: number;
            searchAllIamPolicies?: number;
            resourceManagerList?: number;
            resourceManagerGet?: number;
          };
          /** Connection overrides, e.g. to point the official clients at the emulator. */
          connection?: {
            /** Host of the API endpoint (both APIs), e.g. `127.0.0.1`. */
            endpoint?: string;
            port?: number;
            /** Plain-text gRPC without credentials: for the local emulator only. */
            insecure?: boolean;
            /** Per-call deadline in milliseconds. Defaults to 60000. */
            timeoutMs?: number;
          };
          /**
           * Credentials. Without any, Application Default Credentials are used (the
           * metadata server on GCP, `GOOGLE_APPLICATION_CREDENTIALS` elsewhere).
           */
          credentials?: {
            /** Path to a service-account key file. */
            keyFile?: string;
            /**
             * A service-account key as JSON.
             * @visibility secret
             */
            keyJson?: string;
            /** A service account to impersonate with the credentials above. */
            impersonateServiceAccount?: string;
          };
        };
      };
    };
  };
}
