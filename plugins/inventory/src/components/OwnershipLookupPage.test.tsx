import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  InventoryClient,
  InventoryRequestError,
  OwnershipResponse,
} from '@infra-atlas/inventory-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { inventoryApiRef } from '../api';
import { OwnershipLookupPage } from './OwnershipLookupPage';

const summary = (ref: string, title: string) => ({
  ref,
  kind: ref.split(':')[0],
  title,
  exists: true,
});

const step = (from: string, relation: string, to: string) => ({
  from,
  relation,
  to,
  provenance: { kind: 'observed' as const, source: 'cloudidentity' },
});

const leads = {
  role: 'leads' as const,
  entity: summary('group:default/sig-k8s-infra', 'SIG K8s Infra'),
  steps: [
    {
      from: 'user:default/ameukam',
      relation: 'leads',
      to: 'group:default/sig-k8s-infra',
      provenance: {
        kind: 'declared' as const,
        url: 'https://github.com/kubernetes/community/blob/main/sigs.yaml',
      },
      note: 'chair',
    },
  ],
};

const project = (n: number) => ({
  role: 'administers' as const,
  entity: summary(
    `resource:default/gcp-project--p${n}`,
    `k8s-infra-project-${n}`,
  ),
  grant: 'roles/owner on organizations/758905017065 (inherited)',
  // Held through the admins group: how ameukam is in it comes once, with the group.
  through: [
    'user:default/ameukam',
    'user:default/ameukam--gmail.com',
    'group:default/org-admins',
  ],
  steps: [
    step(
      'group:default/org-admins',
      'administers',
      'resource:default/gcp-organization--758905017065',
    ),
  ],
});

const GRANT = 'administers:grant:roles/owner on organizations/758905017065';

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
      steps: [
        {
          from: 'user:default/ameukam',
          relation: 'sameAs',
          to: 'user:default/ameukam--gmail.com',
          provenance: {
            kind: 'inferred' as const,
            rule: 'email-local-part-is-github-login',
            detail: 'same local part',
          },
        },
        step(
          'user:default/ameukam--gmail.com',
          'memberOf',
          'group:default/org-admins',
        ),
      ],
    },
  ],
  counts: { leads: 1, administers: 328 },
  entityCounts: { leads: 1, administers: 328 },
  notes: [],
  truncated: true,
  items: [leads],
  inheritedResourceCounts: {},
  redacted: false,
  summary: [
    'member of 1 group',
    'leads SIG K8s Infra',
    'administers the organization kubernetes.io (roles/owner) → inherited by 327 projects; 1,900 resources are below it',
  ],
  sections: [
    {
      key: 'leads:scope:sig',
      role: 'leads',
      kind: 'scope',
      title: 'Sigs',
      total: 1,
      types: { sig: 1 },
      offset: 0,
      items: [leads],
    },
    {
      key: GRANT,
      role: 'administers',
      kind: 'grant',
      title: 'roles/owner on the organization kubernetes.io',
      cause: {
        role: 'administers',
        entity: summary(
          'resource:default/gcp-organization--758905017065',
          'kubernetes.io',
        ),
        grant: 'roles/owner on organizations/758905017065',
        steps: [],
      },
      total: 327,
      types: { 'gcp-project': 327 },
      inheritedResources: 1900,
      offset: 0,
      items: Array.from({ length: 10 }, (_, i) => project(i)),
    },
    {
      key: 'administers:scope:gcs-bucket',
      role: 'administers',
      kind: 'scope',
      title: 'Buckets',
      total: 14,
      types: { 'gcs-bucket': 14 },
      offset: 0,
      items: [],
    },
  ],
  members: [],
};

