import {
  addTo,
  ANNOTATIONS,
  ImpactDirection,
  ImpactResponse,
  UNOWNED_KEY,
} from '@infra-atlas/inventory-common';
import { InventoryGraph } from '../graph/InventoryGraph';
import { DEPENDENCY_RELATIONS } from '../graph/relationTypes';
import { stepOf, walk } from './evidence';
import { ownerOf, profileEmail } from '../graph/specs';

/** How deep `/impact` and the what-runs-on action walk when the question does not say. */
export const IMPACT_DEFAULT_DEPTH = 3;

export type ImpactOptions = {
  direction: ImpactDirection;
  depth: number;
  relations: string[];
  maxNodes: number;
};

/**
 * An impact question's options with their defaults. The values were validated against the
 * API's OpenAPI document (src/schema/openapi.yaml: the direction, the depth's range, the
 * relation names).
 */
export function parseImpactOptions(
  query: { direction?: ImpactDirection; depth?: number; relations?: string[] },
  maxNodes: number,
): ImpactOptions {
  return {
    direction: query.direction ?? 'dependents',
    depth: query.depth ?? IMPACT_DEFAULT_DEPTH,
    relations: query.relations ?? DEPENDENCY_RELATIONS,
    maxNodes,
  };
}

/**
 * What breaks if an entity goes down (`dependents`: everything that runs on it, lives in it,
 * depends on it or is served by it, transitively), or what it needs (`dependencies`), to a
 * depth, grouped by owner with whom to tell. The cut-off is explicit: what lies beyond the
 * depth or the node limit is counted, not silently dropped.
 */
export function impact(
  graph: InventoryGraph,
  entityRef: string,
  options: ImpactOptions,
): ImpactResponse {
  const { ref } = graph.require(entityRef);
  const result = walk({
    start: [ref],
    next: at =>
      options.direction === 'dependents'
        ? graph
            .in(at, options.relations)
            .map(edge => ({ edge, to: edge.source }))
        : graph
            .out(at, options.relations)
            .map(edge => ({ edge, to: edge.target })),
    maxDepth: options.depth,
    maxNodes: options.maxNodes,
  });

  const nodes: ImpactResponse['nodes'] = [];
  const byOwner = new Map<string, string[]>();
  for (const [at, { distance, chain }] of result.reached) {
    if (at === ref) continue;
    const ownerRef = ownerOf(graph, at);
    nodes.push({
      entity: graph.summary(at),
      distance,
      ...(ownerRef ? { owner: ownerRef } : {}),
      via: stepOf(chain[chain.length - 1]),
    });
    const key = ownerRef ?? UNOWNED_KEY;
    addTo(byOwner, key, at);
  }
  nodes.sort(
    (a, b) =>
      a.distance - b.distance || a.entity.ref.localeCompare(b.entity.ref),
  );

  const owners = [...byOwner.entries()]
    .map(([owner, entities]) => ({
      owner: graph.summary(owner),
      contacts: contactsOf(graph, owner),
      entities: entities.sort(),
    }))
    .sort((a, b) => b.entities.length - a.entities.length);

  return {
    entity: graph.summary(ref),
    direction: options.direction,
    depth: options.depth,
    relations: options.relations,
    nodes,
    owners,
    cutOff: {
      depthReached: result.depthReached,
      nodeLimitReached: result.nodeLimitReached,
      frontier: result.frontier,
    },
  };
}

/** How to reach an owner: Slack and mailing list from sigs.yaml, e-mail from its profile. */
export function contactsOf(graph: InventoryGraph, ownerRef: string) {
  const owner = graph.entity(ownerRef);
  if (!owner) return [];
  const annotations = owner.metadata.annotations ?? {};
  const contacts: ImpactResponse['owners'][number]['contacts'] = [];
  if (annotations[ANNOTATIONS.slackChannel]) {
    contacts.push({
      kind: 'slack',
      value: `#${annotations[ANNOTATIONS.slackChannel]}`,
    });
  }
  if (annotations[ANNOTATIONS.mailingList]) {
    contacts.push({
      kind: 'mailing-list',
      value: annotations[ANNOTATIONS.mailingList],
    });
  }
  const email = profileEmail(owner);
  if (email) contacts.push({ kind: 'email', value: email });
  return contacts;
}
