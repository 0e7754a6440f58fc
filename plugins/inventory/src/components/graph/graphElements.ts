import { GraphNode, GraphResponse, addTo } from '@infra-atlas/inventory-common';

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
  /** The drawn node that stands for each entity: itself, or the cluster holding it. */
  drawnOf: ReadonlyMap<string, string>;
};

const clusterKeyOf = (
  node: GraphNode,
  clustering: 'project' | 'owner',
): string =>
  clustering === 'project'
    ? node.project ?? '(no project)'
    : node.owner ?? '(no owner)';

/** What a cluster is called: its project ID, or its owner's title (never the owner's ref). */
const clusterTitleOf = (
  member: GraphNode,
  key: string,
  clustering: 'project' | 'owner',
): string => (clustering === 'owner' ? member.ownerTitle ?? key : key);

/** Pixels between distance levels. */
const LEVEL_GAP = 90;
/** Few nodes leave room for their labels; thousands are packed and labelled on zoom. */
const ROOMY_BELOW = 200;

/** How big a node is drawn: clusters grow with what they hold, up to a point. */
export function sizeOf(node: Pick<DrawnNode, 'focus' | 'cluster'>): number {
  if (node.focus) return 24;
  if (node.cluster)
    return Math.round(16 + 4 * Math.sqrt(Math.min(node.cluster.size, 250)));
  return 14;
}

/** Sets x and y of each node of a ring, spread by the room each needs. */
function placeRing(ring: DrawnNode[], radius: number, gap: number) {
  const total = ring.reduce((sum, node) => sum + sizeOf(node) + gap, 0);
  let along = 0;
  for (const node of ring) {
    const width = sizeOf(node) + gap;
    const angle = (2 * Math.PI * (along + width / 2)) / total - Math.PI / 2;
    node.x = Math.round(radius * Math.cos(angle));
    node.y = Math.round(radius * Math.sin(angle));
    along += width;
  }
}

/**
 * Orders a level so that each node sits near what it is related to in the levels inside it
 * (by the mean angle of those, as rings start at the top and run clockwise); this keeps an
 * app in line with its namespace instead of across the picture. Nodes related to nothing
 * placed keep their group order, after the others.
 */
function inParentOrder(
  level: DrawnNode[],
  neighbours: Map<string, DrawnNode[]>,
  placed: ReadonlySet<DrawnNode>,
): DrawnNode[] {
  const angleOf = (node: DrawnNode) => {
    const inner = (neighbours.get(node.id) ?? []).filter(n => placed.has(n));
    if (!inner.length) return Infinity;
    const sin = inner.reduce(
      (sum, n) => sum + Math.sin(Math.atan2(n.y, n.x)),
      0,
    );
    const cos = inner.reduce(
      (sum, n) => sum + Math.cos(Math.atan2(n.y, n.x)),
      0,
    );
    // From the top (-π/2), clockwise in screen coordinates, into 0..2π.
    return (Math.atan2(sin, cos) + Math.PI / 2 + 2 * Math.PI) % (2 * Math.PI);
  };
  const angles = new Map(level.map(node => [node, angleOf(node)]));
  // A stable sort: equal angles keep the group order the level arrived in.
  return [...level].sort((a, b) => {
    const diff = angles.get(a)! - angles.get(b)!;
    return Number.isNaN(diff) ? 0 : diff;
  });
}

/**
 * Places nodes on concentric rings by distance from the focus, filling each level ring by ring
 * so that thousands of nodes make a compact disc rather than one huge circle; each node takes
 * the room its size needs, so clusters do not overlap. Nodes arrive sorted by group, so
 * members of a project or owner sit together on their arc. One pass after sorting: no force
 * simulation, and the same picture every time.
 */
function placeOnRings(
  levels: Map<number, DrawnNode[]>,
  neighbours: Map<string, DrawnNode[]>,
  gap: number,
) {
  let radius = 0;
  const placed = new Set<DrawnNode>();
  for (const distance of [...levels.keys()].sort((a, b) => a - b)) {
    const level = inParentOrder(levels.get(distance)!, neighbours, placed);
    level.forEach(node => placed.add(node));
    if (distance === 0) {
      level.forEach(node => Object.assign(node, { x: 0, y: 0 }));
      continue;
    }
    radius += LEVEL_GAP;
    let ring: DrawnNode[] = [];
    let arc = 0;
    let widest = 0;
    for (const node of level) {
      const width = sizeOf(node) + gap;
      if (ring.length && arc + width > 2 * Math.PI * (radius + widest / 2)) {
        placeRing(ring, radius + widest / 2, gap);
        radius += widest + gap;
        ring = [];
        arc = 0;
        widest = 0;
      }
      ring.push(node);
      arc += width;
      widest = Math.max(widest, sizeOf(node));
    }
    placeRing(ring, radius + widest / 2, gap);
    radius += widest;
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

  const by = clustering === 'owner' ? 'owner' : 'project';
  const groupOf = (node: GraphNode) => clusterKeyOf(node, by);

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
      label: `${clusterTitleOf(group[0], key, by)} (${group.length})`,
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
  const byId = new Map(drawn.map(node => [node.id, node]));
  const neighbours = new Map<string, DrawnNode[]>();
  for (const edge of edges.values()) {
    addTo(neighbours, edge.source, byId.get(edge.target)!);
    addTo(neighbours, edge.target, byId.get(edge.source)!);
  }
  placeOnRings(levels, neighbours, drawn.length < ROOMY_BELOW ? 70 : 14);
  return { nodes: drawn, edges: [...edges.values()], clustering, drawnOf };
}
