import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import {
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import PeopleIcon from '@material-ui/icons/People';
import AccountTreeIcon from '@material-ui/icons/AccountTree';
import BubbleChartIcon from '@material-ui/icons/BubbleChart';
import {
  EntityCardBlueprint,
  EntityContentLayoutBlueprint,
  EntityHeaderLayoutBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { inventoryApi } from './api';
import {
  accessCard,
  configurationCard,
  driftCard,
  freshnessCard,
  impactCard,
  ownersFilesCard,
  pathOwnershipCard,
  profileCard,
  runbookCard,
} from './entityCards';
import { driftPage, scorecardsPage } from './healthPages';
import { billingPage, entityCostCard } from './billingExtensions';
import {
  accessWidget,
  atAGlanceWidget,
  contactsWidget,
  runbooksWidget,
} from './homeWidgets';
import {
  billingRouteRef,
  driftRouteRef,
  explorerRouteRef,
  graphRouteRef,
  ownershipRouteRef,
  scorecardsRouteRef,
} from './routes';

/** Where it runs: for what runs somewhere (apps, namespaces, clusters, buckets, records). */
const placementCard = EntityCardBlueprint.make({
  name: 'placement',
  params: {
    filter: { kind: { $in: ['component', 'resource'] } },
    loader: () =>
      import('./components/PlacementCard').then(m => <m.PlacementCard />),
  },
});

/** Who owns it, who has access: for everything IAM or an owner can govern. */
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

/**
 * Every entity's overview: the cards in the app's order, answers first, without the
 * catalog's developer banners (see AnswersFirstLayout).
 */
const answersFirstLayout = EntityContentLayoutBlueprint.make({
  name: 'answers-first',
  params: {
    loader: () =>
      import('./components/AnswersFirstLayout').then(m => m.AnswersFirstLayout),
  },
});

/** Every entity page's header, with titles for the entity, its owners and its systems. */
const entityHeader = EntityHeaderLayoutBlueprint.make({
  name: 'inventory',
  params: {
    loader: () =>
      import('./components/header/InventoryEntityHeader').then(
        m => m.InventoryEntityHeader,
      ),
  },
});

/** What runs where: the placement forest, filtered and searched in the browser. */
const explorerPage = PageBlueprint.make({
  name: 'explorer',
  params: {
    path: '/inventory/explorer',
    routeRef: explorerRouteRef,
    title: 'Explorer',
    icon: <AccountTreeIcon />,
    loader: () =>
      import('./components/explorer/ExplorerPage').then(m => (
        <m.ExplorerPage />
      )),
  },
});

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

/** The dependency graph: a focus, its neighbourhood or blast radius, on a canvas. */
const graphPage = PageBlueprint.make({
  name: 'graph',
  params: {
    path: '/inventory/graph',
    routeRef: graphRouteRef,
    title: 'Dependencies',
    icon: <BubbleChartIcon />,
    loader: () =>
      import('./components/graph/GraphPage').then(m => <m.GraphPage />),
  },
});

/*
 * Catalog search results that say what and where (type, project, owner). It replaces the
 * catalog's own item, which app-config.yaml disables (search-result-list-item:catalog).
 */
const catalogSearchResultListItem = SearchResultListItemBlueprint.make({
  name: 'catalog',
  params: {
    predicate: result => result.type === 'software-catalog',
    component: () =>
      import('./components/search/InventorySearchResultListItem').then(
        m => m.InventorySearchResultListItem,
      ),
  },
});

/**
 * The inventory in the app: pages (what runs where, who holds what, the dependency graph,
 * scorecards, drift, billing), entity cards with the inventory backend's answers and their evidence,
 * and the start page's widgets. Its routes are in routes.ts.
 *
 * @public
 */
export const inventoryPlugin = createFrontendPlugin({
  pluginId: 'inventory',
  routes: {
    ownership: ownershipRouteRef,
    explorer: explorerRouteRef,
    graph: graphRouteRef,
    scorecards: scorecardsRouteRef,
    drift: driftRouteRef,
    billing: billingRouteRef,
  },
  extensions: [
    inventoryApi,
    catalogSearchResultListItem,
    ownershipLookupPage,
    explorerPage,
    graphPage,
    scorecardsPage,
    driftPage,
    billingPage,
    answersFirstLayout,
    entityHeader,
    freshnessCard,
    profileCard,
    placementCard,
    accessCard,
    administratorsCard,
    impactCard,
    runbookCard,
    ownersFilesCard,
    pathOwnershipCard,
    driftCard,
    configurationCard,
    entityCostCard,
    atAGlanceWidget,
    runbooksWidget,
    accessWidget,
    contactsWidget,
  ],
});
