/**
 * Test support shared by the Infra Atlas packages: the databases every integration test runs
 * on, the catalog API as tests ask it, and the harness of the crawl benchmarks.
 *
 * @packageDocumentation
 */
export * from './databases';
export * from './catalogApi';
export * from './entities';
export * from './bench';
export * from './providerTesting';
