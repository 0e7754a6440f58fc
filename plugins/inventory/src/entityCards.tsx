import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  RESOURCE_TYPES,
  codeOwnershipOf,
  entityConfiguration,
  hasOwnersSource,
} from '@infra-atlas/inventory-common';

/*
 * Entity cards beyond placement and administrators: what breaks, drift, OWNERS and runbook.
 * Each filter says which entities the card can answer something for.
 */

/** If this goes down: for what others run on, live in or depend on. */
export const impactCard = EntityCardBlueprint.make({
  name: 'impact',
  params: {
    filter: { kind: { $in: ['component', 'resource', 'system'] } },
    loader: () => import('./components/ImpactCard').then(m => <m.ImpactCard />),
  },
});

/**
 * About this group / person: who they are in the inventory's words (members, other
 * identities of the same person, how to join, what they hold), in place of the catalog's
 * profile cards.
 */
export const profileCard = EntityCardBlueprint.make({
  name: 'profile',
  params: {
    type: 'info',
    filter: { kind: { $in: ['group', 'user'] } },
    loader: () =>
      import('./components/people/ProfileCard').then(m => <m.ProfileCard />),
  },
});

/** Drift: findings name resources, apps, systems, repositories, groups and people. */
export const driftCard = EntityCardBlueprint.make({
  name: 'drift',
  params: {
    filter: {
      kind: { $in: ['component', 'resource', 'system', 'group', 'user'] },
    },
    loader: () => import('./components/DriftCard').then(m => <m.DriftCard />),
  },
});

/**
 * OWNERS: repositories with OWNERS files, and what is declared in a GitHub repository (apps,
 * namespaces, DNS records), whose directory's OWNERS files govern it.
 */
export const ownersFilesCard = EntityCardBlueprint.make({
  name: 'owners-files',
  params: {
    // The same rule the backend's /owners-files answers by.
    filter: entity =>
      ['component', 'resource'].includes(entity.kind.toLowerCase()) &&
      hasOwnersSource(entity),
    loader: () =>
      import('./components/OwnersFilesCard').then(m => <m.OwnersFilesCard />),
  },
});

/**
 * Who approves a path: repositories whose Component carries their OWNERS and CODEOWNERS rules
 * (the GitHub provider's, or a self-described repository's first Component).
 */
export const pathOwnershipCard = EntityCardBlueprint.make({
  name: 'path-ownership',
  params: {
    filter: entity => Boolean(codeOwnershipOf(entity)),
    loader: () =>
      import('./components/PathOwnershipCard').then(m => (
        <m.PathOwnershipCard />
      )),
  },
});

/** Runbook: for everything that can break and needs one. */
export const runbookCard = EntityCardBlueprint.make({
  name: 'runbook',
  params: {
    filter: { kind: { $in: ['component', 'resource', 'system'] } },
    loader: () =>
      import('./components/RunbookCard').then(m => <m.RunbookCard />),
  },
});

/**
 * Configuration: buckets, clusters, DNS zones and custom roles whose configuration the crawl
 * read, and projects with their enabled APIs.
 */
export const configurationCard = EntityCardBlueprint.make({
  name: 'configuration',
  params: {
    filter: entity => {
      const { configuration, enabledServices } = entityConfiguration(entity);
      return Boolean(configuration || enabledServices);
    },
    loader: () =>
      import('./components/ConfigurationCard').then(m => (
        <m.ConfigurationCard />
      )),
  },
});

/**
 * Where access can be asked for: a crawled GCP resource (IAM grants on it or inherited from its
 * project, folders and organization), a Kubernetes namespace, an app, or a System (the groups
 * it names). DNS records and repositories are changed by pull request: the OWNERS cards say
 * who approves those.
 */
function hasAccessToAsk(entity: Entity): boolean {
  const kind = entity.kind.toLowerCase();
  const type = (entity.spec as { type?: string } | undefined)?.type;
  if (kind === 'system') return true;
  if (kind === 'component') return type === 'service' || type === 'website';
  return (
    kind === 'resource' &&
    (Boolean(entity.metadata.annotations?.[ANNOTATIONS.gcpResourceName]) ||
      type === RESOURCE_TYPES.kubernetesNamespace)
  );
}

/**
 * How to get access: which group grants it here and the file to send a pull request to. An
 * `info` card: it stands beside the answers, at the top, so that it is on the first screen
 * without pushing "if this goes down" off it.
 */
export const accessCard = EntityCardBlueprint.make({
  name: 'access',
  params: {
    type: 'info',
    filter: hasAccessToAsk,
    loader: () => import('./components/AccessCard').then(m => <m.AccessCard />),
  },
});

/**
 * Where the page's data comes from and when it was crawled: one line on every page, at the top
 * of the column beside the answers (an `info` card), under the page's title.
 */
export const freshnessCard = EntityCardBlueprint.make({
  name: 'freshness',
  params: {
    type: 'info',
    loader: () =>
      import('./components/freshness/EntityFreshness').then(m => (
        <m.EntityFreshness />
      )),
  },
});
