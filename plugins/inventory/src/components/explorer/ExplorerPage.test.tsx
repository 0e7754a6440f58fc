import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  ExplorerNode,
  InventoryClient,
  InventoryRequestError,
} from '@infra-atlas/inventory-common';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import { inventoryApiRef } from '../../api';
import { ExplorerPage } from './ExplorerPage';
import { ROWS_PER_PAGE } from './ExplorerTree';

const r = (name: string) => `resource:default/${name}`;
const node = (
  name: string,
  parent: string | undefined,
  extra: Partial<ExplorerNode> = {},
): ExplorerNode => ({
  ref: r(name),
  kind: 'Resource',
  title: name,
  ...(parent ? { parents: [r(parent)] } : {}),
  descendants: 0,
  ...extra,
});

/** kubernetes.io → kubernetes-public → aaa → gcsweb namespace → gcsweb app, and a bucket. */
const estate: ExplorerNode[] = [
  node('org', undefined, {
    title: 'kubernetes.io',
    type: 'gcp-organization',
    descendants: 6,
  }),
  node('kubernetes-public', 'org', {
    type: 'gcp-project',
    owner: 'group:default/sig-k8s-infra',
    descendants: 4,
    settings: { api: ['container.googleapis.com', 'dns.googleapis.com'] },
  }),
  node('aaa', 'kubernetes-public', { type: 'gke-cluster', descendants: 2 }),
  node('ns-gcsweb', 'aaa', {
    title: 'gcsweb',
    type: 'k8s-namespace',
    descendants: 1,
  }),
  {
    ...node('gcsweb', undefined, { type: 'service' }),
    ref: 'component:default/gcsweb',
    kind: 'Component',
    parents: [r('ns-gcsweb')],
    owner: 'group:default/sig-testing',
  },
  node('bucket', 'kubernetes-public', {
    type: 'gcs-bucket',
    title: 'kubernetes-release',
    public: true,
    labels: { app: 'release' },
    settings: { retention: 'locked', versioning: true },
  }),
  node('old-project', 'org', {
    type: 'gcp-project',
    stale: 'GCP state DELETE_REQUESTED',
  }),
];

function Location() {
  const location = useLocation();
  return (
    <div data-testid="location">
      {location.pathname}
      {decodeURIComponent(location.search)}
    </div>
  );
}

