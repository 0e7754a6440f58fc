/**
 * GCP billing for the Infra Atlas inventory: each project's billing account from Cloud
 * Billing, and monthly spend from the Cloud Billing export in BigQuery.
 *
 * @packageDocumentation
 */
export { inventoryModuleGcpBilling as default } from './module';
