import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCost,
  InventoryClient,
  InventoryRequestError,
} from '@infra-atlas/inventory-common';
import { screen, waitFor, within } from '@testing-library/react';
import { sigK8sInfraCost } from '../../__testUtils__/billing';
import { inventoryApiRef } from '../../api';
import { billingRouteRef } from '../../routes';
import { EntityCostCard } from './EntityCostCard';

const sigK8sInfra: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'sig-k8s-infra',
    namespace: 'default',
    title: 'SIG K8s Infra',
  },
  spec: { type: 'sig', children: [] },
};

const render = async (entityCost: (ref: string) => Promise<EntityCost>) => {
  const ask = jest.fn(entityCost);
  renderInTestApp(
    <EntityProvider entity={sigK8sInfra}>
      <EntityCostCard />
    </EntityProvider>,
    {
      apis: [
        [inventoryApiRef, { entityCost: ask } as unknown as InventoryClient],
      ],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/inventory/billing': billingRouteRef,
      },
    },
  );
  return ask;
};

describe('EntityCostCard', () => {
  it("says the latest month's net against the month before, the months, top services and projects, and links to its row in the report", async () => {
    const ask = await render(async () => ({
      ...sigK8sInfraCost,
      groupBy: 'sig',
    }));
    expect(
      await screen.findByText(
        /^November 2024: \$150,000 net, \+7\.1% on October 2024\./,
      ),
    ).toBeInTheDocument();
    expect(ask).toHaveBeenCalledWith('group:default/sig-k8s-infra');
    expect(
      screen.getByRole('note', { name: 'Where these figures come from' }),
    ).toHaveTextContent('These figures are synthetic');

    // The bars' text alternative: every month, newest first.
    const months = screen.getByRole('table', {
      name: 'Net spend per month of SIG K8s Infra',
    });
    expect(
      within(months)
        .getAllByRole('row')
        .map(row => row.textContent),
    ).toEqual([
      'MonthNetCostFigures',
      'November 2024$150,000$900,000open: can still change',
      'October 2024$140,000$780,000closed',
      'September 2024$150,000$800,000closed',
    ]);
    expect(
      screen.getByRole('figure', { name: 'Net spend per month' }),
    ).toHaveTextContent(
      'Net spend per month, September 2024 to November 2024.',
    );

    expect(
      screen
        .getByRole('table', {
          name: 'Largest services of SIG K8s Infra, November 2024',
        })
        .querySelectorAll('tbody tr').length,
    ).toBe(2);
    const projects = screen.getByRole('table', {
      name: 'Largest projects of SIG K8s Infra, November 2024',
    });
    expect(
      within(projects).getByRole('link', { name: 'k8s-artifacts-prod' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/gcp-project--k8s-artifacts-prod',
    );
    expect(
      screen.getByRole('link', { name: 'See it in the billing report' }),
    ).toHaveAttribute(
      'href',
      '/inventory/billing?focus=group%3Adefault%2Fsig-k8s-infra',
    );
  });

  it('links a group the answer does not place in a breakdown to the owners', async () => {
    await render(async () => sigK8sInfraCost);
    expect(
      await screen.findByRole('link', { name: 'See it in the billing report' }),
    ).toHaveAttribute(
      'href',
      '/inventory/billing?by=owner&focus=group%3Adefault%2Fsig-k8s-infra',
    );
  });

  it('says when the export has no rows for any of its months', async () => {
    await render(async () => ({
      ...sigK8sInfraCost,
      months: sigK8sInfraCost.months.map(m => ({
        ...m,
        state: 'no-data' as const,
        cost: 0,
        credits: 0,
        net: 0,
      })),
    }));
    expect(
      await screen.findByText(
        'No billing figures for SIG K8s Infra in these months: the billing export has no rows for them.',
      ),
    ).toBeInTheDocument();
  });

  it('says in one sentence when nothing is attributed to it', async () => {
    await render(async () => ({
      ...sigK8sInfraCost,
      months: sigK8sInfraCost.months.map(m => ({
        ...m,
        cost: 0,
        credits: 0,
        net: 0,
      })),
      topServices: [],
      topProjects: [],
    }));
    expect(
      await screen.findByText(
        'No spend is attributed to SIG K8s Infra from September 2024 to November 2024.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('figure')).toBeNull();
    expect(
      screen.queryByRole('link', { name: 'See it in the billing report' }),
    ).toBeNull();
  });

  it.each([
    [404, 'billing is not set up'],
    [403, 'the reader may not see billing figures'],
  ])('is not shown at all on a %s (%s)', async status => {
    const ask = await render(async () => {
      throw new InventoryRequestError('refused', status);
    });
    await waitFor(() => expect(ask).toHaveBeenCalled());
    // Let the refusal arrive before looking for the card.
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(screen.queryByText('What it costs')).toBeNull();
    expect(screen.queryByText(/refused/)).toBeNull();
  });

  it('shows a failure other than those as an error in the card', async () => {
    await render(async () => {
      throw new InventoryRequestError(
        'Inventory request failed with 500: boom',
        500,
      );
    });
    expect(await screen.findByText('What it costs')).toBeInTheDocument();
    expect(
      await screen.findByText('Error: Inventory request failed with 500: boom'),
    ).toBeInTheDocument();
  });
});
