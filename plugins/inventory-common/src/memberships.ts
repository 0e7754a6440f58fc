import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from './annotations';
import type { JoinGroup } from './api/access';
import { parseGitUrl } from './gitLocations';

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

/**
 * How to join a group, as its entity says: a pull request to the file in git that declares
 * its members (`infra-atlas.io/declared-in`, a groups.yaml: membership is managed as code);
 * else the page its links name (a Google Groups page); else nothing known. The start page and
 * the inventory's access answer both say it this way.
 *
 * @public
 */
export function howToJoin(group: Entity | undefined): JoinGroup {
  const declaredIn = group?.metadata.annotations?.[ANNOTATIONS.declaredIn];
  const file = declaredIn ? parseGitUrl(declaredIn) : undefined;
  if (declaredIn && file?.form === 'blob') {
    return {
      kind: 'pull-request',
      url: declaredIn,
      repository: file.repo,
      path: file.path,
    };
  }
  const page = group?.metadata.links?.find(l => /^https?:/.test(l.url));
  if (page)
    return { kind: 'ask', url: page.url, title: page.title ?? page.url };
  return { kind: 'undeclared' };
}
