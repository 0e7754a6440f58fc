import { EvidenceStep } from '@infra-atlas/inventory-common';
import { GraphEdge } from '../graph/InventoryGraph';

/** An edge as a step of an evidence chain, read in the edge's own direction. */
export const stepOf = (edge: GraphEdge, note?: string): EvidenceStep => ({
  from: edge.source,
  relation: edge.type,
  to: edge.target,
  provenance: edge.provenance,
  ...(note ? { note } : {}),
});

/**
 * Breadth-first walk that remembers, for every entity reached, the chain of edges that reached
 * it first (so the shortest evidence). Cycles end the walk where they close.
 */
export function walk(options: {
  start: string[];
  next: (ref: string) => Array<{ edge: GraphEdge; to: string }>;
  maxDepth?: number;
  maxNodes?: number;
}): {
  reached: Map<string, { distance: number; chain: GraphEdge[] }>;
  depthReached: boolean;
  nodeLimitReached: boolean;
  frontier: number;
} {
  const maxDepth = options.maxDepth ?? Infinity;
  const maxNodes = options.maxNodes ?? Infinity;
  const reached = new Map<string, { distance: number; chain: GraphEdge[] }>();
  for (const ref of options.start) reached.set(ref, { distance: 0, chain: [] });
  let layer = [...options.start];
  let depth = 0;
  let nodeLimitReached = false;
  let frontier = 0;
  while (layer.length && depth < maxDepth) {
    const nextLayer: string[] = [];
    for (const ref of layer) {
      const chain = reached.get(ref)!.chain;
      for (const { edge, to } of options.next(ref)) {
        if (reached.has(to)) continue;
        if (reached.size - options.start.length >= maxNodes) {
          nodeLimitReached = true;
          frontier++;
          continue;
        }
        reached.set(to, { distance: depth + 1, chain: [...chain, edge] });
        nextLayer.push(to);
      }
    }
    layer = nextLayer;
    depth++;
  }
  // What the depth limit left unwalked: neighbours of the last layer not yet reached.
  const depthReached = layer.length > 0 && depth >= maxDepth;
  if (depthReached) {
    for (const ref of layer) {
      frontier += options.next(ref).filter(n => !reached.has(n.to)).length;
    }
  }
  return {
    reached,
    depthReached: depthReached && frontier > 0,
    nodeLimitReached,
    frontier,
  };
}