const render = (url: string, explorer: InventoryClient['explorer']) =>
  renderInTestApp(
    <>
      <ExplorerPage />
      <Location />
    </>,
    {
      initialRouteEntries: [url],
      apis: [[inventoryApiRef, { explorer } as InventoryClient]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
const answer = (nodes = estate) =>
  jest.fn().mockResolvedValue({ generatedAt: '', nodes, redacted: false });

const titles = () =>
  screen
    .queryAllByRole('treeitem')
    .map(item => item.getAttribute('aria-label'));
const item = (label: string) => screen.getByRole('treeitem', { name: label });
const location = () => screen.getByTestId('location').textContent;

describe('ExplorerPage', () => {
  it('shows the roots collapsed, with counts, owner and a link to the entity page', async () => {
    await render('/', answer());
    expect(await screen.findByRole('tree')).toBeInTheDocument();
    expect(titles()).toEqual(['kubernetes.io (organization)']);
    const root = item('kubernetes.io (organization)');
    expect(root).toHaveAttribute('aria-expanded', 'false');
    expect(root).toHaveTextContent('6 under');
    expect(
      within(root).getByRole('link', { name: 'kubernetes.io' }),
    ).toHaveAttribute('href', '/catalog/default/resource/org');
    expect(screen.getByText('7 placed entities')).toBeInTheDocument();
  });

  it('opens, walks and closes the tree with the keyboard, and keeps what is open in the URL', async () => {
    await render('/', answer());
    const root = await screen.findByRole('treeitem', {
      name: 'kubernetes.io (organization)',
    });
    expect(root).toHaveAttribute('tabindex', '0');
    // The first row is the tab stop, but nothing is selected until the user moves there.
    expect(root).toHaveAttribute('aria-selected', 'false');
    act(() => root.focus());
    expect(root).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(root, { key: 'ArrowRight' });
    expect(root).toHaveAttribute('aria-expanded', 'true');
    expect(titles()).toEqual([
      'kubernetes.io (organization)',
      'kubernetes-public (project)',
      'old-project (project)',
    ]);
    expect(location()).toBe('/?toggle=resource:default/org');
    // Right again moves into the children; down to the next sibling.
    fireEvent.keyDown(root, { key: 'ArrowRight' });
    const project = item('kubernetes-public (project)');
    expect(project).toHaveFocus();
    expect(project).toHaveAttribute('aria-level', '2');
    // The focused row is the one tab stop, and the one selected.
    expect(project).toHaveAttribute('tabindex', '0');
    expect(project).toHaveAttribute('aria-selected', 'true');
    expect(root).toHaveAttribute('tabindex', '-1');
    expect(root).toHaveAttribute('aria-selected', 'false');
    fireEvent.keyDown(project, { key: 'ArrowDown' });
    expect(item('old-project (project)')).toHaveFocus();
    // Left from a closed node goes to its parent; left again closes the parent.
    fireEvent.keyDown(item('old-project (project)'), { key: 'ArrowLeft' });
    expect(root).toHaveFocus();
    fireEvent.keyDown(root, { key: 'ArrowLeft' });
    expect(root).toHaveAttribute('aria-expanded', 'false');
    expect(titles()).toHaveLength(1);
    expect(location()).toBe('/');
  });

  it('opens and closes a node with the mouse, and Enter opens the entity page', async () => {
    await render('/', answer());
    fireEvent.click(
      await screen.findByRole('treeitem', {
        name: 'kubernetes.io (organization)',
      }),
    );
    expect(titles()).toHaveLength(3);
    fireEvent.keyDown(item('kubernetes-public (project)'), {
      key: 'Enter',
    });
    expect(location()).toBe('/catalog/default/resource/kubernetes-public');
  });

  it('searches titles and shows each match with its ancestors open', async () => {
    await render('/?q=gcsweb', answer());
    expect(await screen.findByRole('tree')).toBeInTheDocument();
    expect(titles()).toEqual([
      'kubernetes.io (organization)',
      'kubernetes-public (project)',
      'aaa (GKE cluster)',
      'gcsweb (Kubernetes namespace)',
      'gcsweb (service)',
    ]);
    expect(item('aaa (GKE cluster)')).toHaveAttribute('aria-expanded', 'true');
    expect(item('kubernetes.io (organization)')).toHaveTextContent(
      '2 matching',
    );
    expect(screen.getByText('7 placed entities; 2 match')).toBeInTheDocument();
  });

  it.each([
    ['type', '/?type=gcs-bucket', ['kubernetes-release (bucket)']],
    ['owner', '/?owner=group:default/sig-testing', ['gcsweb (service)']],
    ['label', '/?label=app=release', ['kubernetes-release (bucket)']],
    ['public access', '/?public=1', ['kubernetes-release (bucket)']],
    [
      'a configuration setting',
      '/?setting=retention=locked',
      ['kubernetes-release (bucket)'],
    ],
    [
      'an enabled API',
      '/?setting=api=dns.googleapis.com',
      ['kubernetes-public (project)'],
    ],
    ['staleness', '/?stale=1', ['old-project (project)']],
    ['a search of refs', '/?q=component:', ['gcsweb (service)']],
  ])('narrows by %s', async (_filter, url, matching) => {
    await render(url, answer());
    expect(await screen.findByRole('tree')).toBeInTheDocument();
    // Matches are the rows that are not there only as a path to one.
    const shown = screen
      .getAllByRole('treeitem')
      .filter(row => !row.className.includes('context'))
      .map(row => row.getAttribute('aria-label'));
    expect(shown).toEqual(matching);
  });

  it('filters by the kind of what has no type, as the Type options offer it', async () => {
    const system: ExplorerNode = {
      ref: 'system:default/gcsweb',
      kind: 'System',
      title: 'gcsweb system',
      descendants: 0,
    };
    await render('/', answer([...estate, system]));
    const select = await screen.findByLabelText('Type');
    expect(
      within(select).getByRole('option', { name: 'system (1)' }),
    ).toBeInTheDocument();
    fireEvent.change(select, { target: { value: 'System' } });
    expect(location()).toBe('/?type=System');
    expect(titles()).toEqual(['gcsweb system (system)']);
  });

  it('offers the configuration settings of the chosen type', async () => {
    await render('/?type=gcs-bucket', answer());
    const select = await screen.findByLabelText('Configuration');
    expect(
      within(select)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['Any', 'retention=locked (1)', 'versioning=true (1)']);
    fireEvent.change(select, { target: { value: 'versioning=true' } });
    expect(location()).toBe('/?type=gcs-bucket&setting=versioning=true');
  });

  it('sets filters in the URL from the controls, and a new filter resets what was opened', async () => {
    await render('/?toggle=resource:default/org', answer());
    expect(await screen.findAllByRole('treeitem')).toHaveLength(3);
    fireEvent.change(screen.getByLabelText('Type'), {
      target: { value: 'gke-cluster' },
    });
    expect(location()).toBe('/?type=gke-cluster');
    fireEvent.click(screen.getByLabelText('Stale only'));
    expect(screen.getByText('Nothing matches')).toBeInTheDocument();
    fireEvent.click(
      screen.getAllByRole('button', { name: 'Clear filters' })[0],
    );
    expect(location()).toBe('/');
    expect(titles()).toHaveLength(1);
  });

  it('restores opened nodes from the URL, also against a search’s default', async () => {
    await render(
      '/?q=gcsweb&toggle=resource:default/aaa&toggle=resource:default/org',
      answer(),
    );
    expect(await screen.findByRole('tree')).toBeInTheDocument();
    // The search opens the path to gcsweb; the URL closed the organization.
    expect(titles()).toEqual(['kubernetes.io (organization)']);
    fireEvent.click(item('kubernetes.io (organization)'));
    expect(titles()).toEqual([
      'kubernetes.io (organization)',
      'kubernetes-public (project)',
      'aaa (GKE cluster)',
    ]);
  });

  it('marks public and stale entities', async () => {
    await render(
      '/?toggle=resource:default/org&toggle=resource:default/kubernetes-public',
      answer(),
    );
    expect(
      await screen.findByRole('treeitem', {
        name: 'kubernetes-release (bucket)',
      }),
    ).toHaveTextContent('public');
    expect(item('old-project (project)')).toHaveTextContent(
      'stale: GCP state DELETE_REQUESTED',
    );
  });

  it('says when the inventory is still being built', async () => {
    await render(
      '/',
      jest.fn().mockRejectedValue(new InventoryRequestError('building', 503)),
    );
    expect(
      await screen.findByText('The inventory is still being built'),
    ).toBeInTheDocument();
  });

  it('shows any other error', async () => {
    await render('/', jest.fn().mockRejectedValue(new Error('boom')));
    expect(await screen.findAllByText(/boom/)).not.toHaveLength(0);
    expect(screen.queryByRole('tree')).not.toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await render('/', () => new Promise(() => {}));
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('says when nothing is placed at all', async () => {
    await render('/', answer([]));
    expect(
      await screen.findByText('Nothing is placed yet'),
    ).toBeInTheDocument();
  });

  it('renders thousands of resources a page at a time', async () => {
    const buckets = Array.from({ length: 3000 }, (_, i) =>
      node(`bucket-${i}`, 'kubernetes-public', { type: 'gcs-bucket' }),
    );
    const rendered = () => document.querySelectorAll('[role="treeitem"]');
    await render('/?q=bucket-', answer([...estate, ...buckets]));
    await waitFor(() => expect(rendered()).toHaveLength(ROWS_PER_PAGE));
    // Two ancestors, then the first buckets in numeric order.
    expect(rendered()[2]).toHaveAttribute('aria-label', 'bucket-0 (bucket)');
    fireEvent.click(
      screen.getByRole('button', { name: 'Show 200 more (2,802 not shown)' }),
    );
    expect(rendered()).toHaveLength(2 * ROWS_PER_PAGE);
    expect(rendered()[2 * ROWS_PER_PAGE - 1]).toHaveAttribute(
      'aria-label',
      'bucket-397 (bucket)',
    );
    // Timing is the UI benchmark's job (packages/app/bench/uiBenchmark.mjs), not jsdom's.
  });
});
