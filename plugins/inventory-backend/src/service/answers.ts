import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { NotAllowedError } from '@backstage/errors';
import {
  inventoryPersonalDetailsReadPermission,
  OwnershipRole,
} from '@infra-atlas/inventory-common';
import { ownership } from '../queries/ownership';
import { isPersonalAddress } from '../queries/subjects';
import { IndexState, InventoryIndex } from './InventoryIndex';

/** Asks one question of one index build, as a given caller. */
export type Ask = <T extends object>(
  credentials: BackstageCredentials,
  question: (state: IndexState, personalDetails: boolean) => T,
) => Promise<T>;

/**
 * How the HTTP routes and the actions answer: the caller's permission is checked first, the
 * answer and its redaction then come from the same build (a rebuild in between could name
 * people the older redactor does not know), and callers without
 * `inventory.personal-details.read` get the answer redacted.
 */
export function createAsk(
  index: InventoryIndex,
  permissions: PermissionsService,
): Ask {
  return async (credentials, question) => {
    const [decision] = await permissions.authorize(
      [{ permission: inventoryPersonalDetailsReadPermission }],
      { credentials },
    );
    const personalDetails = decision.result === AuthorizeResult.ALLOW;
    const state = index.current();
    const answer = question(state, personalDetails);
    return personalDetails ? answer : state.redactor.redact(answer);
  };
}

/**
 * Ownership of a subject, as a question: a caller who may not see personal details may not
 * look people up by e-mail either, or a 200 or a 404 would tell them whether an address
 * belongs to someone.
 */
export function ownershipQuestion(
  subject: string,
  options: { limit?: number; roles?: OwnershipRole[] },
) {
  return (state: IndexState, personalDetails: boolean) => {
    if (!personalDetails && isPersonalAddress(state.graph, subject)) {
      throw new NotAllowedError(
        'Looking people up by e-mail address needs inventory.personal-details.read',
      );
    }
    return ownership(state.graph, subject, options);
  };
}
