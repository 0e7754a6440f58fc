import { Entity } from '@backstage/catalog-model';
import { addTo, RELATION_SAME_AS } from '@infra-atlas/inventory-common';
import { refOf } from '../graph/InventoryGraph';
import { profileEmail } from '../graph/specs';
import { EntityLookup, LinkCollector, LinkRule } from './types';

export const GITHUB_LOGIN_ANNOTATION = 'github.com/user-login';

/**
 * The same person appears as a GitHub login (OWNERS, sigs.yaml) and as e-mail addresses
 * (Google Groups, IAM). Nothing in either source states the link, so this rule infers it when
 * exactly one address's local part equals a login (`ameukam@gmail.com` ≈ `ameukam`). Several
 * such addresses (`security@` at ten organizations) are reported as ambiguous and none is
 * linked. It is a heuristic, says so in every answer it takes part in, and can be turned off
 * (`inventory.identities.matchEmailLocalPart: false`).
 */
export const emailLocalPartRule: LinkRule = {
  name: 'email-local-part-is-github-login',
  resolve(lookup: EntityLookup) {
    const collector = new LinkCollector(this.name);
    const byLocalPart = new Map<string, Entity[]>();
    for (const user of lookup.ofKind('user')) {
      const localPart = profileEmail(user)?.split('@')[0];
      if (localPart) addTo(byLocalPart, localPart, user);
    }
    for (const user of lookup.ofKind('user')) {
      const login =
        user.metadata.annotations?.[GITHUB_LOGIN_ANNOTATION]?.toLowerCase();
      // A User with both a login and an address is one person already, not a candidate.
      const addresses = ((login && byLocalPart.get(login)) || []).filter(
        address => address !== user,
      );
      if (!addresses.length) continue;
      collector.match({
        source: refOf(user),
        wanted: `the e-mail address of GitHub login ${login}`,
        candidates: addresses.map(refOf),
        type: RELATION_SAME_AS,
        detail: target =>
          `the local part of ${profileEmail(
            lookup.entity(target),
          )} is the GitHub login ${login}`,
      });
    }
    return collector;
  },
};
