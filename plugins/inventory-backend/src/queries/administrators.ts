import { Entity } from '@backstage/catalog-model';
import {
  ACCESS_POWERS,
  ADMINISTRATORS_DEFAULTS,
  ANNOTATIONS,
  AccessGrant,
  AccessGrantRow,
  AccessPower,
  AdministratorsResponse,
  AnswerCondition,
  EvidenceStep,
  GrantCondition,
  RELATIONS,
  conditionStatus,
  gcpCustomRoleEntityName,
  isUnowned,
  keptIn,
  oncePer,
} from '@infra-atlas/inventory-common';
import {
  GraphEdge,
  InventoryGraph,
  normalizeRef,
  refOf,
} from '../graph/InventoryGraph';
import { provenanceOf } from '../graph/provenance';
import { IamGrant, coOwnersOf, grantsOf, specString } from '../graph/specs';
import { stepOf, walk } from './evidence';
import { contactsOf } from './impact';
import { collator } from './reachOrder';

/** Powers by rank: answers sort thousands of people by it. */
const RANK = new Map(ACCESS_POWERS.map((power, rank) => [power, rank]));

/** A power's rank: 0 for the strongest (administer). */
export const strength = (power: AccessPower) => RANK.get(power)!;

/** A condition with whether it can apply at `now`. */
const answerCondition = (
  condition: GrantCondition,
  now: Date,
): AnswerCondition => ({
  ...condition,
  status: conditionStatus(condition, now),
});

const CUSTOM_ROLE = /^(organizations|projects)\/[^/]+\/roles\/[^/]+$/;

/** A custom role's entity, when the crawl read the role, so answers can say what it grants. */
function customRoleOf(graph: InventoryGraph, role: string) {
  if (!CUSTOM_ROLE.test(role)) return {};
  const ref = `resource:default/${gcpCustomRoleEntityName(role)}`;
  return graph.has(ref) ? { customRole: graph.summary(ref) } : {};
}

/** Whether a grant can give its power now: unconditional, or its condition may hold. */
export const appliesNow = (grant: { condition?: AnswerCondition }) =>
  !grant.condition || grant.condition.status === 'conditional';

/**
 * The step that states a grant: the `administers` relation for permanent administration
 * (the catalog holds it), else the policy of the entity it is granted on.
 */
function grantStep(
  graph: InventoryGraph,
  holderRef: string,
  principal: string,
  grant: IamGrant,
): EvidenceStep {
  const note = `${grant.role} on ${grant.grantedOn}${
    grant.via ? ` (through ${grant.via})` : ''
  }`;
  const edge = grant.ref
    ? graph
        .out(holderRef, [RELATIONS.administeredBy])
        .find(e => e.target === principal)
    : undefined;
  if (edge && grant.power === 'administer' && !grant.condition) {
    return {
      from: principal,
      relation: RELATIONS.administers,
      to: holderRef,
      provenance: edge.provenance,
      note,
    };
  }
  const holder = graph.entity(holderRef);
  return {
    from: principal,
    relation: 'granted',
    to: holderRef,
    provenance: holder
      ? provenanceOf(holder)
      : { kind: 'observed', source: grant.grantedOn },
    note,
  };
}

/**
 * Every IAM grant on an entity and on each ancestor it inherits from (`childOf`: project,
 * folders, organization), each with the evidence from where it is granted down to the entity:
 * strongest power first, then direct before inherited. An inherited grant's `steps` have one
 * step per level it travels down, after the grant's own.
 */
export function accessGrants(
  graph: InventoryGraph,
  ref: string,
  now: Date,
): AccessGrant[] {
  const ancestors = walk({
    start: [ref],
    next: at =>
      graph.out(at, ['childOf']).map(edge => ({ edge, to: edge.target })),
  }).reached;

  const grants: AccessGrant[] = [];
  const seen = new Set<string>();
  for (const [at, { chain }] of ancestors) {
    const down: EvidenceStep[] = [...chain].reverse().map(e => ({
      from: e.target,
      relation: 'parentOf',
      to: e.source,
      provenance: e.provenance,
    }));
    for (const grant of grantsOf(graph.entity(at))) {
      const key = `${grant.member} ${grant.role} ${grant.grantedOn} ${
        grant.condition?.expression ?? ''
      }`;
      if (seen.has(key)) continue;
      seen.add(key);
      const principal = grant.ref ? normalizeRef(grant.ref) : grant.member;
      grants.push({
        principal: graph.summary(principal),
        member: grant.member,
        role: grant.role,
        power: grant.power ?? 'other',
        grantedOn: grant.grantedOn,
        inherited: at !== ref,
        ...(grant.condition
          ? { condition: answerCondition(grant.condition, now) }
          : {}),
        ...(grant.via ? { via: grant.via } : {}),
        ...customRoleOf(graph, grant.role),
        steps: [grantStep(graph, at, principal, grant), ...down],
      });
    }
  }
  grants.sort(
    (a, b) =>
      strength(a.power) - strength(b.power) ||
      Number(a.inherited) - Number(b.inherited),
  );
  return grants;
}

