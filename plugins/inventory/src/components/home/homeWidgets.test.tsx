import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import { ReactElement } from 'react';
import {
  billingRouteRef,
  explorerRouteRef,
  graphRouteRef,
  ownershipRouteRef,
} from '../../routes';
import { AccessWidget } from './AccessWidget';
import { AtAGlanceWidget } from './AtAGlanceWidget';
import { ContactsWidget } from './ContactsWidget';
import { HomeWidgetCard } from './HomeWidgetCard';
import { RunbooksWidget } from './RunbooksWidget';

const GROUPS_YAML =
  'https://github.com/kubernetes/k8s.io/blob/main/groups/sig-testing/groups.yaml';

const entity = (
  kind: string,
  name: string,
  metadata: Partial<Entity['metadata']> = {},
  spec: Entity['spec'] = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', ...metadata },
  spec,
});
/** As the GCP provider writes what it observes: the provenance, and the `gcp` tag. */
const observed = {
  annotations: { 'infra-atlas.io/provenance': 'observed' },
  tags: ['gcp'],
};
const declared = { annotations: { 'infra-atlas.io/provenance': 'declared' } };

/** A small k8s-infra: one domain, its owner with leads, two runbooks, access groups. */
const estate: Entity[] = [
  entity(
    'Domain',
    'k8s-infra',
    { title: 'Kubernetes community infrastructure' },
    { owner: 'group:sig-k8s-infra' },
  ),
  entity(
    'Resource',
    'gcp-organization--758905017065',
    { title: 'kubernetes.io', ...observed },
    { type: 'gcp-organization' },
  ),
  entity('Resource', 'gcp-project--a', observed, { type: 'gcp-project' }),
  entity('Resource', 'gcp-project--b', observed, { type: 'gcp-project' }),
  // The same zone twice: in Cloud DNS (observed) and as a zone file in git (declared).
  entity('Resource', 'dns-zone--cloud', observed, { type: 'dns-zone' }),
  entity('Resource', 'dns-zone--k8s.io', declared, { type: 'dns-zone' }),
  entity('Component', 'k8s-app--gcsweb', declared, { type: 'service' }),
  entity(
    'System',
    'gcsweb',
    {
      title: 'gcsweb',
      description:
        'A web page for browsing public GCS buckets. Runs on cluster aaa.',
      annotations: {
        'backstage.io/techdocs-ref': 'dir:.',
        'infra-atlas.io/access-groups': 'k8s-infra-rbac-gcsweb@kubernetes.io',
      },
    },
    { owner: 'group:sig-k8s-infra' },
  ),
  entity(
    'System',
    'registry-k8s-io',
    {
      title: 'Container registry (registry.k8s.io)',
      annotations: {
        'backstage.io/techdocs-ref': 'dir:.',
        'infra-atlas.io/access-groups':
          'k8s-infra-artifact-admins@kubernetes.io, k8s-infra-gone@kubernetes.io',
      },
    },
    { owner: 'group:sig-k8s-infra' },
  ),
  // A sigs.yaml subproject: no runbook, no access groups.
  entity('System', 'sig-k8s-infra--k8s.io', { title: 'k8s.io' }),
  entity(
    'Group',
    'k8s-infra-rbac-gcsweb--kubernetes.io',
    {
      description:
        'Grants access to the `namespace-user` role in the `gcsweb` namespace',
      annotations: { 'infra-atlas.io/declared-in': GROUPS_YAML },
    },
    {
      type: 'google-group',
      profile: { email: 'k8s-infra-rbac-gcsweb@kubernetes.io' },
    },
  ),
  entity(
    'Group',
    'k8s-infra-artifact-admins--kubernetes.io',
    {
      description: 'ACL for artifact-admins',
      links: [
        {
          url: 'https://groups.google.com/a/kubernetes.io/g/k8s-infra-artifact-admins',
          title: 'Google Groups',
        },
      ],
    },
    {
      type: 'google-group',
      profile: { email: 'K8s-Infra-Artifact-Admins@kubernetes.io' },
    },
  ),
  entity(
    'Group',
    'sig-k8s-infra',
    {
      description:
        'SIG K8s Infra runs the project infrastructure. In other words, we keep it going.',
      annotations: {
        'infra-atlas.io/slack-channel': 'sig-k8s-infra',
        'infra-atlas.io/mailing-list':
          'https://groups.google.com/forum/#!forum/kubernetes-sig-k8s-infra',
      },
      links: [
        {
          url: 'https://kubernetes.slack.com/messages/sig-k8s-infra',
          title: 'Slack #sig-k8s-infra',
        },
      ],
    },
    {
      type: 'sig',
      profile: { displayName: 'SIG K8s Infra' },
      leadership: {
        chairs: ['user:default/ameukam', 'user:default/dims'],
        techLeads: ['user:default/bentheelder'],
        emeritusLeads: ['user:default/thockin'],
      },
    },
  ),
  entity('User', 'ameukam', {}, { profile: { displayName: 'Arnaud Meukam' } }),
  entity('User', 'dims', {}, { profile: { displayName: 'Davanum Srinivas' } }),
  entity('User', 'bentheelder', {}, { profile: {} }),
];

