/**
 * Relation types Infra Atlas adds to the catalog's own (`ownedBy`, `partOf`, `dependsOn`, …).
 * Each comes as a pair, because Backstage stores both directions of a relation.
 *
 * @public
 */
export const RELATIONS = {
  /** A workload or namespace runs on a cluster; a resource lives in a project. */
  runsOn: 'runsOn',
  hosts: 'hosts',
  /** A principal (User or Group) administers a resource through an IAM grant. */
  administers: 'administers',
  administeredBy: 'administeredBy',
  /** A hostname resolves to the thing that serves it. */
  servedBy: 'servedBy',
  serves: 'serves',
} as const;

/**
 * Two User entities that are one person: a GitHub login (from OWNERS or sigs.yaml) and an
 * e-mail address (from a Google Group or an IAM grant). Symmetric, so it has no reverse.
 *
 * @public
 */
export const RELATION_SAME_AS = 'sameAs';

/**
 * Each forward relation and the name the catalog stores for its other end: the built-in pairs
 * and Infra Atlas's own. A relation without a direction (`sameAs`) is its own reverse.
 *
 * @public
 */
export const REVERSE_RELATION: Readonly<Record<string, string>> = {
  ownedBy: 'ownerOf',
  childOf: 'parentOf',
  memberOf: 'hasMember',
  partOf: 'hasPart',
  dependsOn: 'dependencyOf',
  providesApi: 'apiProvidedBy',
  consumesApi: 'apiConsumedBy',
  [RELATIONS.runsOn]: RELATIONS.hosts,
  [RELATIONS.servedBy]: RELATIONS.serves,
  [RELATIONS.administeredBy]: RELATIONS.administers,
  [RELATION_SAME_AS]: RELATION_SAME_AS,
};
