import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  InventoryClient,
  ProviderStatus,
  StatusResponse,
} from '@infra-atlas/inventory-common';
import { act, screen, waitFor } from '@testing-library/react';
import { inventoryApiRef } from '../../api';
import { EntityFreshness } from './EntityFreshness';
import { entitySource, leastFresh } from './entitySources';

const provider = (
  id: string,
  staleSeconds: number | undefined,
  extra: Partial<ProviderStatus> = {},
): ProviderStatus => ({
  provider: id,
  ...(staleSeconds === undefined
    ? {}
    : { staleSeconds, lastSuccess: '2026-12-07T09:30:11.798Z' }),
  lastRun: {
    state: 'complete',
    outcome: 'complete',
    applied: 'full',
    startedAt: '2026-12-07T09:30:04.504Z',
    errors: [],
  },
  entities: {},
  ...extra,
});

const GCP = provider('gcp-inventory:k8sInfra', 180);
const GITHUB = provider('github-inventory:k8sInfra', 240);

const withLocation = (
  location: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'x',
    annotations: {
      'backstage.io/managed-by-location': location,
      ...annotations,
    },
  },
  spec: { type: 'gcs-bucket' },
});

const project = withLocation('gcp-inventory:k8sInfra');
const group = withLocation(
  'url:https://github.com/kubernetes/k8s.io/blob/main/groups/sig-k8s-infra/groups.yaml',
  {
    'infra-atlas.io/declared-in':
      'https://github.com/kubernetes/k8s.io/blob/main/groups/sig-k8s-infra/groups.yaml',
  },
);
const system = withLocation('file:/srv/atlas/catalog/all.yaml');

describe('entitySource', () => {
  it('names the GCP provider that crawled an entity', () => {
    expect(entitySource(project, [GCP, GITHUB])).toEqual({
      kind: 'crawl',
      label: 'GCP',
      providers: [GCP],
    });
  });

  it('names the file a GitHub provider read, with the GitHub providers', () => {
    expect(entitySource(group, [GCP, GITHUB])).toEqual({
      kind: 'crawl',
      label: 'GitHub',
      providers: [GITHUB],
      file: {
        repo: 'kubernetes/k8s.io',
        path: 'groups/sig-k8s-infra/groups.yaml',
        url: 'https://github.com/kubernetes/k8s.io/blob/main/groups/sig-k8s-infra/groups.yaml',
      },
    });
  });

  it('tells hand-written catalog files from crawls, and knows when it cannot tell', () => {
    expect(entitySource(system, [GCP, GITHUB])).toEqual({
      kind: 'hand-written',
    });
    expect(entitySource(withLocation('bitbucket:x'), [GCP])).toEqual({
      kind: 'unknown',
    });
    // A git location with no GitHub provider reporting: no crawl to speak of.
    expect(entitySource(group, [GCP])).toEqual({ kind: 'unknown' });
  });

  it('takes the least fresh of several providers, one that never completed first', () => {
    const other = provider('github-inventory:other', 4000);
    const never = provider('github-inventory:new', undefined);
    expect(leastFresh([GITHUB, other])).toBe(other);
    expect(leastFresh([GITHUB, never, other])).toBe(never);
  });
});

describe('EntityFreshness', () => {
  const status = (providers: ProviderStatus[]): StatusResponse => ({
    index: { entities: 1, relations: 0, links: 0, ambiguous: 0 },
    providers,
  });
  const statusMock = jest.fn();
  const render = (
    entity: Entity,
    providers: ProviderStatus[],
    config: { dataNotice?: string } = {},
  ) => {
    statusMock.mockReset().mockResolvedValue(status(providers));
    return renderInTestApp(
      <EntityProvider entity={entity}>
        <EntityFreshness />
      </EntityProvider>,
      {
        apis: [
          [
            inventoryApiRef,
            { status: statusMock } as unknown as InventoryClient,
          ],
        ],
        config: { app: config },
      },
    );
  };
  const note = () => screen.findByRole('note');

  it('says the demo is a snapshot and when GCP was crawled', async () => {
    await render(project, [GCP, GITHUB], {
      dataNotice: 'Demo data: a snapshot as of June 2024. It is not live.',
    });
    expect(await note()).toHaveTextContent(
      'Demo data: a snapshot as of June 2024. It is not live. From GCP: crawled 3 min ago (2026-12-07 09:30 UTC).',
    );
  });

  it('names the file a declared entity comes from, without a notice in production', async () => {
    await render(group, [GCP, GITHUB]);
    const line = await note();
    expect(line).toHaveTextContent(
      'Declared in groups/sig-k8s-infra/groups.yaml, Opens in a new window (kubernetes/k8s.io), read from GitHub: crawled 4 min ago (2026-12-07 09:30 UTC).',
    );
    expect(line).not.toHaveTextContent('Demo data');
  });

  it('says when the source is stale or its last run failed', async () => {
    await render(project, [
      provider('gcp-inventory:k8sInfra', 3 * 86400, {
        lastRun: {
          state: 'failed',
          outcome: 'failed',
          applied: 'none',
          startedAt: '2026-12-07T09:30:04.504Z',
          errors: ['permission denied'],
        },
      }),
    ]);
    expect(await note()).toHaveTextContent(
      'From GCP: crawled 3 d ago (stale) (2026-12-07 09:30 UTC); its last run was failed.',
    );
  });

  it('says a hand-written entity is not crawled', async () => {
    await render(system, [GCP]);
    expect(await note()).toHaveTextContent(
      "Written by hand in this portal's catalog files.",
    );
  });

  it('says nothing when it knows nothing', async () => {
    await render(withLocation('bitbucket:x'), [GCP]);
    await waitFor(() => expect(statusMock).toHaveBeenCalled());
    // Let the answer arrive: the line stays empty after it too.
    await act(() => statusMock.mock.results[0].value);
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });
});
