import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  InventoryClient,
  InventoryRequestError,
  OwnershipResponse,
} from '@infra-atlas/inventory-common';
import { fireEvent, screen } from '@testing-library/react';
import { inventoryApiRef } from '../api';
import { OwnershipLookupPage } from './OwnershipLookupPage';

const summary = (ref: string, title: string) => ({
  ref,
  kind: ref.split(':')[0],
  title,
  exists: true,
});

const ameukam: OwnershipResponse = {
  query: 'ameukam',
  identities: [
    { entity: summary('user:default/ameukam', 'ameukam'), steps: [] },
    {
      entity: summary('user:default/ameukam--gmail.com', 'ameukam@gmail.com'),
      steps: [],
    },
  ],
  groups: [
    {
      entity: summary('group:default/org-admins', 'k8s-infra-gcp-org-admins'),
      steps: [],
    },
  ],
  counts: { leads: 1, administers: 7 },
  entityCounts: { leads: 1, administers: 2 },
  notes: [],
  truncated: false,
  items: [
    {
      role: 'leads',
      entity: summary('group:default/sig-k8s-infra', 'SIG K8s Infra'),
      steps: [
        {
          from: 'user:default/ameukam',
          relation: 'leads',
          to: 'group:default/sig-k8s-infra',
          provenance: {
            kind: 'declared',
            url: 'https://github.com/kubernetes/community/blob/main/sigs.yaml',
          },
          note: 'chair',
        },
      ],
    },
    {
      role: 'administers',
      entity: summary(
        'resource:default/gcp-project--k8s-artifacts-prod',
        'k8s-artifacts-prod',
      ),
      grant: 'roles/owner on organizations/758905017065 (inherited)',
      steps: [
        {
          from: 'user:default/ameukam',
          relation: 'sameAs',
          to: 'user:default/ameukam--gmail.com',
          provenance: {
            kind: 'inferred',
            rule: 'email-local-part-is-github-login',
            detail: 'same local part',
          },
        },
      ],
    },
  ],
  inheritedResourceCounts: {},
  redacted: false,
};

const render = (url: string, api: Partial<InventoryClient>) =>
  renderInTestApp(<OwnershipLookupPage />, {
    initialRouteEntries: [url],
    apis: [[inventoryApiRef, api as InventoryClient]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });

describe('OwnershipLookupPage', () => {
  it('answers the query in the URL, grouped by role, with counts of distinct entities', async () => {
    const ownership = jest.fn().mockResolvedValue(ameukam);
    await render('/?q=ameukam', { ownership });
    expect(
      await screen.findByRole('region', { name: 'Administers (IAM)' }),
    ).toHaveTextContent(
      'k8s-artifacts-prod — roles/owner on organizations/758905017065 (inherited)',
    );
    expect(ownership).toHaveBeenCalledWith('ameukam', { limit: 200 });
    expect(
      screen.getByText('administers: 2 entities in 7 items'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Leads (sigs.yaml)' }),
    ).toHaveTextContent('SIG K8s Infra — chair');
    expect(
      screen.getByLabelText(
        'Inferred by email-local-part-is-github-login: same local part',
      ),
    ).toBeInTheDocument();
  });

  it('looks up what is typed and keeps the page empty until then', async () => {
    const ownership = jest.fn().mockResolvedValue(ameukam);
    await render('/', { ownership });
    expect(screen.getByText(/For example ameukam/)).toBeInTheDocument();
    expect(ownership).not.toHaveBeenCalled();
    fireEvent.change(
      screen.getByLabelText(
        'GitHub login, e-mail address, group or IAM member',
      ),
      {
        target: { value: ' ameukam ' },
      },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Look up' }));
    expect(
      await screen.findByText('administers: 2 entities in 7 items'),
    ).toBeInTheDocument();
    expect(ownership).toHaveBeenCalledWith('ameukam', { limit: 200 });
  });

  it('says when nobody matches, and when e-mail lookups need permission', async () => {
    await render('/?q=mallory', {
      ownership: jest
        .fn()
        .mockRejectedValue(new InventoryRequestError('no', 404)),
    });
    expect(
      await screen.findByText('Nobody and no group matches “mallory”'),
    ).toBeInTheDocument();
  });

  it('explains a 403 for e-mail lookups', async () => {
    await render('/?q=jane@example.org', {
      ownership: jest
        .fn()
        .mockRejectedValue(new InventoryRequestError('no', 403)),
    });
    expect(
      await screen.findByText('Looking people up by e-mail needs permission'),
    ).toBeInTheDocument();
  });

  it('answers a principal with no entity, such as a domain, by the grants it holds', async () => {
    const ownership = jest.fn().mockResolvedValue({
      ...ameukam,
      query: 'domain:kubernetes.io',
      identities: [
        {
          entity: {
            ref: 'domain:kubernetes.io',
            kind: 'domain',
            title: 'kubernetes.io',
            exists: false,
          },
          steps: [],
        },
      ],
      groups: [],
      counts: { holds: 1 },
      entityCounts: { holds: 1 },
      items: [
        {
          role: 'holds',
          entity: summary(
            'resource:default/gcp-organization--758905017065',
            'kubernetes.io',
          ),
          grant: 'roles/browser on organizations/758905017065',
          steps: [],
        },
      ],
    } satisfies OwnershipResponse);
    await render('/?q=domain%3Akubernetes.io', { ownership });
    expect(
      await screen.findByRole('region', { name: 'Holds other roles (IAM)' }),
    ).toHaveTextContent('roles/browser on organizations/758905017065');
    expect(ownership).toHaveBeenCalledWith('domain:kubernetes.io', {
      limit: 200,
    });
  });
});
