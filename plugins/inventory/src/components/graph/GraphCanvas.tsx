import cytoscape, { Core, ElementDefinition, StylesheetJson } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { DrawnGraph, sizeOf } from './graphElements';

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
      label: 'data(label)',
      'font-size': 10,
      // Labels cost most when thousands are drawn; hide them until they are readable.
      'min-zoomed-font-size': 8,
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
  const nodes: ElementDefinition[] = graph.nodes.map(node => ({
    group: 'nodes',
    data: {
      id: node.id,
      label: node.label,
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
 * work. Activating a node (click or tap) calls `onActivate` with its id. When the first frame
 * is drawn, the container's `data-render-ms` records how long drawing took, which the UI
 * benchmark reads.
 */
export function GraphCanvas(props: {
  graph: DrawnGraph;
  label: string;
  onActivate: (id: string) => void;
}) {
  const { graph, label } = props;
  const container = useRef<HTMLDivElement>(null);
  const onActivate = useRef(props.onActivate);
  onActivate.current = props.onActivate;

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
    cy.fit(undefined, 30);
    // The focus is drawn at the origin: put it in the middle of the view, where the reader
    // (and a test) looks first.
    cy.pan({ x: cy.width() / 2, y: cy.height() / 2 });
    cy.one('render', () => {
      element.dataset.renderMs = String(
        Math.round(performance.now() - started),
      );
    });
    cy.on('tap', 'node', event => onActivate.current(event.target.id()));
    return () => cy.destroy();
  }, [graph]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      data-testid="inventory-graph-canvas"
      style={{ width: '100%', height: '70vh', border: '1px solid #ddd' }}
    />
  );
}
