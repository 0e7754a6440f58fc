import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * GitHub inventory providers, one per key. Credentials and the API URL come from the
       * `integrations.github` entry of `host` (a token or a GitHub App; secrets live there).
       */
      githubInventory?: {
        [providerId: string]: {
          /** The `integrations.github[].host` to use. Defaults to `github.com`. */
          host?: string;
          /** Organizations whose repositories become Components. */
          organizations: string[];
          /** Regular expressions on `owner/name` to narrow the repositories. */
          repositories?: { include?: string; exclude?: string };
          /** When to crawl. Defaults to every 30 minutes, with a 30 minute timeout. */
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
           * The largest fraction (0–1) of this provider's entities one run may remove; a run
           * that would remove more updates what it found and removes nothing. Defaults to 0.2.
           */
          removalCeiling?: number;
          /** Repositories per GraphQL page, 1–100. Defaults to 100. */
          pageSize?: number;
          /**
           * `root` (default): only the root OWNERS/OWNERS_ALIASES/CODEOWNERS, read with the
           * repository listing. `tree`: also every nested OWNERS file, from one archive per
           * repository with a root OWNERS file, re-read only when its head commit moves.
           */
          ownersDepth?: 'root' | 'tree';
          /**
           * Use a repository's own `catalog-info.yaml`: its entities, as written, replace the
           * Component the crawl would generate (they gain only annotations they lack). They
           * come from the listing query, so the catalog does not download each file again.
           * Defaults to true.
           */
          useCatalogInfo?: boolean;
          /**
           * Crawl each organization's teams and their direct members into Groups (type
           * `github-team`) and Users, so that CODEOWNERS owners `@org/team` resolve. Needs the
           * `read:org` scope (token) or Members read permission (GitHub App). Defaults to true.
           */
          teams?: boolean;
          /** Repository topic → Component `spec.type`; merged over the built-in mapping. */
          componentTypes?: { [topic: string]: string };
          owners?: {
            /**
             * The owner when no ownership rule applies. Without one such repositories and
             * directories are unowned (owner `group:default/unowned`, and answers say so).
             */
            fallback?: string;
          };
          /** Archives downloaded at the same time. Defaults to 4. */
          archiveConcurrency?: number;
          /** Largest file read from an archive, in bytes. Defaults to 1 MiB. */
          maxFileBytes?: number;
          /**
           * Analyzers: what to read from which repository. `type` picks a built-in analyzer
           * or one a module added through `githubInventoryAnalyzersExtensionPoint`; the other
           * keys are that analyzer's options, checked when the backend starts.
           */
          analyzers?: Array<{
            /**
             * `sigs`, `apps`, `google-groups`, `octodns`, `promoter-manifests`,
             * `declared-gcp-projects`, or the type of an analyzer a module added.
             */
            type: string;
            /** `owner/name` of the repository the analyzer reads. */
            repository: string;
            /**
             * The directory or file the analyzer reads. Defaults: `sigs.yaml` (sigs), `apps`,
             * `groups` (google-groups), `registry.k8s.io/manifests` (promoter-manifests),
             * `infra/gcp/infra.yaml` (declared-gcp-projects).
             */
            path?: string;
            /**
             * `sigs`: the Slack workspace of the groups' channels, for their links. Defaults
             * to `https://kubernetes.slack.com`.
             */
            slackWorkspaceUrl?: string;
            /** `apps`: the GKE cluster the apps are deployed to. */
            cluster?: { projectId: string; location: string; name: string };
            /** `apps`: the project of Secret Manager secrets that ExternalSecrets name. */
            secretsProject?: string;
            /** `apps`: namespaces per app that the manifests leave to deploy time. */
            namespaces?: { [app: string]: string[] };
            /** `octodns`: the octoDNS configuration file. Defaults to `dns/octodns-config.yaml`. */
            configPath?: string;
            /** `octodns`: the directory of zone files. Defaults to `dns/zone-configs`. */
            zoneConfigDir?: string;
            /**
             * `google-groups`: regular expressions (case-insensitive) on e-mail addresses. A
             * member that no groups.yaml declares is a Group managed elsewhere when its address
             * matches one, and a person otherwise; `@googlegroups.com` addresses are always
             * groups. Defaults to none. (`domain`, which took every address in a domain for a
             * group, is refused.)
             */
            undeclaredGroups?: string[];
            /** `promoter-manifests`: the registry the images are promoted to. Defaults to `registry.k8s.io`. */
            registryName?: string;
            /**
             * `promoter-manifests`: where `<staging>/images.yaml` lists the images each staging
             * project promotes, which become searchable references (`registry.k8s.io/kube-apiserver`).
             * Defaults to `registry.k8s.io/images`.
             */
            imagesPath?: string;
            /** Options of analyzers that modules add. */
            [option: string]: unknown;
          }>;
        };
      };
    };
  };
}
