/**
 * The GitHub inventory for the Backstage catalog: repositories with Kubernetes-style
 * ownership (OWNERS, OWNERS_ALIASES, CODEOWNERS, sigs.yaml), and infrastructure declared as
 * YAML in git (Kubernetes apps, Google Groups, octoDNS zones, registry promoter manifests).
 *
 * @packageDocumentation
 */
export { catalogModuleGithubInventory as default } from './module';
export { eventsModuleGithubWebhook } from './webhookIngress';
export {
  githubInventoryAnalyzersExtensionPoint,
  type GithubInventoryAnalyzersExtensionPoint,
} from './extensions';
export {
  createAnalyzer,
  type AnalyzerDefinition,
  type AnyAnalyzerDefinition,
} from './analyzers/definition';
export {
  declaredEntity,
  type DeclaredEntityInput,
} from './analyzers/declaredEntity';
export type {
  AnalyzerContext,
  AnalyzerOutput,
  AnalyzerProblem,
  PathOwnerClaim,
  RepositorySnapshot,
  ResolvedOwner,
} from './analyzers/types';