const render = (url: string, api: Partial<InventoryClient>) =>
  renderInTestApp(<OwnershipLookupPage />, {
    initialRouteEntries: [url],
    apis: [[inventoryApiRef, api as InventoryClient]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });

/** The page answering a group's look-up with the first page of its members. */
async function lookUpGroup(answer: Partial<OwnershipResponse>) {
  const ownership = jest.fn().mockResolvedValue({
    ...ameukam,
    query: 'k8s-infra-gcp-org-admins@kubernetes.io',
    sections: [],
    membersOffset: 0,
    ...answer,
  } satisfies OwnershipResponse);
  await render('/?q=k8s-infra-gcp-org-admins%40kubernetes.io', { ownership });
  const members = await screen.findByRole('region', { name: 'Members' });
  return { ownership, members };
}

describe('OwnershipLookupPage', () => {
  it('answers the query in the URL with the summary first, then the sections', async () => {
    const ownership = jest.fn().mockResolvedValue(ameukam);
    await render('/?q=ameukam', { ownership });
    const summaryRegion = await screen.findByRole('region', {
      name: 'Summary',
    });
    expect(summaryRegion).toHaveTextContent(
      'administers the organization kubernetes.io (roles/owner) → inherited by 327 projects; 1,900 resources are below it',
    );
    const administers = screen.getByRole('region', {
      name: 'Administers (IAM)',
    });
    // The summary comes before any list.
    expect(
      summaryRegion.compareDocumentPosition(administers) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(ownership).toHaveBeenCalledWith('ameukam', {
      limit: 1,
      pageSize: 10,
    });
    expect(
      screen.getByRole('region', { name: 'Leads (sigs.yaml)' }),
    ).toHaveTextContent('SIG K8s Infra — chair');
  });

  it('collapses an inherited grant under the grant that causes it, and pages it', async () => {
    const ownership = jest.fn().mockResolvedValue(ameukam);
    await render('/?q=ameukam', { ownership });
    const grant = await screen.findByRole('region', {
      name: 'roles/owner on the organization kubernetes.io',
    });
    expect(grant).toHaveTextContent(
      'roles/owner on the organization kubernetes.io → inherited by 327 projects; 1,900 resources are below it',
    );
    expect(grant).toHaveTextContent(
      'Granted on kubernetes.io — roles/owner on organizations/758905017065',
    );
    expect(grant.querySelectorAll(':scope > ul > li')).toHaveLength(10);
    ownership.mockResolvedValueOnce({
      ...ameukam,
      sections: [
        {
          ...ameukam.sections[1],
          offset: 10,
          items: [project(10), project(11)],
        },
      ],
    });
    fireEvent.click(
      within(grant).getByRole('button', { name: 'Show 10 more of 317' }),
    );
    expect(
      await within(grant).findByText('k8s-infra-project-11'),
    ).toBeVisible();
    expect(ownership).toHaveBeenLastCalledWith('ameukam', {
      section: GRANT,
      offset: 10,
      pageSize: 10,
    });
    expect(grant.querySelectorAll(':scope > ul > li')).toHaveLength(12);
    // Each item, those of the later page too, shows its whole evidence: the chain to the group
    // the answer sent once, then its own step.
    expect(
      screen.getAllByLabelText(
        'Inferred by email-local-part-is-github-login: same local part',
      ),
    ).toHaveLength(12);
  });

  it('asks for the page after the one it has, when the reader may not see some of its rows', async () => {
    // The first page stood for ten items; one is about an entity the reader may not read.
    const withheld: OwnershipResponse = {
      ...ameukam,
      sections: [
        {
          ...ameukam.sections[1],
          items: ameukam.sections[1].items.slice(1),
        },
      ],
    };
    const ownership = jest.fn().mockResolvedValue(withheld);
    await render('/?q=ameukam', { ownership });
    const grant = await screen.findByRole('region', {
      name: 'roles/owner on the organization kubernetes.io',
    });
    expect(grant.querySelectorAll(':scope > ul > li')).toHaveLength(9);
    ownership.mockResolvedValueOnce({
      ...ameukam,
      sections: [{ ...ameukam.sections[1], offset: 10, items: [project(10)] }],
    });
    fireEvent.click(
      within(grant).getByRole('button', { name: 'Show 10 more of 317' }),
    );
    expect(
      await within(grant).findByText('k8s-infra-project-10'),
    ).toBeVisible();
    expect(ownership).toHaveBeenLastCalledWith('ameukam', {
      section: GRANT,
      offset: 10,
      pageSize: 10,
    });
    expect(
      within(grant).getByRole('button', { name: 'Show 10 more of 307' }),
    ).toBeVisible();
  });

  it('opens a section that came with its counts only', async () => {
    const ownership = jest.fn().mockResolvedValue(ameukam);
    await render('/?q=ameukam', { ownership });
    const buckets = await screen.findByRole('region', { name: 'Buckets' });
    expect(buckets).toHaveTextContent('14 buckets');
    ownership.mockRejectedValueOnce(new Error('Inventory request failed'));
    fireEvent.click(
      within(buckets).getByRole('button', { name: 'Show the first 10 of 14' }),
    );
    expect(await within(buckets).findByRole('alert')).toHaveTextContent(
      'Could not load more: Inventory request failed',
    );
  });

  it('lists a group’s first members with how each one is a member, and pages the rest', async () => {
    const member = (n: number, nestedGroups = 0) => ({
      entity: summary(`user:default/user-${n}`, `user-${n}`),
      nestedGroups,
      steps: [
        step(`user:default/user-${n}`, 'memberOf', 'group:default/org-admins'),
      ],
    });
    const { ownership, members } = await lookUpGroup({
      summary: ['has 12 members (11 direct, 1 through nested groups)'],
      members: [
        {
          entity: summary('user:default/ameukam', 'ameukam'),
          nestedGroups: 0,
          steps: [
            step(
              'user:default/ameukam',
              'sameAs',
              'user:default/ameukam--gmail.com',
            ),
            step(
              'user:default/ameukam--gmail.com',
              'memberOf',
              'group:default/org-admins',
            ),
          ],
        },
        ...Array.from({ length: 9 }, (_, i) => member(i)),
      ],
      memberCounts: { total: 12, direct: 11, nested: 1 },
    });
    const rows = () =>
      [...members.querySelectorAll(':scope > ul > li')].map(
        r => r.querySelector('summary')?.textContent,
      );
    expect(rows()).toHaveLength(10);
    expect(rows()[0]).toBe('ameukam — direct member');
    expect(screen.getByRole('region', { name: 'Summary' })).toHaveTextContent(
      'has 12 members (11 direct, 1 through nested groups)',
    );

    ownership.mockResolvedValueOnce({
      ...ameukam,
      sections: [],
      members: [
        member(9),
        {
          entity: summary('user:default/bob', 'bob'),
          nestedGroups: 1,
          steps: [
            step('user:default/bob', 'memberOf', 'group:default/leads'),
            step('group:default/leads', 'childOf', 'group:default/org-admins'),
          ],
        },
      ],
      memberCounts: { total: 12, direct: 11, nested: 1 },
      membersOffset: 10,
    } satisfies OwnershipResponse);
    fireEvent.click(
      within(members).getByRole('button', { name: 'Show 2 more of 2' }),
    );
    expect(
      await within(members).findByText('— through 1 nested group', {
        exact: false,
      }),
    ).toBeVisible();
    expect(ownership).toHaveBeenLastCalledWith(
      'k8s-infra-gcp-org-admins@kubernetes.io',
      { section: 'members', offset: 10, pageSize: 10 },
    );
    expect(rows().slice(10)).toEqual([
      'user-9 — direct member',
      'bob — through 1 nested group',
    ]);
    // Every member is listed now: nothing more to ask for.
    expect(within(members).queryByRole('button')).toBeNull();
  });

  it('says when the next members could not be loaded', async () => {
    const { ownership, members } = await lookUpGroup({
      members: [
        {
          entity: summary('user:default/ameukam', 'ameukam'),
          nestedGroups: 0,
          steps: [],
        },
      ],
      memberCounts: { total: 1_812, direct: 1_500, nested: 312 },
    });
    ownership.mockRejectedValueOnce(new Error('Inventory request failed'));
    fireEvent.click(
      within(members).getByRole('button', { name: 'Show 10 more of 1,802' }),
    );
    expect(await within(members).findByRole('alert')).toHaveTextContent(
      'Could not load more: Inventory request failed',
    );
  });

  it('looks up what is typed and keeps the page empty until then', async () => {
    const ownership = jest.fn().mockResolvedValue(ameukam);
    await render('/', { ownership });
    // The examples are what a reader types: no entity refs (`group:default/…`).
    expect(screen.getByText(/For example ameukam/)).not.toHaveTextContent(
      /default\//,
    );
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
      await screen.findByRole('region', { name: 'Summary' }),
    ).toHaveTextContent('member of 1 group');
    expect(ownership).toHaveBeenCalledWith('ameukam', {
      limit: 1,
      pageSize: 10,
    });
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
    const holds = {
      role: 'holds' as const,
      entity: summary(
        'resource:default/gcp-organization--758905017065',
        'kubernetes.io',
      ),
      grant: 'roles/browser on organizations/758905017065',
      steps: [],
    };
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
      items: [holds],
      summary: ['holds IAM roles on 1 organization'],
      sections: [
        {
          key: 'holds:scope:gcp-organization',
          role: 'holds',
          kind: 'scope',
          title: 'Organizations',
          total: 1,
          types: { 'gcp-organization': 1 },
          offset: 0,
          items: [holds],
        },
      ],
    } satisfies OwnershipResponse);
    await render('/?q=domain%3Akubernetes.io', { ownership });
    expect(
      await screen.findByRole('region', { name: 'Holds other roles (IAM)' }),
    ).toHaveTextContent('roles/browser on organizations/758905017065');
  });
});
