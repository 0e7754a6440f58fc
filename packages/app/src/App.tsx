import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';

// Plugins are discovered from package.json (`app.packages: all`); these modules are the
// app's own pieces: navigation, the start page and the sign-in page.
export default createApp({
  features: [catalogPlugin, navModule, homeModule, signInModule],
});
