import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  addTo,
  entityTitle,
  InventoryEntitySummary,
  titleFromEntityRef,
  InventoryLink,
  RelationProvenance,
} from '@infra-atlas/inventory-common';
import { EntityLookup, LinkRuleResult } from '../links/types';
import { relationProvenance } from './provenance';
import { TimeSlicer } from './timeSlices';
import { FORWARD_OF_REVERSE, SYMMETRIC_RELATIONS } from './relationTypes';

/** One fact, stored once in its forward direction, with why it is believed. */
export type GraphEdge = {
  source: string;
  type: string;
  target: string;
  provenance: RelationProvenance;
};

/** Refs compare case-insensitively in the catalog; the graph keys them lowercased. */
export const refOf = (entity: Entity) =>
  stringifyEntityRef(entity).toLowerCase();
const FULL_REF = /^[^:/]+:[^:/]+\/[^:/]+$/;

/**
 * A ref in the graph's form: full (`group:default/x` for `group:x`, or for `x` when `kind` is
 * given) and lowercased. Refs that do not parse are kept as written, lowercased.
 */
export function normalizeRef(ref: string, kind?: string): string {
  // Most refs arrive full (`kind:namespace/name`); only the others need parsing.
  if (FULL_REF.test(ref)) return ref.toLowerCase();
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind: kind, defaultNamespace: 'default' }),
    ).toLowerCase();
  } catch {
    return ref.toLowerCase();
  }
}

const edgeKey = (source: string, type: string, target: string) =>
  `${source}\u0000${type}\u0000${target}`;

