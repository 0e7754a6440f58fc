/**
 * The Infra Atlas catalog module: turns the providers' facts and the inventory's resolved
 * links into catalog relations, and provides the owner of what no rule attributes.
 *
 * @packageDocumentation
 */
export { catalogModuleInventoryRelations as default } from './module';
