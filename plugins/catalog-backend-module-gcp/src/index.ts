/**
 * The GCP inventory for the Backstage catalog: organization, folders, projects and their
 * resources from Resource Manager and Cloud Asset Inventory, with who administers them.
 *
 * @packageDocumentation
 */
export { catalogModuleGcpInventory as default } from './module';
