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
