import cytoscape, { Core, ElementDefinition, StylesheetJson } from 'cytoscape';
import { KeyboardEvent, useEffect, useRef } from 'react';
import { DrawnGraph, sizeOf } from './graphElements';
import { GraphControls } from './GraphControls';
import { LABEL_FONT_SIZE, labelsThatFit, shortLabel } from './graphLabels';
import {
  Selection,
  ViewCommand,
  applyCommand,
  keyCommand,
  nextInDirection,
  resetView,
  showSelected,
} from './graphView';

/** One colour per kind, shared by the canvas and its legend. */
export const KIND_COLOURS: Record<string, string> = {
  resource: '#1f77b4',
  component: '#2ca02c',
  system: '#17becf',
  domain: '#7f7f7f',
  group: '#ff7f0e',
  user: '#9467bd',
  api: '#bcbd22',
  cluster: '#8c564b',
};
const OTHER_COLOUR = '#aaaaaa';

/** Above this many nodes the canvas trades detail for speed while the view moves. */
const LARGE_GRAPH = 1000;

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      // Only labels that fit are drawn (graphLabels.ts); the others show on hover or selection.
      label: 'data(shownLabel)',
      'font-size': LABEL_FONT_SIZE,
      // Too small to read once zoomed out: not drawn at all.
      'min-zoomed-font-size': 7,
      'text-valign': 'bottom',
      'text-margin-y': 2,
      width: 'data(size)',
      height: 'data(size)',
    },
  },
  {
    selector: 'node.missing',
    style: { 'background-opacity': 0.3, 'border-width': 1 },
  },
  {
    selector: 'node.focus',
    style: {
      'border-width': 4,
      'border-color': '#d62728',
      'font-size': 14,
    },
  },
  { selector: 'node.cluster', style: { shape: 'round-rectangle' } },
  {
    // The node under the pointer or chosen by keyboard or search: its full title, on a
    // background so that it reads over the nodes around it.
    selector: 'node.hover, node.selected',
    style: {
      label: 'data(label)',
      'z-index': 10,
      'min-zoomed-font-size': 0,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
    },
  },
  {
    selector: 'node.selected',
    style: {
      'overlay-color': '#1565c0',
      'overlay-opacity': 0.25,
      'overlay-padding': 6,
    },
  },
  {
    selector: 'edge',
    style: {
      // Straight "haystack" edges are the cheapest cytoscape draws.
      'curve-style': 'haystack',
      width: 'data(width)',
      'line-color': '#b0b0b0',
      opacity: 0.8,
    },
  },
  {
    // Arrows point from what needs to what is needed; only small graphs can afford them.
    selector: 'edge.directed',
    style: {
      'curve-style': 'straight',
      'target-arrow-shape': 'triangle',
      'target-arrow-color': '#b0b0b0',
      'arrow-scale': 0.8,
    },
  },
];

function elementsOf(graph: DrawnGraph, large: boolean): ElementDefinition[] {
  const labelled = labelsThatFit(graph.nodes);
  const nodes: ElementDefinition[] = graph.nodes.map(node => ({
    group: 'nodes',
    data: {
      id: node.id,
      label: node.label,
      shownLabel: labelled.has(node.id) ? shortLabel(node.label) : '',
      colour:
        KIND_COLOURS[node.kind.toLocaleLowerCase('en-US')] ?? OTHER_COLOUR,
      size: sizeOf(node),
    },
    position: { x: node.x, y: node.y },
    classes: [
      node.focus ? 'focus' : '',
      node.cluster ? 'cluster' : '',
      node.exists ? '' : 'missing',
    ].join(' '),
  }));
  const edges: ElementDefinition[] = graph.edges.map(edge => ({
    group: 'edges',
    data: {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      width: Math.min(1 + Math.log2(edge.count), 6),
    },
    classes: large ? '' : 'directed',
  }));
  return [...nodes, ...edges];
}

/**
 * The graph on a canvas (cytoscape.js): positions come precomputed, so drawing is the only
 * work. The picture takes the keyboard focus: arrows move the selection between nodes
 * (`onSelect`), Enter activates the selected node, + − F 0 zoom, fit and reset, as do the
 * buttons in its corner. Activating a node (click, tap or Enter) calls `onActivate` with its
 * id. When the first frame is drawn, the container's `data-render-ms` records how long drawing
 * took, which the UI benchmark reads.
 */
export function GraphCanvas(props: {
  graph: DrawnGraph;
  label: string;
  /** Says how to use the picture from the keyboard (the id of an element that does). */
  describedBy?: string;
  selection?: Selection;
  onSelect: (selection: Selection) => void;
  onActivate: (id: string) => void;
}) {
  const { graph, label, selection } = props;
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core>();
  const onActivate = useRef(props.onActivate);
  onActivate.current = props.onActivate;
  const focusId = graph.nodes.find(node => node.focus)?.id;

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const started = performance.now();
    element.removeAttribute('data-render-ms');
    const large = graph.nodes.length > LARGE_GRAPH;
    const cy: Core = cytoscape({
      container: element,
      elements: elementsOf(graph, large),
      style: STYLE,
      layout: { name: 'preset' },
      minZoom: 0.02,
      maxZoom: 4,
      textureOnViewport: large,
      hideEdgesOnViewport: large,
      pixelRatio: large ? 1 : 'auto',
    });
    cyRef.current = cy;
    resetView(cy, graph.nodes.find(node => node.focus)?.id);
    cy.one('render', () => {
      element.dataset.renderMs = String(
        Math.round(performance.now() - started),
      );
    });
    cy.on('tap', 'node', event => onActivate.current(event.target.id()));
    // The full title of the node under the pointer, on the picture and as a tooltip.
    cy.on('mouseover', 'node', event => {
      event.target.addClass('hover');
      element.title = event.target.data('label');
    });
    cy.on('mouseout', 'node', event => {
      event.target.removeClass('hover');
      element.removeAttribute('title');
    });
    return () => {
      cyRef.current = undefined;
      cy.destroy();
    };
  }, [graph]);

  useEffect(() => {
    if (cyRef.current) showSelected(cyRef.current, selection);
  }, [graph, selection]);

  const command = (view: ViewCommand) => {
    if (cyRef.current) applyCommand(cyRef.current, view, focusId);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const key = keyCommand(event.key);
    if (!key) return;
    event.preventDefault();
    const current = selection?.id ?? focusId;
    if (key === 'open') {
      if (current) props.onActivate(current);
    } else if (typeof key === 'object') {
      // The first arrow picks the focus; the next ones move from there.
      const next = selection
        ? nextInDirection(graph.nodes, selection.id, key.move)
        : focusId;
      if (next) props.onSelect({ id: next, centre: false });
    } else {
      command(key);
    }
  };

  return (
    <div style={{ position: 'relative' }}>
      <GraphControls onCommand={command} />
      {/* The picture is a widget of its own, which ARIA calls an application: it takes the
          keyboard focus and answers arrows and Enter itself (the lint rules know only
          standard widgets such as buttons and lists). */}
      {/* eslint-disable jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex */}
      <div
        ref={container}
        role="application"
        aria-roledescription="graph"
        aria-label={label}
        aria-describedby={props.describedBy}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="inventory-graph-canvas"
        style={{ width: '100%', height: '70vh', border: '1px solid #ddd' }}
      />
      {/* eslint-enable jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex */}
    </div>
  );
}
