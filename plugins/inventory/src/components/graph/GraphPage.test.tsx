import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  GraphResponse,
  InventoryClient,
  InventoryRequestError,
} from '@infra-atlas/inventory-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { inventoryApiRef } from '../../api';
import { GraphPage } from './GraphPage';
import { DrawnGraph } from './graphElements';

// jsdom has no canvas, so cytoscape cannot draw here: the canvas is replaced by a list of the
// nodes it would draw, with a button to activate each and the selection marked. The real
// canvas's keyboard and controls are tested with a headless cytoscape (GraphCanvas.test.tsx)
// and in Chromium by the browser journeys.
jest.mock('./GraphCanvas', () => ({
  KIND_COLOURS: { resource: '#000' },
  GraphCanvas: (props: {
    graph: DrawnGraph;
    label: string;
    selection?: { id: string };
    onActivate: (id: string) => void;
  }) => (
    <ul aria-label={props.label}>
      {props.graph.nodes.map(n => (
        <li key={n.id} aria-current={props.selection?.id === n.id}>
          <button onClick={() => props.onActivate(n.id)}>{n.label}</button>
        </li>
      ))}
    </ul>
  ),
}));

// The canvas stand-in's buttons and the chips are found by their text: role queries over the
// whole page (menus, chips, tabs) take seconds on a loaded machine.
const node = (name: string, distance: number, project?: string) => ({
  ref: `resource:default/${name}`,
  kind: 'Resource',
  type: 'k8s-namespace',
  title: name,
  exists: true,
  distance,
  ...(project ? { project } : {}),
});

const aaa: GraphResponse = {
  focus: { ...node('aaa', 0), ref: 'resource:default/gke-cluster--aaa' },
  mode: 'blast-radius',
  depth: 2,
  relations: ['runsOn'],
  kinds: [],
  maxNodes: 2000,
  nodes: [
    { ...node('aaa', 0), ref: 'resource:default/gke-cluster--aaa' },
    node('gcsweb', 1, 'kubernetes-public'),
    node('prow', 1, 'kubernetes-public'),
    node('gcsweb-app', 2, 'kubernetes-public'),
  ],
  edges: [
    {
      source: 'resource:default/gcsweb',
      target: 'resource:default/gke-cluster--aaa',
      type: 'runsOn',
    },
    {
      source: 'resource:default/prow',
      target: 'resource:default/gke-cluster--aaa',
      type: 'runsOn',
    },
    {
      source: 'resource:default/gcsweb-app',
      target: 'resource:default/gcsweb',
      type: 'runsOn',
    },
  ],
  cutOff: { depthReached: true, nodeLimitReached: false, frontier: 7 },
};

