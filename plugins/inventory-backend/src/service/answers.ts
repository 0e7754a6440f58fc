import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { NotAllowedError } from '@backstage/errors';
import {
  DriftResponse,
  inventoryPersonalDetailsReadPermission,
  OwnershipRole,
} from '@infra-atlas/inventory-common';
import { driftAbout } from '../queries/drift';
import { ownership } from '../queries/ownership';
import { isPersonalAddress, isPersonalUserRef } from '../queries/subjects';
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

type Question<T> = (state: IndexState, personalDetails: boolean) => T;

const refused = (what: string) =>
  new NotAllowedError(`${what} needs inventory.personal-details.read`);

/**
 * A question about one entity, for every route and action that takes an entity ref. A caller
 * who may not see personal details may not ask about a person's User entity
 * (`user:default/jane--example.com`) either, whether or not it exists: a 200 or a 404 would
 * tell them whether the address belongs to someone, as for {@link ownershipQuestion}.
 */
export function entityQuestion<T>(
  entityRef: string | undefined,
  question: Question<T>,
): Question<T> {
  return (state, personalDetails) => {
    if (
      entityRef &&
      !personalDetails &&
      isPersonalUserRef(state.graph, entityRef)
    ) {
      throw refused('Asking about a person’s User entity');
    }
    return question(state, personalDetails);
  };
}

/**
 * Ownership of a subject, as a question: a caller who may not see personal details may not
 * look people up by e-mail either (nor by their User entity's ref), or a 200 or a 404 would
 * tell them whether an address belongs to someone.
 */
export function ownershipQuestion(
  subject: string,
  options: { limit?: number; roles?: OwnershipRole[] },
): Question<ReturnType<typeof ownership>> {
  return (state, personalDetails) => {
    if (
      !personalDetails &&
      (isPersonalAddress(state.graph, subject) ||
        isPersonalUserRef(state.graph, subject))
    ) {
      throw refused('Looking people up by e-mail address');
    }
    return ownership(state.graph, subject, options);
  };
}

/**
 * The drift report, or the findings that name one entity (an entity the inventory does not
 * know is a 404, not an empty list), for the route and the action alike.
 */
export function driftQuestion(
  entityRef: string | undefined,
): Question<DriftResponse> {
  return entityQuestion(entityRef, state => {
    if (!entityRef) return state.driftReport();
    state.graph.require(entityRef);
    return driftAbout(state.driftReport(), entityRef);
  });
}
