import { Principal } from '@infra-atlas/inventory-common';

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
