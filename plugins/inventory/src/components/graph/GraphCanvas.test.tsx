import type { Core, CytoscapeOptions } from 'cytoscape';
import { fireEvent, render, screen } from '@testing-library/react';
import { GraphCanvas } from './GraphCanvas';
import { DrawnGraph, DrawnNode } from './graphElements';

// jsdom has no canvas: the real cytoscape runs headless, so the view it keeps (zoom,
// selection) is the one the page would draw.
let cy: Core;
jest.mock('cytoscape', () => {
  const real = jest.requireActual('cytoscape');
  return {
    __esModule: true,
    default: (options: CytoscapeOptions) => {
      cy = real({ ...options, container: undefined, headless: true });
      return cy;
    },
  };
});

const node = (id: string, x: number, y: number, focus = false): DrawnNode => ({
  id,
  label: id,
  kind: 'Resource',
  distance: focus ? 0 : 1,
  x,
  y,
  focus,
  group: 'p',
  exists: true,
});

const graph: DrawnGraph = {
  nodes: [
    node('aaa', 0, 0, true),
    node('prow', 100, 0),
    node('gcsweb', -100, 0),
  ],
  edges: [],
  clustering: 'none',
  drawnOf: new Map(),
};

const draw = (props: Partial<Parameters<typeof GraphCanvas>[0]> = {}) => {
  const onSelect = jest.fn();
  const onActivate = jest.fn();
  const view = render(
    <GraphCanvas
      graph={graph}
      label="Graph of 3 entities around aaa"
      onSelect={onSelect}
      onActivate={onActivate}
      {...props}
    />,
  );
  return { onSelect, onActivate, view };
};

describe('GraphCanvas', () => {
  it('zooms, fits and resets from its buttons and from the keyboard', () => {
    draw();
    cy.zoom(1);
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(cy.zoom()).toBeCloseTo(1.4);
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(cy.zoom()).toBeCloseTo(1);
    const picture = screen.getByRole('application', {
      name: 'Graph of 3 entities around aaa',
    });
    fireEvent.keyDown(picture, { key: '+' });
    expect(cy.zoom()).toBeCloseTo(1.4);
    fireEvent.keyDown(picture, { key: '0' });
    expect(cy.zoom()).toBeCloseTo(0.8);
    expect(
      screen.getByRole('button', { name: 'Fit the whole graph' }),
    ).toHaveAttribute('aria-keyshortcuts', 'F');
    expect(
      screen.getByRole('button', { name: 'Reset the view' }),
    ).toBeInTheDocument();
  });

  it('moves between nodes with the arrow keys and opens the selected one with Enter', () => {
    const { onSelect, onActivate, view } = draw();
    const picture = screen.getByRole('application');
    expect(picture).toHaveAttribute('tabindex', '0');
    // The first arrow picks the focus.
    fireEvent.keyDown(picture, { key: 'ArrowRight' });
    expect(onSelect).toHaveBeenLastCalledWith({ id: 'aaa', centre: false });

    view.rerender(
      <GraphCanvas
        graph={graph}
        label="Graph of 3 entities around aaa"
        selection={{ id: 'aaa', centre: false }}
        onSelect={onSelect}
        onActivate={onActivate}
      />,
    );
    expect(cy.nodes('.selected').map(n => n.id())).toEqual(['aaa']);
    fireEvent.keyDown(picture, { key: 'ArrowLeft' });
    expect(onSelect).toHaveBeenLastCalledWith({ id: 'gcsweb', centre: false });
    fireEvent.keyDown(picture, { key: 'Enter' });
    expect(onActivate).toHaveBeenCalledWith('aaa');
  });

  it('labels the nodes whose titles fit, and shows the full title of the one under the pointer', () => {
    draw({
      graph: {
        ...graph,
        nodes: [
          ...graph.nodes,
          // Just above prow: its long label would be written over prow.
          node('prow-build-trusted-us-central1-cluster', 110, -20),
        ],
      },
    });
    const shown = (id: string) => cy.getElementById(id).data('shownLabel');
    expect(shown('aaa')).toBe('aaa');
    expect(shown('prow')).toBe('prow');
    expect(shown('prow-build-trusted-us-central1-cluster')).toBe('');
    const crowded = cy.getElementById('prow-build-trusted-us-central1-cluster');
    crowded.emit('mouseover');
    expect(crowded.hasClass('hover')).toBe(true);
    expect(screen.getByRole('application')).toHaveAttribute(
      'title',
      'prow-build-trusted-us-central1-cluster',
    );
  });
});
