import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DriftResponse,
  inventoryPersonalDetailsReadPermission,
  keptIn,
  LinksResponse,
  oncePer,
} from '@infra-atlas/inventory-common';
import { normalizeRef } from '../graph/InventoryGraph';
import { driftAbout } from '../queries/drift';
import { ownership } from '../queries/ownership';
import {
  isPersonalAddress,
  isPersonalUserRef,
  Withheld,
} from '../queries/subjects';
import { AnswerTurns } from './answerTurns';
import { IndexState, InventoryIndex } from './InventoryIndex';
import { ReadableRefsMemory, unreadableRefsFor } from './readableFilter';
import { withhold, Withholding } from './withhold';

/** Asks one question of one index build, as a given caller. */
export type Ask = <T extends object>(
  credentials: BackstageCredentials,
  question: (state: IndexState, personalDetails: boolean) => T,
) => Promise<T>;

/**
 * Answers a build keeps (the explorer's 2 MB forest, drift) withheld once per build for the
 * callers who may read the whole catalog but not personal details — the scripts' token among
 * them — instead of walking them again for every request. Keyed by the answer object itself:
 * an answer computed afresh is never asked twice, and lets its entry go with it.
 */
export class WithheldOnce {
  private readonly keptFor = oncePer(
    (_build: object) => new WeakMap<object, object>(),
  );

  get<T extends object>(state: IndexState, answer: T, withheld: () => T): T {
    return keptIn(this.keptFor(state.personal), answer, withheld) as T;
  }
}

/**
 * How the HTTP routes and the actions answer: the caller's permissions are checked first, and
 * the answer and what is withheld from it then come from the same build (a rebuild in between
 * could name people an older build does not know). What the caller may not read in the
 * catalog leaves the answer ({@link unreadableRefsFor}); callers without
 * `inventory.personal-details.read` get personal details replaced, field by field.
 */
export function createAsk(
  index: InventoryIndex,
  deps: { permissions: PermissionsService; catalog: CatalogService },
): Ask {
  const memory = new ReadableRefsMemory();
  const withheldOnce = new WithheldOnce();
  const turns = new AnswerTurns();
  return async (credentials, question) => {
    const [[decision], unreadableRefs] = await Promise.all([
      deps.permissions.authorize(
        [{ permission: inventoryPersonalDetailsReadPermission }],
        { credentials },
      ),
      unreadableRefsFor(credentials, { ...deps, memory }),
    ]);
    const personalDetails = decision.result === AuthorizeResult.ALLOW;
    await turns.next();
    const state = index.current();
    const answer = question(state, personalDetails);
    const unreadable = await unreadableRefs(answer);
    if (personalDetails && !unreadable) return answer;
    const rules: Withholding = personalDetails
      ? { unreadable }
      : {
          unreadable,
          redact: state.personal.redact,
          redactText: state.personal.redactText,
        };
    if (personalDetails) return withhold(answer, rules);
    return unreadable
      ? { ...withhold(answer, rules), redacted: true }
      : withheldOnce.get(state, answer, () => ({
          ...withhold(answer, rules),
          redacted: true,
        }));
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

/** One predicate per build: ownership keeps its answers per predicate, and reuses them. */
const peopleWithheld = oncePer(
  (state: IndexState): Withheld =>
    ref =>
      state.personal.isPersonalRef(ref),
);

/**
 * Ownership of a subject, as a question: a caller who may not see personal details may not
 * look people up by e-mail either (nor by their User entity's ref), or a 200 or a 404 would
 * tell them whether an address belongs to someone.
 */
export function ownershipQuestion(
  subject: string,
  options: Omit<NonNullable<Parameters<typeof ownership>[2]>, 'withheld'>,
): Question<ReturnType<typeof ownership>> {
  return (state, personalDetails) => {
    if (
      !personalDetails &&
      (isPersonalAddress(state.graph, subject) ||
        isPersonalUserRef(state.graph, subject))
    ) {
      throw refused('Looking people up by e-mail address');
    }
    return ownership(state.graph, subject, {
      ...options,
      withheld: personalDetails ? undefined : peopleWithheld(state),
    });
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

/**
 * The inventory's resolved links, all or those of one entity, for the catalog module that
 * turns them into relations (a backend plugin: it gets them all). A service caller without
 * `inventory.personal-details.read` — a script's static token — gets none that name a person
 * by address.
 */
export function linksQuestion(
  entityRef: string | undefined,
): Question<LinksResponse> {
  return (state, personalDetails) => {
    const { links, ambiguous } = state.graph.resolution;
    const ref = entityRef ? normalizeRef(entityRef) : undefined;
    const shown = (...refs: string[]) =>
      personalDetails || !refs.some(r => state.personal.isPersonalRef(r));
    return {
      generatedAt: state.builtAt.toISOString(),
      links: links.filter(
        l =>
          (!ref || l.source === ref || l.target === ref) &&
          shown(l.source, l.target),
      ),
      ambiguous: ambiguous.filter(a => shown(a.source, ...a.candidates)),
    };
  };
}
