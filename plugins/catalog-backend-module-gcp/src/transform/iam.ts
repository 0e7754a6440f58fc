import { PolicyResult } from '../lib/crawl';
import { Hierarchy, HierarchyNode } from './hierarchy';

/** One role held by one member, and where it was granted. */
export type Grant = {
  member: string;
  role: string;
  /** The node whose policy holds the binding, e.g. `organizations/758905017065`. */
  grantedOn: string;
  inherited: boolean;
  /** Conditional bindings apply only when their condition holds; kept as evidence. */
  condition?: string;
};

/** Members that make a resource reachable by anyone. */
export const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);

/**
 * IAM policies by the resource they are attached to. A policy may come in three empty
 * shapes (no policy, `{}`, `{version: 1}`); all of them mean "no bindings".
 */
export class IamIndex {
  private readonly direct = new Map<string, Grant[]>();

  constructor(policies: PolicyResult[], private readonly hierarchy: Hierarchy) {
    for (const result of policies) {
      if (!result.resource) {
        continue;
      }
      const node = hierarchy.get(result.resource);
      const grantedOn = node?.label ?? result.resource;
      const grants = (result.policy?.bindings ?? []).flatMap(binding =>
        (binding.members ?? []).map(member => ({
          member,
          role: binding.role ?? '',
          grantedOn,
          inherited: false,
          ...(binding.condition?.expression
            ? { condition: binding.condition.expression }
            : {}),
        })),
      );
      const key = node?.fullName ?? result.resource;
      this.direct.set(key, [...(this.direct.get(key) ?? []), ...grants]);
    }
  }

  directGrants(node: HierarchyNode): Grant[] {
    return this.direct.get(node.fullName) ?? [];
  }

  /** Grants that reach a node from its ancestors (nearest ancestor first). */
  inheritedGrants(node: HierarchyNode): Grant[] {
    return this.hierarchy
      .ancestors(node)
      .flatMap(a => this.directGrants(a).map(g => ({ ...g, inherited: true })));
  }
}

export const isAdminRole = (role: string, adminRoles: RegExp[]) =>
  adminRoles.some(pattern => pattern.test(role));
