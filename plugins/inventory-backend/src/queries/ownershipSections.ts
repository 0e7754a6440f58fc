import { InputError } from '@backstage/errors';
import {
  EvidenceStep,
  OwnershipItem,
  OwnershipRole,
  OwnershipSection,
  describeTypes,
  isContainerType,
  keptIn,
  oncePer,
  typeBreadth as breadth,
  typeNoun,
} from '@infra-atlas/inventory-common';
import { InventoryGraph } from '../graph/InventoryGraph';
import { compareReach, Reach, reachOf, TitleRanks } from './reachOrder';

/** An item whose evidence is built only if the item is shown. */
export type Candidate = Omit<OwnershipItem, 'steps'> & {
  /** Its own evidence, from {@link Candidate.heldBy} (or the subject) on. */
  steps: () => EvidenceStep[];
  /**
   * The principal whose own relation the item is, for items every answer reaching that
   * principal shares: the asker's chain of membership to it is the item's `through`.
   */
  heldBy?: string;
  /** For an IAM grant inherited from an ancestor: the grant as made there. */
  inherited?: { role: string; grantedOn: string };
  /** Its {@link ownPlace}, worked out ahead for items every answer of a build shares. */
  place?: Place;
  /** Its {@link reachOf}, worked out ahead likewise: merging answers reads it once per item. */
  reach?: Reach;
  /**
   * For an owned item: the resource hierarchy above its entity ({@link InventoryGraph.parentChain}),
   * looked up ahead for items every answer of a build shares.
   */
  ancestors?: readonly string[];
};

/**
 * Each principal the asker reaches through others, with the principals of its chain (its
 * items' `through`): the chain's steps go once in the answer's `identities` and `groups`.
 */
export type Chains = ReadonlyMap<string, string[]>;

const NO_CHAINS: Chains = new Map();

/** Items per section page unless the question asks for another size. */
export const OWNERSHIP_PAGE_SIZE = 10;

/**
 * Sections per role that come with their first page; the others come with their counts only
 * and are asked for (`section=`) when opened: a person owning what is in 327 projects has 327
 * sections, and the answer stays small.
 */
const OWNERSHIP_SECTIONS_WITH_ITEMS = 5;

/** The order answers are read in: what a person does by name, then what they hold. */
const ROLE_ORDER: OwnershipRole[] = [
  'leads',
  'approves',
  'reviews',
  'code-owns',
  'administers',
  'holds',
  'owns',
  'emeritus',
];

type Draft = Omit<OwnershipSection, 'items' | 'offset' | 'cause'> & {
  cause?: Candidate;
  members: Candidate[];
};

type Place = Pick<Draft, 'key' | 'kind' | 'title'> & { causeRef?: string };

/** The section an item belongs to, unless it is collapsed under another item. */
function placeOf(
  graph: InventoryGraph,
  item: Candidate,
  owned: { has(ref: string): boolean },
  containers: Map<string, Place>,
): Place {
  // What a subject owns inside something it owns reads as part of it: the project owned,
  // with the buckets in it, not each bucket again.
  if (item.role === 'owns' && !item.inherited && !item.path) {
    const top = topmostAncestorIn(graph, item, owned);
    if (top) {
      let place = containers.get(top);
      if (!place) {
        const summary = graph.summary(top);
        place = {
          key: `${item.role}:contains:${top}`,
          kind: 'contains',
          title: `in ${typeNoun(summary.type, 1)} ${summary.title}`,
          causeRef: top,
        };
        containers.set(top, place);
      }
      return place;
    }
  }
  return item.place ?? ownPlace(item);
}

/**
 * The section an item belongs to by itself: the grant it inherits, the repository of its
 * path, or the type of its entity. Only what is owned inside something owned goes elsewhere,
 * which depends on the rest of the answer.
 */
function ownPlace(
  item: Pick<Candidate, 'role' | 'inherited' | 'path' | 'entity'>,
): Place {
  const { role } = item;
  if (item.inherited) {
    const grant = `${item.inherited.role} on ${item.inherited.grantedOn}`;
    return { key: `${role}:grant:${grant}`, kind: 'grant', title: grant };
  }
  if (item.path) {
    const repository = item.path.split('/').slice(0, 2).join('/');
    return {
      key: `${role}:repository:${repository}`,
      kind: 'repository',
      title: repository,
    };
  }
  const type = item.entity.type ?? item.entity.kind;
  return {
    key: `${role}:scope:${type}`,
    kind: 'scope',
    title: scopeTitle(type),
  };
}

