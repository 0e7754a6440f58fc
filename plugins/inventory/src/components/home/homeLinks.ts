import { Entity } from '@backstage/catalog-model';

/** An entity's TechDocs site, as the docs plugin routes it: `/docs/<namespace>/<kind>/<name>`. */
export const docsPath = (entity: Entity) =>
  `/docs/${
    entity.metadata.namespace ?? 'default'
  }/${entity.kind.toLocaleLowerCase('en-US')}/${entity.metadata.name}`;

/**
 * The catalog's list of one kind (and type), for everyone: without `filters[user]=all` the
 * catalog shows only what the signed-in user owns, which for a newcomer is nothing.
 */
export function catalogListPath(kind: string, type?: string): string {
  const params = new URLSearchParams({ 'filters[kind]': kind });
  if (type) params.set('filters[type]', type);
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
  const match = url.match(
    /^https?:\/\/[^/]+\/([^/]+\/[^/]+)\/(?:-\/)?blob\/[^/]+\/(.+)$/,
  );
  return match ? { repo: match[1], path: match[2] } : undefined;
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
