/**
 * `spec.type` values of the `Resource` entities Infra Atlas emits. Providers, the inventory
 * backend and the UI all switch on these, so they live here once.
 *
 * @public
 */
export const RESOURCE_TYPES = {
  gcpOrganization: 'gcp-organization',
  gcpFolder: 'gcp-folder',
  gcpProject: 'gcp-project',
  gkeCluster: 'gke-cluster',
  gcsBucket: 'gcs-bucket',
  gcpServiceAccount: 'gcp-service-account',
  gcpSecret: 'gcp-secret',
  dnsZone: 'dns-zone',
  dnsRecord: 'dns-record',
  artifactRegistryRepository: 'artifact-registry-repository',
  cloudRunService: 'cloud-run-service',
  cloudSqlInstance: 'cloud-sql-instance',
  pubsubTopic: 'pubsub-topic',
  bigqueryDataset: 'bigquery-dataset',
  gcpCustomRole: 'gcp-custom-role',
  kubernetesNamespace: 'k8s-namespace',
  kubernetesServiceAccount: 'k8s-service-account',
  gcpAddress: 'gcp-address',
  registryPromotion: 'registry-promotion',
  containerRegistry: 'container-registry',
} as const;

/** @public */
export type ResourceType = (typeof RESOURCE_TYPES)[keyof typeof RESOURCE_TYPES];

/**
 * The `spec.type` of the Groups that stand for Google Groups (mailing lists), which both
 * providers emit: the GCP one from IAM members, the GitHub one from groups.yaml.
 *
 * @public
 */
export const GOOGLE_GROUP_TYPE = 'google-group';
