import type { Entity } from '@backstage/catalog-model';
import { isHashedEntityName } from './naming';

/**
 * What a reader calls an entity. Entity names are identifiers built for uniqueness
 * (`ameukam--gmail.com`, `gcp-project--k8s-infra-prow`, sometimes with a hash suffix); people
 * know the thing by its title, a person's or group's display name, or its address.
 */

type Profile = { displayName?: unknown; email?: unknown };

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/**
 * The title shown for an entity: `metadata.title`, else the profile's display name or e-mail
 * address (Users and Groups), else a readable form of its name.
 *
 * @public
 */
export function entityTitle(entity: Entity): string {
  const profile = (entity.spec as { profile?: Profile } | undefined)?.profile;
  return (
    text(entity.metadata.title) ??
    text(profile?.displayName) ??
    text(profile?.email) ??
    titleFromEntityName(entity.kind, entity.metadata.name)
  );
}

/** The `type--` prefix that resource names carry (see entityNames.ts). */
const TYPE_PREFIX = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A readable title for an entity known only by its ref (a grant to a principal that is not in
 * the catalog, a dangling reference): e-mail principals read as addresses, resources without
 * their type prefix, and a hash suffix is dropped. Best effort — an entity in the catalog is
 * titled by {@link entityTitle}.
 *
 * @public
 */
export function titleFromEntityName(kind: string, name: string): string {
  const hashed = isHashedEntityName(name);
  const parts = (hashed ? name.slice(0, name.lastIndexOf('_')) : name)
    .split('--')
    .filter(Boolean);
  const lowerKind = kind.toLowerCase();
  if (
    (lowerKind === 'user' || lowerKind === 'group') &&
    parts.length === 2 &&
    parts[1].includes('.')
  ) {
    return `${parts[0]}@${parts[1]}${hashed ? '…' : ''}`;
  }
  const meaningful =
    lowerKind === 'resource' && parts.length > 1 && TYPE_PREFIX.test(parts[0])
      ? parts.slice(1)
      : parts;
  return `${meaningful.join(' / ') || name}${hashed ? '…' : ''}`;
}

/**
 * {@link titleFromEntityName} for a ref, `kind:namespace/name` or shortened as `spec.owner`
 * writes it (`group:sig-k8s-infra`, `sig-k8s-infra`).
 *
 * @public
 */
export function titleFromEntityRef(ref: string): string {
  const colon = ref.indexOf(':');
  const kind = colon > 0 ? ref.slice(0, colon) : '';
  const rest = ref.slice(colon + 1);
  return titleFromEntityName(kind, rest.slice(rest.lastIndexOf('/') + 1));
}
