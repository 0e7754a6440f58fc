import {
  CompletenessCheckId,
  DriftKind,
  ResourceType,
} from '@infra-atlas/inventory-common';

/**
 * What each completeness check asks, in the words of docs/infra-atlas/inventory-api.md; one
 * place for every page and card that names a check.
 */
export const CHECK_TITLES: Record<CompletenessCheckId, string> = {
  'owner-resolved': 'Owner is in the catalog',
  docs: 'Has docs or a runbook',
  'source-known': 'Source is known',
  'owners-sig-label': 'Root OWNERS has a SIG label',
  'two-active-approvers': 'Two active approvers',
  'no-emeritus-admins': 'No emeritus administrators',
};

/** What each drift finding means, as the inventory API documents it. */
export const DRIFT_KIND_TITLES: Record<DriftKind, string> = {
  'declared-project-missing':
    'An infra.yaml declares a project GCP does not have',
  'undeclared-project': 'GCP has a project no infra.yaml declares',
  'missing-secret':
    "An app's ExternalSecret names a Secret Manager secret that does not exist",
  'dangling-reference':
    'A placement or dependency names something no crawl found',
  'workload-identity-orphan':
    'A service account trusts a namespace no app declares',
  'alias-leadership-mismatch':
    "An OWNERS_ALIASES leads alias differs from the SIG's leads in sigs.yaml",
  'empty-project': 'A project with no resources the inventory can see',
  'near-duplicate-name': 'Two projects or service accounts one typo apart',
  'emeritus-still-active':
    'Someone emeritus is still an approver or still holds administrative grants',
  'dangling-principal':
    'IAM grants to a person, group or service account the catalog does not have',
  unowned: 'Nothing attributes it to an owner',
  'unresolved-owner-label':
    'An owner label names no group or person the inventory knows',
  'ambiguous-link': 'A link rule found several candidates and chose none',
};

/** A 0..1 score as a whole percentage. */
export const percent = (score: number) => `${Math.round(score * 100)}%`;

/** The checks that did not pass, of a score's totals. */
export const failingChecks = (totals: { checks: number; passed: number }) =>
  totals.checks - totals.passed;

/** What each crawled resource type is, in words a newcomer knows. */
export const RESOURCE_TYPE_TITLES: Record<ResourceType, string> = {
  'gcp-organization': 'GCP organization',
  'gcp-folder': 'GCP folder',
  'gcp-project': 'GCP project',
  'gke-cluster': 'GKE cluster',
  'gcs-bucket': 'Cloud Storage bucket',
  'gcp-service-account': 'GCP service account',
  'gcp-secret': 'Secret Manager secret',
  'dns-zone': 'DNS zone',
  'dns-record': 'DNS record',
  'artifact-registry-repository': 'Artifact Registry repository',
  'cloud-run-service': 'Cloud Run service',
  'cloud-sql-instance': 'Cloud SQL instance',
  'pubsub-topic': 'Pub/Sub topic',
  'bigquery-dataset': 'BigQuery dataset',
  'gcp-custom-role': 'IAM custom role',
  'k8s-namespace': 'Kubernetes namespace',
  'k8s-service-account': 'Kubernetes service account',
  'gcp-address': 'IP address',
  'registry-promotion': 'Image promotion',
  'container-registry': 'Container registry',
};
