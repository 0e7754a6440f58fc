import { Entity } from '@backstage/catalog-model';
import { RELATION_SAME_AS } from '@infra-atlas/inventory-common';
import { refOf } from '../graph/InventoryGraph';
import { profileEmail } from '../graph/specs';
import { EntityLookup, LinkCollector, LinkRule } from './types';

export const GITHUB_LOGIN_ANNOTATION = 'github.com/user-login';

/**
 * The same person appears as a GitHub login (OWNERS, sigs.yaml) and as e-mail addresses
 * (Google Groups, IAM). Nothing in either source states the link, so this rule infers it when
 * an address's local part equals a login (`ameukam@gmail.com` ≈ `ameukam`). It is a heuristic,
 * says so in every answer it takes part in, and can be turned off
 * (`inventory.identities.matchEmailLocalPart: false`).
 */
export const emailLocalPartRule: LinkRule = {
  name: 'email-local-part-is-github-login',
  resolve(lookup: EntityLookup) {
    const collector = new LinkCollector(this.name);
    const logins = new Map<string, Entity>();
    for (const user of lookup.ofKind('user')) {
      const login = user.metadata.annotations?.[GITHUB_LOGIN_ANNOTATION];
      if (login) logins.set(login.toLowerCase(), user);
    }
    for (const user of lookup.ofKind('user')) {
      const email = profileEmail(user);
      const login = email?.split('@')[0];
      const match = login ? logins.get(login) : undefined;
      if (match && match !== user) {
        collector.link(
          refOf(match),
          RELATION_SAME_AS,
          refOf(user),
          `the local part of ${email} is the GitHub login ${login}`,
        );
      }
    }
    return collector;
  },
};
