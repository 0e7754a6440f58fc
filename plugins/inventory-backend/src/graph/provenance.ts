import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS, RelationProvenance } from '@infra-atlas/inventory-common';

const LOCATION_PREFIX = /^(url|file):/;

/**
 * Where the facts of an entity come from, and so every relation it states: crawled entities
 * carry `infra-atlas.io/provenance`; hand-written ones are declared in the file the catalog
 * read them from.
 */
export function provenanceOf(entity: Entity): RelationProvenance {
  const annotations = entity.metadata.annotations ?? {};
  const kind = annotations[ANNOTATIONS.provenance];
  const location = annotations['backstage.io/managed-by-location'] ?? '';
  if (kind === 'observed') {
    return {
      kind: 'observed',
      source:
        annotations[ANNOTATIONS.gcpResourceName] ??
        annotations['backstage.io/view-url'] ??
        location,
    };
  }
  return {
    kind: 'declared',
    url:
      annotations[ANNOTATIONS.declaredIn] ??
      location.replace(LOCATION_PREFIX, ''),
  };
}
