import {
  entityTitle,
  typeBreadth as breadth,
} from '@infra-atlas/inventory-common';
import { InventoryGraph } from '../graph/InventoryGraph';
import { steppedOncePer } from '../graph/timeSlices';

/**
 * Text compares as `String.prototype.localeCompare` compares it (it is specified as this
 * collator's `compare`), without looking the collator up again at every comparison.
 */
export const collator = new Intl.Collator();

/**
 * Every entity title of a build, numbered in collation order (titles that compare equal share
 * a number): an answer merges thousands of items, and comparing two numbers costs a fraction
 * of comparing two titles. Items whose title is not an entity's compare by collator.
 */
export type TitleRanks = ReadonlyMap<string, number>;

const buildRanks = steppedOncePer(rankTitles);

/** The build's {@link TitleRanks}, worked out in one piece on first use unless prepared. */
export const titleRanks: (graph: InventoryGraph) => TitleRanks = buildRanks.get;

/** Works out the build's {@link TitleRanks} in slices, as part of an index build. */
export const prepareTitleRanks = buildRanks.prepare;

/** Steps between which a build may give way: about a millisecond of work each. */
const STEP = 2048;

/**
 * Sorts the build's titles by a bottom-up merge sort, yielding every {@link STEP} titles
 * read or placed: sorting 50,000 titles at once was a quarter of a second in which nothing else ran.
 */
function* rankTitles(graph: InventoryGraph): Generator<void, TitleRanks> {
  const titles = new Set<string>();
  for (const entity of graph.allEntities()) {
    titles.add(entityTitle(entity));
    if (titles.size % STEP === 0) yield;
  }
  let sorted = [...titles];
  let merged = new Array<string>(sorted.length);
  const n = sorted.length;
  for (let width = 1; width < n; width *= 2) {
    let placed = 0;
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      for (let k = lo; k < hi; k++) {
        merged[k] =
          j >= hi || (i < mid && collator.compare(sorted[i], sorted[j]) <= 0)
            ? sorted[i++]
            : sorted[j++];
        if (++placed % STEP === 0) yield;
      }
    }
    [sorted, merged] = [merged, sorted];
  }
  const ranks = new Map<string, number>();
  let rank = 0;
  sorted.forEach((title, i) => {
    if (i > 0 && collator.compare(sorted[i - 1], title) !== 0) rank++;
    ranks.set(title, rank);
  });
  return ranks;
}

/** What items are ordered by: widest first (organization, folders, projects…), then title. */
export type Reach = {
  breadth: number;
  rank: number | undefined;
  title: string;
};

/** An item's {@link Reach}: the one worked out ahead if it has one. */
export const reachOf = (
  item: { entity: { type?: string; title: string }; reach?: Reach },
  ranks?: TitleRanks,
): Reach =>
  item.reach ?? {
    breadth: breadth(item.entity.type),
    rank: ranks?.get(item.entity.title),
    title: item.entity.title,
  };

export const compareReach = (a: Reach, b: Reach) =>
  a.breadth - b.breadth ||
  (a.rank !== undefined && b.rank !== undefined
    ? a.rank - b.rank
    : collator.compare(a.title, b.title));
