import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_OWNED_BY,
  getCompoundEntityRef,
  parseEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { RELATIONS, REVERSE_RELATION } from '@infra-atlas/inventory-common';

type AccessSpec = { administrators?: Array<{ ref?: string }> };
type CoOwners = Array<{ ref?: string }>;

/** The spec fields Infra Atlas providers write, and the forward relation each one becomes. */
const RELATION_FIELDS: Array<{
  read: (spec: Record<string, unknown>) => unknown;
  forward: string;
}> = [
  { read: s => s.parent, forward: RELATION_CHILD_OF },
  {
    read: s => (s.coOwners as CoOwners | undefined)?.map(o => o.ref),
    forward: RELATION_OWNED_BY,
  },
  {
    read: s =>
      (s.access as AccessSpec | undefined)?.administrators?.map(a => a.ref),
    forward: RELATIONS.administeredBy,
  },
  { read: s => s.runsOn, forward: RELATIONS.runsOn },
  { read: s => s.servedBy, forward: RELATIONS.servedBy },
];

function refsIn(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return [...new Set(values.filter((v): v is string => typeof v === 'string'))];
}

/**
 * Turns the placement and access facts that Infra Atlas providers write into an entity's spec
 * into catalog relations, so that the catalog graph and search see them:
 *
 * - `spec.parent` → `childOf`/`parentOf` (resource hierarchy, DNS record → zone)
 * - `spec.coOwners[].ref` → `ownedBy`/`ownerOf` (a repository that several groups'
 *   sigs.yaml subprojects list; `spec.owner` names the first)
 * - `spec.access.administrators[].ref` → `administeredBy`/`administers` (IAM)
 * - `spec.runsOn` → `runsOn`/`hosts` (app → namespace → cluster)
 * - `spec.servedBy` → `servedBy`/`serves` (hostname → app)
 *
 * One processor for every provider, registered once by `catalogModuleInventoryRelations`, so
 * that each relation is emitted exactly once whichever provider wrote the fact.
 *
 * @public
 */
export class InventoryRelationsProcessor implements CatalogProcessor {
  getProcessorName() {
    return 'InventoryRelationsProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const spec = entity.spec;
    if (!spec) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    for (const field of RELATION_FIELDS) {
      for (const ref of refsIn(field.read(spec))) {
        const target = parseEntityRef(ref);
        emit(
          processingResult.relation({
            source: self,
            type: field.forward,
            target,
          }),
        );
        emit(
          processingResult.relation({
            source: target,
            type: REVERSE_RELATION[field.forward],
            target: self,
          }),
        );
      }
    }
    return entity;
  }
}
