export * from './types';
export * from './InventoryClient';
