/**
 * Annotations Infra Atlas reads and writes. All live under one prefix so that a user can tell
 * at a glance which metadata came from the inventory.
 *
 * The anchor annotations on hand-written entities (catalog/) are anchors: comma-separated
 * identifiers that crawled entities are matched against, so that a System written by a person
 * gathers the projects, apps and zones that the crawlers find.
 */
const PREFIX = 'infra-atlas.io';

/** @public */
export const ANNOTATIONS = {
  /** GCP project IDs a hand-written System spans, comma-separated. */
  gcpProjects: `${PREFIX}/gcp-projects`,
  /** Kubernetes app directories (`apps/<name>` in kubernetes/k8s.io) that belong to a System. */
  k8sApps: `${PREFIX}/k8s-apps`,
  /** DNS names (zones or hostnames) a System serves, comma-separated. */
  dnsNames: `${PREFIX}/dns-names`,
  /** Google Groups (e-mail addresses) that grant access to a System, comma-separated. */
  accessGroups: `${PREFIX}/access-groups`,
  /** Where an entity's facts come from: `observed`, `declared` or `inferred`. */
  provenance: `${PREFIX}/provenance`,
  /** For declared facts: the URL of the file in git that states them. */
  declaredIn: `${PREFIX}/declared-in`,
  /**
   * For a User or Group declared in git: where each of its group memberships is stated, as a
   * JSON object from group ref to file URL (`…/groups.yaml#L42`, the member's own line when
   * known). A membership is stated by the group's file, which is not always the member's own:
   * a person appears in many groups.yaml, OWNERS_ALIASES and sigs.yaml.
   */
  memberships: `${PREFIX}/memberships`,
  /** Why an entity has the owner it has: the rule that applied and its evidence. */
  ownerEvidence: `${PREFIX}/owner-evidence`,
  /**
   * Owner labels whose value names no known group or person (`key=value`, comma-separated):
   * the next ownership rule applied instead, and drift reports them.
   */
  unresolvedOwnerLabels: `${PREFIX}/unresolved-owner-labels`,
  /** Cloud Asset Inventory's full resource name, e.g. `//storage.googleapis.com/my-bucket`. */
  gcpResourceName: `${PREFIX}/gcp-resource-name`,
  /** The GCP project ID an entity is, or lives in. */
  gcpProjectId: `${PREFIX}/gcp-project-id`,
  /** Public IAM grants (`allUsers`, `allAuthenticatedUsers`) as `member=role`, comma-separated. */
  publicAccess: `${PREFIX}/public-access`,
  /** Container images a workload runs, comma-separated. */
  containerImages: `${PREFIX}/container-images`,
  /** Hostnames a workload serves (Ingress, ManagedCertificate), comma-separated. */
  hostnames: `${PREFIX}/hostnames`,
  /**
   * Reserved IP addresses a workload is reached at: the names Ingresses give
   * (`kubernetes.io/ingress.global-static-ip-name`, global) and Services' `loadBalancerIP`
   * literals, comma-separated.
   */
  staticIps: `${PREFIX}/static-ips`,
  /** Slack channel of a group (from sigs.yaml), without `#`. */
  slackChannel: `${PREFIX}/slack-channel`,
  /** Mailing list of a group: an address or a Google Groups URL. */
  mailingList: `${PREFIX}/mailing-list`,
  /** The Prow OWNERS file(s) that govern an entity's directory, as blob URLs, comma-separated. */
  ownersFiles: `${PREFIX}/owners-files`,
  /** Effective approvers of a repository's root OWNERS (logins), comma-separated. */
  ownersApprovers: `${PREFIX}/owners-approvers`,
  /** When the repository was last pushed to (ISO 8601), for staleness. */
  pushedAt: `${PREFIX}/pushed-at`,
} as const;

/**
 * Annotations of Backstage and its GitHub integration that Infra Atlas reads and writes
 * (outside its own prefix), spelled once for the backend and the app.
 *
 * @public
 */
export const BACKSTAGE_ANNOTATIONS = {
  /** `owner/name` of the GitHub repository an entity is. */
  projectSlug: 'github.com/project-slug',
  /** Where an entity's TechDocs are built from (`url:…` or `dir:…`). */
  techdocsRef: 'backstage.io/techdocs-ref',
  /** Where an entity's source lives (`url:https://github.com/…/tree/…`). */
  sourceLocation: 'backstage.io/source-location',
  /** The catalog location that produced the entity (`url:…`, `file:…`). */
  managedByLocation: 'backstage.io/managed-by-location',
} as const;

/** @public */
export type Provenance = 'observed' | 'declared' | 'inferred';
