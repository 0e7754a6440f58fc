/*
 * What the fields of the answers in types.ts carry, for the backend to take out what a caller
 * may not see: entities they may not read in the catalog, and personal details (people's
 * e-mail addresses, the entity refs built from them, grants to individual people). Every
 * answer type uses these field names with these meanings; a new field that names an entity
 * or a person under another name hides its whole object rather than leak it.
 */

/**
 * Fields that say what their object is about (`entity` of an ownership item, `principal` of a
 * grant, `from` and `to` of an evidence step, `source` and `target` of a graph edge…). When
 * one names something the caller may not read, the whole object goes; at an answer's top
 * level, the answer is a 404 like an unknown entity's. A row of a list named after one of the
 * {@link DESCRIPTIVE_ANSWER_FIELDS} (`owners`) is about that field (its `owner`).
 *
 * @public
 */
export const IDENTITY_ANSWER_FIELDS: readonly string[] = [
  'ref',
  'entity',
  'focus',
  'person',
  'principal',
  'serviceAccount',
  'from',
  'to',
  'source',
  'target',
  'subject',
  'member',
  // An impact node's step from the node it was reached through.
  'via',
];

/**
 * Optional fields that describe their object with another entity (a bucket's `owner`, a
 * workload's `actsAs`): the field goes, the object stays. Each lists the fields that repeat it
 * in other words and go with it. At an answer's top level, `repository` is its subject. (An
 * ownership section's `cause` is not one: the section's title names it, so it goes whole.)
 *
 * @public
 */
export const DESCRIPTIVE_ANSWER_FIELDS: Readonly<Record<string, string[]>> = {
  owner: ['ownerTitle'],
  actsAs: [],
  address: [],
  customRole: [],
  repository: [],
};

/**
 * Lists of sentences that name entities by their titles (an ownership answer's `summary`,
 * its `notes`): a sentence naming an entity the caller may not read goes.
 *
 * @public
 */
export const SENTENCE_LIST_ANSWER_FIELDS: readonly string[] = [
  'summary',
  'notes',
];

/**
 * Evidence chains: a chain with a step the caller may not see is no evidence, so it goes
 * whole, and with it what it proves (an item held through a group the caller may not read).
 * `through` is an ownership item's chain named by its principals (the steps between them are
 * sent once, in the answer's `identities` and `groups`).
 *
 * @public
 */
export const CHAIN_ANSWER_FIELDS: readonly string[] = [
  'steps',
  'path',
  'through',
];

/**
 * Sentences that can quote a person's address (a drift finding's `message`, a step's `note`,
 * an answer's `summary` and `notes`, a configuration line's `text`): personal details in them are replaced, the rest stays.
 *
 * @public
 */
export const TEXT_ANSWER_FIELDS: readonly string[] = [
  'description',
  'message',
  'note',
  'detail',
  'summary',
  'notes',
  'stale',
  'evidence',
  'reason',
  // A configuration line: `n1-standard-2, runs as jane@example.com`.
  'text',
  // Names that can embed an address: an observed object's resource name, a link.
  'source',
  'url',
];

/**
 * How a withheld personal detail reads: `user:default/[redacted]`, `user:[redacted]`.
 *
 * @public
 */
export const REDACTED = '[redacted]';
