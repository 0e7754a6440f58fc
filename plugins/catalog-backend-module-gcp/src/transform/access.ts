import { AccessPower } from '@infra-atlas/inventory-common';

/** One rule of the role classification: the first rule whose pattern matches decides. */
export type RoleRule = { match: RegExp; power: AccessPower };

/**
 * The community defaults, in order (docs/infra-atlas/gcp-inventory.md explains each). Billing
 * and Google's service agents come first because their names would otherwise match the
 * generic `admin`/`editor` patterns below; specific storage roles come before the generic
 * suffixes for the same reason.
 */
export const DEFAULT_ROLE_RULES: Array<[pattern: string, power: AccessPower]> =
  [
    // Money and Google's own agents say nothing about who runs a resource.
    ['^roles/billing\\.', 'other'],
    ['[sS]erviceAgent$', 'other'],
    ['^roles/owner$', 'administer'],
    // Editors can create, change and delete nearly everything except access itself.
    ['^roles/editor$', 'administer'],
    ['^roles/(viewer|browser)$', 'read'],
    ['^roles/storage\\.legacyBucketOwner$', 'administer'],
    ['^roles/storage\\.legacy(BucketWriter|ObjectOwner)$', 'write'],
    ['^roles/storage\\.legacy(BucketReader|ObjectReader)$', 'read'],
    // Full control of the objects, but not of the bucket's settings or access.
    ['^roles/storage\\.objectAdmin$', 'write'],
    ['(IamAdmin|[.]admin|Admin)$', 'administer'],
    ['([vV]iewer|[rR]eader|[lL]ister|[aA]ccessor)$', 'read'],
    [
      '([eE]ditor|[wW]riter|[dD]eveloper|[cC]reator|[bB]uilder|[dD]eployer|serviceAccountUser)$',
      'write',
    ],
  ];

export const defaultRoleRules = (): RoleRule[] =>
  DEFAULT_ROLE_RULES.map(([pattern, power]) => ({
    match: new RegExp(pattern),
    power,
  }));

/** The power of a role: the first matching rule's, else `other`. */
export function powerOf(role: string, rules: RoleRule[]): AccessPower {
  return rules.find(rule => rule.match.test(role))?.power ?? 'other';
}
