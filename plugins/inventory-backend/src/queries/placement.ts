import {
  InventoryEntitySummary,
  PlacementResponse,
  RELATIONS,
  RESOURCE_TYPES,
} from '@infra-atlas/inventory-common';
import { GraphEdge, InventoryGraph } from '../graph/InventoryGraph';
import { PLACEMENT_RELATIONS } from '../graph/relationTypes';
import { stepOf, walk } from './evidence';
import { specString } from '../graph/specs';

const MAX_CHAINS = 20;
const MAX_HOSTED = 500;

/**
 * Where an entity runs: every chain of `runsOn` and `childOf` from the entity up to a root
 * (app → namespace → cluster → project → folders → organization), the DNS names that reach it
 * (records served by it, and CNAMEs to those), and what it hosts one level down.
 */
export function placement(
  graph: InventoryGraph,
  entityRef: string,
): PlacementResponse {
  const { ref } = graph.require(entityRef);
  const chains: PlacementResponse['chains'] = [];
  const climb = (at: string, edges: GraphEdge[], seen: Set<string>) => {
    if (chains.length >= MAX_CHAINS) return;
    const up = graph
      .out(at, PLACEMENT_RELATIONS)
      .filter(e => !seen.has(e.target));
    if (!up.length) {
      if (edges.length) {
        chains.push({
          path: [ref, ...edges.map(e => e.target)].map(r => graph.summary(r)),
          steps: edges.map(e => stepOf(e)),
        });
      }
      return;
    }
    for (const edge of up) {
      climb(edge.target, [...edges, edge], new Set([...seen, edge.target]));
    }
  };
  climb(ref, [], new Set([ref]));

  const served = walk({
    start: [ref],
    next: at =>
      graph
        .in(at, [RELATIONS.servedBy])
        .map(edge => ({ edge, to: edge.source })),
    maxDepth: 5,
  });
  const dnsNames = [...served.reached.entries()]
    .filter(([r]) => r !== ref)
    .map(([r, { chain }]) => ({ record: r, entity: graph.entity(r), chain }))
    .filter(x => specString(x.entity, 'type') === RESOURCE_TYPES.dnsRecord)
    .map(x => ({
      fqdn: specString(x.entity, 'fqdn') ?? x.record,
      record: x.record,
      steps: [...x.chain].reverse().map(e => stepOf(e)),
    }))
    .sort((a, b) => a.fqdn.localeCompare(b.fqdn));

  const hosts: InventoryEntitySummary[] = graph
    .in(ref, PLACEMENT_RELATIONS)
    .slice(0, MAX_HOSTED)
    .map(e => graph.summary(e.source));

  return { entity: graph.summary(ref), chains, dnsNames, hosts };
}
