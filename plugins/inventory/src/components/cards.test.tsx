import {
  AdministratorsResponse,
  InventoryClient,
  InventoryRequestError,
  PlacementResponse,
} from '@infra-atlas/inventory-common';
import { screen } from '@testing-library/react';
import { renderCard as render, summary } from '../__testUtils__/cards';
import { AdministratorsCard } from './AdministratorsCard';
import { PlacementCard } from './PlacementCard';

const observed = {
  kind: 'observed' as const,
  source: '//container.googleapis.com/…/aaa',
};

const placement: PlacementResponse = {
  entity: summary('component:default/gcsweb', 'gcsweb'),
  chains: [
    {
      path: [
        summary('component:default/gcsweb', 'gcsweb'),
        summary('resource:default/ns', 'gcsweb'),
        summary('resource:default/aaa', 'aaa'),
        summary('resource:default/kubernetes-public', 'kubernetes-public'),
      ],
      steps: [
        {
          from: 'component:default/gcsweb',
          relation: 'runsOn',
          to: 'resource:default/ns',
          provenance: {
            kind: 'declared',
            url: 'https://github.com/kubernetes/k8s.io/tree/main/apps/gcsweb',
          },
        },
      ],
    },
  ],
  dnsNames: [
    {
      fqdn: 'gcsweb.k8s.io.',
      record: 'resource:default/dns-record--gcsweb.k8s.io--a',
      steps: [
        {
          from: 'resource:default/dns-record--gcsweb.k8s.io--a',
          relation: 'servedBy',
          to: 'component:default/gcsweb',
          provenance: {
            kind: 'inferred',
            rule: 'dns-cname-target',
            detail: 'a CNAME',
          },
        },
      ],
    },
  ],
  hosts: [],
};

function client(overrides: Partial<InventoryClient>): InventoryClient {
  return overrides as InventoryClient;
}

describe('PlacementCard', () => {
  it('shows the chain the entity runs in and the names that reach it, with why', async () => {
    const api = client({ placement: jest.fn().mockResolvedValue(placement) });
    await render(<PlacementCard />, api);
    expect(await screen.findByText('kubernetes-public')).toBeInTheDocument();
    expect(api.placement).toHaveBeenCalledWith(
      'component:default/k8s-app--kubernetes-public--us-central1--aaa--gcsweb',
    );
    expect(screen.getByText('gcsweb.k8s.io')).toBeInTheDocument();
    expect(
      screen.getByLabelText('Inferred by dns-cname-target: a CNAME'),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText(
        'Declared in https://github.com/kubernetes/k8s.io/tree/main/apps/gcsweb',
      ),
    ).toBeInTheDocument();
  });

  it('says the entity is not indexed yet on a 404', async () => {
    const notFound = new InventoryRequestError(
      'Inventory request placement failed with 404',
      404,
    );
    await render(
      <PlacementCard />,
      client({ placement: jest.fn().mockRejectedValue(notFound) }),
    );
    expect(
      await screen.findByText('Not in the inventory yet'),
    ).toBeInTheDocument();
  });

  it('shows other errors as errors', async () => {
    await render(
      <PlacementCard />,
      client({ placement: jest.fn().mockRejectedValue(new Error('boom')) }),
    );
    expect((await screen.findAllByText(/boom/)).length).toBeGreaterThan(0);
  });
});

describe('AdministratorsCard', () => {
  const answer: AdministratorsResponse = {
    entity: summary('resource:default/p', 'k8s-artifacts-prod'),
    owner: {
      entity: summary('group:default/admins', 'k8s-infra-artifact-admins'),
      evidence:
        'roles/run.admin granted to group:k8s-infra-artifact-admins@kubernetes.io',
      contacts: [
        { kind: 'email', value: 'k8s-infra-artifact-admins@kubernetes.io' },
      ],
    },
    grants: [
      {
        principal: summary(
          'group:default/org-admins',
          'k8s-infra-gcp-org-admins',
        ),
        member: 'group:k8s-infra-gcp-org-admins@kubernetes.io',
        role: 'roles/owner',
        grantedOn: 'organizations/758905017065',
        inherited: true,
        steps: [
          {
            from: 'group:default/org-admins',
            relation: 'administers',
            to: 'resource:default/org',
            provenance: observed,
          },
        ],
      },
      {
        principal: summary('user:default/x', 'x', false),
        member: 'user:[redacted]',
        role: 'roles/billing.admin',
        grantedOn: 'organizations/758905017065',
        inherited: true,
        steps: [],
      },
    ],
    people: [
      {
        person: summary('user:default/ameukam--gmail.com', 'ameukam@gmail.com'),
        roles: ['roles/owner'],
        paths: [
          {
            role: 'roles/owner',
            grantedOn: 'organizations/758905017065',
            steps: [],
          },
        ],
      },
    ],
    redacted: true,
  };

  it('lists the owner, the inherited grants and the people, and says when details are hidden', async () => {
    await render(
      <AdministratorsCard />,
      client({ administrators: jest.fn().mockResolvedValue(answer) }),
    );
    expect(
      await screen.findByText('k8s-infra-artifact-admins'),
    ).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Inherited' })).toHaveTextContent(
      'roles/owner on organizations/758905017065',
    );
    expect(screen.getByRole('list', { name: 'Inherited' })).toHaveTextContent(
      'user:[redacted]',
    );
    expect(
      screen.queryByRole('list', { name: 'Granted here' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'People' })).toHaveTextContent(
      'ameukam@gmail.com',
    );
    expect(screen.getByText(/Personal details are hidden/)).toBeInTheDocument();
  });
});
