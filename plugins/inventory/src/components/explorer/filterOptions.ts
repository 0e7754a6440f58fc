import { ExplorerNode } from '@infra-atlas/inventory-common';

/** A count as the explorer writes it: `4,801`. */
export const count = (n: number) => n.toLocaleString('en-US');

/** A filter's options: each distinct value and how many nodes have it, by value. */
export type FilterOptions = Array<[value: string, nodes: number]>;

/** Distinct values of a field, with how many nodes have each, for a filter's options. */
export function optionsOf(
  nodes: ExplorerNode[],
  values: (n: ExplorerNode) => string[],
): FilterOptions {
  const counts = new Map<string, number>();
  for (const node of nodes) {
    for (const value of values(node)) {
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}
