import { OwnerRules } from '../lib/config';
import { Grant, isAdminRole } from './iam';
import { HierarchyNode } from './hierarchy';
import { parsePrincipal } from './principals';
import { entityName } from '@infra-atlas/inventory-common';

export type OwnerResolution = { owner: string; evidence: string };

/** Lower ranks win when several groups administer the same node. */
function roleRank(role: string): number {
  if (role === 'roles/owner') return 0;
  if (role === 'roles/editor') return 2;
  return 1;
}

function bestAdminGroup(grants: Grant[], adminRoles: RegExp[]) {
  return grants
    .filter(g => isAdminRole(g.role, adminRoles) && !g.condition)
    .map(g => ({ grant: g, principal: parsePrincipal(g.member) }))
    .filter(c => c.principal?.kind === 'group')
    .sort(
      (a, b) =>
        roleRank(a.grant.role) - roleRank(b.grant.role) ||
        a.grant.member.localeCompare(b.grant.member),
    )[0];
}

/**
 * The owner of a node, by the first rule that applies (docs in the module README):
 * 1. an owner label (`owner`, `team` by default) on the node;
 * 2. a configured project-ID pattern matching the node's project;
 * 3. the most specific group with an admin-level role, on the node or its nearest ancestor
 *    below the organization;
 * 4. a group with an admin-level role on the organization;
 * 5. the configured fallback.
 */
export function resolveOwner(options: {
  node: HierarchyNode;
  ancestors: HierarchyNode[];
  grantsOf: (node: HierarchyNode) => Grant[];
  rules: OwnerRules;
  adminRoles: RegExp[];
}): OwnerResolution {
  const { node, ancestors, grantsOf, rules, adminRoles } = options;

  for (const key of rules.labelKeys) {
    const value = node.labels[key];
    if (value) {
      return {
        owner: `group:default/${entityName([value.toLowerCase()])}`,
        evidence: `label ${key}=${value} on ${node.label}`,
      };
    }
  }

  if (node.projectId) {
    const rule = rules.projects.find(r => r.match.test(node.projectId!));
    if (rule) {
      return {
        owner: rule.owner,
        evidence: `project ${node.projectId} matches configured pattern /${rule.match.source}/`,
      };
    }
  }

  for (const candidate of [node, ...ancestors]) {
    const best = bestAdminGroup(grantsOf(candidate), adminRoles);
    if (best && (candidate.kind !== 'organization' || candidate === node)) {
      return {
        owner: best.principal!.ref,
        evidence: `${best.grant.role} granted to ${best.grant.member} on ${candidate.label}`,
      };
    }
  }

  const org = ancestors.find(a => a.kind === 'organization');
  const orgAdmin = org && bestAdminGroup(grantsOf(org), adminRoles);
  if (orgAdmin) {
    return {
      owner: orgAdmin.principal!.ref,
      evidence: `no group administers ${
        node.label
      } below the organization; organization admin ${orgAdmin.grant.member} (${
        orgAdmin.grant.role
      } on ${org!.label})`,
    };
  }
  return {
    owner: rules.fallback,
    evidence: 'no owner rule applied; configured fallback',
  };
}
