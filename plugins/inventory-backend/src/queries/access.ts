import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  ANNOTATIONS,
  AccessGrant,
  AccessResponse,
  AccessRoute,
  JoinGroup,
  commaList,
  emailPrincipalEntityName,
  howToJoin,
  membershipsOf,
} from '@infra-atlas/inventory-common';
import { InventoryGraph, normalizeRef } from '../graph/InventoryGraph';
import { profileEmail } from '../graph/specs';
import {
  accessGrants,
  appliesNow,
  ownerAnswer,
  strength,
} from './administrators';
import { pathOwnership } from './pathOwnership';

/** IAM members that stand for everyone: a grant to them needs no membership. */
const PUBLIC_MEMBERS = new Set(['allusers', 'allauthenticatedusers']);

const LINE = /#L(\d+)$/;

/**
 * Where a group's members are listed in its file: the first line any member's membership is
 * stated at (the provider records each member's line in the group's file). A reader adding
 * their address goes there.
 */
function membersLine(
  graph: InventoryGraph,
  groupRef: string,
  file: string,
): number | undefined {
  let first: number | undefined;
  for (const edge of graph.in(groupRef, ['memberOf', 'childOf'])) {
    const stated = membershipsOf(graph.entity(edge.source)).get(groupRef);
    const line = stated?.match(LINE);
    // A membership stated in another file (a nested group's) says nothing about this one.
    if (line && stated?.slice(0, line.index) === file) {
      first = Math.min(first ?? Infinity, Number(line[1]));
    }
  }
  return first;
}

/** Who approves a change to a file, from the stored OWNERS rules of its repository. */
function approversOf(graph: InventoryGraph, repository: string, path: string) {
  try {
    const answer = pathOwnership(graph, repository, path);
    return {
      approvers: answer.approvers,
      ...(answer.ownersFiles[0] ? { ownersFile: answer.ownersFiles[0] } : {}),
    };
  } catch (error) {
    // A repository the inventory holds no OWNERS rules for: the file is still the way in.
    if (error instanceof NotFoundError) return {};
    throw error;
  }
}

/**
 * How to join a group (see `howToJoin`), and for a group declared in git, the line its
 * members start at and who approves a change to its file.
 */
export function joinGroup(
  graph: InventoryGraph,
  groupRef: string,
  group: Entity | undefined,
): JoinGroup {
  const join = howToJoin(group);
  if (join.kind !== 'pull-request') return join;
  const line = membersLine(graph, groupRef, join.url);
  return {
    ...join,
    ...(line ? { line } : {}),
    ...approversOf(graph, join.repository, join.path),
  };
}

/**
 * The Systems an entity belongs to (or is), each with the access groups it names: the
 * `access-groups` annotation of a hand-written System (`k8s-infra-rbac-gcsweb@kubernetes.io`).
 */
function systemAccessGroups(graph: InventoryGraph, ref: string) {
  const systems = ref.startsWith('system:')
    ? [ref]
    : graph.out(ref, ['partOf']).map(e => e.target);
  return systems.flatMap(system =>
    commaList(
      graph.entity(system)?.metadata.annotations?.[ANNOTATIONS.accessGroups],
    ).map(email => ({ system, email: email.toLowerCase() })),
  );
}

/** How far up a grant is made: 0 on the entity, 1 on its parent, … (one step per level). */
const levelsUp = (grant: AccessGrant) => grant.steps.length - 1;

/**
 * Who can get access to an entity and how: every group granted a role that can apply now, on
 * it or inherited, and every group its System names, narrowest first (granted here before the
 * project, the folders and the organization), then strongest; each with the way to join. The
 * principals granted directly and public grants are listed apart: no group gives them.
 */
export function access(
  graph: InventoryGraph,
  entityRef: string,
  now: Date = new Date(),
): AccessResponse {
  const { ref, entity } = graph.require(entityRef);
  const grants = accessGrants(graph, ref, now).filter(appliesNow);

  const routes = new Map<string, AccessRoute & { level: number }>();
  /** The route through a group; `email` names a group the catalog does not hold. */
  const routeOf = (groupRef: string, level: number, email: string) => {
    const known = routes.get(groupRef);
    if (known) {
      known.level = Math.min(known.level, level);
      return known;
    }
    const group = graph.entity(groupRef);
    const route: AccessRoute & { level: number } = {
      group: graph.summary(groupRef),
      email: profileEmail(group) ?? email,
      grants: [],
      power: 'other',
      systems: [],
      join: joinGroup(graph, groupRef, group),
      level,
    };
    routes.set(groupRef, route);
    return route;
  };

  const direct = new Map<string, AccessResponse['direct'][number]>();
  const open: AccessResponse['public'] = [];
  for (const grant of grants) {
    if (PUBLIC_MEMBERS.has(grant.member.toLowerCase())) {
      open.push({ member: grant.member, role: grant.role, power: grant.power });
    } else if (grant.principal.ref.startsWith('group:')) {
      const route = routeOf(
        grant.principal.ref,
        levelsUp(grant),
        grant.member.replace(/^group:/, '').toLowerCase(),
      );
      route.grants.push({
        role: grant.role,
        power: grant.power,
        grantedOn: grant.grantedOn,
        inherited: grant.inherited,
        ...(grant.condition ? { condition: grant.condition } : {}),
      });
      if (strength(grant.power) < strength(route.power)) {
        route.power = grant.power;
      }
    } else {
      const held = direct.get(grant.member) ?? {
        principal: grant.principal,
        member: grant.member,
        roles: [],
        power: grant.power,
        inherited: grant.inherited,
      };
      if (!held.roles.includes(grant.role)) held.roles.push(grant.role);
      held.inherited &&= grant.inherited;
      direct.set(grant.member, held);
    }
  }
  // A System's access group gives access to what the System runs, at the entity's own level.
  for (const { system, email } of systemAccessGroups(graph, ref)) {
    const route = routeOf(
      normalizeRef(`group:default/${emailPrincipalEntityName(email)}`),
      0,
      email,
    );
    if (!route.systems.some(s => s.ref === system)) {
      route.systems.push(graph.summary(system));
    }
  }

  const owner = ownerAnswer(graph, entity);
  return {
    entity: graph.summary(ref),
    routes: [...routes.values()]
      .sort(
        (a, b) =>
          a.level - b.level ||
          strength(a.power) - strength(b.power) ||
          (a.email ?? '').localeCompare(b.email ?? ''),
      )
      .map(({ level: _level, ...route }) => route),
    direct: [...direct.values()],
    public: open,
    ...(owner ? { owner } : {}),
    redacted: false,
  };
}
