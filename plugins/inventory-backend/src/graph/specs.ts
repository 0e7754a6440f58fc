import { Entity } from '@backstage/catalog-model';
import {
  AccessPower,
  BACKSTAGE_ANNOTATIONS,
  GrantCondition,
} from '@infra-atlas/inventory-common';
import { type InventoryGraph, normalizeRef } from './InventoryGraph';

/*
 * Typed readers of the spec fields the Infra Atlas providers write, so that every query reads
 * them one way. Each reader returns an empty value for entities that lack the field.
 */

/** One IAM grant as the GCP provider writes it in `spec.access`. */
export type IamGrant = {
  member: string;
  role: string;
  /** The node whose policy holds the binding, e.g. `organizations/758905017065`. */
  grantedOn: string;
  inherited: boolean;
  /** What the role lets its holder do (older crawls, before powers were read, lack it). */
  power?: AccessPower;
  /** A conditional grant applies only when its condition holds; see `conditionStatus`. */
  condition?: GrantCondition;
  /** For a legacy convenience member (`projectViewer:p`): the member the policy names. */
  via?: string;
  /** The principal's entity ref, when the principal is an entity. */
  ref?: string;
};

/** One OWNERS directory of a repository, as the GitHub provider writes it. */
export type DirectoryOwnership = {
  dir: string;
  approvers?: string[];
  reviewers?: string[];
  emeritus?: string[];
  labels?: string[];
};

// Leadership is read by the app too, so its reader lives in inventory-common.
export { leadershipOf } from '@infra-atlas/inventory-common';

type Spec = Record<string, any> | undefined;
const specOf = (entity: Entity | undefined): Spec => entity?.spec as Spec;

/**
 * Unconditional administrative grants on the entity (direct and, for containers, inherited):
 * the ones that become `administeredBy` relations.
 */
export const administratorsOf = (entity: Entity | undefined): IamGrant[] =>
  specOf(entity)?.access?.administrators ?? [];

/** Every grant made directly on the entity, of any power, conditional or not. */
export const grantsOf = (entity: Entity | undefined): IamGrant[] =>
  specOf(entity)?.access?.grants ?? [];

export const ownershipOf = (entity: Entity | undefined): DirectoryOwnership[] =>
  specOf(entity)?.ownership ?? [];

/** A string field of the spec, e.g. `specString(record, 'fqdn')`. */
export function specString(
  entity: Entity | undefined,
  field: string,
): string | undefined {
  const value = specOf(entity)?.[field];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The groups that share an entity with its owner (`spec.coOwners`, written by the GitHub
 * provider when several sigs.yaml subprojects list a repository), each with its evidence.
 */
export function coOwnersOf(
  entity: Entity | undefined,
): Array<{ ref: string; evidence?: string }> {
  const value = specOf(entity)?.coOwners;
  return Array.isArray(value)
    ? value.filter(
        (o): o is { ref: string; evidence?: string } =>
          typeof o?.ref === 'string',
      )
    : [];
}

/** `spec.gcp.<field>` as the GCP provider writes it (projectId, projectNumber, assetType…). */
export function gcpField(
  entity: Entity | undefined,
  field: string,
): string | undefined {
  const value = specOf(entity)?.gcp?.[field];
  return typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : undefined;
}

/** `spec.gcp.configuration` as the GCP provider writes it (inventory-common's configuration.ts). */
export const configurationOf = <T>(entity: Entity | undefined): T | undefined =>
  specOf(entity)?.gcp?.configuration;

/** A project's enabled APIs; undefined when no crawl read them. */
export function enabledServicesOf(
  entity: Entity | undefined,
): string[] | undefined {
  const services = specOf(entity)?.gcp?.enabledServices;
  return Array.isArray(services) ? services : undefined;
}

/** A User's or Group's e-mail address, lowercased. */
export function profileEmail(entity: Entity | undefined): string | undefined {
  const email = specOf(entity)?.profile?.email;
  return typeof email === 'string' ? email.toLowerCase() : undefined;
}

/** `owner/name` of a repository Component. */
export const repositorySlug = (repo: Entity) =>
  repo.metadata.annotations?.[BACKSTAGE_ANNOTATIONS.projectSlug] ??
  repo.metadata.name;

/**
 * An entity's owner, as a ref, for every answer that names one (explorer, impact, graph).
 * Read from the catalog's `ownedBy` relation, not from `spec.owner`: the catalog derives the
 * relation from spec.owner (the two agree for all 6,293 entities of the k8s-infra demo), but
 * resolves the ref the catalog's way (kind Group and the entity's own namespace by default),
 * and it is the edge `ownership` walks, so "who owns X" and "what does G own" cannot disagree.
 */
export function ownerOf(
  graph: InventoryGraph,
  ref: string,
): string | undefined {
  const edges = graph.out(ref, ['ownedBy']);
  // Co-owners have ownedBy relations too; the owner is the one spec.owner names.
  const coOwners = new Set(
    coOwnersOf(graph.entity(ref)).map(o => normalizeRef(o.ref, 'group')),
  );
  return (edges.find(e => !coOwners.has(e.target)) ?? edges[0])?.target;
}
