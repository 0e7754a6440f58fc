import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { RELATION_SAME_AS } from '@infra-atlas/inventory-common';
import { GraphEdge, InventoryGraph, refOf } from '../graph/InventoryGraph';
import { GITHUB_LOGIN_ANNOTATION } from '../links/identities';
import { walk } from './evidence';
import { profileEmail } from '../graph/specs';

const ENTITY_REF = /^[a-z]+:([a-z0-9._-]+\/)?[a-z0-9._@-]+$/i;

/** `user:jane@example.org` or `group:g@example.org`, as IAM prints members: the address. */
function memberAddress(query: string): string | undefined {
  const match = query.trim().match(/^(?:user|group):([^/\s]+@[^/\s]+)$/i);
  return match?.[1].toLowerCase();
}

/**
 * Whether a question names a person by e-mail address (anything with an `@` that is not a
 * known group's address): such lookups need the personal-details permission.
 */
export function isPersonalAddress(
  graph: InventoryGraph,
  query: string,
): boolean {
  const address = memberAddress(query) ?? query.trim().toLowerCase();
  return (
    address.includes('@') &&
    !graph.ofKind('group').some(group => profileEmail(group) === address)
  );
}

/** A hashed entity name's suffix (see inventory-common naming.ts). */
const NAME_HASH = /_[0-9a-f]{16}$/;

/**
 * The e-mail address a User's name stands for: `jane--example.com` (local part and domain, as
 * `emailPrincipalEntityName` joins them; GitHub logins never contain `--`), or
 * `jane@example.com` as IAM prints a member; the name itself otherwise.
 */
function addressOfUserName(name: string): string {
  const parts = name.replace(NAME_HASH, '').split('--');
  // A hashed name's prefix may cut the domain short; it still stands for an address.
  return parts.length === 2 ? `${parts[0]}@${parts[1]}` : name;
}

/**
 * Whether a ref names a person's User entity: a User named after an e-mail address that is
 * not a group's ({@link isPersonalAddress}). Decided from the ref alone, whether or not the
 * entity exists, so that refusing such a question tells nothing about the address.
 */
export function isPersonalUserRef(
  graph: InventoryGraph,
  entityRef: string,
): boolean {
  let kind: string;
  let name: string;
  try {
    ({ kind, name } = parseEntityRef(entityRef.trim(), {
      defaultNamespace: 'default',
    }));
  } catch {
    return false;
  }
  return (
    kind.toLowerCase() === 'user' &&
    isPersonalAddress(graph, addressOfUserName(name.toLowerCase()))
  );
}

/**
 * The entities a question names: an entity ref (`group:default/sig-k8s-infra`), an e-mail
 * address (a User's or a Google Group's), or a GitHub login / entity name.
 */
export function resolveSubject(graph: InventoryGraph, query: string): string[] {
  const q = memberAddress(query) ?? query.trim().toLowerCase();
  if (!q) return [];
  if (ENTITY_REF.test(q) && !q.includes('@')) {
    const ref = stringifyEntityRef(
      parseEntityRef(q, { defaultNamespace: 'default' }),
    );
    return graph.has(ref) ? [ref.toLowerCase()] : [];
  }
  const candidates = [...graph.ofKind('user'), ...graph.ofKind('group')];
  if (q.includes('@')) {
    return candidates.filter(e => profileEmail(e) === q).map(refOf);
  }
  return candidates
    .filter(
      e =>
        e.metadata.annotations?.[GITHUB_LOGIN_ANNOTATION]?.toLowerCase() ===
          q || e.metadata.name.toLowerCase() === q,
    )
    .map(refOf);
}

/** Everyone the subject is: the entity and those `sameAs` it, with the link that says so. */
export function identitiesOf(graph: InventoryGraph, subjects: string[]) {
  return walk({
    start: subjects,
    next: ref => [
      ...graph
        .out(ref, [RELATION_SAME_AS])
        .map(edge => ({ edge, to: edge.target })),
      ...graph
        .in(ref, [RELATION_SAME_AS])
        .map(edge => ({ edge, to: edge.source })),
    ],
  }).reached;
}

/**
 * Groups an entity belongs to, directly (`memberOf`) or through nesting (a group that is a
 * child of another, as nested Google Groups are), each with the chain that makes it so.
 */
export function groupsOf(
  graph: InventoryGraph,
  principals: Map<string, { chain: GraphEdge[] }>,
) {
  const start = [...principals.keys()];
  const reached = walk({
    start,
    next: ref =>
      graph
        .out(ref, ['memberOf', 'childOf'])
        .filter(edge => edge.target.startsWith('group:'))
        .map(edge => ({ edge, to: edge.target })),
  }).reached;
  const groups = new Map<string, { chain: GraphEdge[] }>();
  for (const [ref, { chain }] of reached) {
    if (principals.has(ref)) continue;
    // Prefix the identity chain of the principal the walk started from.
    const origin = chain[0]?.source;
    const prefix = (origin && principals.get(origin)?.chain) || [];
    groups.set(ref, { chain: [...prefix, ...chain] });
  }
  return groups;
}