/** An entity's owner and why, its contacts and co-owners; undefined when it names none. */
export function ownerAnswer(
  graph: InventoryGraph,
  entity: Entity,
): AdministratorsResponse['owner'] {
  const owner = specString(entity, 'owner');
  if (!owner) return undefined;
  const ownerRef = normalizeRef(owner, 'group');
  return {
    entity: graph.summary(ownerRef),
    unowned: isUnowned(ownerRef),
    evidence: entity.metadata.annotations?.[ANNOTATIONS.ownerEvidence],
    contacts: isUnowned(ownerRef) ? [] : contactsOf(graph, ownerRef),
    coOwners: coOwnersOf(entity).map(o => ({
      entity: graph.summary(normalizeRef(o.ref, 'group')),
      evidence: o.evidence,
    })),
  };
}

/** One person behind an answer's grants, before the page decides whether their paths are built. */
type Holder = {
  ref: string;
  roles: Set<string>;
  power: AccessPower;
  /** Each grant that reaches them, with the membership chain from the grantee down to them. */
  reaches: Array<{ grant: AccessGrant; chain: GraphEdge[] }>;
};

/** A person a principal reaches, with the membership chain from the principal down to them. */
type Reached = { member: string; chain: GraphEdge[] };

/**
 * The people a principal reaches through nested groups (a user reaches themselves), once per
 * build: the organization's grants to a few large groups are inherited by every resource, so
 * every administrators answer asked for the same walks.
 */
const peopleReachedFrom = oncePer((graph: InventoryGraph) => {
  const byPrincipal = new Map<string, Reached[]>();
  return (principal: string) =>
    keptIn(byPrincipal, principal, () => {
      const reached = walk({
        start: [principal],
        next: at =>
          at.startsWith('group:')
            ? graph
                .in(at, ['memberOf', 'childOf'])
                .map((edge: GraphEdge) => ({ edge, to: edge.source }))
            : [],
      }).reached;
      const people: Reached[] = [];
      for (const [member, { chain }] of reached) {
        if (member.startsWith('user:')) people.push({ member, chain });
      }
      return people;
    });
});

/**
 * Every person's place in the order people are listed in (their refs as `localeCompare`
 * orders them), once per build: an organization's grants reach thousands of people, and
 * comparing their refs as text was most of an answer's time.
 */
const personOrder = oncePer(
  (graph: InventoryGraph) =>
    new Map(
      [...graph.ofKind('user')]
        .map(refOf)
        .sort(collator.compare)
        .map((ref, at) => [ref, at]),
    ),
);

/**
 * Everyone behind the grants, through nested groups, with their strongest current power: only
 * references to the grants and membership chains, so counting and sorting hundreds of people
 * costs little; evidence is built for the page sent.
 */
function holdersOf(graph: InventoryGraph, grants: AccessGrant[]): Holder[] {
  const holders = new Map<string, Holder>();
  const reachedFrom = peopleReachedFrom(graph);
  for (const grant of grants) {
    const applies = appliesNow(grant);
    for (const { member, chain } of reachedFrom(grant.principal.ref)) {
      let holder = holders.get(member);
      if (!holder) {
        holder = { ref: member, roles: new Set(), power: 'other', reaches: [] };
        holders.set(member, holder);
      }
      holder.roles.add(grant.role);
      if (applies && strength(grant.power) < strength(holder.power)) {
        holder.power = grant.power;
      }
      holder.reaches.push({ grant, chain });
    }
  }
  const order = personOrder(graph);
  const byRef = (a: string, b: string) => {
    const [x, y] = [order.get(a), order.get(b)];
    return x !== undefined && y !== undefined ? x - y : collator.compare(a, b);
  };
  return [...holders.values()].sort(
    (a, b) => strength(a.power) - strength(b.power) || byRef(a.ref, b.ref),
  );
}

/** A person as the answer lists them: one evidence chain per grant, read from the person up. */
function personOf(
  graph: InventoryGraph,
  holder: Holder,
): AdministratorsResponse['people'][number] {
  return {
    person: graph.summary(holder.ref),
    roles: [...holder.roles].sort(),
    power: holder.power,
    paths: holder.reaches.map(({ grant, chain }) => ({
      role: grant.role,
      power: grant.power,
      grantedOn: grant.grantedOn,
      ...(grant.condition ? { condition: grant.condition } : {}),
      // person → memberOf group → … → the grant's own steps.
      steps: chain
        .map(e => stepOf(e))
        .reverse()
        .concat(grant.steps),
    })),
  };
}

