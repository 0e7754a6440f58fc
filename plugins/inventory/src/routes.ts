import { createRouteRef } from '@backstage/frontend-plugin-api';

/*
 * The inventory's route refs, in one module so that plugin.tsx mounts its pages on them and
 * the components that link to a page resolve its path from them: each path is written once,
 * in the page's blueprint.
 */

/** The ownership lookup: the sidebar and the start page's map link to it. */
export const ownershipRouteRef = createRouteRef();

/** The explorer: the sidebar and the start page's map link to it. */
export const explorerRouteRef = createRouteRef();

/**
 * The dependency graph: the impact card links to its blast radius of the card's entity, the
 * start page's map and the sidebar to the page itself.
 */
export const graphRouteRef = createRouteRef();

/** The scorecards: the sidebar links to them. */
export const scorecardsRouteRef = createRouteRef();

/** The drift report: the sidebar links to it, and the drift card to all findings. */
export const driftRouteRef = createRouteRef();

/**
 * The billing report: the sidebar and the start page's map link to it, and the "What it costs"
 * cards to the entity's row in it.
 */
export const billingRouteRef = createRouteRef();