const render = (
  element: ReactElement,
  catalog = catalogApiMock({ entities: estate }),
) =>
  renderInTestApp(element, {
    apis: [catalog],
    mountedRoutes: {
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      '/inventory/explorer': explorerRouteRef,
      '/inventory/graph': graphRouteRef,
      '/inventory/ownership': ownershipRouteRef,
      '/inventory/billing': billingRouteRef,
    },
  });

const failing = () =>
  catalogApiMock.mock({
    getEntities: jest.fn().mockRejectedValue(new Error('catalog is down')),
    queryEntities: jest.fn().mockRejectedValue(new Error('catalog is down')),
  });

const pending = () =>
  catalogApiMock.mock({
    getEntities: jest.fn().mockReturnValue(new Promise(() => {})),
    queryEntities: jest.fn().mockReturnValue(new Promise(() => {})),
  });

const empty = () => catalogApiMock({ entities: [] });

const href = (name: string | RegExp) =>
  screen.getByRole('link', { name }).getAttribute('href');

/** Text as seen: without the hint Backstage adds to links that leave the app. */
const seen = (element: Element) =>
  element.textContent?.replace(/, Opens in a new window/g, '');

describe('AtAGlanceWidget', () => {
  it('counts what the cloud has, each count a link to its list, and maps the way in', async () => {
    await render(<AtAGlanceWidget />);
    const counts = await screen.findByRole('list', {
      name: 'What the infrastructure holds',
    });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      '1GCP organizations',
      '2projects',
      '0GKE clusters',
      '1apps',
      '0buckets',
      // The zone file in git is the same zone: counted once.
      '1DNS zones',
    ]);
    // The list has the count's filter: what the GCP crawl observed, not git's zone files.
    expect(href('2 projects: list them in the catalog')).toBe(
      '/catalog?filters%5Bkind%5D=resource&filters%5Btype%5D=gcp-project&filters%5Btags%5D=gcp&filters%5Buser%5D=all',
    );
    expect(href('1 apps: list them in the catalog')).toBe(
      '/catalog?filters%5Bkind%5D=component&filters%5Btype%5D=service&filters%5Buser%5D=all',
    );
    const map = screen.getByRole('list', { name: 'The map' });
    expect(
      within(map).getByRole('link', {
        name: 'Kubernetes community infrastructure',
      }),
    ).toHaveAttribute('href', '/catalog/default/domain/k8s-infra');
    expect(
      within(map).getByRole('link', { name: 'kubernetes.io' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/gcp-organization--758905017065',
    );
    expect(href('What runs where')).toBe('/inventory/explorer');
    expect(href('Dependency graph')).toBe('/inventory/graph');
    expect(href('Who holds what')).toBe('/inventory/ownership');
    expect(href('Billing')).toBe('/inventory/billing');
  });

  it('says when the catalog holds nothing yet', async () => {
    await render(<AtAGlanceWidget />, empty());
    expect(
      await screen.findByText(/The catalog has no infrastructure yet/),
    ).toBeInTheDocument();
  });

  it('shows progress, then the error', async () => {
    await render(<AtAGlanceWidget />, pending());
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    await render(<AtAGlanceWidget />, failing());
    expect(await screen.findAllByText(/catalog is down/)).not.toHaveLength(0);
  });
});

