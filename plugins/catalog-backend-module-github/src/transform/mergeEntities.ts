import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ANNOTATIONS, membershipsOf } from '@infra-atlas/inventory-common';
import { membershipAnnotations } from '../analyzers/declaredEntity';

export type MergeConflict = { ref: string; message: string };

/** Where a definition comes from, for a conflict message people can act on. */
const sourceOf = (entity: Entity) =>
  entity.metadata.annotations?.[ANNOTATIONS.declaredIn] ??
  entity.metadata.annotations?.['backstage.io/view-url'] ??
  'the repository listing';

/**
 * Several analyzers can name the same person: sigs.yaml as a SIG chair, OWNERS_ALIASES as an
 * alias member. The catalog needs one entity per ref, so Users are merged — memberships
 * united, the first profile kept (sigs.yaml comes first and has real names). Any other kind
 * defined twice keeps its first definition (the caller orders sources before forks) and is
 * reported, never silently dropped.
 */
export function mergeEntities(entities: Entity[]): {
  entities: Entity[];
  conflicts: MergeConflict[];
} {
  const byRef = new Map<string, Entity>();
  const conflicts: MergeConflict[] = [];
  for (const entity of entities) {
    const ref = stringifyEntityRef(entity);
    const first = byRef.get(ref);
    if (!first) {
      byRef.set(ref, entity);
    } else if (entity.kind === 'User') {
      const memberOf = new Set([
        ...((first.spec?.memberOf as string[]) ?? []),
        ...((entity.spec?.memberOf as string[]) ?? []),
      ]);
      byRef.set(ref, {
        ...first,
        metadata: {
          ...first.metadata,
          annotations: {
            ...entity.metadata.annotations,
            ...first.metadata.annotations,
            // Each membership keeps the file that states it, whichever analyzer read it.
            ...membershipAnnotations(
              new Map([...membershipsOf(entity), ...membershipsOf(first)]),
            ),
          },
        },
        spec: { ...entity.spec, ...first.spec, memberOf: [...memberOf].sort() },
      });
    } else {
      conflicts.push({
        ref,
        message: `${ref} is defined in ${sourceOf(
          first,
        )} and again in ${sourceOf(entity)}; the definition in ${sourceOf(
          first,
        )} is kept`,
      });
    }
  }
  return { entities: [...byRef.values()], conflicts };
}
