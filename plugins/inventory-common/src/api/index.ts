export * from './types';
export * from './access';
export * from './contract';
export * from './InventoryClient';
