import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  EvidenceStep,
  OwnershipItem,
  OwnershipResponse,
  OwnershipRole,
  isContainerType,
  GOOGLE_GROUP_TYPE,
  keptRecently,
  oncePer,
} from '@infra-atlas/inventory-common';
import {
  GraphEdge,
  InventoryGraph,
  normalizeRef,
  refOf,
} from '../graph/InventoryGraph';
import { provenanceOf } from '../graph/provenance';
import { GITHUB_LOGIN_ANNOTATION } from '../links/identities';

/** The `org/slug` of a crawled GitHub team's Group. */
const GITHUB_TEAM_ANNOTATION = 'github.com/team-slug';
import { stepOf } from './evidence';
import { grantsByPrincipal, heldByMembers, memberSummary } from './grantsHeld';
import {
  groupsOf,
  identitiesOf,
  membersNamed,
  resolveSubject,
  Withheld,
} from './subjects';
import {
  built,
  Candidate,
  Chains,
  mergeByReach,
  OWNERSHIP_PAGE_SIZE,
  ownershipSections,
  ownershipSummary,
  SectionDrafts,
  sectionDrafts,
  sortByReach,
} from './ownershipSections';
import { principalItems } from './principalItems';
import { titleRanks } from './reachOrder';
import {
  MEMBERS_SECTION,
  memberCounts,
  MemberList,
  memberList,
  memberPage,
} from './ownershipMembers';
import { PathSubject, pathRoles } from './pathRoles';
import { joinGroup } from './access';
import { leadershipOf, profileEmail } from '../graph/specs';

const eager = (item: OwnershipItem): Candidate => ({
  ...item,
  steps: () => item.steps,
});