const render = (
  url: string,
  graph: InventoryClient['graph'],
  entities: Entity[] = [],
) =>
  renderInTestApp(<GraphPage />, {
    initialRouteEntries: [url],
    apis: [
      [inventoryApiRef, { graph } as InventoryClient],
      [catalogApiRef, catalogApiMock({ entities })],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });

describe('GraphPage', () => {
  it('draws the walk named in the URL and says where it stopped', async () => {
    const graph = jest.fn().mockResolvedValue(aaa);
    await render(
      '/?entity=resource:default/gke-cluster--aaa&mode=blast-radius&depth=2&cluster=none',
      graph,
    );
    const canvas = await screen.findByRole('list', {
      name: 'Graph of 4 entities around aaa',
    });
    expect(within(canvas).getAllByRole('button')).toHaveLength(4);
    expect(graph).toHaveBeenCalledWith('resource:default/gke-cluster--aaa', {
      mode: 'blast-radius',
      depth: 2,
      maxNodes: 2000,
    });
    expect(screen.getByText(/4 entities and 3 relations around/)).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Stopped at depth 2: 7 more relations lead further out.',
    );
  });

  it('clusters by project on request and opens a cluster when it is activated', async () => {
    const graph = jest.fn().mockResolvedValue(aaa);
    await render(
      '/?entity=resource:default/gke-cluster--aaa&mode=blast-radius&cluster=project',
      graph,
    );
    fireEvent.click(await screen.findByText('kubernetes-public (3)'));
    expect(await screen.findByText('gcsweb-app')).toBeInTheDocument();
    expect(screen.queryByText('kubernetes-public (3)')).not.toBeInTheDocument();
    // Opening a cluster redraws; it does not ask the inventory again.
    expect(graph).toHaveBeenCalledTimes(1);
  });

  it('asks again when a filter changes, with the filter in the request', async () => {
    const graph = jest.fn().mockResolvedValue(aaa);
    await render('/?entity=resource:default/gke-cluster--aaa', graph);
    await screen.findByText(/4 entities and 3 relations/);
    const chip = () => screen.getByText('component').closest('[role=button]')!;
    fireEvent.click(chip());
    await screen.findByText(/4 entities and 3 relations/);
    expect(graph).toHaveBeenLastCalledWith(
      'resource:default/gke-cluster--aaa',
      {
        mode: 'focused',
        depth: 2,
        maxNodes: 2000,
        kinds: ['component'],
      },
    );
    expect(chip()).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows the same graph as a table, nearest first, with links to the entities', async () => {
    await render(
      '/?entity=resource:default/gke-cluster--aaa',
      jest.fn().mockResolvedValue(aaa),
    );
    fireEvent.click(await screen.findByRole('tab', { name: 'List (4)' }));
    const table = await screen.findByRole('table', {
      name: 'Entities around aaa, nearest first',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('aaaKubernetes namespace0');
    expect(rows[2]).toHaveTextContent('gcsweb');
    expect(rows[4]).toHaveTextContent(
      'gcsweb-appKubernetes namespace2kubernetes-public',
    );
    expect(
      within(rows[2]).getByRole('link', { name: 'gcsweb' }),
    ).toHaveAttribute('href', '/catalog/default/resource/gcsweb');
    // The picture is gone; the choice is in the URL, so the link can be shared.
    expect(screen.queryByRole('list', { name: /Graph of/ })).toBeNull();
  });

  it('names the focus by its title in the focus field, never by its ref', async () => {
    await render(
      '/?entity=resource:default/gke-cluster--aaa',
      jest.fn().mockResolvedValue(aaa),
    );
    await screen.findByText(/4 entities and 3 relations/);
    expect(screen.getByLabelText('Focus entity')).toHaveValue('aaa');
    expect(screen.queryByDisplayValue(/resource:default/)).toBeNull();
  });

  it('finds an entity in the graph by its title, opening the cluster that holds it', async () => {
    const graph = jest.fn().mockResolvedValue(aaa);
    await render(
      '/?entity=resource:default/gke-cluster--aaa&cluster=project',
      graph,
    );
    await screen.findByText('kubernetes-public (3)');
    fireEvent.change(screen.getByLabelText('Find in this graph'), {
      target: { value: 'GCSWEB-A' },
    });
    fireEvent.click(screen.getByLabelText('Find'));
    const found = await screen.findByText('gcsweb-app');
    expect(found.closest('li')).toHaveAttribute('aria-current', 'true');
    expect(
      screen.getByText(
        'Selected: gcsweb-app (Kubernetes namespace), 2 steps from the focus. Enter opens its page.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Showing gcsweb-app (Kubernetes namespace).'),
    ).toBeVisible();

    fireEvent.change(screen.getByLabelText('Find in this graph'), {
      target: { value: 'nothing-like-it' },
    });
    fireEvent.click(screen.getByLabelText('Find'));
    expect(
      await screen.findByText(
        'Nothing in this graph is called “nothing-like-it”.',
      ),
    ).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Find in this graph'), {
      target: { value: 'aaa' },
    });
    fireEvent.click(screen.getByLabelText('Find'));
    expect(
      await screen.findByText(
        'Selected: aaa (Kubernetes namespace), the focus. Enter opens its page.',
      ),
    ).toBeInTheDocument();
    expect(graph).toHaveBeenCalledTimes(1);
  });

  it('takes a bare name for the catalog entity it suggests', async () => {
    const graph = jest.fn().mockResolvedValue(aaa);
    await render('/', graph, [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'gke-cluster--aaa', title: 'aaa' },
        spec: { type: 'gke-cluster' },
      },
    ]);
    fireEvent.change(screen.getByLabelText('Focus entity'), {
      target: { value: 'aaa' },
    });
    // The suggestions arrive after the typing pauses.
    await waitFor(() =>
      expect(
        document.querySelector('#inventory-graph-suggestions option'),
      ).toHaveAttribute('value', 'aaa (gke-cluster)'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await screen.findByText(/4 entities and 3 relations/);
    expect(graph).toHaveBeenCalledWith(
      'resource:default/gke-cluster--aaa',
      expect.anything(),
    );
  });

  it('asks for a focus first, and says when the inventory does not know it', async () => {
    const graph = jest
      .fn()
      .mockRejectedValue(new InventoryRequestError('unknown', 404));
    await render('/', graph);
    expect(screen.getByText('Choose an entity to start from')).toBeVisible();
    expect(graph).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Focus entity'), {
      target: { value: 'resource:default/nope' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(
      await screen.findByText('The inventory knows no “resource:default/nope”'),
    ).toBeInTheDocument();
    expect(graph).toHaveBeenCalledWith('resource:default/nope', {
      mode: 'focused',
      depth: 2,
      maxNodes: 2000,
    });
  });
});
