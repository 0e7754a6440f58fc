import { AccessPower } from '@infra-atlas/inventory-common';

/**
 * One rule of the role classification: the first rule whose pattern matches decides.
 * Configured rules come before what a custom role's permissions say; defaults after.
 */
export type RoleRule = { match: RegExp; power: AccessPower; configured?: true };

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

/** Verbs (the last part of a permission) that change a resource or what is in it. */
const WRITE_VERBS =
  /^(create|delete|update|patch|undelete|move|set|approve|attach|exec|rollback|evict|write|upload|cancel|run|deploy|portForward|proxy)/;
const READ_VERBS = /^(get|list|read|search|query|export|analyze|download|view)/;

/**
 * The power a custom role's permissions give: changing access (`*.setIamPolicy`) administers;
 * creating, changing or deleting writes; reading reads. Read from what the role grants, not
 * from its name: k8s-infra's `prow.viewer` can create and delete instances.
 */
export function powerOfPermissions(permissions: string[]): AccessPower {
  const verbs = permissions.map(p => p.slice(p.lastIndexOf('.') + 1));
  if (verbs.includes('setIamPolicy')) return 'administer';
  if (verbs.some(v => WRITE_VERBS.test(v))) return 'write';
  if (verbs.some(v => READ_VERBS.test(v))) return 'read';
  return 'other';
}

/**
 * The power of a role: a configured rule's; else, for a custom role the crawl read, what its
 * permissions give; else the first matching default rule's; else `other`.
 */
export function powerOf(
  role: string,
  rules: RoleRule[],
  customRolePermissions?: ReadonlyMap<string, string[]>,
): AccessPower {
  const configured = rules.find(
    rule => rule.configured && rule.match.test(role),
  );
  if (configured) return configured.power;
  const permissions = customRolePermissions?.get(role);
  if (permissions) return powerOfPermissions(permissions);
  return rules.find(rule => rule.match.test(role))?.power ?? 'other';
}
