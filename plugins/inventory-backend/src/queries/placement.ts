import { RELATION_DEPENDS_ON } from '@backstage/catalog-model';
import {
  InventoryEntitySummary,
  PlacementResponse,
  RELATIONS,
  RESOURCE_TYPES,
} from '@infra-atlas/inventory-common';
import { GraphEdge, InventoryGraph } from '../graph/InventoryGraph';
import { staticIpAddressRef, staticIpsOf } from '../links/staticIps';
import { PLACEMENT_RELATIONS } from '../graph/relationTypes';
import { stepOf, walk } from './evidence';
import { specString } from '../graph/specs';

const MAX_CHAINS = 20;
const MAX_HOSTED = 500;

/** The dependencies of an entity that are of one resource type. */
const dependenciesOfType = (
  graph: InventoryGraph,
  ref: string,
  type: string,
): GraphEdge[] =>
  graph
    .out(ref, [RELATION_DEPENDS_ON])
    .filter(e => specString(graph.entity(e.target), 'type') === type);

/**
 * The Kubernetes service accounts an entity runs as, and the GCP service account each acts
 * as through Workload Identity (the first, if a manifest were to name several).
 */
function runsAs(
  graph: InventoryGraph,
  ref: string,
): NonNullable<PlacementResponse['runsAs']> {
  return dependenciesOfType(
    graph,
    ref,
    RESOURCE_TYPES.kubernetesServiceAccount,
  ).map(edge => {
    const [actsAs] = dependenciesOfType(
      graph,
      edge.target,
      RESOURCE_TYPES.gcpServiceAccount,
    );
    return {
      serviceAccount: graph.summary(edge.target),
      ...(actsAs ? { actsAs: graph.summary(actsAs.target) } : {}),
      steps: [edge, ...(actsAs ? [actsAs] : [])].map(e => stepOf(e)),
    };
  });
}

/**
 * The static IPs an entity is reached at, each with the global address of that name in the
 * entity's project when the GCP inventory has it.
 */
function staticIps(
  graph: InventoryGraph,
  ref: string,
): NonNullable<PlacementResponse['staticIps']> {
  const entity = graph.entity(ref);
  return staticIpsOf(entity).map(name => {
    const address = entity && staticIpAddressRef(entity, name);
    return address && graph.has(address)
      ? { name, address: graph.summary(address) }
      : { name };
  });
}

/**
 * Where an entity runs: every chain of `runsOn` and `childOf` from the entity up to a root
 * (app → namespace → cluster → project → folders → organization), the DNS names that reach it
 * (records served by it, and CNAMEs to those), the service accounts it runs as and the static
 * IPs it is reached at, and what it hosts one level down.
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

  const identities = runsAs(graph, ref);
  const addresses = staticIps(graph, ref);
  return {
    entity: graph.summary(ref),
    chains,
    dnsNames,
    hosts,
    ...(identities.length ? { runsAs: identities } : {}),
    ...(addresses.length ? { staticIps: addresses } : {}),
  };
}
