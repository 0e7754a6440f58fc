import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
} from '@backstage/catalog-model';
import { parseGitUrl } from '@infra-atlas/inventory-common';

/*
 * Paths and names the inventory's cards and widgets link with: TechDocs sites, catalog lists,
 * files in git.
 */

/**
 * An entity's TechDocs site, as the docs plugin routes it: `/docs/<namespace>/<kind>/<name>`;
 * of an entity, its compound ref, or a ref as the inventory's answers give it.
 */
export function docsPath(of: Entity | CompoundEntityRef | string): string {
  let ref: CompoundEntityRef;
  if (typeof of === 'string') ref = parseEntityRef(of);
  else if ('metadata' in of) ref = getCompoundEntityRef(of);
  else ref = of;
  return `/docs/${ref.namespace}/${ref.kind.toLocaleLowerCase('en-US')}/${
    ref.name
  }`;
}

/**
 * The catalog's list of one kind (and type, and tag), for everyone: without
 * `filters[user]=all` the catalog shows only what the signed-in user owns, which for a
 * newcomer is nothing.
 */
export function catalogListPath(
  kind: string,
  type?: string,
  tag?: string,
): string {
  const params = new URLSearchParams({ 'filters[kind]': kind });
  if (type) params.set('filters[type]', type);
  if (tag) params.set('filters[tags]', tag);
  params.set('filters[user]', 'all');
  return `/catalog?${params}`;
}

/**
 * A file in git as people name it, its path and its repository, from a GitHub or GitLab blob
 * URL (`https://github.com/kubernetes/k8s.io/blob/main/groups/groups.yaml`); undefined for
 * other URLs.
 */
export function gitFile(
  url: string,
): { repo: string; path: string } | undefined {
  const parsed = parseGitUrl(url);
  return parsed?.form === 'blob' && parsed.path
    ? { repo: parsed.repo, path: parsed.path }
    : undefined;
}

/** The last segment of a URL, to name a mailing list or page by less than its whole URL. */
export const lastSegment = (url: string) =>
  url
    .split(/[/#!]+/)
    .filter(Boolean)
    .pop() ?? url;

/** The first sentence of a description, for lists where the whole paragraph is too much. */
export function firstSentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const match = text.match(/^.*?[.!?](?=\s|$)/s);
  return (match ? match[0] : text).trim();
}
