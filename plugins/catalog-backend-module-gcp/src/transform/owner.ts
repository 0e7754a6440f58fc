import {
  AccessPower,
  Principal,
  UNOWNED_REF,
  parsePrincipal,
} from '@infra-atlas/inventory-common';
import { OwnerRules } from '../lib/config';
import { Grant } from './iam';
import { HierarchyNode } from './hierarchy';

export type OwnerResolution = {
  owner: string;
  evidence: string;
  /** Owner labels (`key=value`) that named nobody, so that a later rule applied. */
  unresolvedLabels: string[];
};

/** `roles/container.admin` → `container`. */
const roleService = (role: string) => role.match(/^roles\/([a-z]+)\./)?.[1];

/**
 * The group that most plausibly runs a node among those holding `power` there without a
 * condition: `roles/owner` first, then a role of the node's own service
 * (`roles/container.admin` for a cluster), then `roles/editor`, then the group holding the
 * most such roles. Conditional grants (break-glass, time-bound) never make an owner.
 */
function bestGroup(grants: Grant[], power: AccessPower, service?: string) {
  const byGroup = new Map<string, { ref: string; grants: Grant[] }>();
  for (const grant of grants) {
    if (grant.condition || grant.power !== power) continue;
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
  const best = [...byGroup.entries()].sort(
    ([a, x], [b, y]) => score(y.grants) - score(x.grants) || a.localeCompare(b),
  )[0];
  return best && { ref: best[1].ref, grants: best[1].grants };
}

const normalizeLabelValue = (value: string) =>
  value.toLowerCase().replace(/_/g, '-');

/**
 * Finds the group or person an owner label names, among the principals the crawl's IAM
 * policies name: label values cannot hold `@` or `.`, so `team=data_eng` is matched against
 * the local part of addresses (`data-eng@example.org`), `_` read as `-`. Only a single match
 * is an answer.
 */
export class LabelOwnerDirectory {
  private readonly byLocalPart = new Map<string, Principal[]>();

  constructor(members: Iterable<string>) {
    const seen = new Set<string>();
    for (const member of members) {
      const principal = parsePrincipal(member);
      if (!principal || principal.kind === 'serviceAccount') continue;
      if (seen.has(principal.ref)) continue;
      seen.add(principal.ref);
      const key = normalizeLabelValue(principal.email.split('@')[0]);
      this.byLocalPart.set(key, [
        ...(this.byLocalPart.get(key) ?? []),
        principal,
      ]);
    }
  }

  find(value: string): { principal: Principal } | { problem: string } {
    const candidates = this.byLocalPart.get(normalizeLabelValue(value)) ?? [];
    if (candidates.length === 1) return { principal: candidates[0] };
    return {
      problem: candidates.length
        ? `matches ${candidates.length} principals (${candidates
            .map(c => c.email)
            .join(', ')})`
        : 'names no group or person in any IAM policy',
    };
  }
}

const grantText = (grants: Grant[]) =>
  [...new Set(grants.map(g => g.role))].join(', ');

/**
 * The owner of a node, by the first rule that applies (docs/infra-atlas/gcp-inventory.md):
 * 1. an owner label (`owner`, `team` by default) on the node that names a known group or
 *    person — a label that names nobody is reported in the evidence and the next rule applies;
 * 2. a configured project-ID pattern matching the node's project;
 * 3. the group that administers the node, or its nearest ancestor below the organization;
 * 4. the group that holds write roles there (a project's own working group);
 * 5. the configured fallback, if any; otherwise the node is unowned.
 *
 * Administrators of the organization administer everything by inheritance, but that is
 * effective administration, not ownership: they never make a folder, project or what is in
 * them theirs — only the organization and what is defined on it (its custom roles).
 */
export function resolveOwner(options: {
  node: HierarchyNode;
  ancestors: HierarchyNode[];
  grantsOf: (node: HierarchyNode) => Grant[];
  rules: OwnerRules;
  labelOwners: LabelOwnerDirectory;
}): OwnerResolution {
  const { node, ancestors, grantsOf, rules, labelOwners } = options;
  const notes: string[] = [];
  const unresolvedLabels: string[] = [];
  const withNotes = (resolution: {
    owner: string;
    evidence: string;
  }): OwnerResolution => ({
    ...resolution,
    evidence: [...notes, resolution.evidence].join('; '),
    unresolvedLabels,
  });

  for (const key of rules.labelKeys) {
    const value = node.labels[key];
    if (!value) continue;
    const found = labelOwners.find(value);
    if ('principal' in found) {
      return withNotes({
        owner: found.principal.ref,
        evidence: `label ${key}=${value} on ${node.label} names ${found.principal.kind} ${found.principal.email}`,
      });
    }
    unresolvedLabels.push(`${key}=${value}`);
    notes.push(
      `unresolved label ${key}=${value} on ${node.label}: it ${found.problem}`,
    );
  }

  if (node.projectId) {
    const rule = rules.projects.find(r => r.match.test(node.projectId!));
    if (rule) {
      return withNotes({
        owner: rule.owner,
        evidence: `project ${node.projectId} matches configured pattern /${rule.match.source}/`,
      });
    }
  }

  // The organization's administrators own only what is defined on the organization itself
  // (the organization, its custom roles): what sits in folders and projects they merely
  // administer by inheritance.
  const definedOnOrganization =
    node.kind === 'resource' && ancestors[0]?.kind === 'organization';
  const below = [node, ...ancestors].filter(
    candidate =>
      candidate.kind !== 'organization' ||
      candidate === node ||
      definedOnOrganization,
  );
  for (const power of ['administer', 'write'] as const) {
    for (const candidate of below) {
      const best = bestGroup(grantsOf(candidate), power, node.service);
      if (best) {
        return withNotes({
          owner: best.ref,
          evidence: `${best.grants[0].member} ${
            power === 'administer' ? 'administers' : 'holds write roles on'
          } ${candidate.label} (${grantText(best.grants)})${
            power === 'write' ? '; no group administers it' : ''
          }`,
        });
      }
    }
  }

  const where =
    node.kind === 'organization'
      ? node.label
      : `${node.label} below the organization`;
  if (rules.fallback) {
    return withNotes({
      owner: rules.fallback,
      evidence: `no owner rule applied to ${where}; configured fallback`,
    });
  }
  return withNotes({
    owner: UNOWNED_REF,
    evidence: `no owner label, no configured project pattern, and no group administers or writes to ${where}`,
  });
}
