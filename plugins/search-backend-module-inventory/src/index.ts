/**
 * The Infra Atlas search modules: catalog search finds infrastructure by its identifiers, and
 * the engine ranks exact identifiers and names first.
 *
 * @packageDocumentation
 */
import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import {
  searchModuleInventoryEngine,
  searchModuleInventoryIdentifiers,
} from './module';

export { searchModuleInventoryEngine, searchModuleInventoryIdentifiers };

/**
 * Both modules: `backend.add(import('@infra-atlas/plugin-search-backend-module-inventory'))`.
 *
 * @public
 */
export default createBackendFeatureLoader({
  loader: () => [searchModuleInventoryEngine, searchModuleInventoryIdentifiers],
});
