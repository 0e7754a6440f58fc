import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import {
  catalogEntityPresentation,
  catalogGraphInventoryRelations,
} from '@infra-atlas/plugin-inventory';
import { catalogListModule } from './modules/catalogList';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';

// Plugins are discovered from package.json (`app.packages: all`), the inventory's entity
// cards among them; discovery loads default exports only, so the modules that teach the
// catalog graph the inventory's relations and the catalog its titles are listed here with the app's own pieces:
// the catalog list's columns, navigation, the start page and the sign-in page.
export default createApp({
  features: [
    catalogPlugin,
    catalogGraphInventoryRelations,
    catalogEntityPresentation,
    catalogListModule,
    navModule,
    homeModule,
    signInModule,
  ],
});
