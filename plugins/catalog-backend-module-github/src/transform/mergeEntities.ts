import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { membershipsOf } from '@infra-atlas/inventory-common';
import { membershipAnnotations } from '../analyzers/declaredEntity';

export type MergeConflict = { ref: string; message: string };

/**
 * Several analyzers can name the same person: sigs.yaml as a SIG chair, OWNERS_ALIASES as an
 * alias member. The catalog needs one entity per ref, so Users are merged — memberships
 * united, the first profile kept (sigs.yaml comes first and has real names). Any other kind
 * defined twice keeps its first definition and is reported, never silently dropped.
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
        message: `${ref} is defined more than once (${
          entity.metadata.annotations?.['infra-atlas.io/declared-in'] ??
          'repository listing'
        }); the first definition is kept`,
      });
    }
  }
  return { entities: [...byRef.values()], conflicts };
}
