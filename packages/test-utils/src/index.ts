/**
 * Test support shared by the Infra Atlas packages: the databases every integration test runs
 * on, and the catalog API as tests ask it.
 *
 * @packageDocumentation
 */
export * from './databases';
export * from './catalogApi';
