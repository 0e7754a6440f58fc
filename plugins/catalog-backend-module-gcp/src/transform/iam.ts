import {
  AccessPower,
  GrantCondition,
  timeBoundsOf,
} from '@infra-atlas/inventory-common';
import { PolicyResult } from '../lib/crawl';
import { RoleRule, powerOf } from './access';
import { Hierarchy, HierarchyNode, rmFullName } from './hierarchy';

/** One role held by one member, and where it was granted. */
export type Grant = {
  member: string;
  role: string;
  /** The node whose policy holds the binding, e.g. `organizations/758905017065`. */
  grantedOn: string;
  inherited: boolean;
  power: AccessPower;
  /** A conditional binding applies only when its condition holds. */
  condition?: GrantCondition;
  /**
   * For a grant to a legacy convenience member (`projectOwner:my-project`), the member as
   * the policy names it; `member` is then one of the principals behind it.
   */
  via?: string;
};

/** Members that make a resource reachable by anyone. */
export const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);

/** `projectOwner:p` means whoever holds `roles/owner` on project p, and so on. */
const CONVENIENCE_ROLES: Record<string, string> = {
  projectOwner: 'roles/owner',
  projectEditor: 'roles/editor',
  projectViewer: 'roles/viewer',
};

function conditionOf(
  condition:
    | {
        expression?: string | null;
        title?: string | null;
        description?: string | null;
      }
    | null
    | undefined,
): GrantCondition | undefined {
  if (!condition?.expression) return undefined;
  return {
    expression: condition.expression,
    ...(condition.title ? { title: condition.title } : {}),
    ...(condition.description ? { description: condition.description } : {}),
    ...timeBoundsOf(condition.expression),
  };
}

/**
 * IAM policies by the resource they are attached to. A policy may come in three empty
 * shapes (no policy, `{}`, `{version: 1}`); all of them mean "no bindings".
 */
export class IamIndex {
  private readonly bound = new Map<string, Grant[]>();
  private readonly resolved = new Map<string, Grant[]>();

  constructor(
    policies: PolicyResult[],
    private readonly hierarchy: Hierarchy,
    roleRules: RoleRule[],
    /** Custom roles the crawl read, by the name grants use, with their permissions. */
    customRolePermissions?: ReadonlyMap<string, string[]>,
  ) {
    for (const result of policies) {
      if (!result.resource) {
        continue;
      }
      const node = hierarchy.get(result.resource);
      const grantedOn = node?.label ?? result.resource;
      const grants = (result.policy?.bindings ?? []).flatMap(binding => {
        const role = binding.role ?? '';
        const condition = conditionOf(binding.condition);
        return (binding.members ?? []).map(member => ({
          member,
          role,
          grantedOn,
          inherited: false,
          power: powerOf(role, roleRules, customRolePermissions),
          ...(condition ? { condition } : {}),
        }));
      });
      const key = node?.fullName ?? result.resource;
      this.bound.set(key, [...(this.bound.get(key) ?? []), ...grants]);
    }
  }

  /** The grants of a node's own policy, with convenience members resolved. */
  directGrants(node: HierarchyNode): Grant[] {
    let grants = this.resolved.get(node.fullName);
    if (!grants) {
      grants = (this.bound.get(node.fullName) ?? []).flatMap(grant =>
        this.resolveConvenience(grant),
      );
      this.resolved.set(node.fullName, grants);
    }
    return grants;
  }

  /** Grants that reach a node from its ancestors (nearest ancestor first). */
  inheritedGrants(node: HierarchyNode): Grant[] {
    return this.hierarchy
      .ancestors(node)
      .flatMap(a => this.directGrants(a).map(g => ({ ...g, inherited: true })));
  }

  /**
   * `projectViewer:p` on a bucket becomes one grant per principal holding `roles/viewer`
   * unconditionally on project p, each saying which convenience member it came through. One
   * that cannot be resolved (project not crawled, nobody holds the role) stays as written.
   */
  private resolveConvenience(grant: Grant): Grant[] {
    const [type, projectId] = grant.member.split(':');
    const basicRole = CONVENIENCE_ROLES[type];
    const project =
      basicRole && projectId
        ? this.hierarchy.get(rmFullName(`projects/${projectId}`))
        : undefined;
    if (!project) return [grant];
    const holders = (this.bound.get(project.fullName) ?? []).filter(
      g => g.role === basicRole && !g.condition,
    );
    if (!holders.length) return [grant];
    return holders.map(holder => ({
      ...grant,
      member: holder.member,
      via: grant.member,
    }));
  }
}
