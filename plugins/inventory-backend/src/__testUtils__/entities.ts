// The catalog-entity builder moved to @infra-atlas/test-utils, which the search module's tests
// share; the inventory's tests keep importing it from here.
export { entity } from '@infra-atlas/test-utils';
