export * from './types';
export * from './contract';
export * from './InventoryClient';
