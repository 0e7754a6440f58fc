import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { ANNOTATIONS } from '@infra-atlas/inventory-common';

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
    filter: entity => {
      const annotations = entity.metadata.annotations ?? {};
      return (
        ['component', 'resource'].includes(entity.kind.toLowerCase()) &&
        (!!annotations[ANNOTATIONS.ownersFiles] ||
          !!annotations[ANNOTATIONS.declaredIn]?.startsWith(
            'https://github.com/',
          ))
      );
    },
    loader: () =>
      import('./components/OwnersFilesCard').then(m => <m.OwnersFilesCard />),
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
