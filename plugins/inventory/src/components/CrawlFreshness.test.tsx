import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  InventoryClient,
  InventoryRequestError,
  StatusResponse,
} from '@infra-atlas/inventory-common';
import { screen } from '@testing-library/react';
import { inventoryApiRef } from '../api';
import {
  CrawlFreshness,
  STALE_AFTER_SECONDS,
  humanDuration,
} from './CrawlFreshness';

const fresh: StatusResponse = {
  index: {
    builtAt: '2026-11-26T09:32:54.073Z',
    buildMs: 1039,
    entities: 6293,
    relations: 15915,
    links: 382,
    ambiguous: 3,
  },
  providers: [
    {
      provider: 'gcp-inventory:k8sInfra',
      lastRun: {
        state: 'complete',
        outcome: 'complete',
        applied: 'full',
        startedAt: '2026-11-26T09:31:48.428Z',
        finishedAt: '2026-11-26T09:31:50.870Z',
        durationMs: 2442,
        errors: [],
      },
      lastSuccess: '2026-11-26T09:31:50.870Z',
      staleSeconds: 62,
      entities: { 'gcp-project': 327, 'gcs-bucket': 3266 },
    },
  ],
};

const render = (status: Partial<InventoryClient>['status']) =>
  renderInTestApp(<CrawlFreshness />, {
    apis: [[inventoryApiRef, { status } as InventoryClient]],
  });

describe('CrawlFreshness', () => {
  it('shows the index and each provider, with no warning when all are fresh', async () => {
    await render(jest.fn().mockResolvedValue(fresh));
    const providers = await screen.findByRole('table', { name: 'Providers' });
    expect(providers).toHaveTextContent(
      'gcp-inventory:k8sInfracomplete, 2026-11-26 09:31 UTC (2 s)1 min ago (2026-11-26 09:31 UTC)3,593',
    );
    expect(
      screen.getByText(
        'Index built 2026-11-26 09:32 UTC in 1 s: 6,293 entities, 15,915 relations.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Freshness warnings')).toBeNull();
  });

  it('warns when a provider is stale, failed, refused, or never completed', async () => {
    const [gcp] = fresh.providers;
    await render(
      jest.fn().mockResolvedValue({
        ...fresh,
        providers: [
          { ...gcp, staleSeconds: STALE_AFTER_SECONDS + 3600 },
          {
            ...gcp,
            provider: 'github-inventory:k8sInfra',
            lastRun: {
              ...gcp.lastRun!,
              state: 'failed',
              outcome: 'failed',
              applied: 'none',
              errors: ['GitHub said 502'],
            },
          },
          {
            provider: 'github-inventory:new',
            lastRun: {
              ...gcp.lastRun!,
              state: 'partial',
              outcome: 'partial',
              applied: 'upsert-only',
              errors: ['x'],
            },
            entities: {},
          },
          {
            // Read everything, but the removal ceiling refused the change: not fresh.
            provider: 'gcp-inventory:other',
            lastRun: {
              ...gcp.lastRun!,
              state: 'refused',
              outcome: 'complete',
              applied: 'upsert-only',
              errors: ['the crawl would remove 90 of 100 entities'],
            },
            entities: {},
          },
        ],
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Warning: 4 providers are stale or failing: these answers may be out of date',
    );
    const warnings = screen.getByRole('list', { name: 'Freshness warnings' });
    expect(warnings).toHaveTextContent(
      'gcp-inventory:k8sInfra: its last complete crawl was 3 h ago',
    );
    expect(warnings).toHaveTextContent(
      'github-inventory:k8sInfra: its last run failed: GitHub said 502',
    );
    expect(warnings).toHaveTextContent(
      'github-inventory:new: its last run was partial (1 error), so nothing was removed; it has never completed a crawl',
    );
    expect(warnings).toHaveTextContent(
      'gcp-inventory:other: its last run was not applied in full: the crawl would remove 90 of 100 entities; it has never completed a crawl',
    );
    expect(screen.getByRole('table', { name: 'Providers' })).toHaveTextContent(
      'not applied in full, 2026-11-26',
    );
  });

  it('names what a partial run held back, since when and for how many runs', async () => {
    const [gcp] = fresh.providers;
    await render(
      jest.fn().mockResolvedValue({
        ...fresh,
        providers: [
          {
            ...gcp,
            provider: 'github-inventory:k8sInfra',
            lastRun: {
              ...gcp.lastRun!,
              state: 'partial',
              outcome: 'partial',
              applied: 'scoped',
              errors: ['kubernetes/k8s.io/OWNERS: bad YAML'],
            },
            held: [
              {
                scope: 'kubernetes/k8s.io',
                reason: 'kubernetes/k8s.io/OWNERS: bad YAML at line 3',
                since: '2026-11-25T06:00:00.000Z',
                runs: 48,
              },
            ],
          },
        ],
      }),
    );
    const warnings = await screen.findByRole('list', {
      name: 'Freshness warnings',
    });
    expect(warnings).toHaveTextContent(
      'github-inventory:k8sInfra: its last run was partial (1 error): what it could not read is kept as it was, the rest is current',
    );
    expect(screen.getByRole('list', { name: 'Held back' })).toHaveTextContent(
      'kubernetes/k8s.io held since 2026-11-25 06:00 UTC, 48 runs: kubernetes/k8s.io/OWNERS: bad YAML at line 3',
    );
  });

  it('says when the index has not been built and no provider has reported', async () => {
    await render(
      jest.fn().mockResolvedValue({
        index: { entities: 0, relations: 0, links: 0, ambiguous: 0 },
        providers: [],
      }),
    );
    expect(
      await screen.findByText('The index has not been built yet.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No provider has reported a crawl.'),
    ).toBeInTheDocument();
  });

  it('shows a failed status request as an error', async () => {
    await render(
      jest
        .fn()
        .mockRejectedValue(
          new InventoryRequestError('status failed with 500', 500),
        ),
    );
    // The error panel names the error and shows it again in its details.
    expect(
      (await screen.findAllByText(/status failed with 500/))[0],
    ).toBeInTheDocument();
  });

  it('says durations the way people do', () => {
    expect(
      [45, 12 * 60, 3 * 3600, 50 * 3600, 3 * 86400].map(humanDuration),
    ).toEqual(['45 s', '12 min', '3 h', '2 d', '3 d']);
  });
});
