import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS, RESOURCE_TYPES } from '@infra-atlas/inventory-common';

/*
 * What the catalog lists show of an entity, read from the fields the providers set: the GCP
 * provider's `spec.gcp` and annotations, the GitHub provider's DNS and Kubernetes specs.
 * Each returns undefined when the entity has no such fact, so a cell stays empty.
 */

type Spec = Record<string, any>;
const specOf = (entity: Entity) => (entity.spec ?? {}) as Spec;

/** The GCP project an entity lives in; a project is not "in" itself. */
export function projectOf(entity: Entity): string | undefined {
  if (specOf(entity).type === RESOURCE_TYPES.gcpProject) return undefined;
  return entity.metadata.annotations?.[ANNOTATIONS.gcpProjectId] || undefined;
}

/** Where a GCP resource is: a region, a zone, a multi-region (`US`) or `global`. */
export const locationOf = (entity: Entity): string | undefined =>
  specOf(entity).gcp?.location || undefined;

/** A lifecycle state as people write it: `DELETE_REQUESTED` → "Delete requested". */
export function stateOf(entity: Entity): string | undefined {
  const state = String(specOf(entity).gcp?.state ?? '');
  if (!state || state === 'STATE_UNSPECIFIED') return undefined;
  const words = state.toLowerCase().replace(/_/g, ' ');
  return words[0].toUpperCase() + words.slice(1);
}

/** The public grants (`allUsers=roles/…`), empty when nothing is public. */
export const publicGrantsOf = (entity: Entity): string[] =>
  (entity.metadata.annotations?.[ANNOTATIONS.publicAccess] ?? '')
    .split(',')
    .filter(Boolean);

/** A DNS record's type (A, CNAME, …) and values, as the zone file states them. */
export const recordTypeOf = (entity: Entity): string | undefined =>
  specOf(entity).recordType || undefined;

export const recordValuesOf = (entity: Entity): string | undefined => {
  const values = specOf(entity).values;
  return Array.isArray(values) && values.length ? values.join(', ') : undefined;
};

/** A person's or a group's e-mail address, from its profile. */
export const emailOf = (entity: Entity): string | undefined =>
  specOf(entity).profile?.email || undefined;