const plural = (n: number, noun: string) =>
  `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Items per role in `items` unless the question asks for more: a page a reader takes in.
 * `counts`, `entityCounts`, the summary and the sections always cover every item; at 200 per
 * role the list was most of an answer's bytes (up to 800 KB) and of its time.
 */
export const OWNERSHIP_ITEM_LIMIT = 20;

type OwnershipOptions = {
  limit?: number;
  roles?: OwnershipRole[];
  /**
   * Items (and members) per section page, and one section's page only (`section`, `offset`;
   * `members` for a group's members).
   */
  pageSize?: number;
  section?: string;
  offset?: number;
  /**
   * People the caller may not see: the answer does not go through them. Answers are kept per
   * predicate, so pass the same function for the same people (one per index build).
   */
  withheld?: Withheld;
};

/**
 * Everything a person or group owns, administers, approves, reviews or leads, each with the
 * chain of evidence from the subject to the thing. Personal details are left in; the router
 * redacts them for callers without the permission.
 */
export function ownership(
  graph: InventoryGraph,
  query: string,
  options: OwnershipOptions = {},
): OwnershipResponse {
  const limit = options.limit ?? OWNERSHIP_ITEM_LIMIT;
  const basis = ownershipBasis(graph, query, options);
  const { counts, chains, sectionsBefore, groupCount } = basis;
  const inScope = (role: string) =>
    !options.roles || options.roles.includes(role as OwnershipRole);
  const members = memberPage(basis.members, {
    ...options,
    size: options.pageSize ?? OWNERSHIP_PAGE_SIZE,
  });
  const sections =
    options.section === MEMBERS_SECTION
      ? []
      : ownershipSections(sectionsBefore, options, chains);
  const memberCount = memberCounts(basis.members);
  return {
    query,
    counts,
    entityCounts: basis.entityCounts,
    notes: basis.notes,
    truncated: Object.entries(counts).some(
      ([role, n]) => inScope(role) && n! > limit,
    ),
    identities: basis.identities,
    groups: basis.groups,
    // Evidence is built for the items kept only: most of an answer's cost, and of its size.
    items: firstOfEachRole(basis, limit).map(item => built(item, chains)),
    inheritedResourceCounts: basis.inheritedResourceCounts,
    redacted: false,
    summary: [
      ...(memberCount
        ? [
            `has ${plural(memberCount.total, 'member')} (${
              memberCount.direct
            } direct, ${memberCount.nested} through nested groups)`,
          ]
        : []),
      ...(groupCount ? [`member of ${plural(groupCount, 'group')}`] : []),
      ...ownershipSummary(sections),
    ],
    sections,
    ...members,
    ...(memberCount ? { memberCounts: memberCount } : {}),
    ...(basis.join ? { join: basis.join } : {}),
  };
}

/**
 * An answer before its pages: who the subject is, every item in reach order with the indexes
 * of each role's, the counts and the sections. It is the same for every page of a question
 * and for every caller who may see the same people, so it is kept for the build's life.
 */
type OwnershipBasis = Pick<
  OwnershipResponse,
  | 'counts'
  | 'entityCounts'
  | 'notes'
  | 'identities'
  | 'groups'
  | 'inheritedResourceCounts'
  | 'join'
> & {
  chains: Chains;
  items: Candidate[];
  /** Per role in scope, the positions of its items in `items`. */
  positions: Map<OwnershipRole, number[]>;
  sectionsBefore: SectionDrafts;
  members: MemberList;
  groupCount: number;
};

/**
 * Answers kept per build and per people withheld (an answer for someone who may see everyone
 * goes through people another may not), most recently asked last. A build's answers are
 * fixed, so a question asked again is a look-up and its pages; the bound keeps a build's
 * memory in check however many subjects are asked about.
 */
const basesFor = oncePer((_graph: InventoryGraph) =>
  oncePer((_withheld: object) => new Map<string, OwnershipBasis>()),
);
const EVERYONE = {};
const BASES_PER_BUILD = 256;

function ownershipBasis(
  graph: InventoryGraph,
  query: string,
  { roles, withheld }: OwnershipOptions,
): OwnershipBasis {
  return keptRecently(
    basesFor(graph)(withheld ?? EVERYONE),
    `${query}\u0000${roles?.join(',') ?? ''}`,
    BASES_PER_BUILD,
    () => computeBasis(graph, query, roles, withheld),
  );
}

function computeBasis(
  graph: InventoryGraph,
  query: string,
  roles: OwnershipRole[] | undefined,
  withheld: Withheld | undefined,
): OwnershipBasis {
  const subjects = resolveSubject(graph, query);
  const held = grantsByPrincipal(graph);
  const members = subjects.length
    ? []
    : membersNamed(graph, query).filter(m => held.has(m));
  const identities = identitiesOf(graph, subjects, withheld);
  const groups = groupsOf(graph, identities);
  const paths = pathRoles(
    graph,
    pathSubjects(graph, query, [...identities.keys(), ...groups.keys()]),
  );
  if (
    !subjects.length &&
    !members.length &&
    !paths.items.length &&
    !paths.notes.length
  ) {
    throw new NotFoundError(
      `No user, group, service account, domain, e-mail address, OWNERS_ALIASES alias or CODEOWNERS team in the inventory matches '${query}'`,
    );
  }
  const principals = new Map([...identities, ...groups]);
  const evidence = new Map<string, EvidenceStep[]>();
  const chains = new Map<string, string[]>();
  for (const [ref, { chain }] of principals) {
    const steps = chain.map(e => stepOf(e));
    evidence.set(ref, steps);
    if (steps.length) chains.set(ref, principalsOf(steps, ref));
  }
  const withEvidence = (ref: string) => ({
    entity: graph.summary(ref),
    steps: evidence.get(ref)!,
  });
  // Within a role, the widest first (organization, folders, projects, then what is in them),
  // so that a limit cuts the least telling items. Each principal's items were sorted when
  // the index was built; the answer merges them with its own. Among items of equal reach an
  // earlier list's come first: grants held, then relations, then leadership and paths.
  const ranks = titleRanks(graph);
  const shared = [...principals.keys()].map(ref => principalItems(graph, ref));
  const items = mergeByReach(
    [
      ...shared.map(p => p.held),
      heldByMembers(graph, members, ranks),
      ...shared.map(p => p.owned),
      sortByReach(
        [...leadership(graph, identities), ...paths.items].map(eager),
        ranks,
      ),
    ],
    ranks,
  );

  const inheritedResourceCounts: Record<string, number> = {};
  for (const item of items) {
    if (item.role === 'administers' && isContainerType(item.entity.type)) {
      inheritedResourceCounts[item.entity.ref] ??= resourcesBelow(
        graph,
        item.entity.ref,
      );
    }
  }

  const inScope = (role: OwnershipRole) => !roles || roles.includes(role);
  // One tally per role, looked up once per item: this runs over every item of an answer.
  const tallies = new Map<OwnershipRole, RoleTally>();
  items.forEach((item, at) => {
    let tally = tallies.get(item.role);
    if (!tally) {
      tally = { count: 0, refs: new Set() };
      if (inScope(item.role)) tally.positions = [];
      tallies.set(item.role, tally);
    }
    tally.count++;
    tally.refs.add(item.entity.ref);
    tally.positions?.push(at);
  });
  const counts: Partial<Record<OwnershipRole, number>> = {};
  const entityCounts: Partial<Record<OwnershipRole, number>> = {};
  const positions = new Map<OwnershipRole, number[]>();
  for (const [role, tally] of tallies) {
    counts[role] = tally.count;
    entityCounts[role] = tally.refs.size;
    if (tally.positions) positions.set(role, tally.positions);
  }
  const join = mailingListJoin(graph, [...identities.keys()]);
  return {
    counts,
    entityCounts,
    notes: [
      ...unlinkedLogins(graph, identities),
      ...paths.notes,
      ...(paths.coverage ? [paths.coverage] : []),
    ],
    identities: [
      ...[...identities.keys()].map(withEvidence),
      ...members.map(member => ({ entity: memberSummary(member), steps: [] })),
    ],
    groups: [...groups.keys()].map(withEvidence),
    inheritedResourceCounts,
    chains,
    items,
    positions,
    sectionsBefore: sectionDrafts(
      graph,
      roles ? items.filter(i => inScope(i.role)) : items,
      role => tallies.get(role)!.refs.size < tallies.get(role)!.count,
    ),
    members: memberList(graph, identities, withheld),
    groupCount: groups.size,
    ...(join ? { join } : {}),
  };
}

/**
 * The principals a chain of membership names, the holder last: an item's `through`. Every ref
 * of the chain is kept, not only the holder, so that withholding one the caller may not read
 * takes the item with it, as it took the item when the steps came with every item.
 */
function principalsOf(steps: EvidenceStep[], holder: string): string[] {
  const refs = new Set(steps.flatMap(step => [step.from, step.to]));
  refs.delete(holder);
  return [...refs, holder];
}

/** A role's items in an answer: how many, of how many entities, and where (if in scope). */
type RoleTally = { count: number; refs: Set<string>; positions?: number[] };

const below = new WeakMap<InventoryGraph, Map<string, number>>();

/**
 * {@link InventoryGraph.descendantCount} by the ref as items carry it (already normalized):
 * an answer asks it of every administered project, and normalizing each ref again (a new
 * string to hash) was a tenth of a first ask's time.
 */
function resourcesBelow(graph: InventoryGraph, ref: string): number {
  let known = below.get(graph);
  if (!known) {
    known = new Map();
    below.set(graph, known);
  }
  let count = known.get(ref);
  if (count === undefined) {
    count = graph.descendantCount(ref);
    known.set(ref, count);
  }
  return count;
}

/** The first `limit` items of each role in scope, in the answer's order. */
function firstOfEachRole(basis: OwnershipBasis, limit: number): Candidate[] {
  const picked = [...basis.positions.values()].flatMap(at =>
    at.slice(0, limit),
  );
  return picked.sort((a, b) => a - b).map(at => basis.items[at]);
}

/**
 * How to join the group looked up, when it is a mailing-list group (a Google Group): its
 * members are people's addresses, added by a pull request to the file that declares it.
 * Other groups (a SIG, a team) are joined the community's way, which no file states.
 */
function mailingListJoin(graph: InventoryGraph, refs: string[]) {
  if (refs.length !== 1 || !refs[0].startsWith('group:')) return undefined;
  const group = graph.entity(refs[0]);
  return group?.spec?.type === GOOGLE_GROUP_TYPE
    ? joinGroup(graph, refs[0], group)
    : undefined;
}

function loginOf(entity: Entity | undefined): string | undefined {
  if (!entity || entity.kind.toLowerCase() !== 'user') return undefined;
  return (
    entity.metadata.annotations?.[GITHUB_LOGIN_ANNOTATION] ??
    (entity.metadata.name.includes('--') ? undefined : entity.metadata.name)
  )?.toLowerCase();
}

/**
 * Who to look for in OWNERS and CODEOWNERS rules: the GitHub logins of the identities found,
 * the GitHub teams among them and among their groups (`@org/team`, for CODEOWNERS), and the
 * query itself when it names something else rules can name — an OWNERS_ALIASES alias,
 * `@org/team`, an e-mail address — compared as the rules compare names (case-insensitively).
 */
function pathSubjects(
  graph: InventoryGraph,
  query: string,
  refs: string[],
): PathSubject[] {
  const subjects: PathSubject[] = [];
  for (const ref of refs) {
    const entity = graph.entity(ref);
    const login = loginOf(entity);
    const team = entity?.metadata.annotations?.[GITHUB_TEAM_ANNOTATION];
    if (login) subjects.push({ name: login, ref });
    if (team) subjects.push({ name: `@${team.toLowerCase()}`, ref });
  }
  const raw = query.trim().toLowerCase();
  const name = raw.includes('/') ? raw : raw.replace(/^@/, '');
  if (name && !raw.includes(':') && !subjects.some(s => s.name === name)) {
    subjects.push({
      name: raw.includes('/') && !raw.startsWith('@') ? `@${raw}` : name,
    });
  }
  return subjects;
}

/** SIG, WG and committee leadership from sigs.yaml. */
function leadership(
  graph: InventoryGraph,
  identities: Map<string, unknown>,
): OwnershipItem[] {
  const items: OwnershipItem[] = [];
  for (const group of graph.ofKind('group')) {
    const lead = leadershipOf(group);
    if (!lead) continue;
    const roles: Array<[OwnershipItem['role'], string, string[] | undefined]> =
      [
        ['leads', 'chair', lead.chairs],
        ['leads', 'tech lead', lead.techLeads],
        ['emeritus', 'emeritus lead', lead.emeritusLeads],
      ];
    for (const [role, title, people] of roles) {
      for (const person of people ?? []) {
        const ref = normalizeRef(person);
        if (!identities.has(ref)) continue;
        items.push({
          role,
          entity: graph.summary(refOf(group)),
          steps: [
            {
              from: ref,
              relation: role,
              to: refOf(group),
              provenance: provenanceOf(group),
              note: title,
            },
          ],
        });
      }
    }
  }
  return items;
}

/**
 * Logins with no e-mail address linked: grants to Google Groups name people by address, so
 * whatever this person holds through a group is invisible to the answer, and it says so.
 */
function unlinkedLogins(
  graph: InventoryGraph,
  identities: Map<string, { chain: GraphEdge[] }>,
): string[] {
  const refs = [...identities.keys()];
  const hasAddress = refs.some(ref => !!profileEmail(graph.entity(ref)));
  return refs
    .map(
      ref => graph.entity(ref)?.metadata.annotations?.[GITHUB_LOGIN_ANNOTATION],
    )
    .filter((login): login is string => !!login && !hasAddress)
    .map(
      login =>
        `No e-mail address is linked to the GitHub login ${login}: access through Google Groups, which name people by address, is not shown. Ask by address too.`,
    );
}
