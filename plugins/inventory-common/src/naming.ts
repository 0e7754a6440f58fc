/**
 * The one function that names every entity Infra Atlas emits.
 *
 * Providers that never talk to each other must agree on names: the GitHub provider emits
 * `runsOn` a cluster that the GCP provider creates. So a name is computed from the identifying
 * parts of the thing (for a GKE cluster: project, location, cluster name), never from a
 * display name, and always by this module. The scheme is documented in docs/naming.md.
 *
 * - Clean form: every part is lower-case letters, digits and `_` separated by single `-` or
 *   `.`; parts are joined with `--`. Because a clean part never contains `--`, the joined name
 *   can be split back into its parts, so two different part lists never share a clean name.
 *   `_` is allowed because real identifiers use it (`_acme-challenge` DNS records, BigQuery
 *   datasets) and Backstage accepts it inside a name.
 * - Hashed form: when a part is not clean (upper case, `@`, `/`, doubled separators, …), the
 *   name would start or end with `_`, or the clean form is longer than Backstage's 63
 *   characters, the name is a readable, sanitised prefix plus `_` plus 16 hex digits of a
 *   64-bit hash of the exact parts. A clean name never ends that way (one that would is
 *   hashed), so hashed names never collide with clean ones.
 *
 * @packageDocumentation
 */

/** Backstage's limit for `metadata.name`. */
export const MAX_ENTITY_NAME_LENGTH = 63;

const PART_SEPARATOR = '--';
const HASH_SEPARATOR = '_';
const HASH_HEX_LENGTH = 16;
const CLEAN_PART = /^[a-z0-9_]+(?:[.-][a-z0-9_]+)*$/;
/** Backstage names start and end with a letter or digit. */
const ALPHANUMERIC_ENDS = /^[a-z0-9](?:.*[a-z0-9])?$/;
const HASHED_NAME = new RegExp(
  `${HASH_SEPARATOR}[0-9a-f]{${HASH_HEX_LENGTH}}$`,
);

/**
 * Whether a name is in the hashed form: its parts could not be kept as they are.
 *
 * @public
 */
export const isHashedEntityName = (name: string) => HASHED_NAME.test(name);

/**
 * FNV-1a, 64 bit. Chosen because it is tiny, deterministic and runs unchanged in the browser
 * and in Node (names are computed on both sides); it is not used for anything secret.
 */
function fnv1a64Hex(input: string): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const bytes = new TextEncoder().encode(input);
  for (const byte of bytes) {
    hash ^= BigInt(byte);
    hash = BigInt.asUintN(64, hash * prime);
  }
  return hash.toString(16).padStart(HASH_HEX_LENGTH, '0');
}

function sanitize(part: string): string {
  return part
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/([.-])[.-]+/g, '$1')
    .replace(/^[.-]+|[.-]+$/g, '');
}

/**
 * Returns the entity name for the given identifying parts, e.g.
 * `entityName(['gke-cluster', 'kubernetes-public', 'us-central1', 'aaa'])` is
 * `gke-cluster--kubernetes-public--us-central1--aaa`.
 *
 * @public
 */
export function entityName(parts: readonly string[]): string {
  if (parts.length === 0 || parts.some(p => p.length === 0)) {
    throw new TypeError(
      `entityName needs non-empty parts, got ${JSON.stringify(parts)}`,
    );
  }
  const clean = parts.join(PART_SEPARATOR);
  if (
    parts.every(p => CLEAN_PART.test(p)) &&
    clean.length <= MAX_ENTITY_NAME_LENGTH &&
    ALPHANUMERIC_ENDS.test(clean) &&
    !isHashedEntityName(clean)
  ) {
    return clean;
  }
  const hash = fnv1a64Hex(JSON.stringify(parts));
  const budget =
    MAX_ENTITY_NAME_LENGTH - HASH_SEPARATOR.length - HASH_HEX_LENGTH;
  const prefix = parts
    .map(sanitize)
    .filter(Boolean)
    .join(PART_SEPARATOR)
    .slice(0, budget)
    .replace(/[.-]+$/, '');
  return prefix
    ? `${prefix}${HASH_SEPARATOR}${hash}`
    : `h${HASH_SEPARATOR}${hash}`;
}
