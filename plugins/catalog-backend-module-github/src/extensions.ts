import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { AnyAnalyzerDefinition } from './analyzers/definition';

/**
 * Adds analyzers to the GitHub inventory: each becomes a `type` that
 * `catalog.providers.githubInventory.<id>.analyzers[]` entries can name, exactly like the
 * built-in ones (whose types cannot be taken again).
 */
export interface GithubInventoryAnalyzersExtensionPoint {
  addAnalyzer(...analyzers: AnyAnalyzerDefinition[]): void;
}

/**
 * Registered by `catalogModuleGithubInventory`; a backend module of the catalog plugin
 * depends on it to add its own analyzers (see the module's README).
 */
export const githubInventoryAnalyzersExtensionPoint =
  createExtensionPoint<GithubInventoryAnalyzersExtensionPoint>({
    id: 'catalog.githubInventory.analyzers',
  });