const placesOf = oncePer((_graph: InventoryGraph) => new Map<string, Place>());

/**
 * {@link ownPlace}, one object per section key and build, for items every answer of a build
 * shares: an answer finds its sections by place object instead of comparing key strings,
 * which was the largest part of putting thousands of items in sections.
 */
export function sharedPlace(
  graph: InventoryGraph,
  item: Parameters<typeof ownPlace>[0],
): Place {
  const place = ownPlace(item);
  return keptIn(placesOf(graph), place.key, () => place);
}

const scopeTitles = new Map<string, string>();

/** `Buckets` for `gcs-bucket`: once per type, not once per item. */
function scopeTitle(type: string): string {
  let title = scopeTitles.get(type);
  if (title === undefined) {
    const plural = typeNoun(type, 2);
    title = plural.charAt(0).toLocaleUpperCase('en-US') + plural.slice(1);
    scopeTitles.set(type, title);
  }
  return title;
}

/** The widest ancestor (`childOf`, upwards) of the item's entity that is in `refs`. */
function topmostAncestorIn(
  graph: InventoryGraph,
  item: Candidate,
  refs: { has(ref: string): boolean },
): string {
  let found = '';
  for (const ref of item.ancestors ?? graph.parentChain(item.entity.ref)) {
    if (refs.has(ref)) found = ref;
  }
  return found;
}

/**
 * Whether an item can be what an inherited item collapses under: the same role granted
 * directly on the ancestor (`roles/owner on organizations/758905017065`).
 */
const mayCauseGrant = (item: Candidate) =>
  !item.inherited && !item.path && isContainerType(item.entity.type);

/**
 * Sorts items in place, widest first (organization, folders, projects, then the rest), then by
 * title; each item's keys are computed once rather than at every comparison, which for the
 * ten thousand items of a person in many groups was most of the answer's time.
 *
 * @param ranks - the build's {@link TitleRanks}, so that titles compare as numbers
 */
export function sortByReach<T extends Pick<Candidate, 'entity'>>(
  items: T[],
  ranks?: TitleRanks,
): T[] {
  const keyed = items.map(item => ({ item, reach: reachOf(item, ranks) }));
  keyed.sort((a, b) => compareReach(a.reach, b.reach));
  keyed.forEach((k, i) => {
    items[i] = k.item;
  });
  return items;
}

/**
 * Lists sorted by reach, merged into one in that order, as sorting their concatenation would
 * (among equals, an item of an earlier list first): an answer's thousands of items come in a
 * few lists sorted once per build, so it costs a merge instead of a sort.
 *
 * @param ranks - the build's {@link TitleRanks}, as the lists were sorted with
 */
export function mergeByReach<T extends Pick<Candidate, 'entity'>>(
  lists: ReadonlyArray<readonly T[]>,
  ranks?: TitleRanks,
): T[] {
  type Head = { list: number; at: number; reach: Reach };
  const merged: T[] = [];
  // A binary heap of each list's next item.
  const heap: Head[] = [];
  const before = (x: Head, y: Head) =>
    (compareReach(x.reach, y.reach) || x.list - y.list) < 0;
  const down = (start: number) => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let top = i;
      if (left < heap.length && before(heap[left], heap[top])) top = left;
      if (right < heap.length && before(heap[right], heap[top])) top = right;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top], heap[i]];
      i = top;
    }
  };
  lists.forEach((list, i) => {
    if (list.length)
      heap.push({ list: i, at: 0, reach: reachOf(list[0], ranks) });
  });
  for (let i = Math.floor(heap.length / 2) - 1; i >= 0; i--) down(i);
  while (heap.length) {
    const head = heap[0];
    const list = lists[head.list];
    merged.push(list[head.at]);
    if (++head.at < list.length) {
      head.reach = reachOf(list[head.at], ranks);
    } else {
      heap[0] = heap[heap.length - 1];
      heap.pop();
    }
    down(0);
  }
  return merged;
}

function sectionTitle(draft: Draft, cause: Candidate | undefined): string {
  if (draft.kind !== 'grant' || !cause) return draft.title;
  const role = draft.title.split(' on ')[0];
  return `${role} on the ${typeNoun(cause.entity.type, 1)} ${
    cause.entity.title
  }`;
}

