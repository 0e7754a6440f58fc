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
