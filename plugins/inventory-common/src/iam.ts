import {
  emailPrincipalEntityName,
  gcpServiceAccountEntityName,
} from './entityNames';

/*
 * How Infra Atlas describes an IAM grant, for the GCP provider that writes it, the inventory
 * backend that answers with it and the app that shows it.
 */

/**
 * What a role lets its holder do to the resource it is granted on:
 * - `administer`: change the resource, its settings or who has access (`roles/owner`,
 *   `roles/editor`, `roles/container.admin`, …);
 * - `write`: change what is in it or run things in it (`roles/storage.objectAdmin`,
 *   `roles/cloudbuild.builds.editor`, …);
 * - `read`: see it (`roles/viewer`, `roles/storage.objectViewer`, …);
 * - `other`: none of these about the resource itself (billing, Google's service agents, using
 *   a key or a quota).
 *
 * @public
 */
export type AccessPower = 'administer' | 'write' | 'read' | 'other';

/** Strongest first, the order answers list grants in. @public */
export const ACCESS_POWERS: readonly AccessPower[] = [
  'administer',
  'write',
  'read',
  'other',
];

/**
 * An IAM condition as the binding states it, plus the plain time bounds read from its
 * expression (`request.time < timestamp("…")`), which are the only part that can be
 * evaluated without the request.
 *
 * @public
 */
export type GrantCondition = {
  title?: string;
  description?: string;
  expression: string;
  /** The grant applies only before this instant (ISO 8601). */
  expiresAt?: string;
  /** The grant applies only from this instant on (ISO 8601). */
  notBefore?: string;
};

/**
 * Whether a conditional grant can apply now: `expired` and `not-yet-valid` are certain from the
 * time bounds; `conditional` means it applies only when the rest of the condition holds.
 *
 * @public
 */
export type ConditionStatus = 'conditional' | 'expired' | 'not-yet-valid';

/** @public */
export function conditionStatus(
  condition: GrantCondition,
  now: Date = new Date(),
): ConditionStatus {
  if (condition.expiresAt && Date.parse(condition.expiresAt) <= now.getTime())
    return 'expired';
  if (condition.notBefore && Date.parse(condition.notBefore) > now.getTime())
    return 'not-yet-valid';
  return 'conditional';
}

const COMPARISON =
  /^\(*\s*(request\.time\s*(<=?|>=?)\s*timestamp\(\s*["']([^"']+)["']\s*\)|timestamp\(\s*["']([^"']+)["']\s*\)\s*(<=?|>=?)\s*request\.time)\s*\)*$/;

/**
 * The time bounds of a CEL condition that is a conjunction (`&&`) of clauses: each
 * `request.time < timestamp(…)` clause bounds the end, each `>` clause the start. An
 * expression with `||` or `!` has no bounds that hold on their own, so none are read.
 *
 * @public
 */
export function timeBoundsOf(
  expression: string,
): Pick<GrantCondition, 'expiresAt' | 'notBefore'> {
  if (/\|\||!(?!=)/.test(expression)) return {};
  const bounds: { expiresAt?: number; notBefore?: number } = {};
  for (const clause of expression.split('&&')) {
    const match = clause.trim().match(COMPARISON);
    if (!match) continue;
    const [, , leftOp, leftTime, rightTime, rightOp] = match;
    const time = Date.parse(leftTime ?? rightTime);
    if (Number.isNaN(time)) continue;
    // `timestamp(t) > request.time` reads as `request.time < t`.
    const op = leftOp ?? (rightOp.startsWith('<') ? '>' : '<');
    if (op.startsWith('<')) {
      bounds.expiresAt = Math.min(bounds.expiresAt ?? Infinity, time);
    } else {
      bounds.notBefore = Math.max(bounds.notBefore ?? -Infinity, time);
    }
  }
  return {
    ...(bounds.expiresAt !== undefined
      ? { expiresAt: new Date(bounds.expiresAt).toISOString() }
      : {}),
    ...(bounds.notBefore !== undefined
      ? { notBefore: new Date(bounds.notBefore).toISOString() }
      : {}),
  };
}

/**
 * How an answer says a condition in a few words: `conditional: break-glass`,
 * `expired 2024-06-01: temporary access`.
 *
 * @public
 */
export function describeCondition(
  condition: GrantCondition,
  now: Date = new Date(),
): string {
  const status = conditionStatus(condition, now);
  const name = condition.title || condition.expression;
  if (status === 'expired')
    return `expired ${condition.expiresAt!.slice(0, 10)}: ${name}`;
  if (status === 'not-yet-valid')
    return `not valid before ${condition.notBefore!.slice(0, 10)}: ${name}`;
  return `conditional${
    condition.expiresAt ? ` until ${condition.expiresAt.slice(0, 10)}` : ''
  }: ${name}`;
}

/**
 * A principal an IAM member names, and the entity it is (or will be once its provider emits
 * it).
 *
 * @public
 */
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
 *
 * @public
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
