import { InventoryGraph, normalizeRef } from '../graph/InventoryGraph';
import { groupsOf, identitiesOf } from './subjects';
import { leadershipOf, ownershipOf, repositorySlug } from '../graph/specs';

const loginOfRef = (ref: string) => normalizeRef(ref).split('/').pop()!;

/**
 * People who stepped down: listed as emeritus in an OWNERS file or sigs.yaml, and active
 * nowhere (no approver or reviewer entry, no current leadership). Someone emeritus in one
 * directory and approver in another is active. Keyed by login, with where they are emeritus.
 */
export function emeritusPeople(graph: InventoryGraph): Map<string, string> {
  const emeritus = new Map<string, string>();
  const active = new Set<string>();
  for (const repo of graph.ofKind('component', 'repository')) {
    const slug = repositorySlug(repo);
    for (const entry of ownershipOf(repo)) {
      for (const login of entry.emeritus ?? []) {
        if (!emeritus.has(login.toLowerCase())) {
          emeritus.set(
            login.toLowerCase(),
            `emeritus in ${slug}/${entry.dir}/OWNERS`.replace('//', '/'),
          );
        }
      }
      for (const login of [
        ...(entry.approvers ?? []),
        ...(entry.reviewers ?? []),
      ]) {
        active.add(login.toLowerCase());
      }
    }
  }
  for (const group of graph.ofKind('group')) {
    const lead = leadershipOf(group);
    for (const ref of lead?.emeritusLeads ?? []) {
      const login = loginOfRef(ref);
      if (!emeritus.has(login)) {
        emeritus.set(
          login,
          `emeritus lead of ${group.metadata.name} in sigs.yaml`,
        );
      }
    }
    for (const ref of [...(lead?.chairs ?? []), ...(lead?.techLeads ?? [])]) {
      active.add(loginOfRef(ref));
    }
  }
  for (const login of active) emeritus.delete(login);
  return emeritus;
}

/**
 * Every principal through which an emeritus person still holds access: their User entities
 * (login and `sameAs` e-mails) and every group those belong to, directly or nested. Maps the
 * principal ref to the person's login.
 */
export function emeritusPrincipals(
  graph: InventoryGraph,
  emeritus: Map<string, string>,
): Map<string, string> {
  const principals = new Map<string, string>();
  for (const login of emeritus.keys()) {
    const userRef = `user:default/${login}`;
    if (!graph.has(userRef)) continue;
    const identities = identitiesOf(graph, [userRef]);
    for (const ref of [
      ...identities.keys(),
      ...groupsOf(graph, identities).keys(),
    ]) {
      if (!principals.has(ref)) principals.set(ref, login);
    }
  }
  return principals;
}
