import {
  AdministratorsResponse,
  InventoryClient,
  InventoryRequestError,
  PlacementResponse,
} from '@infra-atlas/inventory-common';
import { fireEvent, screen, within } from '@testing-library/react';
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
  const grant = (
    overrides: Partial<AdministratorsResponse['grants'][number]>,
  ): AdministratorsResponse['grants'][number] => ({
    principal: summary('group:default/org-admins', 'k8s-infra-gcp-org-admins'),
    member: 'group:k8s-infra-gcp-org-admins@kubernetes.io',
    role: 'roles/owner',
    roles: ['roles/owner'],
    power: 'administer',
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
    ...overrides,
  });
  const answer: AdministratorsResponse = {
    entity: summary('resource:default/p', 'k8s-artifacts-prod'),
    owner: {
      entity: summary('group:default/admins', 'k8s-infra-artifact-admins'),
      unowned: false,
      evidence:
        'group:k8s-infra-artifact-admins@kubernetes.io administers projects/k8s-artifacts-prod (roles/run.admin)',
      contacts: [
        { kind: 'email', value: 'k8s-infra-artifact-admins@kubernetes.io' },
      ],
      coOwners: [],
    },
    grants: [
      // A second role of the same group in the same place: one row, two roles.
      grant({ roles: ['roles/owner', 'roles/orgpolicy.policyAdmin'] }),
      // The same member and role twice, under two conditions: two rows, two keys.
      grant({
        principal: summary('group:default/oncall', 'k8s-infra-oncall'),
        member: 'group:k8s-infra-oncall@kubernetes.io',
        inherited: false,
        grantedOn: 'projects/k8s-artifacts-prod',
        condition: {
          title: 'break-glass',
          expression: 'request.auth.x',
          status: 'conditional',
        },
      }),
      grant({
        principal: summary('group:default/oncall', 'k8s-infra-oncall'),
        member: 'group:k8s-infra-oncall@kubernetes.io',
        inherited: false,
        grantedOn: 'projects/k8s-artifacts-prod',
        condition: {
          title: 'migration',
          expression: 'request.time < timestamp("2024-06-01T00:00:00Z")',
          expiresAt: '2024-06-01T00:00:00.000Z',
          status: 'expired',
        },
      }),
      grant({
        principal: summary(
          'group:default/readers',
          'k8s-infra-release-viewers',
        ),
        member: 'group:k8s-infra-release-viewers@kubernetes.io',
        role: 'roles/viewer',
        roles: ['roles/viewer'],
        power: 'read',
        via: 'projectViewer:k8s-artifacts-prod',
      }),
      grant({
        principal: summary('group:default/prow', 'k8s-infra-prow-oncall'),
        member: 'group:k8s-infra-prow-oncall@kubernetes.io',
        role: 'organizations/758905017065/roles/prow.viewer',
        roles: ['organizations/758905017065/roles/prow.viewer'],
        power: 'write',
        customRole: summary(
          'resource:default/gcp-custom-role--758905017065--prow.viewer',
          'prow.viewer',
        ),
      }),
      grant({
        principal: summary('user:default/x', 'x', false),
        member: 'user:[redacted]',
        role: 'roles/billing.admin',
        roles: ['roles/billing.admin'],
        power: 'other',
        steps: [],
      }),
    ],
    grantsOffset: 0,
    counts: { administer: 4, write: 1, read: 1, other: 1 },
    rowCounts: { administer: 3, write: 1, read: 1, other: 1 },
    // The on-call group counts once, for its conditional grant (the expired one cannot apply).
    principalCounts: { administer: 2, write: 1, read: 1, other: 1 },
    people: [
      {
        person: summary('user:default/ameukam--gmail.com', 'ameukam@gmail.com'),
        roles: ['roles/billing.admin', 'roles/owner', 'roles/viewer'],
        power: 'administer',
        paths: [
          {
            role: 'roles/owner',
            power: 'administer',
            grantedOn: 'organizations/758905017065',
            steps: [],
          },
          {
            role: 'roles/viewer',
            power: 'read',
            grantedOn: 'organizations/758905017065',
            steps: [],
          },
          {
            role: 'roles/billing.admin',
            power: 'other',
            grantedOn: 'organizations/758905017065',
            steps: [],
          },
        ],
      },
    ],
    peopleCounts: { administer: 1, write: 0, read: 0, other: 0 },
    peopleOffset: 0,
    redacted: true,
  };

  it('leads with the owner, then who can do what by power, conditions stated', async () => {
    const errors = jest.spyOn(console, 'error');
    await render(
      <AdministratorsCard />,
      client({ administrators: jest.fn().mockResolvedValue(answer) }),
    );
    expect(
      await screen.findByText('k8s-infra-artifact-admins'),
    ).toBeInTheDocument();
    // Expired grants do not count; the conditional one does.
    expect(
      screen.getByText(
        '2 principals can administer, 1 principal can change, 1 principal can read it.',
      ),
    ).toBeInTheDocument();
    const administer = screen.getByRole('list', { name: 'Can administer' });
    expect(administer).toHaveTextContent(
      'k8s-infra-gcp-org-admins — roles/owner, roles/orgpolicy.policyAdmin inherited from the organization',
    );
    expect(administer.querySelectorAll(':scope > li')).toHaveLength(3);
    expect(administer).toHaveTextContent(
      'roles/owner granted here (conditional: break-glass)',
    );
    expect(administer).toHaveTextContent(
      'roles/owner granted here (expired 2024-06-01: migration)',
    );
    expect(screen.getByRole('list', { name: 'Can read' })).toHaveTextContent(
      'roles/viewer inherited from the organization, through projectViewer:k8s-artifacts-prod',
    );
    expect(screen.getByRole('list', { name: 'Other roles' })).toHaveTextContent(
      '[redacted] — roles/billing.admin',
    );
    const change = screen.getByRole('list', { name: 'Can change' });
    expect(change).toHaveTextContent(
      'organizations/758905017065/roles/prow.viewer (prow.viewer says what it grants)',
    );
    expect(
      within(change).getByRole('link', { name: 'prow.viewer' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/gcp-custom-role--758905017065--prow.viewer',
    );
    expect(screen.getByRole('list', { name: 'People' })).toHaveTextContent(
      // The summary says why they can administer; every role is in the details.
      'ameukam@gmail.com — can administer (roles/owner)roles/owner on',
    );
    expect(screen.getByText(/Personal details are hidden/)).toBeInTheDocument();
    expect(
      errors.mock.calls.filter(c => /same key/.test(String(c[0]))),
    ).toEqual([]);
  });

  it("lists a power's first rows and asks for the next ones of that power on request", async () => {
    const reader = (n: number) =>
      grant({
        principal: summary(`group:default/readers-${n}`, `readers-${n}`),
        member: `group:readers-${n}@kubernetes.io`,
        roles: ['roles/viewer'],
        power: 'read',
      });
    const administrators = jest
      .fn()
      .mockResolvedValueOnce({
        ...answer,
        grants: [1, 2, 3, 4, 5].map(reader),
        rowCounts: { administer: 0, write: 0, read: 17, other: 0 },
      })
      .mockResolvedValueOnce({
        ...answer,
        grants: [6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map(reader),
        grantsOffset: 5,
        people: [],
      });
    await render(<AdministratorsCard />, client({ administrators }));
    expect(await screen.findByText('Can read (17)')).toBeInTheDocument();
    const read = screen.getByRole('list', { name: 'Can read' });
    expect(read.querySelectorAll(':scope > li')).toHaveLength(5);
    fireEvent.click(screen.getByRole('button', { name: 'Show 10 more of 12' }));
    expect(await within(read).findByText('readers-15')).toBeInTheDocument();
    expect(read.querySelectorAll(':scope > li')).toHaveLength(15);
    expect(administrators).toHaveBeenLastCalledWith(answer.entity.ref, {
      power: 'read',
      offset: 5,
      pageSize: 10,
    });
    expect(
      screen.getByRole('button', { name: 'Show 2 more of 2' }),
    ).toBeInTheDocument();
  });

  it('lists the first people the answer brings, and asks for everyone else on request', async () => {
    const person = (name: string, power: 'administer' | 'read') => ({
      person: summary(`user:default/${name}`, name),
      roles: ['roles/viewer'],
      power,
      paths: [
        {
          role: 'roles/viewer',
          power,
          grantedOn: 'organizations/758905017065',
          steps: [],
        },
      ],
    });
    const first = ['ada', 'bea', 'cy', 'dee', 'eve'].map(n =>
      person(n, 'administer'),
    );
    const rest = ['fay', 'gus'].map(n => person(n, 'read'));
    const administrators = jest
      .fn()
      .mockResolvedValueOnce({
        ...answer,
        people: first,
        peopleCounts: { administer: 5, write: 0, read: 2, other: 0 },
      })
      .mockResolvedValueOnce({ ...answer, people: rest, peopleOffset: 5 });
    await render(<AdministratorsCard />, client({ administrators }));
    expect(
      await screen.findByText('People behind these grants (7)'),
    ).toBeInTheDocument();
    const people = screen.getByRole('list', { name: 'People' });
    expect(people.querySelectorAll(':scope > li')).toHaveLength(5);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 7' }));
    expect(await within(people).findByText('gus')).toBeInTheDocument();
    expect(people.querySelectorAll(':scope > li')).toHaveLength(7);
    expect(administrators).toHaveBeenLastCalledWith(answer.entity.ref, {
      offset: 5,
      pageSize: 500,
    });
    expect(within(people).getByText('fay').closest('li')).toHaveTextContent(
      'fay — can read (roles/viewer)',
    );
    expect(
      screen.queryByRole('button', { name: /Show all/ }),
    ).not.toBeInTheDocument();
  });

  it('says so when the other people cannot be loaded, and keeps the first ones', async () => {
    const administrators = jest
      .fn()
      .mockResolvedValueOnce({
        ...answer,
        peopleCounts: { administer: 1, write: 0, read: 40, other: 0 },
      })
      .mockRejectedValueOnce(new Error('the inventory is restarting'));
    await render(<AdministratorsCard />, client({ administrators }));
    fireEvent.click(await screen.findByRole('button', { name: 'Show all 41' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load the other people: the inventory is restarting',
    );
    expect(
      screen.getByRole('list', { name: 'People' }).querySelectorAll('li'),
    ).toHaveLength(1);
  });

  it('says plainly when nobody owns it', async () => {
    await render(
      <AdministratorsCard />,
      client({
        administrators: jest.fn().mockResolvedValue({
          ...answer,
          owner: {
            entity: summary('group:default/unowned', 'Unowned'),
            unowned: true,
            evidence:
              'no owner label, no configured project pattern, and no group administers or writes to projects/x below the organization',
            contacts: [],
            coOwners: [],
          },
        }),
      }),
    );
    expect(
      await screen.findByText(
        'Unowned: no ownership rule attributes it to anyone.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Why: no owner label/)).toBeInTheDocument();
  });

  it('names every group that shares it, with why', async () => {
    await render(
      <AdministratorsCard />,
      client({
        administrators: jest.fn().mockResolvedValue({
          ...answer,
          owner: {
            entity: summary(
              'group:default/sig-cloud-provider',
              'sig-cloud-provider',
            ),
            unowned: false,
            evidence:
              'sigs.yaml subproject provider-ibmcloud of sig-cluster-lifecycle lists kubernetes-sigs/cluster-api-provider-ibmcloud/OWNERS, first in sigs.yaml of the 2 groups whose subprojects list it',
            contacts: [],
            coOwners: [
              {
                entity: summary(
                  'group:default/sig-cluster-lifecycle',
                  'sig-cluster-lifecycle',
                ),
                evidence:
                  'sigs.yaml subproject cluster-api-provider-ibmcloud of sig-cloud-provider lists kubernetes-sigs/cluster-api-provider-ibmcloud/OWNERS',
              },
            ],
          },
        }),
      }),
    );
    expect(await screen.findByText(/^Shared with/)).toHaveTextContent(
      'Shared with sig-cluster-lifecycle',
    );
    expect(
      screen.getByText(
        /^Why: sigs.yaml subproject cluster-api-provider-ibmcloud of/,
      ),
    ).toBeInTheDocument();
  });
});
