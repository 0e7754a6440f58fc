import {
  entityTitle,
  typeBreadth as breadth,
} from '@infra-atlas/inventory-common';
import { InventoryGraph } from '../graph/InventoryGraph';

/**
 * Titles compare as `String.prototype.localeCompare` compares them (it is specified as this
 * collator's `compare`), without looking the collator up again at every comparison.
 */
const collator = new Intl.Collator();

/**
 * Every entity title of a build, numbered in collation order (titles that compare equal share
 * a number): an answer merges thousands of items, and comparing two numbers costs a fraction
 * of comparing two titles. Items whose title is not an entity's compare by collator.
 */
export type TitleRanks = ReadonlyMap<string, number>;

const ranksByGraph = new WeakMap<InventoryGraph, TitleRanks>();

/** The build's {@link TitleRanks}, worked out on first use (one sort of its titles). */
export function titleRanks(graph: InventoryGraph): TitleRanks {
  const known = ranksByGraph.get(graph);
  if (known) return known;
  const titles = new Set<string>();
  for (const entity of graph.allEntities()) titles.add(entityTitle(entity));
  const sorted = [...titles].sort(collator.compare);
  const ranks = new Map<string, number>();
  let rank = 0;
  sorted.forEach((title, i) => {
    if (i > 0 && collator.compare(sorted[i - 1], title) !== 0) rank++;
    ranks.set(title, rank);
  });
  ranksByGraph.set(graph, ranks);
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
