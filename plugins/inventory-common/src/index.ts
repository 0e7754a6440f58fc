/**
 * Shared vocabulary of Infra Atlas: entity types, annotations, relation names and the
 * entity-naming scheme that lets independent providers point at each other's entities.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './entityNames';
export * from './naming';
export * from './entityTitle';
export * from './relations';
export * from './resourceTypes';
export * from './permissions';
export * from './identifiers';
export * from './gitLocations';
export * from './leadership';
export * from './memberships';
export * from './api';
export * from './multimap';
export * from './memo';
export * from './iam';
export * from './unowned';
export * from './configuration';
export * from './accounts';
export * from './pathOwnership';
export * from './typeNouns';
export * from './billing';
export * from './invoiceMonths';
