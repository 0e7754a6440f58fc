import {
  ANNOTATIONS,
  AdministratorsResponse,
  EvidenceStep,
  RELATIONS,
} from '@infra-atlas/inventory-common';
import {
  GraphEdge,
  InventoryGraph,
  normalizeRef,
} from '../graph/InventoryGraph';
import { stepOf, walk } from './evidence';
import { contactsOf } from './impact';
import { administratorsOf, specString } from '../graph/specs';

/**
 * Who can administer an entity: its owner and why, every administrative grant on it and on
 * the ancestors it inherits from (resources list only their own grants; the chain adds the
 * project's, the folders' and the organization's), and the people behind each group, through
 * nested groups.
 */
export function administrators(
  graph: InventoryGraph,
  entityRef: string,
): AdministratorsResponse {
  const { ref, entity } = graph.require(entityRef);
  const ancestors = walk({
    start: [ref],
    next: at =>
      graph.out(at, ['childOf']).map(edge => ({ edge, to: edge.target })),
  }).reached;

  const grants: AdministratorsResponse['grants'] = [];
  const seen = new Set<string>();
  for (const [at, { chain }] of ancestors) {
    const holder = graph.entity(at);
    const own = administratorsOf(holder)
      // An ancestor's inherited grants are listed at their own origin.
      .filter(g => !g.inherited);
    const down: EvidenceStep[] = [...chain].reverse().map(e => ({
      from: e.target,
      relation: 'parentOf',
      to: e.source,
      provenance: e.provenance,
    }));
    for (const grant of own) {
      const key = `${grant.member} ${grant.role} ${grant.grantedOn}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const principal = grant.ref ? normalizeRef(grant.ref) : grant.member;
      const edge = grant.ref
        ? graph
            .out(at, [RELATIONS.administeredBy])
            .find(e => e.target === principal)
        : undefined;
      grants.push({
        principal: graph.summary(principal),
        member: grant.member,
        role: grant.role,
        grantedOn: grant.grantedOn,
        inherited: at !== ref,
        steps: [
          ...(edge
            ? [
                {
                  from: principal,
                  relation: RELATIONS.administers,
                  to: at,
                  provenance: edge.provenance,
                  note: `${grant.role} on ${grant.grantedOn}`,
                },
              ]
            : []),
          ...down,
        ],
      });
    }
  }

  const people = new Map<string, AdministratorsResponse['people'][number]>();
  for (const grant of grants) {
    const members = walk({
      start: [grant.principal.ref],
      next: at =>
        at.startsWith('group:')
          ? graph
              .in(at, ['memberOf', 'childOf'])
              .map((edge: GraphEdge) => ({ edge, to: edge.source }))
          : [],
    }).reached;
    for (const [member, { chain }] of members) {
      if (!member.startsWith('user:')) continue;
      const entry = people.get(member) ?? {
        person: graph.summary(member),
        roles: [],
        paths: [],
      };
      if (!entry.roles.includes(grant.role)) entry.roles.push(grant.role);
      // One chain per grant, read from the person up: person → memberOf group → … → grant.
      entry.paths.push({
        role: grant.role,
        grantedOn: grant.grantedOn,
        steps: [...chain.map(e => stepOf(e))].reverse().concat(grant.steps),
      });
      people.set(member, entry);
    }
  }

  const owner = specString(entity, 'owner');
  const ownerRef = owner ? normalizeRef(owner, 'group') : undefined;
  return {
    entity: graph.summary(ref),
    ...(ownerRef
      ? {
          owner: {
            entity: graph.summary(ownerRef),
            evidence: entity.metadata.annotations?.[ANNOTATIONS.ownerEvidence],
            contacts: contactsOf(graph, ownerRef),
          },
        }
      : {}),
    grants,
    people: [...people.values()]
      .map(p => ({ ...p, roles: p.roles.sort() }))
      .sort((a, b) => a.person.ref.localeCompare(b.person.ref)),
    redacted: false,
  };
}
