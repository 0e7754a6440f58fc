import cytoscape from 'cytoscape';
import {
  applyCommand,
  keyCommand,
  nextInDirection,
  resetView,
  showSelected,
} from './graphView';

describe('keyCommand', () => {
  it('maps the keys the legend names, and ignores others', () => {
    expect(keyCommand('+')).toBe('zoom-in');
    expect(keyCommand('-')).toBe('zoom-out');
    expect(keyCommand('f')).toBe('fit');
    expect(keyCommand('0')).toBe('reset');
    expect(keyCommand('Enter')).toBe('open');
    expect(keyCommand('ArrowLeft')).toEqual({ move: 'left' });
    expect(keyCommand('a')).toBeUndefined();
    expect(keyCommand('Tab')).toBeUndefined();
  });
});

describe('nextInDirection', () => {
  // The focus in the middle, a ring around it.
  const nodes = [
    { id: 'focus', x: 0, y: 0 },
    { id: 'north', x: 0, y: -100 },
    { id: 'east', x: 100, y: 10 },
    { id: 'south-east', x: 60, y: 80 },
    { id: 'far-east', x: 300, y: 0 },
  ];

  it('moves to the nearest node that lies that way', () => {
    expect(nextInDirection(nodes, 'focus', 'up')).toBe('north');
    expect(nextInDirection(nodes, 'focus', 'right')).toBe('east');
    expect(nextInDirection(nodes, 'east', 'right')).toBe('far-east');
    expect(nextInDirection(nodes, 'focus', 'down')).toBe('south-east');
  });

  it('stays put when nothing lies that way', () => {
    expect(nextInDirection(nodes, 'north', 'up')).toBeUndefined();
    expect(nextInDirection(nodes, 'focus', 'left')).toBeUndefined();
    expect(nextInDirection(nodes, 'nowhere', 'left')).toBeUndefined();
  });
});

describe('view commands', () => {
  const graph = () =>
    cytoscape({
      headless: true,
      elements: [
        { data: { id: 'focus' }, position: { x: 0, y: 0 } },
        { data: { id: 'far' }, position: { x: 5000, y: 0 } },
      ],
    });

  it('zooms in and out by steps and resets to a readable scale', () => {
    const cy = graph();
    cy.zoom(1);
    applyCommand(cy, 'zoom-in', 'focus');
    expect(cy.zoom()).toBeCloseTo(1.4);
    applyCommand(cy, 'zoom-out', 'focus');
    applyCommand(cy, 'zoom-out', 'focus');
    expect(cy.zoom()).toBeCloseTo(1 / 1.4);
    // Fitting 5,000 units into the view would make every label unreadable.
    resetView(cy, 'focus');
    expect(cy.zoom()).toBeCloseTo(0.8);
    applyCommand(cy, 'fit', 'focus');
    expect(cy.zoom()).toBeLessThan(0.8);
  });

  it('marks one selected node at a time', () => {
    const cy = graph();
    showSelected(cy, { id: 'focus', centre: true });
    showSelected(cy, { id: 'far', centre: true });
    expect(cy.nodes('.selected').map(n => n.id())).toEqual(['far']);
    showSelected(cy, undefined);
    expect(cy.nodes('.selected')).toHaveLength(0);
  });
});
