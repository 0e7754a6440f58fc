import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  BACKSTAGE_ANNOTATIONS,
  ProviderStatus,
  parseGitUrl,
} from '@infra-atlas/inventory-common';

/** The providers' ids start with their module's name (`gcp-inventory:k8sInfra`). */
const SOURCE_LABELS: Record<string, string> = {
  'gcp-inventory': 'GCP',
  'github-inventory': 'GitHub',
};

/**
 * Where an entity's data comes from:
 * - `crawl`: a provider's crawl, with the providers that may have produced it (the GCP
 *   provider names itself as the entity's location; a GitHub provider names the file it read,
 *   so every GitHub provider is a candidate) and, for a file, the file;
 * - `hand-written`: a catalog file written by hand, read by the catalog, not crawled;
 * - `unknown`: a location the inventory does not recognize.
 */
export type EntitySource =
  | {
      kind: 'crawl';
      label: string;
      providers: ProviderStatus[];
      file?: { repo: string; path: string; url: string };
    }
  | { kind: 'hand-written' }
  | { kind: 'unknown' };

const familyOf = (providerId: string) => providerId.split(':')[0];

/**
 * A location in a git host's web tree (`url:https://github.com/kubernetes/k8s.io/blob/…`, or
 * a repository's own URL), as the GitHub providers name what they read.
 */
const GIT_LOCATION = /^url:https?:\/\/[^/]+\/[^/]+\/[^/]+/i;

/**
 * The source of an entity, matched against the providers that report their crawls: the
 * catalog location that produced it (`backstage.io/managed-by-location`) names a provider or
 * a file in a GitHub repository; `infra-atlas.io/declared-in` names the file precisely.
 */
export function entitySource(
  entity: Entity,
  providers: ProviderStatus[],
): EntitySource {
  const annotations = entity.metadata.annotations ?? {};
  const location = annotations[BACKSTAGE_ANNOTATIONS.managedByLocation] ?? '';
  const named = providers.filter(p => p.provider === location);
  if (named.length) {
    return {
      kind: 'crawl',
      label: SOURCE_LABELS[familyOf(location)] ?? location,
      providers: named,
    };
  }
  const github = providers.filter(
    p => familyOf(p.provider) === 'github-inventory',
  );
  if (GIT_LOCATION.test(location) && github.length) {
    const declared = annotations[ANNOTATIONS.declaredIn];
    const file = declared ? parseGitUrl(declared) : undefined;
    return {
      kind: 'crawl',
      label: SOURCE_LABELS['github-inventory'],
      providers: github,
      ...(file && declared
        ? { file: { repo: file.repo, path: file.path, url: declared } }
        : {}),
    };
  }
  if (location.startsWith('file:')) return { kind: 'hand-written' };
  return { kind: 'unknown' };
}

/**
 * Of several providers that may have produced an entity, the one whose last complete crawl is
 * oldest: the entity is at least that fresh, and saying more would claim what is not known.
 */
export function leastFresh(
  providers: ProviderStatus[],
): ProviderStatus | undefined {
  return [...providers].sort(
    (a, b) =>
      (b.staleSeconds ?? Infinity) - (a.staleSeconds ?? Infinity) ||
      a.provider.localeCompare(b.provider),
  )[0];
}
