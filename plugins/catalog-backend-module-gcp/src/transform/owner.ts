import { OwnerRules } from '../lib/config';
import { Grant, isAdminRole } from './iam';
import { HierarchyNode } from './hierarchy';
import { parsePrincipal } from './principals';
import { entityName } from '@infra-atlas/inventory-common';

export type OwnerResolution = { owner: string; evidence: string };

/** `roles/container.admin` → `container`. */
const roleService = (role: string) => role.match(/^roles\/([a-z]+)\./)?.[1];

/**
 * The group that most plausibly administers a node, from the grants on it: `roles/owner`
 * first, then an admin role of the node's own service (`roles/container.admin` for a
 * cluster), then `roles/editor`, then the group holding the most admin-level roles there. A service admin of an
 * unrelated product (`roles/bigquery.admin` on a cluster's project) does not outrank them.
 */
function bestAdminGroup(
  grants: Grant[],
  adminRoles: RegExp[],
  service?: string,
) {
  const byGroup = new Map<string, { ref: string; grants: Grant[] }>();
  for (const grant of grants) {
    if (grant.condition || !isAdminRole(grant.role, adminRoles)) continue;
    const principal = parsePrincipal(grant.member);
    if (principal?.kind !== 'group') continue;
    const entry = byGroup.get(grant.member) ?? {
      ref: principal.ref,
      grants: [],
    };
    entry.grants.push(grant);
    byGroup.set(grant.member, entry);
  }
  const score = (g: Grant[]) =>
    (g.some(x => x.role === 'roles/owner') ? 1000 : 0) +
    (service && g.some(x => roleService(x.role) === service) ? 100 : 0) +
    (g.some(x => x.role === 'roles/editor') ? 50 : 0) +
    g.length;
  const deciding = (g: Grant[]) =>
    g.find(x => x.role === 'roles/owner') ??
    g.find(x => service && roleService(x.role) === service) ??
    g.find(x => x.role === 'roles/editor') ??
    g[0];
  const best = [...byGroup.entries()].sort(
    ([a, x], [b, y]) => score(y.grants) - score(x.grants) || a.localeCompare(b),
  )[0];
  return best && { ref: best[1].ref, grant: deciding(best[1].grants) };
}

/**
 * The owner of a node, by the first rule that applies (docs in the module README):
 * 1. an owner label (`owner`, `team` by default) on the node;
 * 2. a configured project-ID pattern matching the node's project;
 * 3. the most specific group with an admin-level role, on the node or its nearest ancestor
 *    below the organization (see `bestAdminGroup` for the order among groups);
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
    const best = bestAdminGroup(grantsOf(candidate), adminRoles, node.service);
    if (best && (candidate.kind !== 'organization' || candidate === node)) {
      return {
        owner: best.ref,
        evidence: `${best.grant.role} granted to ${best.grant.member} on ${candidate.label}`,
      };
    }
  }

  const org = ancestors.find(a => a.kind === 'organization');
  const orgAdmin = org && bestAdminGroup(grantsOf(org), adminRoles);
  if (orgAdmin) {
    return {
      owner: orgAdmin.ref,
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
