import { InputError } from '@backstage/errors';
import {
  addTo,
  ANNOTATIONS,
  ImpactDirection,
  ImpactResponse,
  REVERSE_RELATION,
  UNOWNED_KEY,
} from '@infra-atlas/inventory-common';
import { InventoryGraph } from '../graph/InventoryGraph';
import { DEPENDENCY_RELATIONS } from '../graph/relationTypes';
import { stepOf, walk } from './evidence';
import { ownerOf, profileEmail } from '../graph/specs';

export const IMPACT_LIMITS = { defaultDepth: 3, maxDepth: 10 };

export type ImpactOptions = {
  direction: ImpactDirection;
  depth: number;
  relations: string[];
  maxNodes: number;
};

/** Forward relation names the graph stores; impact walks them in either direction. */
const WALKABLE = Object.keys(REVERSE_RELATION);

export function parseImpactOptions(
  query: { direction?: string; depth?: string; relations?: string },
  maxNodes: number,
): ImpactOptions {
  const direction = (query.direction ?? 'dependents') as ImpactDirection;
  if (direction !== 'dependents' && direction !== 'dependencies') {
    throw new InputError(
      `direction must be 'dependents' or 'dependencies', not '${direction}'`,
    );
  }
  return {
    direction,
    depth: parseDepth(query.depth, IMPACT_LIMITS.defaultDepth),
    relations: parseRelations(query.relations, DEPENDENCY_RELATIONS),
    maxNodes,
  };
}

/** A walk's depth from a query parameter: an integer from 1 to the maximum. */
export function parseDepth(value: string | undefined, defaultDepth: number) {
  if (value === undefined) return defaultDepth;
  const depth = Number(value);
  if (!/^\d+$/.test(value) || depth < 1 || depth > IMPACT_LIMITS.maxDepth) {
    throw new InputError(
      `depth must be an integer from 1 to ${IMPACT_LIMITS.maxDepth}`,
    );
  }
  return depth;
}

/** Relations to walk from a comma-separated query parameter, by their forward names. */
export function parseRelations(
  value: string | undefined,
  defaults: string[],
): string[] {
  const relations = value ? value.split(',').map(r => r.trim()) : defaults;
  const unknown = relations.filter(r => !WALKABLE.includes(r));
  if (unknown.length) {
    throw new InputError(
      `Unknown relation ${unknown.join(
        ', ',
      )}; give forward names: ${WALKABLE.join(', ')}`,
    );
  }
  return relations;
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
