/*
 * The forms in which people name a principal when they ask who holds what: IAM's own member
 * syntax (`serviceAccount:…`, `group:…`, `user:…`, `domain:…`, as `gcloud` and policies print
 * them), a bare e-mail address, an entity ref, or a GitHub login / entity name.
 */

/** What an IAM member with an address can be. */
export type AddressKind = 'user' | 'group' | 'serviceAccount';

export type PrincipalQuery =
  /** An e-mail address, and the kinds of principal it may be. */
  | { form: 'address'; address: string; kinds: AddressKind[] }
  /** `domain:example.org`: everyone in a Workspace domain; never an entity. */
  | { form: 'domain'; domain: string }
  /** An entity ref, full or short (`group:sig-k8s-infra`). */
  | { form: 'ref'; ref: string }
  /** A GitHub login or an entity name. */
  | { form: 'name'; name: string };

const ENTITY_REF = /^[a-z]+:([a-z0-9._-]+\/)?[a-z0-9._@-]+$/i;
const MEMBER = /^(user|group|serviceaccount|domain):([^/\s]+)$/;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** Google's service-account domains: `*.iam.gserviceaccount.com`, `appspot.…`, `developer.…`. */
export const isServiceAccountAddress = (address: string) =>
  address.endsWith('.gserviceaccount.com');

const MEMBER_KINDS: Record<string, AddressKind> = {
  user: 'user',
  group: 'group',
  serviceaccount: 'serviceAccount',
};

/**
 * Reads a question's subject. `domain:example.org` is a domain principal unless the catalog
 * has a Domain entity of that name (`hasEntity`), since both are spelled the same.
 */
export function parsePrincipalQuery(
  query: string,
  hasEntity: (ref: string) => boolean,
): PrincipalQuery | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return undefined;
  const member = q.match(MEMBER);
  if (member) {
    const [, type, value] = member;
    if (type === 'domain' && DOMAIN.test(value) && !hasEntity(q)) {
      return { form: 'domain', domain: value };
    }
    // `user:alice` and `group:sig-k8s-infra` are entity refs; with an address, IAM members.
    if (type in MEMBER_KINDS && value.includes('@')) {
      return { form: 'address', address: value, kinds: [MEMBER_KINDS[type]] };
    }
  }
  if (q.includes('@')) {
    return {
      form: 'address',
      address: q,
      kinds: isServiceAccountAddress(q)
        ? ['serviceAccount']
        : ['user', 'group'],
    };
  }
  return ENTITY_REF.test(q)
    ? { form: 'ref', ref: q }
    : { form: 'name', name: q };
}

/** The IAM members a query stands for, as policies spell them: what grants are keyed by. */
export function membersOf(query: PrincipalQuery): string[] {
  if (query.form === 'domain') return [`domain:${query.domain}`];
  if (query.form === 'address') {
    return query.kinds.map(kind => `${kind}:${query.address}`);
  }
  return [];
}
