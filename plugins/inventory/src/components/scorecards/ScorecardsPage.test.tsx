import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  CompletenessOptions,
  CompletenessResponse,
  InventoryClient,
  InventoryRequestError,
  ScoreTotals,
  StatusResponse,
} from '@infra-atlas/inventory-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import { inventoryApiRef } from '../../api';
import { ScorecardsPage } from './ScorecardsPage';

const totals = (
  entities: number,
  checks: number,
  passed: number,
  failing: ScoreTotals['failing'] = {},
): ScoreTotals => ({
  entities,
  checks,
  passed,
  score: passed / checks,
  failing,
});

const community = {
  entity: {
    ref: 'component:default/kubernetes--community',
    kind: 'Component',
    title: 'kubernetes/community',
    exists: true,
  },
  owner: 'group:default/sig-contributor-experience',
  checks: [
    { id: 'owner-resolved' as const, passed: true, detail: 'owned by x' },
    {
      id: 'docs' as const,
      passed: false,
      detail: 'no TechDocs and no runbook link',
    },
  ],
  score: 0.5,
};

const k8sIo = {
  entity: {
    ref: 'component:default/kubernetes--k8s.io',
    kind: 'Component',
    title: 'kubernetes/k8s.io',
    exists: true,
  },
  owner: 'group:default/sig-k8s-infra',
  checks: [
    {
      id: 'owners-sig-label' as const,
      passed: false,
      detail: 'root OWNERS has no sig/, wg/ or committee/ label',
    },
    { id: 'docs' as const, passed: true, detail: 'has TechDocs' },
  ],
  score: 0.5,
};

const byOwner: CompletenessResponse = {
  scope: 'owner',
  totals: totals(5132, 9572, 9357, { docs: 195, 'source-known': 18 }),
  groups: [
    {
      key: 'group:default/sig-contributor-experience',
      totals: totals(3, 6, 4),
    },
    { key: 'group:default/sig-k8s-infra', totals: totals(40, 80, 72) },
    { key: 'none', totals: totals(5, 5, 5) },
  ],
  toFix: [community, k8sIo],
  history: [
    { day: '2026-11-24', totals: totals(5000, 9000, 8100) },
    { day: '2026-11-25', totals: totals(5100, 9500, 9000) },
    { day: '2026-11-26', totals: totals(5132, 9572, 9357) },
  ],
};

const sigK8sInfra: CompletenessResponse = {
  scope: 'owner',
  key: 'group:default/sig-k8s-infra',
  totals: totals(40, 80, 72),
  toFix: [k8sIo],
  history: [{ day: '2026-11-26', totals: totals(40, 80, 72) }],
};

const status: StatusResponse = {
  index: { entities: 0, relations: 0, links: 0, ambiguous: 0 },
  providers: [],
};

/** Shows the page's query string, to check that what is chosen is in the URL. */
function Location() {
  return <output aria-label="Location">{useLocation().search}</output>;
}

