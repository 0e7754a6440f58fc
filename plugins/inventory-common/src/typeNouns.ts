import { RESOURCE_TYPES } from './resourceTypes';

/*
 * Entity types as people read them in answers — "327 projects, 1,200 gcs buckets" — for the
 * backend's sentences and the pages alike.
 */

const CONTAINERS: string[] = [
  RESOURCE_TYPES.gcpOrganization,
  RESOURCE_TYPES.gcpFolder,
  RESOURCE_TYPES.gcpProject,
];

/**
 * Organizations, then folders, then projects, then every other type: the order of reach.
 *
 * @public
 */
export const typeBreadth = (type?: string) => {
  const rank = CONTAINERS.indexOf(type ?? '');
  return rank === -1 ? CONTAINERS.length : rank;
};

/**
 * Organizations, folders and projects: what IAM grants are inherited from.
 *
 * @public
 */
export const isContainerType = (type?: string) =>
  CONTAINERS.includes(type ?? '');

/** Words of type names as they are written in prose; `gcp` and `gcs` go without saying. */
const WORDS: Record<string, string> = {
  gcp: '',
  gcs: '',
  dns: 'DNS',
  sig: 'SIG',
  gke: 'GKE',
  k8s: 'Kubernetes',
  sql: 'SQL',
  bigquery: 'BigQuery',
  pubsub: 'Pub/Sub',
};

/**
 * A type (or, for an entity without one, its kind) as people say it: `gcp-service-account`
 * is `service account`, `service accounts`; `dns-zone` is `DNS zone`; `System` is `system`.
 *
 * @public
 */
export function typeNoun(type: string | undefined, n: number): string {
  const noun = (type ?? 'entity')
    .split('-')
    .map(word => WORDS[word.toLowerCase()] ?? word.toLowerCase())
    .filter(Boolean)
    .join(' ');
  if (n === 1) return noun;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return /(s|x|sh|ch)$/.test(noun) ? `${noun}es` : `${noun}s`;
}

/**
 * `327 projects, 1,200 gcs buckets`: widest types first, then the most numerous.
 *
 * @public
 */
export function describeTypes(types: Record<string, number>): string {
  return Object.entries(types)
    .sort(([a, m], [b, n]) => typeBreadth(a) - typeBreadth(b) || n - m)
    .map(([type, n]) => `${n.toLocaleString('en-US')} ${typeNoun(type, n)}`)
    .join(', ');
}
