import {
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
} from '@backstage/frontend-plugin-api';
import PeopleIcon from '@material-ui/icons/People';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { inventoryApi } from './api';

/** Where it runs: for what runs somewhere (apps, namespaces, clusters, buckets, records). */
const placementCard = EntityCardBlueprint.make({
  name: 'placement',
  params: {
    filter: { kind: { $in: ['component', 'resource'] } },
    loader: () =>
      import('./components/PlacementCard').then(m => <m.PlacementCard />),
  },
});

/** Who administers it: for everything IAM or an owner can govern. */
const administratorsCard = EntityCardBlueprint.make({
  name: 'administrators',
  params: {
    filter: { kind: { $in: ['component', 'resource', 'system'] } },
    loader: () =>
      import('./components/AdministratorsCard').then(m => (
        <m.AdministratorsCard />
      )),
  },
});

/** The ownership lookup's route; the sidebar links pages by their route. */
const ownershipRouteRef = createRouteRef();

/** Who holds what: the ownership lookup, in the sidebar. */
const ownershipLookupPage = PageBlueprint.make({
  name: 'ownership',
  params: {
    path: '/inventory/ownership',
    routeRef: ownershipRouteRef,
    title: 'Who holds what',
    icon: <PeopleIcon />,
    loader: () =>
      import('./components/OwnershipLookupPage').then(m => (
        <m.OwnershipLookupPage />
      )),
  },
});

/**
 * The inventory in the app: entity cards with the inventory backend's answers and their
 * evidence.
 *
 * @public
 */
export const inventoryPlugin = createFrontendPlugin({
  pluginId: 'inventory',
  routes: { ownership: ownershipRouteRef },
  extensions: [
    inventoryApi,
    ownershipLookupPage,
    placementCard,
    administratorsCard,
  ],
});
