import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  RESOURCE_TYPES,
  entityIdentifiers,
} from '@infra-atlas/inventory-common';

/** The document field holding an entity's search keys. */
export const SEARCH_KEYS_FIELD = 'searchKeys';

/** How a typed term is compared with a search key: case and surrounding spaces do not count. */
export const normalizeSearchKey = (value: string) => value.trim().toLowerCase();

/**
 * An image reference without its tag or digest, and its last path segment:
 * `registry.k8s.io/kube-apiserver:v1.30.0` also answers to `registry.k8s.io/kube-apiserver`
 * and `kube-apiserver`, the names people type.
 */
function imageNames(identifier: string): string[] {
  if (!identifier.includes('/')) return [];
  const untagged = identifier.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
  return [untagged, untagged.split('/').pop() ?? ''];
}

/**
 * Everything a person may type to mean exactly this entity: its name, its title and its
 * identifiers (project ID and number, bucket, DNS name, image, login, group address...),
 * normalized. An entity whose key equals the typed term is an exact match and ranks first.
 */
export function searchKeys(entity: Entity): string[] {
  // Every resource carries its project's ID; only the project itself is named by it.
  const parentProject =
    entity.spec?.type === RESOURCE_TYPES.gcpProject
      ? undefined
      : entity.metadata.annotations?.[ANNOTATIONS.gcpProjectId];
  const identifiers = entityIdentifiers(entity).filter(
    id => id !== parentProject,
  );
  const keys = [
    entity.metadata.name,
    entity.metadata.title,
    ...identifiers,
    ...identifiers.flatMap(imageNames),
  ];
  return [
    ...new Set(keys.filter((k): k is string => !!k).map(normalizeSearchKey)),
  ];
}
