/**
 * GCP billing for the Infra Atlas inventory: each project's billing account from Cloud
 * Billing, and monthly spend from the Cloud Billing export in BigQuery.
 *
 * @packageDocumentation
 */
export { inventoryModuleGcpBilling as default } from './module';
// For the inventory's refresh tests and the refresh benchmark, which read through the source
// as the module builds it.
export { GcpBillingSource } from './GcpBillingSource';
export { readGcpBillingConfig } from './config';
export type { GcpBillingConfig } from './config';
export { createGcpBillingClients } from './clients';
export type { GcpBillingClients } from './clients';
