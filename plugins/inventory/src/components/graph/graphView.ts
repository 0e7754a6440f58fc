import { Core } from 'cytoscape';
import { DrawnNode } from './graphElements';

/** What the view controls and keyboard shortcuts do to the picture. */
export type ViewCommand = 'zoom-in' | 'zoom-out' | 'fit' | 'reset';
export type Direction = 'up' | 'down' | 'left' | 'right';

/** How much one zoom step changes the scale. */
const ZOOM_STEP = 1.4;
/** Space kept around the graph when it is fitted to the view, in pixels. */
const FIT_PADDING = 30;
/** The scale at which labels are large enough to read (graphLabels.ts, the canvas style). */
const READABLE_ZOOM = 0.8;

/**
 * The keys the picture answers to when it has the keyboard focus: arrows move between
 * entities, Enter opens one, + and − zoom, F fits the whole graph and 0 resets the view.
 */
export function keyCommand(
  key: string,
): ViewCommand | { move: Direction } | 'open' | undefined {
  switch (key) {
    case '+':
    case '=':
      return 'zoom-in';
    case '-':
    case '_':
      return 'zoom-out';
    case 'f':
    case 'F':
      return 'fit';
    case '0':
      return 'reset';
    case 'Enter':
      return 'open';
    case 'ArrowUp':
      return { move: 'up' };
    case 'ArrowDown':
      return { move: 'down' };
    case 'ArrowLeft':
      return { move: 'left' };
    case 'ArrowRight':
      return { move: 'right' };
    default:
      return undefined;
  }
}

const UNIT: Record<Direction, { x: number; y: number }> = {
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
};

/**
 * The node an arrow key moves to: the nearest one that lies in that direction (within 45° of
 * it), where straying sideways counts double, so that "right" prefers the neighbour on the
 * same level to a nearer one further down. Undefined when nothing lies that way.
 */
export function nextInDirection(
  nodes: Array<Pick<DrawnNode, 'id' | 'x' | 'y'>>,
  fromId: string,
  direction: Direction,
): string | undefined {
  const from = nodes.find(node => node.id === fromId);
  if (!from) return undefined;
  const unit = UNIT[direction];
  let best: { id: string; score: number } | undefined;
  for (const node of nodes) {
    if (node.id === fromId) continue;
    const dx = node.x - from.x;
    const dy = node.y - from.y;
    const along = dx * unit.x + dy * unit.y;
    const across = Math.abs(dx * unit.y - dy * unit.x);
    if (along <= 0 || across > along) continue;
    const score = along + 2 * across;
    if (!best || score < best.score) best = { id: node.id, score };
  }
  return best?.id;
}

/**
 * The view as it opens: the focus in the middle and the whole graph in sight, but never so
 * far out that the focus's own label is too small to read.
 */
export function resetView(cy: Core, focusId: string | undefined) {
  cy.fit(undefined, FIT_PADDING);
  if (cy.zoom() < READABLE_ZOOM) cy.zoom(READABLE_ZOOM);
  const focus = focusId ? cy.getElementById(focusId) : undefined;
  if (focus?.nonempty()) cy.center(focus);
}

/** Carries out a zoom, fit or reset; zooming keeps the middle of the view where it is. */
export function applyCommand(
  cy: Core,
  command: ViewCommand,
  focusId: string | undefined,
) {
  const middle = { x: cy.width() / 2, y: cy.height() / 2 };
  switch (command) {
    case 'zoom-in':
      cy.zoom({ level: cy.zoom() * ZOOM_STEP, renderedPosition: middle });
      break;
    case 'zoom-out':
      cy.zoom({ level: cy.zoom() / ZOOM_STEP, renderedPosition: middle });
      break;
    case 'fit':
      cy.fit(undefined, FIT_PADDING);
      break;
    default:
      resetView(cy, focusId);
  }
}

/** The node the reader chose, and whether to bring it to the middle (as a search does). */
export type Selection = { id: string; centre: boolean };

/**
 * Marks the chosen node on the picture (its full title shows) and brings it to the middle when
 * asked to, or when it is outside the view; otherwise the picture stays still under the reader.
 */
export function showSelected(cy: Core, selection: Selection | undefined) {
  cy.nodes('.selected').removeClass('selected');
  if (!selection) return;
  const node = cy.getElementById(selection.id);
  if (node.empty()) return;
  node.addClass('selected');
  const extent = cy.extent();
  const { x, y } = node.position();
  const outside =
    x < extent.x1 || x > extent.x2 || y < extent.y1 || y > extent.y2;
  if (selection.centre || outside) cy.center(node);
}
