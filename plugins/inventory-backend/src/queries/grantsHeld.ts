import { Entity } from '@backstage/catalog-model';
import {
  addTo,
  describeCondition,
  InventoryEntitySummary,
} from '@infra-atlas/inventory-common';
import { InventoryGraph, normalizeRef, refOf } from '../graph/InventoryGraph';
import { steppedOncePer } from '../graph/timeSlices';
import { provenanceOf } from '../graph/provenance';
import { administratorsOf, grantsOf, IamGrant } from '../graph/specs';
import { Candidate, sharedPlace, sortByReach } from './ownershipSections';
import { reachOf, TitleRanks } from './reachOrder';

/**
 * A grant made directly on an entity's policy, and whether it gives permanent administration
 * (then an `administeredBy` relation states it too).
 */
export type HeldGrant = {
  entity: Entity;
  grant: IamGrant;
  administrative: boolean;
};

/** The direct grants of one resource, each marked permanently administrative or not. */
export function directGrants(entity: Entity): HeldGrant[] {
  // Crawls from before grants carried their power list administration separately.
  const listed = new Set(
    administratorsOf(entity)
      .filter(a => !a.inherited)
      .map(a => `${a.member}\u0000${a.role}`),
  );
  return grantsOf(entity).map(grant => ({
    entity,
    grant,
    administrative:
      !grant.condition &&
      (grant.power
        ? grant.power === 'administer'
        : listed.has(`${grant.member}\u0000${grant.role}`)),
  }));
}

// One index per graph: it is the same for every question asked of one build.
const grantIndex = steppedOncePer(indexGrants);

/**
 * Every direct grant in the inventory, keyed by the principal's entity ref where it has one
 * and always by its IAM member (lowercased): principals with no entity — a domain, a service
 * account of another organization — hold grants too. Built once per graph: in slices by an
 * index build ({@link prepareGrantIndex}), else in one piece on first use.
 */
export const grantsByPrincipal: (
  graph: InventoryGraph,
) => Map<string, HeldGrant[]> = grantIndex.get;

/** Builds the grant index as part of an index build, giving way between resources. */
export const prepareGrantIndex = grantIndex.prepare;

/** At 50,000 entities, 100,000 grants: a third of a second in one piece. */
function* indexGrants(
  graph: InventoryGraph,
): Generator<void, Map<string, HeldGrant[]>> {
  const index = new Map<string, HeldGrant[]>();
  for (const entity of graph.ofKind('resource')) {
    yield;
    for (const held of directGrants(entity)) {
      addTo(index, held.grant.member.toLowerCase(), held);
      if (held.grant.ref) addTo(index, normalizeRef(held.grant.ref), held);
    }
  }
  return index;
}

/**
 * A held grant as an ownership item: `administers` for an administrative role, `holds` for
 * any other, stated by the policy of the entity it is granted on. Its evidence is built only
 * if the item is shown, after the asker's chain to `heldBy` when the principal has an entity.
 */
function heldGrantCandidate(
  graph: InventoryGraph,
  principal: string,
  held: HeldGrant,
  heldBy: string | undefined,
  ranks: TitleRanks,
): Candidate {
  const { entity, grant } = held;
  // A conditional administrator administers only when the condition holds: said in the text.
  const role =
    held.administrative || grant.power === 'administer'
      ? 'administers'
      : 'holds';
  const text = `${grant.role} on ${grant.grantedOn}${
    grant.condition ? ` (${describeCondition(grant.condition)})` : ''
  }`;
  const candidate: Candidate = {
    role,
    entity: graph.summary(refOf(entity)),
    grant: text,
    steps: () => [
      {
        from: principal,
        relation: role,
        to: refOf(entity),
        provenance: provenanceOf(entity),
        note: text,
      },
    ],
  };
  if (heldBy) candidate.heldBy = heldBy;
  candidate.place = sharedPlace(graph, candidate);
  candidate.reach = reachOf(candidate, ranks);
  return candidate;
}

/**
 * What a principal holds by direct grant beyond its `administeredBy` relations (those are
 * its {@link PrincipalItems}' `owned`): the other roles granted to it, in reach order. The
 * same for every answer reaching the principal, so worked out once per build.
 */
export function heldBeyondAdministration(
  graph: InventoryGraph,
  principal: string,
  ranks: TitleRanks,
): Candidate[] {
  return sortByReach(
    (grantsByPrincipal(graph).get(principal) ?? [])
      .filter(held => !held.administrative)
      .map(held =>
        heldGrantCandidate(graph, principal, held, principal, ranks),
      ),
  );
}

/**
 * Every grant held by IAM members the question names that have no entity (`domain:…`, a
 * service account of another organization), in reach order: no chain leads their evidence.
 */
export function heldByMembers(
  graph: InventoryGraph,
  members: string[],
  ranks: TitleRanks,
): Candidate[] {
  const index = grantsByPrincipal(graph);
  return sortByReach(
    members.flatMap(member =>
      (index.get(member) ?? []).map(held =>
        heldGrantCandidate(graph, member, held, undefined, ranks),
      ),
    ),
  );
}

/** A principal with no entity, as answers name entities: `domain:example.org`. */
export function memberSummary(member: string): InventoryEntitySummary {
  const [kind, ...rest] = member.split(':');
  return { ref: member, kind, title: rest.join(':'), exists: false };
}