const render = (
  url: string,
  completeness: (o?: CompletenessOptions) => Promise<CompletenessResponse>,
) =>
  renderInTestApp(
    <>
      <ScorecardsPage />
      <Location />
    </>,
    {
      initialRouteEntries: [url],
      apis: [
        [
          inventoryApiRef,
          {
            completeness: jest.fn(completeness),
            status: async () => status,
          } as unknown as InventoryClient,
        ],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );

const answers = async (options?: CompletenessOptions) =>
  options?.key ? sigK8sInfra : byOwner;

describe('ScorecardsPage', () => {
  it('shows the overall score, the failing checks, each owner and what to fix everywhere', async () => {
    await render('/', answers);
    expect(
      await screen.findByRole('list', { name: 'Failing checks of everything' }),
    ).toHaveTextContent(
      'Has docs or a runbook (docs): 195 failing' +
        'Source is known (source-known): 18 failing',
    );
    expect(
      screen.getByRole('region', { name: 'Score of everything' }),
    ).toHaveTextContent('98%9,357 of 9,572 checks pass over 5,132 entities.');

    // The chart's text alternative: a summary and a table of every owner.
    expect(
      screen.getByRole('figure', { name: 'Score per owner' }),
    ).toHaveTextContent(
      '3 owners, from sig-contributor-experience at 67% to (no owner) at 100%.',
    );
    const rows = within(
      screen.getByRole('table', { name: 'Scores per owner' }),
    ).getAllByRole('row');
    expect(rows.map(r => r.textContent)).toEqual([
      'OwnerScoreEntitiesFailing checks',
      'sig-contributor-experience67%32',
      'sig-k8s-infra90%408',
      '(no owner)100%50',
    ]);
    // The chart is drawn too: a bar per owner.
    expect(document.querySelectorAll('.recharts-bar-rectangle').length).toBe(3);

    expect(
      screen.getByRole('figure', { name: 'Daily score of everything' }),
    ).toHaveTextContent(
      'From 90% on 2026-11-24 to 98% on 2026-11-26, over 3 recorded days.',
    );
    const toFix = screen.getByRole('list', {
      name: 'What to fix in everything',
    });
    expect(toFix).toHaveTextContent(
      'kubernetes/community — 50% of 2 checks pass' +
        'Has docs or a runbook: no TechDocs and no runbook link',
    );
    expect(
      within(toFix).getByRole('link', { name: 'kubernetes/k8s.io' }),
    ).toHaveAttribute('href', '/catalog/default/component/kubernetes--k8s.io');
  });

  it('selects an owner from the table into the URL and shows its history and what to fix', async () => {
    const completeness = jest.fn(answers);
    await render('/', completeness);
    fireEvent.click(
      await screen.findByRole('button', { name: 'sig-k8s-infra' }),
    );
    expect(
      await screen.findByRole('list', { name: 'What to fix in sig-k8s-infra' }),
    ).toHaveTextContent(
      'Root OWNERS has a SIG label: root OWNERS has no sig/, wg/ or committee/ label',
    );
    expect(screen.getByLabelText('Location')).toHaveTextContent(
      '?by=owner&key=group%3Adefault%2Fsig-k8s-infra',
    );
    expect(
      screen.getByRole('region', { name: 'Score of sig-k8s-infra' }),
    ).toHaveTextContent('90%72 of 80 checks pass over 40 entities.');
    expect(completeness).toHaveBeenCalledWith({
      scope: 'owner',
      key: 'group:default/sig-k8s-infra',
    });
    expect(
      screen.getByRole('button', { name: 'sig-k8s-infra' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(
      screen.getByRole('figure', { name: 'Daily score of sig-k8s-infra' }),
    ).toHaveTextContent('90% on 2026-11-26, the only day recorded so far.');
    // Entities with no owner cannot be asked for by key, so they are not a button.
    expect(screen.queryByRole('button', { name: '(no owner)' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Show everything' }));
    expect(
      await screen.findByRole('list', { name: 'What to fix in everything' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Location')).toHaveTextContent('?by=owner');
  });

  it('groups by system when the URL says so, and switches back to owners', async () => {
    const completeness = jest.fn(async (o?: CompletenessOptions) => ({
      ...byOwner,
      scope: o!.scope!,
      groups: [{ key: 'system:default/gcsweb', totals: totals(3, 6, 6) }],
    }));
    await render('/?by=system', completeness);
    expect(
      await screen.findByRole('table', { name: 'Scores per system' }),
    ).toHaveTextContent('gcsweb100%30');
    expect(completeness).toHaveBeenCalledWith({ scope: 'system' });
    expect(screen.getByRole('button', { name: 'By system' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    fireEvent.click(screen.getByRole('button', { name: 'By owner' }));
    expect(
      await screen.findByRole('table', { name: 'Scores per owner' }),
    ).toBeInTheDocument();
    expect(completeness).toHaveBeenLastCalledWith({ scope: 'owner' });
    expect(screen.getByLabelText('Location')).toHaveTextContent('?by=owner');
  });

  it('says when nothing is scored yet', async () => {
    await render('/', async () => ({
      scope: 'owner',
      totals: totals(0, 0, 0),
      groups: [],
      toFix: [],
      history: [],
    }));
    expect(
      await screen.findByText('Nothing is scored yet'),
    ).toBeInTheDocument();
  });

  it('says when the index is still being built', async () => {
    await render('/', async () => {
      throw new InventoryRequestError('building', 503);
    });
    expect(
      await screen.findByText('The inventory is still being built'),
    ).toBeInTheDocument();
  });

  it('shows a spinner while it asks', async () => {
    await render('/', () => new Promise(() => {}));
    // Backstage's Progress appears after a short delay, so a fast answer does not flash it.
    expect((await screen.findAllByRole('progressbar')).length).toBeGreaterThan(
      0,
    );
  });
});
