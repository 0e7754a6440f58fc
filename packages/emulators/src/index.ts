/**
 * Protocol-faithful local servers for the demo, the tests and the benchmarks of Infra Atlas.
 * Never used in production.
 *
 * @packageDocumentation
 */
export { startGcpEmulator } from './gcp/server';
export type { GcpEmulator, GcpEmulatorOptions } from './gcp/server';
export type { FaultRule, LatencySetting } from './gcp/faults';
export type { StatusName } from './gcp/status';
export type {
  GcpAsset,
  GcpEstate,
  GcpFolder,
  GcpOrganization,
  GcpProject,
  IamAuditConfig,
  IamBinding,
  IamPolicy,
  JsonValue,
  LifecycleState,
} from './gcp/estate';
export { ASSET_TYPES } from './gcp/cai';
/** JSON as `google.protobuf.Struct`, to build search results from an estate in unit tests. */
export { toStruct } from './gcp/wire';
export { loadK8sInfraGcpEstate } from './gcp/k8sInfraSeed';
export { generateSyntheticGcpEstate } from './gcp/syntheticEstate';
export type { SyntheticEstateOptions } from './gcp/syntheticEstate';
export { startGithubEmulator } from './github/server';
export type { GithubEmulator, GithubEmulatorOptions } from './github/server';
export type { GithubFaultRule } from './github/requestControl';
export type { RateLimitResource, RateLimitSettings } from './github/rateLimits';
export type {
  GithubEstate,
  GithubFileContent,
  GithubOrganization,
  GithubRepository,
  GithubSymlink,
  GithubTeam,
  GithubUser,
  GithubVisibility,
} from './github/estate';
export { loadK8sInfraGithubEstate } from './github/k8sInfraSeed';
export { generateSyntheticGithubEstate } from './github/syntheticEstate';
export type { SyntheticGithubEstateOptions } from './github/syntheticEstate';
export type { GcpBillingAccount } from './billing/accounts';
export { startBigQueryEmulator } from './billing/bigqueryServer';
export type {
  BigQueryEmulator,
  BigQueryEmulatorOptions,
} from './billing/bigqueryServer';
export type { BillingExportTable, ExportSlice } from './billing/exportTable';
export {
  k8sInfraBillingExport,
  K8S_INFRA_EXPORT_TABLE,
  K8S_INFRA_LAST_INVOICE_MONTH,
} from './billing/k8sInfraBilling';
export { generateSyntheticBillingExport } from './billing/syntheticBilling';
export type { SyntheticBillingExportOptions } from './billing/syntheticBilling';
export { useNodeHttpTransportForBigQuery } from './billing/testing';
