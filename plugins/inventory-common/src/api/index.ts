export * from './types';
export * from './access';
export * from './contract';
export * from './answerFields';
export * from './InventoryClient';
export * from './ownershipEvidence';