/** An answer's sections before their pages: the same for every page of one question. */
export type SectionDrafts = {
  /** The sections with items, in reading order. */
  ordered: Array<Draft & { causeRef?: string }>;
  /** Every section key, including sections whose only item heads them. */
  keys: Set<string>;
};

/**
 * Every item of an answer in sections: inherited IAM grants under the grant that causes them,
 * what is owned inside something owned under that, OWNERS and CODEOWNERS rules by repository,
 * the rest by the type of entity; {@link ownershipSections} cuts their pages.
 *
 * @param items - the answer's items in reach order ({@link sortByReach}), which is the order
 *   of every section's items
 * @param repeats - whether a role's items may name one entity twice (a chair who is also tech
 *   lead); when not, a section's entities are counted without a set of those seen
 */
export function sectionDrafts(
  graph: InventoryGraph,
  items: Candidate[],
  repeats: (role: OwnershipRole) => boolean = () => true,
): SectionDrafts {
  // The first item owning each entity: what heads a section of what is inside it.
  const owned = new Map<string, Candidate>();
  for (const item of items) {
    if (item.role === 'owns' && !owned.has(item.entity.ref)) {
      owned.set(item.entity.ref, item);
    }
  }
  // The first item of each role and grant that can cause inherited ones.
  const byGrant = new Map<string, Candidate>();
  const drafts = new Map<string, Draft & { causeRef?: string }>();
  // Only these can hold a cause, to be taken out of their items.
  const mayHoldCause = new Set<Draft>();
  const containers = new Map<string, Place>();
  const byPlace = new Map<Place, Draft & { causeRef?: string }>();
  for (const item of items) {
    const grantCause = mayCauseGrant(item);
    if (grantCause) {
      const key = `${item.role}\u0000${item.grant}`;
      if (!byGrant.has(key)) byGrant.set(key, item);
    }
    const place = placeOf(graph, item, owned, containers);
    let draft = byPlace.get(place);
    if (!draft) {
      draft = drafts.get(place.key);
      if (!draft) {
        const { key, kind, title, causeRef } = place;
        draft = {
          key,
          kind,
          title,
          role: item.role,
          total: 0,
          types: {},
          members: [],
        };
        if (causeRef) draft.causeRef = causeRef;
        drafts.set(key, draft);
      }
      byPlace.set(place, draft);
    }
    draft.members.push(item);
    if (grantCause || item.role === 'owns') mayHoldCause.add(draft);
  }
  for (const draft of drafts.values()) {
    draft.cause =
      draft.kind === 'grant'
        ? byGrant.get(`${draft.role}\u0000${draft.title}`)
        : owned.get(draft.causeRef ?? '');
  }
  // A cause heads its section; it is not listed again among the entities of its type.
  const causes = new Set(
    [...drafts.values()].flatMap(d => (d.cause ? [d.cause] : [])),
  );
  for (const draft of drafts.values()) {
    if (mayHoldCause.has(draft)) {
      draft.members = draft.members.filter(m => !causes.has(m));
    }
    draft.total = draft.members.length;
    // Entities, not items: a chair who is also tech lead leads one SIG, not two.
    const counted = repeats(draft.role) ? new Set<string>() : undefined;
    for (const member of draft.members) {
      if (counted) {
        if (counted.has(member.entity.ref)) continue;
        counted.add(member.entity.ref);
      }
      const type = member.entity.type ?? member.entity.kind;
      draft.types[type] = (draft.types[type] ?? 0) + 1;
    }
    if (draft.kind === 'grant' && draft.cause) {
      draft.inheritedResources = graph.descendantCount(draft.cause.entity.ref);
    }
  }
  const ordered = [...drafts.values()]
    .filter(d => d.total > 0)
    .sort(
      (a, b) =>
        ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
        Number(b.kind === 'grant') - Number(a.kind === 'grant') ||
        breadth(a.cause?.entity.type ?? a.key.split(':').pop()) -
          breadth(b.cause?.entity.type ?? b.key.split(':').pop()) ||
        b.total - a.total ||
        a.title.localeCompare(b.title),
    );
  return { ordered, keys: new Set(drafts.keys()) };
}

/**
 * The sections of an answer with their pages: the first page of the first five sections of
 * each role, or one section's page (`section`, `offset`). Evidence is built only for the page
 * returned, each item's with the asker's chain to the principal holding it (`chains`).
 */
