import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  DriftFinding,
  entityTitle,
  isUnowned,
  keptIn,
} from '@infra-atlas/inventory-common';
import { InventoryGraph, refOf } from '../graph/InventoryGraph';
import { ownerOf } from '../graph/specs';
import { entityEvidence } from './driftEvidence';

const evidenceText = (entity: Entity) =>
  entity.metadata.annotations?.[ANNOTATIONS.ownerEvidence];

/**
 * What nobody owns. One finding per unowned entity whose parent is owned (or that has no
 * parent); unowned entities below it are counted in it and named among its entities, since
 * one owner for the top fixes them all — the k8s-infra estate would otherwise list every
 * bucket of every unowned project.
 */
export function* unownedFindings(
  graph: InventoryGraph,
): Generator<void, DriftFinding[]> {
  const unowned = new Set<string>();
  for (const entity of graph.allEntities()) {
    yield;
    const ref = refOf(entity);
    if (isUnowned(ownerOf(graph, ref))) unowned.add(ref);
  }
  const topOf = (ref: string) => {
    let top = ref;
    const seen = new Set([ref]);
    for (;;) {
      const parent = graph.out(top, ['childOf'])[0]?.target;
      if (!parent || !unowned.has(parent) || seen.has(parent)) return top;
      seen.add(parent);
      top = parent;
    }
  };
  // Each top with the unowned entities below it, in the order they were met.
  const below = new Map<string, string[]>();
  for (const ref of unowned) {
    yield;
    const top = topOf(ref);
    const inside = keptIn(below, top, () => []);
    if (top !== ref) inside.push(ref);
  }
  const findings: DriftFinding[] = [];
  for (const [ref, inside] of below) {
    yield;
    const entity = graph.entity(ref)!;
    findings.push({
      kind: 'unowned',
      subject: entityTitle(entity),
      message: `Nobody owns ${entityTitle(entity)}${
        inside.length ? ` (nor the ${inside.length} entities in it)` : ''
      }: ${evidenceText(entity) ?? 'no ownership rule applied'}`,
      entities: [ref, ...inside.sort()],
      evidence: entityEvidence(entity),
    });
  }
  return findings;
}

/** Owner labels that name no known group or person, so that a later rule decided instead. */
export function unresolvedOwnerLabels(graph: InventoryGraph): DriftFinding[] {
  const findings: DriftFinding[] = [];
  for (const entity of graph.allEntities()) {
    const labels =
      entity.metadata.annotations?.[ANNOTATIONS.unresolvedOwnerLabels];
    if (!labels) continue;
    for (const label of labels.split(',')) {
      findings.push({
        kind: 'unresolved-owner-label',
        subject: entityTitle(entity),
        message: `The label ${label} on ${entityTitle(
          entity,
        )} names no group or person the inventory knows; its owner came from the next rule: ${
          evidenceText(entity) ?? ''
        }`,
        entities: [refOf(entity)],
        evidence: entityEvidence(entity),
      });
    }
  }
  return findings;
}
