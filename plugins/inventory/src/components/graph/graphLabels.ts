import { typeNoun } from '@infra-atlas/inventory-common';
import { DrawnNode, sizeOf } from './graphElements';

/** Longer titles are cut with an ellipsis on the picture; the full title shows on hover. */
export const LABEL_MAX_CHARS = 24;
/** The canvas's label font size, in graph units (labels scale with the zoom). */
export const LABEL_FONT_SIZE = 10;
const FOCUS_FONT_SIZE = 14;
/** An average character's width and a line's height, relative to the font size. */
const CHAR_WIDTH = 0.6;
const LINE_HEIGHT = 1.3;
/** Room kept free around each label, in graph units. */
const MARGIN = 4;

/** What a node is, in words: `Kubernetes namespace`, `project`, `component` — never a type slug. */
export const nodeNoun = (node: { type?: string; kind: string }) =>
  typeNoun(node.type ?? node.kind, 1);

/** A title cut to what a label on the picture may show. */
export function shortLabel(title: string): string {
  return title.length > LABEL_MAX_CHARS
    ? `${title.slice(0, LABEL_MAX_CHARS - 1)}…`
    : title;
}

type Box = { left: number; right: number; top: number; bottom: number };

/** Where a node's label sits: centred under the node, as the canvas draws it. */
function labelBox(node: DrawnNode): Box {
  const fontSize = node.focus ? FOCUS_FONT_SIZE : LABEL_FONT_SIZE;
  const width =
    shortLabel(node.label).length * fontSize * CHAR_WIDTH + 2 * MARGIN;
  const top = node.y + sizeOf(node) / 2;
  return {
    left: node.x - width / 2,
    right: node.x + width / 2,
    top,
    bottom: top + fontSize * LINE_HEIGHT + MARGIN,
  };
}

/** The node's own disc, which another node's label must not cover either. */
function nodeBox(node: DrawnNode): Box {
  const half = sizeOf(node) / 2;
  return {
    left: node.x - half,
    right: node.x + half,
    top: node.y - half,
    bottom: node.y + half,
  };
}

const overlap = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Who gets a label first when two would collide: the focus, then nearer, then clusters. */
function priority(a: DrawnNode, b: DrawnNode): number {
  return (
    Number(b.focus) - Number(a.focus) ||
    a.distance - b.distance ||
    Number(Boolean(b.cluster)) - Number(Boolean(a.cluster)) ||
    a.label.localeCompare(b.label)
  );
}

/**
 * Chooses the nodes whose labels the picture draws: a label is drawn only where it fits, without
 * covering another label or node, the focus and the nearest nodes first. Labels scale with the
 * zoom, so what fits is decided once per layout. Boxes are kept in a grid of cells as wide as the
 * widest label, so each check looks at a few neighbours rather than every label.
 */
export function labelsThatFit(nodes: DrawnNode[]): Set<string> {
  const cell = LABEL_MAX_CHARS * FOCUS_FONT_SIZE * CHAR_WIDTH + 2 * MARGIN;
  const grid = new Map<string, Box[]>();
  const cellsOf = (box: Box) => {
    const keys: string[] = [];
    for (let i = Math.floor(box.left / cell); i <= box.right / cell; i++) {
      for (let j = Math.floor(box.top / cell); j <= box.bottom / cell; j++) {
        keys.push(`${i},${j}`);
      }
    }
    return keys;
  };
  const take = (box: Box) => {
    for (const key of cellsOf(box)) {
      grid.set(key, [...(grid.get(key) ?? []), box]);
    }
  };
  const discs = new Map(nodes.map(node => [node.id, nodeBox(node)]));
  discs.forEach(take);

  const labelled = new Set<string>();
  for (const node of [...nodes].sort(priority)) {
    const box = labelBox(node);
    // A label may touch its own node's disc, which sits right above it.
    const own = discs.get(node.id);
    const fits = cellsOf(box).every(key =>
      (grid.get(key) ?? []).every(
        other => other === own || !overlap(box, other),
      ),
    );
    // The focus is always named, even when its label has to cover a neighbour.
    if (fits || node.focus) {
      labelled.add(node.id);
      take(box);
    }
  }
  return labelled;
}