export function ownershipSections(
  { ordered, keys }: SectionDrafts,
  page: { pageSize?: number; section?: string; offset?: number } = {},
  chains: Chains = NO_CHAINS,
): OwnershipSection[] {
  if (page.section && !keys.has(page.section)) {
    throw new InputError(
      `This answer has no section '${page.section}'; its sections are ${ordered
        .map(d => d.key)
        .join(', ')}`,
    );
  }
  const size = page.pageSize ?? OWNERSHIP_PAGE_SIZE;
  const preloaded = new Map<OwnershipRole, number>();
  return ordered
    .filter(d => !page.section || d.key === page.section)
    .map(({ members, cause, causeRef: _causeRef, ...draft }) => {
      const offset = draft.key === page.section ? page.offset ?? 0 : 0;
      const rank = preloaded.get(draft.role) ?? 0;
      preloaded.set(draft.role, rank + 1);
      const shown =
        page.section || rank < OWNERSHIP_SECTIONS_WITH_ITEMS ? size : 0;
      return {
        ...draft,
        title: sectionTitle({ ...draft, members }, cause),
        ...(cause ? { cause: built(cause, chains) } : {}),
        offset,
        items: shown
          ? members
              .slice(offset, offset + shown)
              .map(member => built(member, chains))
          : [],
      };
    });
}

/** A candidate as answers carry it: its evidence built, its grouping hints dropped. */
export function built(
  {
    inherited: _inherited,
    place: _place,
    reach: _reach,
    ancestors: _ancestors,
    heldBy,
    steps,
    ...item
  }: Candidate,
  chains: Chains = NO_CHAINS,
): OwnershipItem {
  const through = heldBy && chains.get(heldBy);
  return { ...item, ...(through ? { through } : {}), steps: steps() };
}

const count = (n: number) => n.toLocaleString('en-US');

const VERBS: Record<OwnershipRole, string> = {
  leads: 'leads',
  approves: 'approves',
  reviews: 'reviews',
  'code-owns': 'is code owner of',
  administers: 'administers',
  holds: 'holds IAM roles on',
  owns: 'owns',
  emeritus: 'is emeritus lead of',
};

/**
 * The answer in sentences, one per grant that reaches further than its entity and one per
 * repository, then one per role for the rest: what a reader wants before any list.
 */
export function ownershipSummary(sections: OwnershipSection[]): string[] {
  const lines: string[] = [];
  for (const role of ROLE_ORDER) {
    const mine = sections.filter(s => s.role === role);
    const verb = VERBS[role];
    // Several roles granted on one organization reach the same projects: one sentence.
    const grants = new Map<string, OwnershipSection[]>();
    for (const s of mine.filter(x => x.kind === 'grant')) {
      const reach = `${s.cause?.entity.ref ?? s.key}\u0000${describeTypes(
        s.types,
      )}`;
      grants.set(reach, [...(grants.get(reach) ?? []), s]);
    }
    for (const same of grants.values()) {
      const { cause, types, inheritedResources } = same[0];
      const roles = same.map(s => s.title.split(' on ')[0]).join(', ');
      const below = inheritedResources
        ? `; ${count(inheritedResources)} resources are below it`
        : '';
      lines.push(
        cause
          ? `${verb} the ${typeNoun(cause.entity.type, 1)} ${
              cause.entity.title
            } (${roles}) → inherited by ${describeTypes(types)}${below}`
          : `${verb} through ${same
              .map(s => s.title)
              .join(', ')} → inherited by ${describeTypes(types)}`,
      );
    }
    for (const s of mine.filter(x => x.kind === 'repository')) {
      const what = role === 'code-owns' ? 'CODEOWNERS' : 'OWNERS';
      lines.push(
        `${verb} ${count(s.total)} ${what} ${
          s.total === 1 ? 'path' : 'paths'
        } in ${s.title}`,
      );
    }
    const rest: Record<string, number> = {};
    let inside = 0;
    for (const s of mine.filter(x => x.kind === 'scope')) {
      for (const [type, n] of Object.entries(s.types))
        rest[type] = (rest[type] ?? 0) + n;
    }
    for (const s of mine.filter(x => x.kind === 'contains')) {
      const type = s.cause?.entity.type ?? 'entity';
      rest[type] = (rest[type] ?? 0) + 1;
      inside += s.total;
    }
    if (Object.keys(rest).length) {
      const direct = mine.some(x => x.kind === 'grant') ? ' directly' : '';
      lines.push(
        `${verb} ${describeTypes(rest)}${direct}${
          inside ? ` (and ${count(inside)} entities inside them)` : ''
        }`,
      );
    }
  }
  return lines;
}
