import {
  BACKSTAGE_ANNOTATIONS,
  RunbookResponse,
} from '@infra-atlas/inventory-common';
import { InventoryGraph, refOf } from '../graph/InventoryGraph';
import { isDocsLink } from './docsLinks';
import { stepOf } from './evidence';
import { repositoryOf } from './ownersFiles';

/**
 * Where to read how to run an entity. The rule, nearest first:
 * 1. the entity's own TechDocs (`backstage.io/techdocs-ref`; the GitHub provider sets it on an
 *    app whose directory has a README);
 * 2. the TechDocs of every System it is part of (`partOf`: `spec.system`, or a System's
 *    anchor annotations; the demo's runbooks are Systems in docs/runbooks/<system>/);
 * 3. the TechDocs of the repository it is, or is declared in.
 * Each of these entities' `metadata.links` that are runbooks or docs (type, title or URL)
 * are listed too. Nothing is inherited further (a cluster does not take the runbook of every
 * System in its project): a runbook of something else would be the wrong page in an incident.
 */
export function runbook(
  graph: InventoryGraph,
  entityRef: string,
): RunbookResponse {
  const { ref, entity } = graph.require(entityRef);
  const sources: Array<{
    ref: string;
    via: RunbookResponse['techdocs'][number]['via'];
    steps: RunbookResponse['techdocs'][number]['steps'];
  }> = [{ ref, via: 'self', steps: [] }];
  for (const edge of graph.out(ref, ['partOf'])) {
    if (edge.target.startsWith('system:')) {
      sources.push({ ref: edge.target, via: 'system', steps: [stepOf(edge)] });
    }
  }
  const declared = repositoryOf(graph, entity);
  const repoRef = declared ? refOf(declared.repo) : undefined;
  if (declared && repoRef !== ref) {
    sources.push({
      ref: repoRef!,
      via: 'repository',
      steps: [
        {
          from: ref,
          relation: 'declaredIn',
          to: repoRef!,
          provenance: { kind: 'declared', url: declared.declaredIn ?? '' },
          note: declared.directory || undefined,
        },
      ],
    });
  }

  const techdocs: RunbookResponse['techdocs'] = [];
  const links: RunbookResponse['links'] = [];
  const seenUrls = new Set<string>();
  for (const source of sources) {
    const holder = graph.entity(source.ref);
    if (!holder) continue;
    const techdocsRef =
      holder.metadata.annotations?.[BACKSTAGE_ANNOTATIONS.techdocsRef];
    if (techdocsRef) {
      techdocs.push({
        entity: graph.summary(source.ref),
        via: source.via,
        techdocsRef,
        steps: source.steps,
      });
    }
    for (const link of (holder.metadata.links ?? []).filter(isDocsLink)) {
      if (seenUrls.has(link.url)) continue;
      seenUrls.add(link.url);
      links.push({
        url: link.url,
        ...(link.title ? { title: link.title } : {}),
        ...(link.type ? { type: link.type } : {}),
        entity: graph.summary(source.ref),
      });
    }
  }
  return { entity: graph.summary(ref), techdocs, links };
}
