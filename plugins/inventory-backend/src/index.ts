/**
 * The Infra Atlas inventory backend: placement, ownership, impact, completeness, drift and
 * crawl status over the whole catalog, with the links only a global view can make.
 *
 * @packageDocumentation
 */
export { inventoryPlugin as default } from './plugin';
