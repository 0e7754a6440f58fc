import { Entity } from '@backstage/catalog-model';
import { DriftEvidence } from '@infra-atlas/inventory-common';
import { GraphEdge, InventoryGraph } from '../graph/InventoryGraph';
import { provenanceOf } from '../graph/provenance';

/*
 * The evidence a drift finding cites: for declared facts the file in git and its line, for
 * observed ones the object an API returned (a GCP resource name) and its page in the console.
 */

const LINE_ANCHOR = /#L(\d+)$/;
const VIEW_URL = 'backstage.io/view-url';

/** A file in git, at a line when known; web URLs get the `#L` anchor GitHub and GitLab read. */
export function declaredEvidence(url: string, line?: number): DriftEvidence {
  const anchored = url.match(LINE_ANCHOR);
  const at = line ?? (anchored ? Number(anchored[1]) : undefined);
  const link =
    at && !anchored && url.startsWith('http') ? `${url}#L${at}` : url;
  return { kind: 'declared', url: link, ...(at ? { line: at } : {}) };
}

/**
 * What states an entity's own facts: the file that declares it, or the resource the crawl
 * read, with its console page (the GCP provider's "View source").
 */
export function entityEvidence(entity: Entity | undefined): DriftEvidence[] {
  if (!entity) return [];
  const provenance = provenanceOf(entity);
  if (provenance.kind === 'declared') {
    return provenance.url ? [declaredEvidence(provenance.url)] : [];
  }
  if (provenance.kind !== 'observed' || !provenance.source) return [];
  const view = entity.metadata.annotations?.[VIEW_URL];
  return [
    {
      kind: 'observed',
      source: provenance.source,
      ...(view && view !== provenance.source ? { url: view } : {}),
    },
  ];
}

/**
 * What states a relation: the file that declares it (at the line, for a group membership),
 * else the entity that holds it — an observed relation is its resource's, an inferred one
 * rests on that entity's facts.
 */
export function edgeEvidence(
  graph: InventoryGraph,
  edge: GraphEdge,
): DriftEvidence[] {
  if (edge.provenance.kind === 'declared' && edge.provenance.url) {
    return [declaredEvidence(edge.provenance.url)];
  }
  return entityEvidence(graph.entity(edge.source));
}

/** The evidence of several entities, by ref, in order, each once. */
export function entitiesEvidence(
  graph: InventoryGraph,
  refs: string[],
): DriftEvidence[] {
  return [...new Set(refs)].flatMap(ref => entityEvidence(graph.entity(ref)));
}
