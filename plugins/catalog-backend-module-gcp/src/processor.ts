import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_PARENT_OF,
  getCompoundEntityRef,
  parseEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { RELATIONS } from '@infra-atlas/inventory-common';

type AccessSpec = { administrators?: Array<{ ref?: string }> };

/**
 * Turns the placement and access facts that the GCP provider writes into an entity's spec
 * into catalog relations, so that the catalog graph and search see them: `childOf`/`parentOf`
 * along the resource hierarchy, `administeredBy`/`administers` for admin-level IAM grants.
 */
export class GcpInventoryProcessor implements CatalogProcessor {
  getProcessorName() {
    return 'GcpInventoryProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (entity.kind !== 'Resource' || !entity.spec) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    const parent = entity.spec.parent;
    if (typeof parent === 'string') {
      const target = parseEntityRef(parent);
      emit(
        processingResult.relation({
          source: self,
          type: RELATION_CHILD_OF,
          target,
        }),
      );
      emit(
        processingResult.relation({
          source: target,
          type: RELATION_PARENT_OF,
          target: self,
        }),
      );
    }
    const access = entity.spec.access as AccessSpec | undefined;
    const admins = new Set(
      (access?.administrators ?? [])
        .map(a => a.ref)
        .filter((r): r is string => !!r),
    );
    for (const ref of admins) {
      const principal = parseEntityRef(ref);
      emit(
        processingResult.relation({
          source: self,
          type: RELATIONS.administeredBy,
          target: principal,
        }),
      );
      emit(
        processingResult.relation({
          source: principal,
          type: RELATIONS.administers,
          target: self,
        }),
      );
    }
    return entity;
  }
}
