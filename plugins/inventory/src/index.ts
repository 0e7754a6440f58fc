/**
 * The Infra Atlas inventory in the Backstage app (new frontend system).
 *
 * @packageDocumentation
 */
export { inventoryPlugin as default } from './plugin';
export { catalogGraphInventoryRelations } from './catalogGraphRelations';
export { catalogEntityPresentation } from './entityPresentation';
export { inventoryApiRef } from './api';
export { useInventoryCatalogColumns } from './components/catalogList/useInventoryCatalogColumns';
export { HomeWidgetCard } from './components/home/HomeWidgetCard';
