import type { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS, BACKSTAGE_ANNOTATIONS } from './annotations';

const trimDot = (name: string) => name.replace(/\.$/, '');

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(strings);
  return [];
}

/**
 * The values of a comma-separated annotation (anchors, access groups, images), trimmed, without
 * empty entries.
 *
 * @public
 */
export function commaList(value: string | undefined): string[] {
  return value
    ? value
        .split(',')
        .map(v => v.trim())
        .filter(Boolean)
    : [];
}

/**
 * The identifiers people search infrastructure by, taken from wherever the providers put
 * them: project IDs and numbers, full resource names and their last segment (a bucket's name),
 * DNS names and record values, container images, GitHub logins and repository slugs, group
 * e-mail addresses (not people's), and a project's enabled APIs. The search collator appends them to an entity's text.
 *
 * @public
 */
export function entityIdentifiers(entity: Entity): string[] {
  const annotations = entity.metadata.annotations ?? {};
  const spec = (entity.spec ?? {}) as Record<string, any>;
  const resourceName = annotations[ANNOTATIONS.gcpResourceName];
  const found = [
    annotations[ANNOTATIONS.gcpProjectId],
    resourceName,
    resourceName?.split('/').pop(),
    ...commaList(annotations[ANNOTATIONS.containerImages]),
    ...commaList(annotations[ANNOTATIONS.hostnames]),
    // The DNS names a System serves: `registry.k8s.io` finds the registry's System.
    ...commaList(annotations[ANNOTATIONS.dnsNames]),
    annotations['github.com/user-login'],
    annotations[BACKSTAGE_ANNOTATIONS.projectSlug],
    ...strings(spec.gcp?.projectId),
    ...strings(spec.gcp?.projectNumber),
    // Configuration people search by: an API (`container.googleapis.com`) finds the projects
    // that enable it, a role name its custom role, a pool or node account its cluster.
    ...strings(spec.gcp?.enabledServices),
    ...strings(spec.gcp?.configuration?.role),
    ...strings(spec.gcp?.configuration?.workloadPool),
    ...strings(spec.gcp?.configuration?.nodeServiceAccounts),
    // A group's address; a person's is a personal detail, never a search term.
    ...(entity.kind.toLowerCase() === 'user'
      ? []
      : strings(spec.profile?.email)),
    ...strings(spec.fqdn).map(trimDot),
    ...strings(spec.dnsName).map(trimDot),
    ...strings(spec.values).map(trimDot),
    ...strings(spec.source),
    // The images a registry promotion carries, as people pull them.
    ...strings(spec.images),
  ];
  return [...new Set(found.filter((v): v is string => !!v))];
}