function entityType(entity: Entity): string | undefined {
  const type = (entity.spec as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type : undefined;
}

/**
 * The whole catalog as a graph in memory: entities by ref, and every relation once, in both
 * adjacency directions, with its provenance. The inventory's questions (placement, ownership,
 * impact, completeness, drift) are walks over this graph, so none of them costs a catalog
 * request.
 */
export class InventoryGraph implements EntityLookup {
  private readonly entitiesByRef = new Map<string, Entity>();
  private readonly byKindType = new Map<string, Entity[]>();
  private readonly outgoing = new Map<string, GraphEdge[]>();
  private readonly incoming = new Map<string, GraphEdge[]>();
  /**
   * Each relation once, while the graph is built; let go when it is done (`sealed`): at
   * 50,000 entities its 200,000 keys are 30 MB that every later collection would mark again.
   */
  private edgeKeys: Set<string> | undefined = new Set<string>();
  private relations = 0;
  private readonly descendantCounts = new Map<string, number>();
  private readonly parentChains = new Map<string, string[]>();

  /** What the link rules found when the graph was built. */
  resolution: LinkRuleResult = { links: [], ambiguous: [], unresolved: [] };

  /**
   * @param entities - catalog entities with their relations
   * @param resolve - the link rules; their links win over the same relation read back from
   *   the catalog, because they carry the rule that made them
   */
  static build(
    entities: Entity[],
    resolve?: (lookup: EntityLookup) => LinkRuleResult,
  ): InventoryGraph {
    const graph = new InventoryGraph();
    for (const entity of entities) graph.addEntity(entity);
    if (resolve) {
      graph.resolution = resolve(graph);
      for (const link of graph.resolution.links) graph.addEdge(link);
    }
    for (const entity of entities) graph.addRelationsOf(entity);
    return graph.sealed();
  }

  /**
   * {@link InventoryGraph.build} in time slices, for a server that answers while it builds:
   * the same steps in the same order, giving way to other work between entities, links and
   * (inside `resolve`) link rules.
   */
  static async buildInSlices(
    entities: Entity[],
    resolve: (lookup: EntityLookup) => Promise<LinkRuleResult>,
    slicer: TimeSlicer,
  ): Promise<InventoryGraph> {
    const graph = new InventoryGraph();
    await slicer.each(entities, entity => graph.addEntity(entity));
    graph.resolution = await resolve(graph);
    await slicer.each(graph.resolution.links, link => graph.addEdge(link));
    await slicer.each(entities, entity => graph.addRelationsOf(entity));
    return graph.sealed();
  }

  private sealed(): this {
    this.edgeKeys = undefined;
    return this;
  }

  get size() {
    return this.entitiesByRef.size;
  }

  get relationCount() {
    return this.relations;
  }

  entity(ref: string): Entity | undefined {
    return this.entitiesByRef.get(normalizeRef(ref));
  }

  /** The entity a question names, or a 404 that says so. */
  require(entityRef: string): { ref: string; entity: Entity } {
    const ref = normalizeRef(entityRef);
    const entity = this.entitiesByRef.get(ref);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the inventory`);
    }
    return { ref, entity };
  }

  /**
   * How many entities live under `ref` (along `relations`, transitively, each counted once);
   * computed once per build. `childOf` alone is the resource hierarchy IAM inherits along.
   */
  descendantCount(
    ref: string,
    relations: readonly string[] = ['childOf'],
  ): number {
    const key = normalizeRef(ref);
    const cacheKey = `${relations.join(',')}\u0000${key}`;
    const known = this.descendantCounts.get(cacheKey);
    if (known !== undefined) return known;
    const seen = new Set([key]);
    const queue = [key];
    while (queue.length) {
      for (const edge of this.in(queue.pop()!, relations)) {
        if (!seen.has(edge.source)) {
          seen.add(edge.source);
          queue.push(edge.source);
        }
      }
    }
    this.descendantCounts.set(cacheKey, seen.size - 1);
    return seen.size - 1;
  }

  /**
   * The resource hierarchy above `ref`, nearest first: its first `childOf` parent, that
   * parent's, and so on until the top or a cycle; computed once per build and entity.
   */
  parentChain(ref: string): readonly string[] {
    const key = normalizeRef(ref);
    const known = this.parentChains.get(key);
    if (known) return known;
    const chain: string[] = [];
    const seen = new Set([key]);
    let parent = this.outgoing
      .get(key)
      ?.find(e => e.type === 'childOf')?.target;
    while (parent && !seen.has(parent)) {
      chain.push(parent);
      seen.add(parent);
      parent = this.outgoing
        .get(parent)
        ?.find(e => e.type === 'childOf')?.target;
    }
    this.parentChains.set(key, chain);
    return chain;
  }

  has(ref: string) {
    return this.entitiesByRef.has(normalizeRef(ref));
  }

  /** All entities of a kind, optionally of one `spec.type`. */
  ofKind(kind: string, type?: string): Entity[] {
    return this.byKindType.get(`${kind.toLowerCase()}:${type ?? '*'}`) ?? [];
  }

  allEntities(): IterableIterator<Entity> {
    return this.entitiesByRef.values();
  }

  out(ref: string, types?: readonly string[]): GraphEdge[] {
    return filterTypes(this.outgoing.get(normalizeRef(ref)), types);
  }

  in(ref: string, types?: readonly string[]): GraphEdge[] {
    return filterTypes(this.incoming.get(normalizeRef(ref)), types);
  }

  summary(ref: string): InventoryEntitySummary {
    const key = normalizeRef(ref);
    const entity = this.entitiesByRef.get(key);
    if (!entity) {
      return {
        ref: key,
        kind: key.split(':')[0],
        title: titleFromEntityRef(key),
        exists: false,
      };
    }
    return {
      ref: key,
      kind: entity.kind,
      ...(entityType(entity) ? { type: entityType(entity) } : {}),
      title: entityTitle(entity),
      exists: true,
    };
  }

  private addEntity(entity: Entity) {
    const ref = refOf(entity);
    this.entitiesByRef.set(ref, entity);
    const kind = entity.kind.toLowerCase();
    const type = entityType(entity);
    for (const key of [`${kind}:*`, ...(type ? [`${kind}:${type}`] : [])]) {
      addTo(this.byKindType, key, entity);
    }
  }

  private addRelationsOf(entity: Entity) {
    const edgeKeys = this.building();
    const self = refOf(entity);
    for (const relation of entity.relations ?? []) {
      const target = normalizeRef(relation.targetRef);
      const forward = FORWARD_OF_REVERSE[relation.type];
      const [source, type, to] = forward
        ? [target, forward, self]
        : [self, relation.type, target];
      if (edgeKeys.has(edgeKey(source, type, to))) continue;
      // The entity that states a fact is its forward source; when that entity is missing the
      // other end is all the evidence there is.
      const declaring = this.entitiesByRef.get(source) ?? entity;
      this.addEdge({
        source,
        type,
        target: to,
        provenance: relationProvenance(
          declaring,
          type,
          this.entitiesByRef.get(to),
        ),
      });
    }
  }

  /** The relations added so far; a built graph is not added to. */
  private building(): Set<string> {
    if (!this.edgeKeys) throw new Error('The inventory graph is already built');
    return this.edgeKeys;
  }

  private addEdge(link: InventoryLink) {
    const edge: GraphEdge = {
      source: normalizeRef(link.source),
      type: link.type,
      target: normalizeRef(link.target),
      provenance: link.provenance,
    };
    const edgeKeys = this.building();
    const key = edgeKey(edge.source, edge.type, edge.target);
    if (edgeKeys.has(key)) return;
    if (SYMMETRIC_RELATIONS.has(edge.type)) {
      const mirror = edgeKey(edge.target, edge.type, edge.source);
      if (edgeKeys.has(mirror)) return;
    }
    edgeKeys.add(key);
    this.relations++;
    addTo(this.outgoing, edge.source, edge);
    addTo(this.incoming, edge.target, edge);
  }
}

function filterTypes(
  edges: GraphEdge[] | undefined,
  types?: readonly string[],
): GraphEdge[] {
  if (!edges) return [];
  return types ? edges.filter(e => types.includes(e.type)) : edges;
}
