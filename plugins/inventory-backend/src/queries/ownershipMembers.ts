import { InputError } from '@backstage/errors';
import { OwnershipResponse } from '@infra-atlas/inventory-common';
import { GraphEdge, InventoryGraph } from '../graph/InventoryGraph';
import { stepOf } from './evidence';
import { groupMembers, Withheld } from './subjects';

/**
 * The `section` that asks for a page of a group's members instead of a page of its items:
 * no item section's key is a bare word (theirs are `role:kind:…`).
 */
export const MEMBERS_SECTION = 'members';

type Member = {
  entity: OwnershipResponse['members'][number]['entity'];
  nestedGroups: number;
  chain: GraphEdge[];
};

/** A group's members in reading order: direct ones first, then by name. */
export type MemberList = readonly Member[];

/**
 * Everyone in the groups among the subject's identities ({@link groupMembers}), in the order
 * pages cut them. Their evidence is built only for the page sent: a group of 1,800 members
 * made 1.5 MB of evidence in every answer about it.
 */
export function memberList(
  graph: InventoryGraph,
  identities: Map<string, { chain: GraphEdge[] }>,
  withheld: Withheld | undefined,
): MemberList {
  return groupMembers(graph, identities, withheld)
    .map(({ ref, chain, nested }) => ({
      entity: graph.summary(ref),
      nestedGroups: nested,
      chain,
    }))
    .sort(
      (a, b) =>
        a.nestedGroups - b.nestedGroups ||
        a.entity.title.localeCompare(b.entity.title) ||
        a.entity.ref.localeCompare(b.entity.ref),
    );
}

/** How many members, direct and through nested groups; none for a subject with no members. */
export function memberCounts(
  members: MemberList,
): OwnershipResponse['memberCounts'] {
  if (!members.length) return undefined;
  const direct = members.filter(m => m.nestedGroups === 0).length;
  return { total: members.length, direct, nested: members.length - direct };
}

/**
 * The members an answer sends: a page from `offset` when the question asks for the members'
 * section, none when it asks for another section's page, the first page otherwise.
 */
export function memberPage(
  members: MemberList,
  page: { section?: string; offset?: number; size: number },
): Pick<OwnershipResponse, 'members' | 'membersOffset'> {
  if (page.section === MEMBERS_SECTION && !members.length) {
    throw new InputError(
      `This answer has no section '${MEMBERS_SECTION}': only a group with members has one`,
    );
  }
  if (page.section && page.section !== MEMBERS_SECTION) {
    return { members: [] };
  }
  const offset = page.section ? page.offset ?? 0 : 0;
  return {
    members: members
      .slice(offset, offset + page.size)
      .map(({ entity, nestedGroups, chain }) => ({
        entity,
        nestedGroups,
        steps: chain.map(edge => stepOf(edge)),
      })),
    ...(members.length ? { membersOffset: offset } : {}),
  };
}
