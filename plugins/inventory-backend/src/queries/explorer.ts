import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  ExplorerNode,
  ExplorerResponse,
  oncePer,
} from '@infra-atlas/inventory-common';
import { InventoryGraph, refOf } from '../graph/InventoryGraph';
import { PLACEMENT_RELATIONS } from '../graph/relationTypes';
import { ownerOf } from '../graph/specs';
import { explorerSettings } from './configuration';

/** Groups nest with `childOf` too, but that is membership, not placement. */
const PLACED_KINDS = new Set(['resource', 'component']);

/** GCP lifecycle states of something on its way out; the GCP provider tags them as well. */
const GOING_STATES = new Set(['DELETE_REQUESTED', 'DELETED']);

/**
 * Why an entity looks stale, from what the catalog really has. A GCP resource that a crawl no
 * longer sees is removed from the catalog, so absence is not staleness; what lingers is
 * (1) a project or resource GCP reports as being deleted, and (2) something placed on a parent
 * no crawl found, such as an app declared in git on a cluster that is gone.
 */
function staleness(
  graph: InventoryGraph,
  entity: Entity,
  parents: string[],
): string | undefined {
  const state = (entity.spec as { gcp?: { state?: unknown } } | undefined)?.gcp
    ?.state;
  if (typeof state === 'string' && GOING_STATES.has(state)) {
    return `GCP state ${state}`;
  }
  const missing = parents.find(parent => !graph.has(parent));
  return missing
    ? `placed in ${missing}, which is not in the catalog`
    : undefined;
}

function explorerOf(graph: InventoryGraph): ExplorerResponse {
  const nodes: ExplorerNode[] = [];
  for (const entity of graph.allEntities()) {
    if (!PLACED_KINDS.has(entity.kind.toLowerCase())) continue;
    const ref = refOf(entity);
    const parents = graph.out(ref, PLACEMENT_RELATIONS).map(e => e.target);
    const descendants = graph.descendantCount(ref, PLACEMENT_RELATIONS);
    if (!parents.length && !descendants) continue;
    const { kind, type, title } = graph.summary(ref);
    const owner = ownerOf(graph, ref);
    const labels = entity.metadata.labels ?? {};
    const stale = staleness(graph, entity, parents);
    const settings = explorerSettings(entity);
    nodes.push({
      ref,
      kind,
      ...(type ? { type } : {}),
      title,
      ...(parents.length ? { parents } : {}),
      ...(owner ? { owner } : {}),
      ...(Object.keys(labels).length ? { labels } : {}),
      ...(entity.metadata.annotations?.[ANNOTATIONS.publicAccess]
        ? { public: true as const }
        : {}),
      ...(stale ? { stale } : {}),
      ...(settings ? { settings } : {}),
      descendants,
    });
  }
  return { generatedAt: new Date().toISOString(), nodes, redacted: false };
}

/**
 * What runs where, as one flat list: every resource and component that is placed in something
 * or has something placed in it, with its placement parents, owner, labels, public access,
 * staleness and how much lies under it. The UI builds the tree and filters in memory. It is
 * worked out once per build: the same for every caller (what one may not read is withheld
 * afterwards) and, at 5,000 rows and 2 MB, too dear to rebuild per request.
 */
export const explorer: (graph: InventoryGraph) => ExplorerResponse =
  oncePer(explorerOf);
