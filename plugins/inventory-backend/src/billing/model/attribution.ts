import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  isUnowned,
  RESOURCE_TYPES,
} from '@infra-atlas/inventory-common';
import {
  InventoryGraph,
  normalizeRef,
  refOf,
} from '../../graph/InventoryGraph';
import { PLACEMENT_RELATIONS } from '../../graph/relationTypes';
import { gcpField } from '../../graph/specs';
import { ProjectAttribution } from '../store/BillingFigures';
import { Names } from './partition';

/**
 * How an owner group leads to its SIG: configuration (`inventory.billing.sigs`), with the
 * Kubernetes community's conventions as defaults.
 */
export type SigRules = {
  /** Group `spec.type`s that are SIGs in their own right (sigs.yaml's groups). */
  groupTypes: string[];
  /**
   * A pattern over the URL of the file that declares a group, whose first capture is the name
   * of the SIG that governs the file: k8s.io keeps each SIG's Google Groups in
   * `groups/<sig>/groups.yaml`, and its reconciler refuses groups a SIG's file may not hold.
   */
  declaredIn?: RegExp;
};

/** The community's defaults for {@link SigRules}. */
export const DEFAULT_SIG_RULES: SigRules = {
  groupTypes: ['sig', 'working-group', 'committee'],
  declaredIn: /\/groups\/([^/]+)\/groups\.yaml$/,
};

/** Deepest parent-group level searched for a SIG: organisations nest a few levels at most. */
const MAX_PARENT_DEPTH = 5;

/** The GCP project ID an entity of type `gcp-project` stands for. */
export const projectIdOf = (project: Entity) =>
  gcpField(project, 'projectId') ??
  project.metadata.annotations?.[ANNOTATIONS.gcpProjectId] ??
  project.metadata.name;

/**
 * Today's attribution of every GCP project the catalog knows, from the inventory's graph: its
 * owners (`spec.owner` and co-owners; the placeholder owner of unowned entities is none), their
 * SIGs, and the Systems with parts in it. The billing store records it for the open months.
 */
export function currentAttributions(
  graph: InventoryGraph,
  rules: SigRules = DEFAULT_SIG_RULES,
): ProjectAttribution[] {
  const sigsOf = sigFinder(graph, rules);
  return graph.ofKind('resource', RESOURCE_TYPES.gcpProject).map(project => {
    const ref = refOf(project);
    const owners = graph
      .out(ref, ['ownedBy'])
      .map(edge => edge.target)
      .filter(owner => !isUnowned(owner));
    return {
      projectId: projectIdOf(project),
      owners,
      sigs: [...new Set(owners.flatMap(sigsOf))].sort(),
      systems: systemsIn(graph, ref),
    };
  });
}

/**
 * The Systems a project's spend goes to: those the project is part of, and those of anything
 * placed in it (a bucket, a cluster's apps), each once.
 */
function systemsIn(graph: InventoryGraph, projectRef: string): string[] {
  const systems = new Set<string>();
  const seen = new Set([projectRef]);
  const queue = [projectRef];
  while (queue.length) {
    const ref = queue.pop()!;
    for (const edge of graph.out(ref, ['partOf'])) {
      if (edge.target.startsWith('system:')) systems.add(edge.target);
    }
    for (const edge of graph.in(ref, PLACEMENT_RELATIONS)) {
      if (!seen.has(edge.source)) {
        seen.add(edge.source);
        queue.push(edge.source);
      }
    }
  }
  return [...systems].sort();
}

/**
 * Whether a group is a SIG in its own right, by {@link SigRules.groupTypes}; the entity cost
 * of such a group is its SIG share.
 */
export function isSigGroup(
  graph: InventoryGraph,
  ref: string,
  rules: SigRules = DEFAULT_SIG_RULES,
): boolean {
  const type = graph.entity(ref)?.spec?.type;
  return (
    ref.startsWith('group:') &&
    typeof type === 'string' &&
    rules.groupTypes.includes(type)
  );
}

/**
 * For an owner, its SIGs, by the first rule that finds any: the owner is a SIG itself; the
 * file declaring it lies in a SIG's directory ({@link SigRules.declaredIn}); the nearest
 * parent groups (`childOf`) that are SIGs. Remembered per owner, since most projects share a
 * few owners.
 */
function sigFinder(graph: InventoryGraph, rules: SigRules) {
  const isSig = (ref: string) => isSigGroup(graph, ref, rules);
  const find = (owner: string): string[] => {
    if (isSig(owner)) return [owner];
    const file =
      graph.entity(owner)?.metadata.annotations?.[ANNOTATIONS.declaredIn];
    const name = file && rules.declaredIn?.exec(file)?.[1];
    const declaring = name ? normalizeRef(name, 'group') : undefined;
    if (declaring && isSig(declaring)) return [declaring];
    let level = [owner];
    const seen = new Set(level);
    for (let depth = 0; depth < MAX_PARENT_DEPTH && level.length; depth++) {
      level = level.flatMap(ref =>
        graph
          .out(ref, ['childOf'])
          .map(edge => edge.target)
          .filter(parent => !seen.has(parent) && seen.add(parent)),
      );
      const found = level.filter(isSig);
      if (found.length) return found;
    }
    return [];
  };
  const known = new Map<string, string[]>();
  return (owner: string) => {
    let sigs = known.get(owner);
    if (!sigs) {
      sigs = find(owner);
      known.set(owner, sigs);
    }
    return sigs;
  };
}

/** Today's titles of the entities rows name, and the entities of the projects, from the graph. */
export function namesFrom(graph: InventoryGraph): Names {
  const projects = new Map(
    graph
      .ofKind('resource', RESOURCE_TYPES.gcpProject)
      .map(project => [projectIdOf(project), refOf(project)]),
  );
  return {
    titleOf: ref => graph.summary(ref).title,
    projectRefOf: projectId => projects.get(projectId),
  };
}
