import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from './annotations';

/**
 * Where each of a member's group memberships is stated (lowercased group ref → file URL), from the
 * `memberships` annotation the GitHub inventory writes; empty when it has none or it does not
 * parse. The GitHub provider writes it, the inventory backend cites it as evidence.
 *
 * @public
 */
export function membershipsOf(entity: Entity | undefined): Map<string, string> {
  const raw = entity?.metadata.annotations?.[ANNOTATIONS.memberships];
  if (!raw) return new Map();
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object') return new Map();
    // Refs compare case-insensitively.
    return new Map(
      Object.entries(parsed).flatMap(([ref, url]) =>
        typeof url === 'string' ? [[ref.toLowerCase(), url] as const] : [],
      ),
    );
  } catch {
    return new Map();
  }
}
