/**
 * The GitHub inventory for the Backstage catalog: repositories with Kubernetes-style
 * ownership (OWNERS, OWNERS_ALIASES, CODEOWNERS, sigs.yaml), and infrastructure declared as
 * YAML in git (Kubernetes apps, Google Groups, octoDNS zones, registry promoter manifests).
 *
 * @packageDocumentation
 */
export { catalogModuleGithubInventory as default } from './module';
