/**
 * Infra Atlas's permission policy, as a module of the permission backend.
 *
 * @packageDocumentation
 */
export { permissionModuleInventoryPolicy as default } from './module';
export { InventoryPolicy, readInventoryPolicyOptions } from './policy';
export type { InventoryPolicyOptions } from './policy';