/** Every power mapped to what `make` gives for it. */
const perPower = <T>(make: (power: AccessPower) => T) =>
  Object.fromEntries(
    ACCESS_POWERS.map(power => [power, make(power)]),
  ) as Record<AccessPower, T>;

/**
 * Groups first, then domains and people, then service accounts: a reader looks for the group
 * to join before the robots, and only the first rows of each power are sent.
 */
const MEMBER_ORDER = ['group', 'domain', 'user', 'serviceAccount'];
const memberRank = (row: AccessGrantRow) => {
  const rank = MEMBER_ORDER.indexOf(row.member.split(':')[0]);
  return rank < 0 ? MEMBER_ORDER.length : rank;
};

/**
 * The grants in rows, per power: one principal's grants of one power made in one place under
 * one condition are one row with their roles (an organization admin group holding four roles
 * there is one line, not four). Within a power, by kind of member ({@link MEMBER_ORDER}), then
 * in the grants' order (direct before inherited).
 */
function rowsByPower(
  grants: AccessGrant[],
): Record<AccessPower, AccessGrantRow[]> {
  const rows = new Map<string, AccessGrantRow>();
  for (const grant of grants) {
    const key = [
      grant.power,
      grant.member,
      grant.grantedOn,
      grant.via,
      grant.condition?.expression,
      grant.condition?.status,
      grant.customRole?.ref,
    ].join(' ');
    const row = rows.get(key);
    if (row) row.roles.push(grant.role);
    else rows.set(key, { ...grant, roles: [grant.role] });
  }
  const byPower = perPower((): AccessGrantRow[] => []);
  for (const row of rows.values()) byPower[row.power].push(row);
  for (const power of ACCESS_POWERS) {
    byPower[power].sort((a, b) => memberRank(a) - memberRank(b));
  }
  return byPower;
}

/** Principals per power with a grant that can apply now: the headline's numbers. */
function principalCounts(grants: AccessGrant[]) {
  const principals = perPower(() => new Set<string>());
  for (const grant of grants.filter(appliesNow)) {
    principals[grant.power].add(grant.member);
  }
  return perPower(power => principals[power].size);
}

/**
 * Which page an administrators answer lists: `pageSize` people from `offset` and the first
 * rows of each power; or, with `power`, `pageSize` rows of that power from `offset` and no
 * people.
 */
export type AdministratorsPage = {
  power?: AccessPower;
  offset?: number;
  pageSize?: number;
};

/**
 * Who owns an entity, and who can do what to it: its owner and why (or that it is unowned);
 * the grants on it and on the ancestors it inherits from in rows per power (administer,
 * write, read, other), each with its condition and whether that condition can hold now; and
 * the people behind each grant, through nested groups. Everything is counted whole and sent
 * a page at a time — five rows of each power, five people (strongest power first, then by
 * ref) with their evidence — as the access card shows them: everyone behind an
 * organization's groups is hundreds of people with a chain each, and every grant with its
 * evidence was most of the rest. Resources list only their own grants on the entity; the
 * chain adds the project's, the folders' and the organization's.
 */
export function administrators(
  graph: InventoryGraph,
  entityRef: string,
  now: Date = new Date(),
  page: AdministratorsPage = {},
): AdministratorsResponse {
  const { ref, entity } = graph.require(entityRef);
  const grants = accessGrants(graph, ref, now);
  const rows = rowsByPower(grants);
  const holders = holdersOf(graph, grants);
  const offset = page.offset ?? 0;
  const pageSize = page.pageSize ?? ADMINISTRATORS_DEFAULTS.pageSize;
  const { power } = page;
  const grantsOffset = power ? offset : 0;
  const peopleOffset = power ? 0 : offset;

  const countBy = <T>(items: T[], powerOf: (item: T) => AccessPower) => {
    const counts = perPower(() => 0);
    for (const item of items) counts[powerOf(item)]++;
    return counts;
  };

  const owner = ownerAnswer(graph, entity);
  return {
    entity: graph.summary(ref),
    ...(owner ? { owner } : {}),
    grants: (power ? [power] : ACCESS_POWERS).flatMap(p =>
      rows[p].slice(
        grantsOffset,
        grantsOffset + (power ? pageSize : ADMINISTRATORS_DEFAULTS.pageSize),
      ),
    ),
    grantsOffset,
    counts: countBy(grants, g => g.power),
    rowCounts: perPower(p => rows[p].length),
    principalCounts: principalCounts(grants),
    people: power
      ? []
      : holders
          .slice(peopleOffset, peopleOffset + pageSize)
          .map(holder => personOf(graph, holder)),
    peopleCounts: countBy(holders, h => h.power),
    peopleOffset,
    redacted: false,
  };
}
