import { NotFoundError } from '@backstage/errors';
import {
  CHAIN_ANSWER_FIELDS,
  DESCRIPTIVE_ANSWER_FIELDS,
  IDENTITY_ANSWER_FIELDS,
  SENTENCE_LIST_ANSWER_FIELDS,
  TEXT_ANSWER_FIELDS,
} from '@infra-atlas/inventory-common';

/*
 * Takes out of an answer what its caller may not see, by the meaning of its fields
 * (inventory-common's answerFields.ts): objects about an entity the caller may not read go,
 * and personal details are replaced.
 */

/** What one caller may not see. */
export type Withholding = {
  /** Entity refs the caller may not read: what they identify goes. */
  unreadable?: (ref: string) => boolean;
  /** A personal detail's replacement; `undefined` for a value that is none. */
  redact?: (value: string) => string | undefined;
  /** A sentence with the personal details it quotes replaced. */
  redactText?: (text: string) => string;
};

/** How answers spell refs: lower-cased `kind:namespace/name`, of a catalog kind. */
const ENTITY_REF =
  /^(api|component|domain|group|location|resource|system|template|user):[a-z0-9._-]+\/\S+$/;

export const isEntityRef = (value: string) => ENTITY_REF.test(value);

const IDENTITY = new Set(IDENTITY_ANSWER_FIELDS);
const CHAINS = new Set(CHAIN_ANSWER_FIELDS);
const TEXT = new Set(TEXT_ANSWER_FIELDS);
const SENTENCES = new Set(SENTENCE_LIST_ANSWER_FIELDS);

/** A value that must go whole, with the object or chain that holds it. */
const HIDDEN = Symbol('hidden');

/** The identities of each list's rows, by the list's noun. */
const rowIdentities = new Map<string, Set<string>>();

/**
 * What identifies a row of the list under `key`: the identity fields, and the list's own noun
 * (a row of `owners` is about its `owner`, which elsewhere only describes its object).
 */
function identitiesOf(key: string | undefined): Set<string> {
  const noun = key?.endsWith('s') ? key.slice(0, -1) : undefined;
  if (!noun || !(noun in DESCRIPTIVE_ANSWER_FIELDS)) return IDENTITY;
  let identities = rowIdentities.get(noun);
  if (!identities) {
    identities = new Set([...IDENTITY, noun]);
    rowIdentities.set(noun, identities);
  }
  return identities;
}

/** At the top level, `repository` is what a path-ownership answer is about. */
const ROOT_IDENTITIES = new Set([...IDENTITY, 'repository']);

/** A walk's rules, with the titles of the entities it hides, to find them in sentences. */
type Walk = Withholding & { namesHidden?: RegExp };

/** A string matched literally in a pattern. */
export const escapeRegExp = (s: string) =>
  s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The titles of the entities an answer names that the caller may not read, as one pattern
 * that finds them as words (`aaa`, not the `aaa` in `aaa-canary`).
 */
function hiddenTitles(answer: unknown, unreadable: (ref: string) => boolean) {
  const titles = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      const { ref, title } = value as { ref?: unknown; title?: unknown };
      if (
        typeof ref === 'string' &&
        typeof title === 'string' &&
        title &&
        unreadable(ref)
      ) {
        titles.add(title);
      }
      Object.values(value).forEach(visit);
    }
  };
  visit(answer);
  return titles.size
    ? new RegExp(
        `(^|[^\\w.-])(${[...titles].map(escapeRegExp).join('|')})($|[^\\w-])`,
      )
    : undefined;
}

/**
 * The value without what `rules` withhold. What keeps every part is returned as it is, not
 * copied: most of an answer is kept, and copying every object of a 300 KB answer for every
 * caller without personal details was most of the walk's cost under load.
 */
function prune(
  value: unknown,
  rules: Walk,
  key: string | undefined,
  identities: Set<string>,
): unknown {
  if (typeof value === 'string') return pruneString(value, rules, key);
  if (Array.isArray(value)) {
    const rows = identitiesOf(key);
    const chain = !!key && CHAINS.has(key);
    let kept: unknown[] | undefined;
    for (let at = 0; at < value.length; at++) {
      const item = value[at];
      const after = prune(item, rules, key, rows);
      if (after === item && !kept) continue;
      if (after === HIDDEN && chain) return HIDDEN;
      kept ??= value.slice(0, at);
      if (after !== HIDDEN) kept.push(after);
    }
    return kept ?? value;
  }
  if (!value || typeof value !== 'object') return value;
  let out: Record<string, unknown> | undefined;
  let dropped: Set<string> | undefined;
  for (const field in value) {
    if (!Object.prototype.hasOwnProperty.call(value, field)) continue;
    const item = (value as Record<string, unknown>)[field];
    const kept = prune(item, rules, field, IDENTITY);
    if (kept === item) continue;
    out ??= { ...value };
    if (kept !== HIDDEN) {
      out[field] = kept;
    } else if (field in DESCRIPTIVE_ANSWER_FIELDS && !identities.has(field)) {
      dropped ??= new Set();
      dropped.add(field);
      for (const also of DESCRIPTIVE_ANSWER_FIELDS[field]) dropped.add(also);
    } else {
      // An identity, a chain, or a field nobody marked: the object cannot stay without it.
      return HIDDEN;
    }
  }
  if (!out) return value;
  dropped?.forEach(field => delete out![field]);
  return out;
}

function pruneString(value: string, rules: Walk, key: string | undefined) {
  if (rules.unreadable && isEntityRef(value) && rules.unreadable(value)) {
    return HIDDEN;
  }
  if (key && SENTENCES.has(key) && rules.namesHidden?.test(value)) {
    return HIDDEN;
  }
  const replaced = rules.redact?.(value);
  if (replaced !== undefined) return replaced;
  return key && TEXT.has(key) && rules.redactText
    ? rules.redactText(value)
    : value;
}

/** The ref an answer is about, for its 404: its `entity`, `focus` or `repository`. */
function subjectOf(answer: unknown): string {
  const fields = answer as Record<string, { ref?: unknown } | undefined>;
  for (const field of ['entity', 'focus', 'repository']) {
    const ref = fields?.[field]?.ref;
    if (typeof ref === 'string') return ref;
  }
  return 'of this question';
}

/**
 * The answer without what `rules` withhold. An answer whose subject the caller may not read is
 * a 404 worded like the one for an entity the inventory does not know: whether an entity
 * exists is not for them to learn either.
 */
export function withhold<T>(answer: T, rules: Withholding): T {
  const namesHidden = rules.unreadable
    ? hiddenTitles(answer, rules.unreadable)
    : undefined;
  const kept = prune(
    answer,
    { ...rules, namesHidden },
    undefined,
    ROOT_IDENTITIES,
  );
  if (kept === HIDDEN) {
    throw new NotFoundError(`No entity ${subjectOf(answer)} in the inventory`);
  }
  return kept as T;
}

/** Every entity ref an answer names, once: what the catalog is asked about. */
export function refsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (isEntityRef(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) refsIn(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) refsIn(item, into);
  }
  return into;
}
