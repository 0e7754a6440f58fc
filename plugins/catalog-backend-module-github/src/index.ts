export * from './analyzers/owners';
export { AnalyzerInputError } from './analyzers/yamlFile';
