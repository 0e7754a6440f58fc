export * from './rules';
export * from './prow';
export * from './codeowners';
export * from './reverse';
