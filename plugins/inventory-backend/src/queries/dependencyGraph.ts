import { InputError } from '@backstage/errors';
import {
  ANNOTATIONS,
  GRAPH_DEFAULTS,
  GraphMode,
  GraphResponse,
} from '@infra-atlas/inventory-common';
import { GraphEdge, InventoryGraph } from '../graph/InventoryGraph';
import {
  DEPENDENCY_RELATIONS,
  PLACEMENT_RELATIONS,
} from '../graph/relationTypes';
import { ownerOf } from '../graph/specs';
import { walk } from './evidence';

/**
 * What the walks that go both ways follow unless told otherwise: placement, dependencies and
 * systems (a System's parts are what needs it).
 */
const TWO_WAY_RELATIONS = [...DEPENDENCY_RELATIONS, 'partOf'];
/** The page's default: what the focus needs and what needs it, without its siblings. */
export const DEFAULT_GRAPH_MODE: GraphMode = 'focused';

export type GraphWalkOptions = {
  mode: GraphMode;
  depth: number;
  relations: string[];
  kinds: string[];
  maxNodes: number;
};

/**
 * A graph question's options with their defaults. The values were validated against the API's
 * OpenAPI document (src/schema/openapi.yaml: the mode, the depth's range, the relation and kind
 * names); the node limit is this installation's (`inventory.impact.maxNodes`).
 */
export function parseGraphOptions(
  query: {
    mode?: GraphMode;
    depth?: number;
    relations?: string[];
    kinds?: string[];
    maxNodes?: number;
  },
  nodeLimit: number,
): GraphWalkOptions {
  const mode = query.mode ?? DEFAULT_GRAPH_MODE;
  const maxNodes =
    query.maxNodes ?? Math.min(GRAPH_DEFAULTS.maxNodes, nodeLimit);
  if (maxNodes > nodeLimit) {
    throw new InputError(
      `maxNodes must be an integer from 1 to ${nodeLimit} (inventory.impact.maxNodes)`,
    );
  }
  return {
    mode,
    depth: query.depth ?? GRAPH_DEFAULTS.depth,
    relations:
      query.relations ??
      (mode === 'neighbourhood' || mode === 'focused'
        ? TWO_WAY_RELATIONS
        : DEPENDENCY_RELATIONS),
    kinds: query.kinds ?? [],
    maxNodes,
  };
}

/**
 * The graph around a focus entity for drawing: the entities within `depth` hops along the
 * chosen relations (out to dependencies and to dependents separately, or both ways at every
 * hop, or only dependents for the blast radius, or only dependencies), every relation among
 * them, and each entity's owner and project so the UI can cluster. The cut-off is explicit,
 * as for impact.
 */
export function dependencyGraph(
  graph: InventoryGraph,
  focusRef: string,
  options: GraphWalkOptions,
): GraphResponse {
  const { ref: focus } = graph.require(focusRef);
  const wanted = (to: string) =>
    !options.kinds.length ||
    options.kinds.includes(to.split(':')[0].toLocaleLowerCase('en-US'));
  const dependents = (at: string) =>
    graph.in(at, options.relations).map(edge => ({ edge, to: edge.source }));
  const dependencies = (at: string) =>
    graph.out(at, options.relations).map(edge => ({ edge, to: edge.target }));
  type Step = (at: string) => Array<{ edge: GraphEdge; to: string }>;
  // Each mode is one or more walks; `focused` walks up and down separately so that it never
  // turns back down from the focus's project into the project's other contents.
  const walks: Record<GraphMode, Step[]> = {
    focused: [dependencies, dependents],
    'blast-radius': [dependents],
    dependencies: [dependencies],
    neighbourhood: [at => [...dependencies(at), ...dependents(at)]],
  };
  const result = walkEach(walks[options.mode], options.maxNodes, step =>
    walk({
      start: [focus],
      next: at => step(at).filter(n => wanted(n.to)),
      maxDepth: options.depth,
      // The walk's limit leaves out its start; the page's limit counts every node it draws.
      maxNodes: options.maxNodes - 1,
    }),
  );

  const projects = new Map<string, string | undefined>();
  const nodes = [...result.reached].map(([ref, { distance }]) => {
    const owner = ownerOf(graph, ref);
    const project = projectOf(graph, ref, projects);
    return {
      ...graph.summary(ref),
      distance,
      ...(owner ? { owner, ownerTitle: graph.summary(owner).title } : {}),
      ...(project ? { project } : {}),
    };
  });
  const edges = [...result.reached.keys()].flatMap(ref =>
    graph
      .out(ref, options.relations)
      .filter(edge => result.reached.has(edge.target))
      .map(edge => ({
        source: edge.source,
        target: edge.target,
        type: edge.type,
      })),
  );
  return {
    focus: graph.summary(focus),
    mode: options.mode,
    depth: options.depth,
    relations: options.relations,
    kinds: options.kinds,
    maxNodes: options.maxNodes,
    nodes,
    edges,
    cutOff: {
      depthReached: result.depthReached,
      nodeLimitReached: result.nodeLimitReached,
      frontier: result.frontier,
    },
  };
}

type WalkResult = ReturnType<typeof walk>;

/**
 * Runs walks one after the other and joins what they reached, at the nearest distance. The
 * node limit holds for the whole: what a later walk reaches beyond it counts as cut off.
 */
function walkEach<T>(
  steps: T[],
  maxNodes: number,
  run: (step: T) => WalkResult,
): Omit<WalkResult, 'reached'> & {
  reached: Map<string, { distance: number }>;
} {
  const reached = new Map<string, { distance: number }>();
  const joined = { depthReached: false, nodeLimitReached: false, frontier: 0 };
  for (const step of steps) {
    const one = run(step);
    joined.depthReached ||= one.depthReached;
    joined.nodeLimitReached ||= one.nodeLimitReached;
    joined.frontier += one.frontier;
    for (const [ref, { distance }] of one.reached) {
      const known = reached.get(ref);
      if (known) {
        known.distance = Math.min(known.distance, distance);
      } else if (reached.size < maxNodes) {
        reached.set(ref, { distance });
      } else {
        joined.nodeLimitReached = true;
        joined.frontier++;
      }
    }
  }
  return { reached, ...joined };
}

/**
 * The GCP project an entity is or lives in: its own project annotation, else the project of
 * what it is placed in (an app runs on a namespace, on a cluster, in a project). Memoized per
 * answer, since siblings share their ancestors.
 */
function projectOf(
  graph: InventoryGraph,
  ref: string,
  memo: Map<string, string | undefined>,
  seen = new Set<string>(),
): string | undefined {
  if (memo.has(ref)) return memo.get(ref);
  const entity = graph.entity(ref);
  let project = entity?.metadata.annotations?.[ANNOTATIONS.gcpProjectId];
  if (!project && !seen.has(ref)) {
    seen.add(ref);
    const parent = graph.out(ref, PLACEMENT_RELATIONS)[0]?.target;
    project = parent ? projectOf(graph, parent, memo, seen) : undefined;
  }
  memo.set(ref, project);
  return project;
}
