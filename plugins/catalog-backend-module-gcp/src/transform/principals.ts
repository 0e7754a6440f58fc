import {
  emailPrincipalEntityName,
  gcpServiceAccountEntityName,
} from '@infra-atlas/inventory-common';

export type Principal = {
  kind: 'group' | 'user' | 'serviceAccount';
  email: string;
  /** The entity ref the principal is, or will be once its provider emits it. */
  ref: string;
};

/**
 * Reads an IAM member (`group:x@y`, `user:…`, `serviceAccount:…`). Other members —
 * `allUsers`, `domain:`, `projectOwner:`, `deleted:…` — are kept as evidence but are no
 * entity of their own.
 */
export function parsePrincipal(member: string): Principal | undefined {
  const separator = member.indexOf(':');
  if (separator < 0) {
    return undefined;
  }
  const type = member.slice(0, separator);
  const email = member.slice(separator + 1).toLowerCase();
  if (!email.includes('@')) {
    return undefined;
  }
  switch (type) {
    case 'group':
      return {
        kind: 'group',
        email,
        ref: `group:default/${emailPrincipalEntityName(email)}`,
      };
    case 'user':
      return {
        kind: 'user',
        email,
        ref: `user:default/${emailPrincipalEntityName(email)}`,
      };
    case 'serviceAccount':
      return {
        kind: 'serviceAccount',
        email,
        ref: `resource:default/${gcpServiceAccountEntityName(email)}`,
      };
    default:
      return undefined;
  }
}

/**
 * Which principals the provider emits as entities, so that each has one source when another
 * provider declares them (the GitHub inventory's groups.yaml analyzer declares Google Groups
 * and their members).
 */
export type PrincipalRules = {
  /** E-mail domains whose groups and people another provider declares. */
  declaredElsewhere: string[];
  /** Whether people (`user:` members) become User entities at all. */
  emitUsers: boolean;
};

export function principalFilter(
  rules: PrincipalRules = { declaredElsewhere: [], emitUsers: true },
): (principal: Principal) => boolean {
  const elsewhere = new Set(rules.declaredElsewhere.map(d => d.toLowerCase()));
  return principal =>
    !elsewhere.has(principal.email.split('@')[1]) &&
    (principal.kind !== 'user' || rules.emitUsers);
}
