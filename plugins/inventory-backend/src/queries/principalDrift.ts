import {
  addTo,
  ANNOTATIONS,
  DriftFinding,
  parsePrincipal,
  RESOURCE_TYPES,
} from '@infra-atlas/inventory-common';
import { InventoryGraph, normalizeRef, refOf } from '../graph/InventoryGraph';
import { profileEmail } from '../graph/specs';
import { emailLocalPartRule } from '../links/identities';
import { entitiesEvidence } from './driftEvidence';
import { directGrants, grantsByPrincipal, HeldGrant } from './grantsHeld';
import { identitiesOf } from './subjects';

/*
 * Drift in who holds access: grants that outlived the person (stale), and grants to
 * principals the catalog does not know (dangling).
 */

/** Evidence per finding: the first resources are enough to start, the count says the rest. */
const EVIDENCE_LIMIT = 5;

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/** Grants summed up as a finding says them: roles, and on how many entities. */
function holdings(grants: HeldGrant[]) {
  const entities = [...new Set(grants.map(g => refOf(g.entity)))];
  const roles = [...new Set(grants.map(g => g.grant.role))].sort();
  return {
    entities,
    text: `${plural(grants.length, 'grant', 'grants')} (${roles.join(
      ', ',
    )}) on ${plural(entities.length, 'entity', 'entities')}`,
  };
}

/**
 * The addresses that may be an emeritus person's: those linked to the login (`sameAs`), and
 * — when several addresses' local part is the login, so none was linked — each of those,
 * flagged as a candidate only.
 */
function addressesOf(graph: InventoryGraph, login: string) {
  const userRef = `user:default/${login}`;
  const linked = [...identitiesOf(graph, [userRef]).keys()].filter(ref =>
    profileEmail(graph.entity(ref)),
  );
  const candidates = graph.resolution.ambiguous
    .filter(a => a.rule === emailLocalPartRule.name && a.source === userRef)
    .flatMap(a => a.candidates.map(ref => normalizeRef(ref)));
  return [
    ...linked.map(ref => ({ ref, ambiguousAmong: 0 })),
    ...candidates.map(ref => ({ ref, ambiguousAmong: candidates.length })),
  ];
}

/**
 * Direct grants to an address of someone who stepped down, one finding per address. A login
 * that matches several addresses is left unlinked, but each address's grants are still
 * reported, saying that the address is only a candidate.
 */
export function staleDirectGrants(
  graph: InventoryGraph,
  emeritus: Map<string, string>,
): DriftFinding[] {
  const index = grantsByPrincipal(graph);
  const findings: DriftFinding[] = [];
  for (const [login, where] of emeritus) {
    for (const { ref, ambiguousAmong } of addressesOf(graph, login)) {
      const grants = index.get(ref) ?? [];
      if (!grants.length) continue;
      const address = profileEmail(graph.entity(ref))!;
      const held = holdings(grants);
      const whose = ambiguousAmong
        ? `may be ${login}'s, who stepped down (${where}): ${ambiguousAmong} addresses match that login, so none is linked — check whose it is`
        : `is ${login}'s, who stepped down (${where})`;
      findings.push({
        kind: 'emeritus-still-active',
        subject: `user:${address}`,
        message: `user:${address} holds ${held.text} directly; the address ${whose}`,
        entities: [...held.entities, ref],
        evidence: entitiesEvidence(
          graph,
          held.entities.slice(0, EVIDENCE_LIMIT),
        ),
      });
    }
  }
  return findings;
}

/** Principals whose entity the catalog should have, with the ref it would have. */
function expectedRef(
  member: string,
  projectIds: Set<string | undefined>,
): string | undefined {
  const principal = parsePrincipal(member);
  if (principal?.kind !== 'serviceAccount') return principal?.ref;
  // Only the estate's own service accounts: Google's service agents and other
  // organizations' accounts live in projects no crawl of this estate reads.
  const [local, domain] = principal.email.split('@');
  const project =
    domain === 'appspot.gserviceaccount.com'
      ? local
      : domain.replace(/\.iam\.gserviceaccount\.com$/, '');
  return projectIds.has(project) ? principal.ref : undefined;
}

/**
 * Grants to principals the catalog has no entity for, one finding per principal with how
 * many grants it holds on how many entities: people and groups nobody declared, the estate's
 * service accounts that no longer exist, and members IAM itself marks `deleted:`. Public,
 * domain and convenience members are no entities by design, and are left out.
 */
export function* danglingPrincipals(
  graph: InventoryGraph,
): Generator<void, DriftFinding[]> {
  const projectIds = new Set(
    graph
      .ofKind('resource', RESOURCE_TYPES.gcpProject)
      .map(p => p.metadata.annotations?.[ANNOTATIONS.gcpProjectId]),
  );
  const byMember = new Map<string, HeldGrant[]>();
  for (const entity of graph.ofKind('resource')) {
    yield;
    for (const held of directGrants(entity)) {
      const { member } = held.grant;
      const ref = held.grant.ref ?? expectedRef(member, projectIds);
      const dangling =
        member.startsWith('deleted:') || (ref && !graph.has(ref));
      if (dangling) addTo(byMember, member, held);
    }
  }
  const findings: DriftFinding[] = [];
  for (const [member, grants] of [...byMember].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    yield;
    const held = holdings(grants);
    const why = member.startsWith('deleted:')
      ? 'IAM marks the principal deleted'
      : 'the catalog has no such principal';
    findings.push({
      kind: 'dangling-principal',
      subject: member,
      message: `${member} holds ${held.text}, and ${why}`,
      entities: held.entities,
      evidence: entitiesEvidence(graph, held.entities.slice(0, EVIDENCE_LIMIT)),
    });
  }
  return findings;
}
