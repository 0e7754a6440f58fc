import { RELATIONS, REVERSE_RELATION } from '@infra-atlas/inventory-common';

/**
 * The catalog stores every relation twice, once from each end. The graph keeps each fact once,
 * in the direction the declaring entity states it; this maps each reverse name to its forward
 * name.
 */
export const FORWARD_OF_REVERSE: Record<string, string> = Object.fromEntries(
  Object.entries(REVERSE_RELATION)
    .filter(([forward, reverse]) => forward !== reverse)
    .map(([forward, reverse]) => [reverse, forward]),
);

/** Relations with no direction: the catalog gets the same name both ways. */
export const SYMMETRIC_RELATIONS = new Set(
  Object.entries(REVERSE_RELATION)
    .filter(([forward, reverse]) => forward === reverse)
    .map(([forward]) => forward),
);

/**
 * Relations along which a failure travels, read as "source needs target": an app needs its
 * namespace, a namespace its cluster, a cluster its project, a DNS name what serves it.
 */
export const DEPENDENCY_RELATIONS = [
  RELATIONS.runsOn,
  'dependsOn',
  RELATIONS.servedBy,
  'childOf',
];

/** Relations that place an entity in something larger: the placement chain climbs these. */
export const PLACEMENT_RELATIONS = [RELATIONS.runsOn, 'childOf'];
