import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  addTo,
  gcpServiceAccountEntityName,
  oncePer,
  RELATION_SAME_AS,
} from '@infra-atlas/inventory-common';
import { GraphEdge, InventoryGraph, refOf } from '../graph/InventoryGraph';
import { GITHUB_LOGIN_ANNOTATION } from '../links/identities';
import { walk } from './evidence';
import { profileEmail } from '../graph/specs';
import { AddressKind, membersOf, parsePrincipalQuery } from './principalQuery';

/**
 * Whether a question names a person by e-mail address: a bare address or `user:…` that is not
 * a known group's, and not a service account's. Such lookups need the personal-details
 * permission; service accounts, groups (`group:…`) and domains are not personal.
 */
export function isPersonalAddress(
  graph: InventoryGraph,
  query: string,
): boolean {
  const parsed = parsePrincipalQuery(query, ref => graph.has(ref));
  return (
    parsed?.form === 'address' &&
    parsed.kinds.includes('user') &&
    !graph.ofKind('group').some(group => profileEmail(group) === parsed.address)
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
 * Users, then Groups, by GitHub login and by entity name (lowercased), once per graph: every
 * question by login looked through all 3,500 Users and 500 Groups of a large catalog.
 */
const principalsByName = oncePer((graph: InventoryGraph) => {
  const index = new Map<string, string[]>();
  for (const e of [...graph.ofKind('user'), ...graph.ofKind('group')]) {
    const login =
      e.metadata.annotations?.[GITHUB_LOGIN_ANNOTATION]?.toLowerCase();
    const name = e.metadata.name.toLowerCase();
    for (const key of new Set([login, name])) {
      if (key !== undefined) addTo(index, key, refOf(e));
    }
  }
  return index;
});

/**
 * The entities a question names: an entity ref (`group:default/sig-k8s-infra`), an e-mail
 * address or IAM member (a User's, a Google Group's or a service account's), or a GitHub login
 * / entity name. A domain principal is never an entity.
 */
export function resolveSubject(graph: InventoryGraph, query: string): string[] {
  const parsed = parsePrincipalQuery(query, ref => graph.has(ref));
  switch (parsed?.form) {
    case 'ref': {
      const ref = stringifyEntityRef(
        parseEntityRef(parsed.ref, { defaultNamespace: 'default' }),
      ).toLowerCase();
      return graph.has(ref) ? [ref] : [];
    }
    case 'address':
      return parsed.kinds.flatMap(kind =>
        entitiesWithAddress(graph, kind, parsed.address),
      );
    case 'name':
      return [...(principalsByName(graph).get(parsed.name) ?? [])];
    default:
      return [];
  }
}

/** A service account's entity is named after its address, as the GCP provider names it. */
function entitiesWithAddress(
  graph: InventoryGraph,
  kind: AddressKind,
  address: string,
): string[] {
  if (kind === 'serviceAccount') {
    const ref = `resource:default/${gcpServiceAccountEntityName(address)}`;
    return graph.has(ref) ? [ref] : [];
  }
  return graph
    .ofKind(kind)
    .filter(e => profileEmail(e) === address)
    .map(refOf);
}

/**
 * Refs of people the caller may not see (Users named after an e-mail address): an answer for
 * such a caller never goes through them, so a GitHub login does not carry across what its
 * address holds, nor an address member show as its login.
 */
export type Withheld = (ref: string) => boolean;

/** Everyone the subject is: the entity and those `sameAs` it, with the link that says so. */
export function identitiesOf(
  graph: InventoryGraph,
  subjects: string[],
  withheld: Withheld = () => false,
) {
  return walk({
    start: subjects,
    next: ref => sameAsLinks(graph, ref).filter(({ to }) => !withheld(to)),
  }).reached;
}

/** The entities linked to `ref` by `sameAs`, either way, with the link. */
function sameAsLinks(graph: InventoryGraph, ref: string) {
  return [
    ...graph
      .out(ref, [RELATION_SAME_AS])
      .map(edge => ({ edge, to: edge.target })),
    ...graph
      .in(ref, [RELATION_SAME_AS])
      .map(edge => ({ edge, to: edge.source })),
  ];
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

/**
 * The IAM members a question names, lowercased, as grants are keyed (`domain:example.org`,
 * `serviceAccount:ci@other-org.iam.gserviceaccount.com`): a principal with no entity is
 * answered by the grants it holds.
 */
export function membersNamed(graph: InventoryGraph, query: string): string[] {
  const parsed = parsePrincipalQuery(query, ref => graph.has(ref));
  return parsed ? membersOf(parsed).map(m => m.toLowerCase()) : [];
}

/**
 * Everyone in the groups among the subject's identities: users and groups that are members
 * (`memberOf`) or nested groups (`childOf`), and the members of those, each with the chain
 * that makes them a member (member first) — the file and line, or the API, stating each link.
 * A member named by e-mail address is shown as the GitHub login linked to it (`sameAs`), when
 * there is one: a login is public, and one person appears once.
 */
export function groupMembers(
  graph: InventoryGraph,
  identities: Map<string, { chain: GraphEdge[] }>,
  withheld: Withheld = () => false,
) {
  const groups = [...identities.keys()].filter(ref => ref.startsWith('group:'));
  const reached = walk({
    start: groups,
    next: ref =>
      graph
        .in(ref, ['memberOf', 'childOf'])
        .filter(
          edge =>
            edge.source.startsWith('user:') || edge.source.startsWith('group:'),
        )
        .map(edge => ({ edge, to: edge.source })),
  }).reached;
  const members = new Map<string, { chain: GraphEdge[]; nested: number }>();
  for (const [ref, { chain }] of reached) {
    if (identities.has(ref)) continue;
    // The walk goes down from the group; evidence reads up, from the member to the group.
    const up = [...chain].reverse();
    const login = withheld(ref) ? undefined : linkedLogin(graph, ref);
    const [shown, steps] = login ? [login.ref, [login.edge, ...up]] : [ref, up];
    const known = members.get(shown);
    if (!known || up.length - 1 < known.nested) {
      members.set(shown, { chain: steps, nested: up.length - 1 });
    }
  }
  return [...members].map(([ref, member]) => ({ ref, ...member }));
}

/** The User of a GitHub login that a User named by address is `sameAs`, and that link. */
function linkedLogin(graph: InventoryGraph, ref: string) {
  const links = sameAsLinks(graph, ref);
  const link = links.find(
    ({ to }) =>
      !!graph.entity(to)?.metadata.annotations?.[GITHUB_LOGIN_ANNOTATION],
  );
  return link && { ref: link.to, edge: link.edge };
}
