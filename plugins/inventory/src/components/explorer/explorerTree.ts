import { ExplorerNode } from '@infra-atlas/inventory-common';

/** The placement forest as the page walks it: nodes by ref, children by title, roots. */
export type Forest = {
  byRef: Map<string, ExplorerNode>;
  children: Map<string, ExplorerNode[]>;
  roots: ExplorerNode[];
};

const collator = new Intl.Collator('en', { numeric: true });
const byTitle = (a: ExplorerNode, b: ExplorerNode) =>
  collator.compare(a.title, b.title) || collator.compare(a.ref, b.ref);

/** The parents a node has in this forest; one missing from the catalog makes it a root. */
const parentsIn = (byRef: Map<string, ExplorerNode>, node: ExplorerNode) =>
  (node.parents ?? []).filter(parent => byRef.has(parent));

export function buildForest(nodes: ExplorerNode[]): Forest {
  const byRef = new Map(nodes.map(node => [node.ref, node]));
  const children = new Map<string, ExplorerNode[]>();
  const roots: ExplorerNode[] = [];
  for (const node of nodes) {
    const parents = parentsIn(byRef, node);
    if (!parents.length) roots.push(node);
    for (const parent of parents) {
      const list = children.get(parent);
      if (list) list.push(node);
      else children.set(parent, [node]);
    }
  }
  for (const list of children.values()) list.sort(byTitle);
  roots.sort(byTitle);
  return { byRef, children, roots };
}

/** What the page filters on; every field lives in the URL. Empty means "any". */
export type ExplorerFilters = {
  q: string;
  type: string;
  owner: string;
  /** `key=value` */
  label: string;
  /** A configuration setting, `setting=value` (`retention=locked`, `api=dns.googleapis.com`). */
  setting: string;
  public: boolean;
  stale: boolean;
};

export const isFiltered = (f: ExplorerFilters) =>
  !!(f.q || f.type || f.owner || f.label || f.setting || f.public || f.stale);

/**
 * What a node is, for the Type filter's options, its matching and the row's label: its
 * `spec.type`, else its kind (a Group or a System has no type). One rule for all three, so
 * that every option the filter offers matches the nodes it counted.
 */
export const typeOf = (node: ExplorerNode) => node.type ?? node.kind;

export const labelPairs = (node: ExplorerNode) =>
  Object.entries(node.labels ?? {}).map(([key, value]) => `${key}=${value}`);

/** A node's configuration settings as `setting=value`, one per item of a list. */
export const settingPairs = (node: ExplorerNode) =>
  Object.entries(node.settings ?? {}).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map(v => `${key}=${v}`),
  );

/** Every filter holds; the search matches the title, the ref or a `key=value` label. */
export function matches(node: ExplorerNode, f: ExplorerFilters): boolean {
  if (f.type && typeOf(node) !== f.type) return false;
  if (f.owner && node.owner !== f.owner) return false;
  if (f.label && !labelPairs(node).includes(f.label)) return false;
  if (f.setting && !settingPairs(node).includes(f.setting)) return false;
  if (f.public && !node.public) return false;
  if (f.stale && !node.stale) return false;
  const q = f.q.trim().toLocaleLowerCase('en-US');
  return (
    !q ||
    [node.title, node.ref, ...labelPairs(node)].some(text =>
      text.toLocaleLowerCase('en-US').includes(q),
    )
  );
}

/** The matching refs, and for each node how many matches lie under it (each counted once). */
export type Matches = { matched: Set<string>; under: Map<string, number> };

export function findMatches(forest: Forest, f: ExplorerFilters): Matches {
  const matched = new Set<string>();
  const under = new Map<string, number>();
  for (const node of forest.byRef.values()) {
    if (!matches(node, f)) continue;
    matched.add(node.ref);
    // Up every placement path; an ancestor reached twice (an app in two namespaces of one
    // cluster) counts the match once.
    const seen = new Set<string>();
    const queue = parentsIn(forest.byRef, node);
    while (queue.length) {
      const ref = queue.pop()!;
      if (seen.has(ref)) continue;
      seen.add(ref);
      under.set(ref, (under.get(ref) ?? 0) + 1);
      queue.push(...parentsIn(forest.byRef, forest.byRef.get(ref)!));
    }
  }
  return { matched, under };
}

/** One line of the tree. A node placed in two parents appears under each: `key` is its path. */
export type Row = {
  key: string;
  node: ExplorerNode;
  depth: number;
  parentKey?: string;
  expandable: boolean;
  expanded: boolean;
};

/**
 * The rows on screen, depth first. Without matches every node shows, collapsed unless
 * toggled. With matches, the tree shows the matches and the paths to them, expanded; inside a
 * match everything shows, so expanding a matching project lists all it holds. `toggled` are
 * the nodes the user opened or closed against that default.
 */
export function visibleRows(
  forest: Forest,
  toggled: ReadonlySet<string>,
  found?: Matches,
): Row[] {
  const rows: Row[] = [];
  const shown = (node: ExplorerNode, insideMatch: boolean) =>
    !found ||
    insideMatch ||
    found.matched.has(node.ref) ||
    found.under.has(node.ref);
  const visit = (
    nodes: ExplorerNode[],
    depth: number,
    path: string[],
    insideMatch: boolean,
    parentKey?: string,
  ) => {
    for (const node of nodes) {
      if (!shown(node, insideMatch)) continue;
      const inside = insideMatch || !!found?.matched.has(node.ref);
      const down = [...path, node.ref];
      // A placement cycle would make the tree endless; it ends where it closes.
      const children = (forest.children.get(node.ref) ?? []).filter(
        child => shown(child, inside) && !down.includes(child.ref),
      );
      const byDefault = !!found?.under.has(node.ref);
      const expanded =
        children.length > 0 && byDefault !== toggled.has(node.ref);
      const key = parentKey ? `${parentKey}>${node.ref}` : node.ref;
      rows.push({
        key,
        node,
        depth,
        parentKey,
        expandable: children.length > 0,
        expanded,
      });
      if (expanded) visit(children, depth + 1, down, inside, key);
    }
  };
  visit(forest.roots, 0, [], false);
  return rows;
}