describe('RunbooksWidget', () => {
  it("lists the systems' TechDocs sites in title order, with their first sentence", async () => {
    await render(<RunbooksWidget />);
    const list = await screen.findByRole('list', { name: 'Runbooks' });
    const links = within(list).getAllByRole('link');
    expect(links.map(l => [l.textContent, l.getAttribute('href')])).toEqual([
      [
        'Container registry (registry.k8s.io)',
        '/docs/default/system/registry-k8s-io',
      ],
      ['gcsweb', '/docs/default/system/gcsweb'],
    ]);
    expect(
      screen.getByText('A web page for browsing public GCS buckets.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('k8s.io')).not.toBeInTheDocument();
  });

  it('says how a system gets a runbook when none has one', async () => {
    await render(<RunbooksWidget />, empty());
    expect(
      await screen.findByText(/No system has a runbook yet/),
    ).toBeInTheDocument();
  });

  it('shows progress, then the error', async () => {
    await render(<RunbooksWidget />, pending());
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    await render(<RunbooksWidget />, failing());
    expect(await screen.findAllByText(/catalog is down/)).not.toHaveLength(0);
  });
});

describe('AccessWidget', () => {
  it('lists each system with its groups, what they grant and how to join', async () => {
    await render(<AccessWidget />);
    const table = await screen.findByRole('table', {
      name: 'Access groups by system',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(seen)).toEqual([
      'Container registry (registry.k8s.io)k8s-infra-artifact-admins@kubernetes.ioACL for artifact-adminsAsk to join on Google Groups',
      "k8s-infra-gone@kubernetes.ioAsk the system's owners",
      'gcsweb' +
        'k8s-infra-rbac-gcsweb@kubernetes.io' +
        'Grants access to the namespace-user role in the gcsweb namespace' +
        'A pull request to groups/sig-testing/groups.yaml in kubernetes/k8s.io',
    ]);
    // Groups link to their entities; a group the catalog lacks is named, not linked.
    expect(href('k8s-infra-rbac-gcsweb@kubernetes.io')).toBe(
      '/catalog/default/group/k8s-infra-rbac-gcsweb--kubernetes.io',
    );
    expect(
      screen.queryByRole('link', { name: 'k8s-infra-gone@kubernetes.io' }),
    ).not.toBeInTheDocument();
    expect(href(/^groups\/sig-testing\/groups.yaml/)).toBe(GROUPS_YAML);
    expect(within(rows[2]).getByText('namespace-user').tagName).toBe('CODE');
    // Paths and URLs have no break opportunity: they wrap inside their column, not out of
    // the card (at 768 px "How to join" overflowed it).
    for (const cell of within(table).getAllByRole('cell')) {
      expect(cell.style.overflowWrap).toBe('anywhere');
    }
  });

  it('says whom to ask when no system names its groups', async () => {
    await render(<AccessWidget />, empty());
    const note = await screen.findByText(
      /No system names its access groups yet/,
    );
    // Whom to ask, not the annotation a catalog maintainer would set.
    expect(note).toHaveTextContent('ask the owners under “Whom to ask”');
    expect(note).not.toHaveTextContent('infra-atlas.io');
  });

  it('shows the error', async () => {
    await render(<AccessWidget />, failing());
    expect(await screen.findAllByText(/catalog is down/)).not.toHaveLength(0);
  });
});

describe('ContactsWidget', () => {
  it("names the domain owner's chairs and tech leads, Slack channel and mailing list", async () => {
    await render(<ContactsWidget />);
    const owner = await screen.findByRole('region', { name: 'SIG K8s Infra' });
    expect(
      within(owner).getByRole('heading', { name: 'SIG K8s Infra' }),
    ).toBeInTheDocument();
    // What the group does, in a sentence, then its leads.
    expect(owner).toHaveTextContent(
      'SIG K8s Infra runs the project infrastructure.Chairs: Arnaud Meukam, Davanum Srinivas',
    );
    expect(owner).not.toHaveTextContent('In other words');
    // No display name: the login; emeritus leads are not whom to ask.
    expect(owner).toHaveTextContent('Tech leads: bentheelder');
    expect(owner).not.toHaveTextContent('thockin');
    expect(href('Arnaud Meukam')).toBe('/catalog/default/user/ameukam');
    expect(href(/^#sig-k8s-infra/)).toBe(
      'https://kubernetes.slack.com/messages/sig-k8s-infra',
    );
    expect(href(/^kubernetes-sig-k8s-infra/)).toBe(
      'https://groups.google.com/forum/#!forum/kubernetes-sig-k8s-infra',
    );
  });

  it("asks for the leads' display names only, not their profiles' e-mail", async () => {
    const catalog = catalogApiMock({ entities: estate });
    const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    await render(<ContactsWidget />, catalog);
    await screen.findByRole('region', { name: 'SIG K8s Infra' });
    const leads = byRefs.mock.calls
      .map(([request]) => request)
      .find(request => request.entityRefs.includes('user:default/ameukam'));
    expect(leads?.fields).toContain('spec.profile.displayName');
    expect(leads?.fields).not.toContain('spec.profile');
  });

  it('says when no domain names its owner', async () => {
    await render(<ContactsWidget />, empty());
    expect(
      await screen.findByText(/No domain names its owner yet/),
    ).toBeInTheDocument();
  });

  it('shows the error', async () => {
    await render(<ContactsWidget />, failing());
    expect(await screen.findAllByText(/catalog is down/)).not.toHaveLength(0);
  });
});

describe('HomeWidgetCard', () => {
  it("makes a widget's title a heading, so the page's outline lists every card", async () => {
    await renderInTestApp(
      <HomeWidgetCard title="Runbooks" Content={() => <p>the list</p>} />,
    );
    expect(
      screen.getByRole('heading', { level: 2, name: 'Runbooks' }),
    ).toBeInTheDocument();
    expect(screen.getByText('the list')).toBeInTheDocument();
  });
});
