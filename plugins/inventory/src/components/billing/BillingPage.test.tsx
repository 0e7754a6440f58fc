import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  BillingQuery,
  BillingReport,
  InventoryClient,
  InventoryRequestError,
} from '@infra-atlas/inventory-common';
import { fireEvent, screen } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import { novemberBySig } from '../../__testUtils__/billing';
import { inventoryApiRef } from '../../api';
import { BillingPage } from './BillingPage';

/** Shows the page's query string, to check that what is chosen is in the URL. */
function Location() {
  return <output aria-label="Location">{useLocation().search}</output>;
}

const render = async (
  url: string,
  billing: (q: BillingQuery) => Promise<BillingReport>,
) => {
  const ask = jest.fn(billing);
  renderInTestApp(
    <>
      <BillingPage />
      <Location />
    </>,
    {
      initialRouteEntries: [url],
      apis: [[inventoryApiRef, { billing: ask } as unknown as InventoryClient]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return ask;
};

/** The report for the question, as the backend would shape it. */
const answer = async (q: BillingQuery): Promise<BillingReport> => ({
  ...novemberBySig,
  groupBy: q.groupBy ?? novemberBySig.groupBy,
  month: q.month ?? novemberBySig.month,
});

const refused = (status: number) => async () => {
  throw new InventoryRequestError(
    `Inventory request billing failed with ${status}`,
    status,
  );
};

describe('BillingPage', () => {
  // Each step draws a whole report (four charts, five tables): slow on a shared machine.
  const DRAWS_TWICE = 60_000;

  it(
    'opens on the latest month by SIG, and keeps another breakdown in the URL',
    async () => {
      const ask = await render('/inventory/billing', answer);
      expect(
        await screen.findByText(/^November 2024: \$212,340 net/),
      ).toBeInTheDocument();
      expect(ask).toHaveBeenCalledWith({ groupBy: 'sig' });

      fireEvent.click(screen.getByRole('tab', { name: 'By Project' }));
      expect(
        await screen.findByRole('table', {
          name: 'Spend by Project, November 2024',
        }),
      ).toBeInTheDocument();
      expect(ask).toHaveBeenLastCalledWith({ groupBy: 'project' });
      expect(screen.getByLabelText('Location')).toHaveTextContent(
        '?by=project',
      );
    },
    DRAWS_TWICE,
  );

  it(
    'keeps another month in the URL, and the range where it was so the picker keeps its months',
    async () => {
      const ask = await render('/inventory/billing?by=project', answer);
      fireEvent.change(await screen.findByLabelText('Month'), {
        target: { value: '2024-10' },
      });
      await screen.findByText(/^October 2024: /);
      expect(ask).toHaveBeenLastCalledWith({
        groupBy: 'project',
        month: '2024-10',
        to: '2024-11',
      });
      expect(screen.getByLabelText('Location')).toHaveTextContent(
        '?month=2024-10&to=2024-11&by=project',
      );
    },
    DRAWS_TWICE,
  );

  it('opens a shared link on its month, breakdown and marked row', async () => {
    const ask = await render(
      '/inventory/billing?month=2024-11&by=sig&focus=group%3Adefault%2Fsig-testing',
      answer,
    );
    expect(
      await screen.findByText(
        'sig-testing: $50,001 in November 2024, marked in the table below.',
      ),
    ).toBeInTheDocument();
    expect(ask).toHaveBeenCalledWith({ groupBy: 'sig', month: '2024-11' });
  });

  it('says a malformed month in the URL is not one, and shows the latest', async () => {
    const ask = await render(
      '/inventory/billing?month=2024-13&by=nonsense',
      answer,
    );
    expect(
      await screen.findByText(
        'Info: Not a month: month=2024-13. Months are written like 2024-11; the latest month is shown.',
      ),
    ).toBeInTheDocument();
    expect(ask).toHaveBeenCalledWith({ groupBy: 'sig' });
  });

  it('explains to an operator what to set up when billing is not configured', async () => {
    await render('/inventory/billing', refused(404));
    expect(
      await screen.findByText('Billing is not set up on this portal'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/name the billing accounts and the export table/),
    ).toBeInTheDocument();
  });

  it('tells a reader without the permission whom to ask, without an error', async () => {
    await render('/inventory/billing', refused(403));
    expect(
      await screen.findByText('You may not see billing figures'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/failed with 403/)).toBeNull();
  });

  it('shows a spinner while it asks', async () => {
    await render('/inventory/billing', () => new Promise(() => {}));
    expect((await screen.findAllByRole('progressbar')).length).toBeGreaterThan(
      0,
    );
  });
});
