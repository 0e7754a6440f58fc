import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { RESOURCE_TYPES } from '@infra-atlas/inventory-common';
import MonetizationOnIcon from '@material-ui/icons/MonetizationOn';
import { billingRouteRef } from './routes';

/** What the infrastructure costs, by SIG, owner, System, project and service: in the sidebar. */
export const billingPage = PageBlueprint.make({
  name: 'billing',
  params: {
    path: '/inventory/billing',
    routeRef: billingRouteRef,
    title: 'Billing',
    icon: <MonetizationOnIcon />,
    loader: () =>
      import('./components/billing/BillingPage').then(m => <m.BillingPage />),
  },
});

/**
 * What it costs: on the pages of what spend is attributed to (GCP projects, their owner groups
 * and SIGs, Systems). Where billing is off or not for the reader, the card is not shown.
 */
export const entityCostCard = EntityCardBlueprint.make({
  name: 'what-it-costs',
  params: {
    filter: {
      $any: [
        { kind: { $in: ['system', 'group'] } },
        { kind: 'resource', 'spec.type': RESOURCE_TYPES.gcpProject },
      ],
    },
    loader: () =>
      import('./components/billing/EntityCostCard').then(m => (
        <m.EntityCostCard />
      )),
  },
});
