import { GraphNode, GraphResponse, addTo } from '@infra-atlas/inventory-common';
import { shortRef } from '../Evidence';

/** How many nodes a graph may draw one by one before `auto` clustering groups them. */
export const AUTO_CLUSTER_ABOVE = 300;

export const CLUSTERINGS = ['auto', 'project', 'owner', 'none'] as const;
export type Clustering = (typeof CLUSTERINGS)[number];

/** A drawable node: an entity, or a cluster standing for several entities. */
export type DrawnNode = {
  id: string;
  label: string;
  kind: string;
  distance: number;
  x: number;
  y: number;
  focus: boolean;
  /** The project (or owner, when clustering by owner) it belongs to: groups sit together. */
  group: string;
  /** For clusters: the key to expand and how many entities it stands for. */
  cluster?: { key: string; size: number };
  /** False when the entity is named by a relation but is not in the catalog. */
  exists: boolean;
};

export type DrawnEdge = {
  id: string;
  source: string;
  target: string;
  type: string;
  /** Relations this edge stands for when it joins clusters. */
  count: number;
};

export type DrawnGraph = {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  /** The clustering actually applied (`auto` resolved). */
  clustering: Exclude<Clustering, 'auto'>;
};

const clusterKeyOf = (
  node: GraphNode,
  clustering: 'project' | 'owner',
): string =>
  clustering === 'project'
    ? node.project ?? '(no project)'
    : shortRef(node.owner ?? '(no owner)');

/** Pixels between neighbouring nodes on a ring, and between distance levels. */
const SPACING = 28;
const LEVEL_GAP = 90;

/**
 * Places nodes on concentric rings by distance from the focus, filling each level ring by ring
 * so that thousands of nodes make a compact disc rather than one huge circle. Nodes arrive
 * sorted by group, so members of a project or owner sit together on their arc. One pass
 * after sorting: no force simulation, and the same picture every time.
 */
function placeOnRings(levels: Map<number, DrawnNode[]>) {
  let radius = 0;
  for (const distance of [...levels.keys()].sort((a, b) => a - b)) {
    const level = levels.get(distance)!;
    if (distance === 0) {
      level.forEach(node => Object.assign(node, { x: 0, y: 0 }));
      continue;
    }
    radius += LEVEL_GAP;
    let placed = 0;
    while (placed < level.length) {
      const capacity = Math.max(
        1,
        Math.floor((2 * Math.PI * radius) / SPACING),
      );
      const ring = level.slice(placed, placed + capacity);
      for (let i = 0; i < ring.length; i++) {
        const angle = (2 * Math.PI * i) / ring.length - Math.PI / 2;
        ring[i].x = Math.round(radius * Math.cos(angle));
        ring[i].y = Math.round(radius * Math.sin(angle));
      }
      placed += ring.length;
      if (placed < level.length) radius += SPACING;
    }
  }
}

/**
 * Turns the inventory's graph answer into what the canvas draws. With clustering, the entities
 * of one project (or owner) become one node, except the focus and clusters the reader has
 * expanded; relations between clusters merge into one edge with a count.
 */
export function drawGraph(
  answer: GraphResponse,
  options: { clustering: Clustering; expanded: ReadonlySet<string> },
): DrawnGraph {
  let clustering: DrawnGraph['clustering'];
  if (options.clustering === 'auto') {
    clustering = answer.nodes.length > AUTO_CLUSTER_ABOVE ? 'project' : 'none';
  } else {
    clustering = options.clustering;
  }

  const groupOf = (node: GraphNode) =>
    clusterKeyOf(node, clustering === 'owner' ? 'owner' : 'project');

  // Which drawn node stands for each entity.
  const drawnOf = new Map<string, string>();
  const members = new Map<string, GraphNode[]>();
  for (const node of answer.nodes) {
    const key =
      clustering === 'none' || node.ref === answer.focus.ref
        ? undefined
        : groupOf(node);
    if (key === undefined || options.expanded.has(key)) {
      drawnOf.set(node.ref, node.ref);
    } else {
      addTo(members, key, node);
    }
  }

  const entityNode = (node: GraphNode): DrawnNode => ({
    id: node.ref,
    label: node.title,
    kind: node.kind,
    distance: node.distance,
    x: 0,
    y: 0,
    focus: node.ref === answer.focus.ref,
    exists: node.exists,
    group: groupOf(node),
  });
  const drawn = answer.nodes
    .filter(node => drawnOf.get(node.ref) === node.ref)
    .map(entityNode);
  for (const [key, group] of members) {
    // A cluster of one is just that entity.
    if (group.length === 1) {
      drawnOf.set(group[0].ref, group[0].ref);
      drawn.push(entityNode(group[0]));
      continue;
    }
    const id = `cluster:${key}`;
    group.forEach(node => drawnOf.set(node.ref, id));
    drawn.push({
      id,
      label: `${key} (${group.length})`,
      kind: 'cluster',
      distance: Math.min(...group.map(node => node.distance)),
      x: 0,
      y: 0,
      focus: false,
      exists: true,
      group: key,
      cluster: { key, size: group.length },
    });
  }

  const edges = new Map<string, DrawnEdge>();
  for (const edge of answer.edges) {
    const source = drawnOf.get(edge.source);
    const target = drawnOf.get(edge.target);
    if (!source || !target || source === target) continue;
    const id = `${source}|${edge.type}|${target}`;
    const merged = edges.get(id);
    if (merged) merged.count++;
    else edges.set(id, { id, source, target, type: edge.type, count: 1 });
  }

  const levels = new Map<number, DrawnNode[]>();
  const byGroupThenName = (a: DrawnNode, b: DrawnNode) =>
    a.group.localeCompare(b.group) ||
    a.kind.localeCompare(b.kind) ||
    a.label.localeCompare(b.label);
  for (const node of [...drawn].sort(byGroupThenName)) {
    addTo(levels, node.distance, node);
  }
  placeOnRings(levels);
  return { nodes: drawn, edges: [...edges.values()], clustering };
}
