import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  BACKSTAGE_ANNOTATIONS,
  entityTitle,
  membershipsOf,
  RELATIONS,
  RelationProvenance,
} from '@infra-atlas/inventory-common';

const LOCATION_PREFIX = /^(url|file):/;

/**
 * Where the facts of an entity come from, and so every relation it states: crawled entities
 * carry `infra-atlas.io/provenance`; hand-written ones are declared in the file the catalog
 * read them from.
 */
export function provenanceOf(entity: Entity): RelationProvenance {
  const annotations = entity.metadata.annotations ?? {};
  const kind = annotations[ANNOTATIONS.provenance];
  const location = annotations[BACKSTAGE_ANNOTATIONS.managedByLocation] ?? '';
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

const MEMBERSHIP_RELATIONS = new Set(['memberOf', 'childOf']);

/**
 * Why a relation read from the catalog holds. Most relations are stated by their source
 * entity's file or API. Two are not:
 * - a group membership (a person `memberOf` a group, a group `childOf` the group that nests
 *   it) is stated by the group's file, at the member's line, which the member's
 *   `memberships` annotation records — the member's own file is only the first that names it;
 * - the GitHub inventory serves a DNS record by the app whose Ingress or certificate names
 *   that hostname, a join of two files that neither states.
 */
export function relationProvenance(
  declaring: Entity,
  type: string,
  target: Entity | undefined,
): RelationProvenance {
  if (MEMBERSHIP_RELATIONS.has(type) && target) {
    const statedIn = membershipsOf(declaring).get(
      stringifyEntityRef(target).toLowerCase(),
    );
    if (statedIn) return { kind: 'declared', url: statedIn };
  }
  if (type === RELATIONS.servedBy && target) {
    const fqdn = String(
      (declaring.spec as { fqdn?: unknown })?.fqdn ?? '',
    ).replace(/\.$/, '');
    const hostnames = (
      target.metadata.annotations?.[ANNOTATIONS.hostnames] ?? ''
    ).split(',');
    if (fqdn && hostnames.map(h => h.trim()).includes(fqdn)) {
      return {
        kind: 'inferred',
        rule: 'ingress-hostname',
        detail: `${fqdn} is a hostname of ${entityTitle(
          target,
        )} (Ingress or certificate), declared in ${
          target.metadata.annotations?.[ANNOTATIONS.declaredIn] ??
          'its manifests'
        }`,
      };
    }
  }
  return provenanceOf(declaring);
}
