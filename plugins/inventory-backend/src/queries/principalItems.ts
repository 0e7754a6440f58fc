import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  EvidenceStep,
  keptIn,
  oncePer,
  RELATIONS,
} from '@infra-atlas/inventory-common';
import {
  GraphEdge,
  InventoryGraph,
  normalizeRef,
  refOf,
} from '../graph/InventoryGraph';
import { TimeSlicer } from '../graph/timeSlices';
import { administratorsOf } from '../graph/specs';
import { stepOf, walk } from './evidence';
import { heldBeyondAdministration, prepareGrantIndex } from './grantsHeld';
import { Candidate, sharedPlace, sortByReach } from './ownershipSections';
import {
  prepareTitleRanks,
  reachOf,
  titleRanks,
  TitleRanks,
} from './reachOrder';

/**
 * What one principal owns, administers and holds by its own relations and grants, each list
 * widest first: the part of an ownership answer that is the same for everyone who reaches the
 * principal (a group's items are in the answer of each of its members), so it is worked out
 * once per build.
 */
export type PrincipalItems = {
  /** Owned and administered (`ownedBy`, `administeredBy`). */
  readonly owned: readonly Candidate[];
  /** Its other direct grants ({@link heldBeyondAdministration}). */
  readonly held: readonly Candidate[];
};

const itemsOf = oncePer(
  (_graph: InventoryGraph) => new Map<string, PrincipalItems>(),
);

const refsOf = (entities: Entity[]) => entities.map(refOf);

/**
 * Works out every User's and Group's items as part of an index build, in slices like the rest
 * of it, so that no answer pays for them: the first question about a group of thousands of
 * projects after a build used to hold every other answer while it walked them.
 */
export async function preparePrincipalItems(
  graph: InventoryGraph,
  slicer: TimeSlicer,
): Promise<void> {
  await prepareGrantIndex(graph, slicer);
  await prepareTitleRanks(graph, slicer);
  await slicer.each(
    [...refsOf(graph.ofKind('group')), ...refsOf(graph.ofKind('user'))],
    ref => {
      principalItems(graph, ref);
    },
  );
}

/**
 * A principal's items, sorted by reach; computed on first use when the build did not prepare
 * them (a graph built outside the index, as tests and benchmarks build it).
 */
export function principalItems(
  graph: InventoryGraph,
  principal: string,
): PrincipalItems {
  return keptIn(itemsOf(graph), principal, () => {
    const ranks = titleRanks(graph);
    return {
      owned: sortByReach(ownedAndAdministered(graph, principal, ranks)),
      held: heldBeyondAdministration(graph, principal, ranks),
    };
  });
}

function ownedAndAdministered(
  graph: InventoryGraph,
  principal: string,
  ranks: TitleRanks,
): Candidate[] {
  const items: Candidate[] = [];
  for (const edge of graph.in(principal, ['ownedBy'])) {
    items.push({
      role: 'owns',
      entity: graph.summary(edge.source),
      steps: () => [
        stepOf(
          edge,
          graph.entity(edge.source)?.metadata.annotations?.[
            ANNOTATIONS.ownerEvidence
          ],
        ),
      ],
      heldBy: principal,
      ancestors: graph.parentChain(edge.source),
    });
  }
  for (const edge of graph.in(principal, [RELATIONS.administeredBy])) {
    items.push(...administered(graph, principal, edge));
  }
  for (const item of items) {
    item.place = sharedPlace(graph, item);
    item.reach = reachOf(item, ranks);
  }
  return items;
}

/**
 * One item per grant that gives `principal` administrative access to the resource. An
 * inherited grant is explained from where it was made: the principal administers the
 * organization or folder, which is a parent of the resource.
 */
function administered(
  graph: InventoryGraph,
  principal: string,
  edge: GraphEdge,
): Candidate[] {
  const resource = graph.entity(edge.source);
  const grants = administratorsOf(resource).filter(
    g => g.ref && normalizeRef(g.ref) === principal,
  );
  return (grants.length ? grants : [undefined]).map(grant => {
    const text = grant
      ? `${grant.role} on ${grant.grantedOn}${
          grant.inherited ? ' (inherited)' : ''
        }`
      : undefined;
    const steps = (): EvidenceStep[] => {
      const origin = grant?.inherited
        ? ancestorPath(graph, edge.source, grant.grantedOn)
        : undefined;
      return origin
        ? [
            {
              from: principal,
              relation: RELATIONS.administers,
              to: origin.ancestor,
              provenance: edge.provenance,
              note: `${grant!.role} on ${grant!.grantedOn}`,
            },
            ...origin.down,
          ]
        : [stepOf(edge, text)];
    };
    return {
      role: 'administers' as const,
      entity: graph.summary(edge.source),
      ...(text ? { grant: text } : {}),
      ...(grant?.inherited
        ? { inherited: { role: grant.role, grantedOn: grant.grantedOn } }
        : {}),
      steps,
      heldBy: principal,
    };
  });
}

/** The ancestor a grant was made on (`organizations/758905017065`), and the way down. */
function ancestorPath(
  graph: InventoryGraph,
  resource: string,
  grantedOn: string,
) {
  const up = walk({
    start: [resource],
    next: ref =>
      graph.out(ref, ['childOf']).map(edge => ({ edge, to: edge.target })),
  }).reached;
  for (const [ref, { chain }] of up) {
    const name =
      graph.entity(ref)?.metadata.annotations?.[ANNOTATIONS.gcpResourceName];
    if (name?.endsWith(`/${grantedOn}`)) {
      const down = [...chain].reverse().map(e => ({
        from: e.target,
        relation: 'parentOf',
        to: e.source,
        provenance: e.provenance,
      }));
      return { ancestor: ref, down };
    }
  }
  return undefined;
}
