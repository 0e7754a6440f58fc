import { InputError } from '@backstage/errors';
import {
  ANNOTATIONS,
  ImpactDirection,
  IMPACT_DEFAULTS,
  ImpactResponse,
  InventoryQueries,
  keptIn,
  keptRecently,
  oncePer,
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
  /** One distance's page only; every distance's when undefined. */
  distance?: number;
  /** The page of owners only, no entities. */
  list?: 'owners';
  /** Where the listed pages start (each distance's, or the owners'), and how long they are. */
  offset: number;
  pageSize: number;
};

/**
 * An impact question's options with their defaults. The values were validated against the
 * API's OpenAPI document (src/schema/openapi.yaml: the direction, the depth's range, the
 * relation names, the page's bounds); what it cannot say is that `distance` and
 * `list=owners` ask for two different pages.
 */
export function parseImpactOptions(
  query: Omit<InventoryQueries['/impact'], 'entity'>,
  maxNodes: number,
): ImpactOptions {
  if (query.list === 'owners' && query.distance !== undefined) {
    throw new InputError(
      'request/query/distance asks for a page of entities and list=owners for a page of owners: ask for one of them',
    );
  }
  return {
    direction: query.direction ?? 'dependents',
    depth: query.depth ?? IMPACT_DEFAULT_DEPTH,
    relations: query.relations ?? DEPENDENCY_RELATIONS,
    maxNodes,
    distance: query.distance,
    list: query.list,
    offset: query.offset ?? 0,
    pageSize:
      query.pageSize ??
      (query.list === 'owners'
        ? IMPACT_DEFAULTS.ownersPageSize
        : IMPACT_DEFAULTS.pageSize),
  };
}

/**
 * Refs in code-unit order: pages must come in one fixed order, and over thousands of nodes
 * `localeCompare` was a measurable share of the answer. For the lower-case ASCII refs it is
 * the same order except where `_` meets `-` or a digit (`_` sorts after them here).
 */
function byRef(a: string, b: string) {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** An owner's share of a walk: described (title, contacts) only when on the page asked. */
type OwnedEntities = { ref: string; total: number; entities: string[] };

/**
 * An impact question's walk, the same for every page of it: what it reached, per distance in
 * the pages' order, and the owners to tell in theirs.
 */
type ImpactWalk = {
  reached: ReturnType<typeof walk>['reached'];
  atDistance: string[][];
  owners: OwnedEntities[];
  cutOff: ImpactResponse['cutOff'];
};

/**
 * Walks kept per build, most recently asked last: the widest subjects (an organization, its
 * folders) are the dearest walks (tens of milliseconds at 50,000 entities) and the most asked,
 * and a build's answers are fixed, so asking again, or for the next page, is a look-up.
 */
const walksFor = oncePer(
  (_graph: InventoryGraph) => new Map<string, ImpactWalk>(),
);
const WALKS_PER_BUILD = 64;

/**
 * What breaks if an entity goes down (`dependents`: everything that runs on it, lives in it,
 * depends on it or is served by it, transitively), or what it needs (`dependencies`), to a
 * depth, grouped by owner with whom to tell. The cut-off is explicit: what lies beyond the
 * depth or the node limit is counted, not silently dropped. Every count covers the whole
 * walk; only the page of each distance is described (summary, owner, evidence step), and
 * the page of owners (summary, contacts, their first few entities): describing thousands of
 * entities was most of the answer's size and half of its time, and an organization's
 * hundreds of owners with their contacts were then 90% of its 220 KB.
 */
export function impact(
  graph: InventoryGraph,
  entityRef: string,
  options: ImpactOptions,
): ImpactResponse {
  const { ref } = graph.require(entityRef);
  const walked = keptRecently(
    walksFor(graph),
    [ref, options.direction, options.depth, options.maxNodes]
      .concat(options.relations)
      .join('\u0000'),
    WALKS_PER_BUILD,
    () => impactWalk(graph, ref, options),
  );
  const { offset, pageSize } = options;
  const listsOwners = options.list === 'owners';
  const ownersOffset = listsOwners ? offset : 0;
  const nodes: ImpactResponse['nodes'] = [];
  walked.atDistance.forEach((refs, index) => {
    const distance = index + 1;
    if (listsOwners) return;
    if (options.distance !== undefined && options.distance !== distance) return;
    for (const at of refs.slice(offset, offset + pageSize)) {
      const ownerRef = ownerOf(graph, at);
      const { chain } = walked.reached.get(at)!;
      nodes.push({
        entity: graph.summary(at),
        distance,
        ...(ownerRef ? { owner: ownerRef } : {}),
        via: stepOf(chain[chain.length - 1]),
      });
    }
  });
  return {
    entity: graph.summary(ref),
    direction: options.direction,
    depth: options.depth,
    relations: options.relations,
    total: walked.reached.size - 1,
    distances: walked.atDistance.map((refs, index) => ({
      distance: index + 1,
      total: refs.length,
    })),
    offset,
    nodes,
    ownersTotal: walked.owners.length,
    ownersOffset,
    owners: walked.owners
      .slice(
        ownersOffset,
        ownersOffset +
          (listsOwners ? pageSize : IMPACT_DEFAULTS.ownersPageSize),
      )
      .map(({ ref: owner, total, entities }) => ({
        owner: graph.summary(owner),
        contacts: contactsOf(graph, owner),
        total,
        entities,
      })),
    cutOff: walked.cutOff,
  };
}

function impactWalk(
  graph: InventoryGraph,
  ref: string,
  options: ImpactOptions,
): ImpactWalk {
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

  // The walk reaches each distance in turn, so its refs per distance are in distance order.
  const atDistance: string[][] = [];
  for (const [at, { distance }] of result.reached) {
    if (at === ref) continue;
    (atDistance[distance - 1] ??= []).push(at);
  }

  const byOwner = new Map<string, { total: number; entities: string[] }>();
  for (const refs of atDistance) {
    for (const at of refs.sort(byRef)) {
      const owned = keptIn(byOwner, ownerOf(graph, at) ?? UNOWNED_KEY, () => ({
        total: 0,
        entities: [],
      }));
      owned.total++;
      if (owned.entities.length < IMPACT_DEFAULTS.entitiesPerOwner) {
        owned.entities.push(at);
      }
    }
  }

  // A stable sort: owners with as many entities stay in the order of their nearest one.
  const owners = [...byOwner.entries()]
    .map(([owner, owned]) => ({ ref: owner, ...owned }))
    .sort((a, b) => b.total - a.total);

  return {
    reached: result.reached,
    atDistance,
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
