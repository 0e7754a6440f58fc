export interface Config {
  inventory?: {
    billing?: {
      /**
       * GCP billing figures (`@infra-atlas/plugin-inventory-backend-module-gcp-billing`):
       * each project's billing account from Cloud Billing, and monthly spend from the Cloud
       * Billing export in BigQuery. Without this key the module adds no billing source.
       */
      gcp?: {
        /**
         * Billing accounts whose projects are listed, e.g. `0123AB-456789-ABCDEF` or
         * `billingAccounts/0123AB-456789-ABCDEF`. Default: every account the credentials can
         * see (`roles/billing.viewer` on each).
         */
        billingAccounts?: string[];
        /**
         * The standard usage cost export table, `project.dataset.table`, e.g.
         * `k8s-infra-billing.billing_export.gcp_billing_export_v1_0123AB_456789_ABCDEF`.
         */
        exportTable: string;
        /** The export dataset's location; query jobs run there. Default `US`. */
        location?: string;
        /** The account's currency, as the export's `currency` column gives it. Default `USD`. */
        currency?: string;
        /**
         * How many months back from today the coverage query looks for invoice months
         * (a bounded partition range). Default 36.
         */
        lookbackMonths?: number;
        bigquery?: {
          /**
           * The project query jobs run in and are billed to (`roles/bigquery.jobUser` there).
           * Default: the export table's project.
           */
          projectId?: string;
          /** BigQuery's REST endpoint, e.g. the emulator's `http://127.0.0.1:7101`. */
          apiEndpoint?: string;
          /** How long a query job may run, in milliseconds. Default 120000. */
          jobTimeoutMs?: number;
          /** Rows per page of results. Default 10000. */
          maxResults?: number;
        };
        /** Cloud Billing (gRPC) connection overrides, e.g. to point it at the emulator. */
        connection?: {
          /** Host of the Cloud Billing endpoint, e.g. `127.0.0.1`. */
          endpoint?: string;
          port?: number;
          /** Plain-text gRPC without credentials (BigQuery too): for the emulators only. */
          insecure?: boolean;
          /** Per-call deadline in milliseconds. Default 60000. */
          timeoutMs?: number;
        };
        /**
         * Credentials, as the GCP provider's. Without any, Application Default Credentials
         * are used (Workload Identity on GKE, `GOOGLE_APPLICATION_CREDENTIALS` elsewhere).
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
}
