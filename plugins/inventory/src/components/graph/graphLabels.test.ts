import { DrawnNode } from './graphElements';
import {
  LABEL_MAX_CHARS,
  labelsThatFit,
  nodeNoun,
  shortLabel,
} from './graphLabels';

const at = (
  id: string,
  x: number,
  y: number,
  extra: Partial<DrawnNode> = {},
): DrawnNode => ({
  id,
  label: id,
  kind: 'Resource',
  distance: 1,
  x,
  y,
  focus: false,
  group: 'p',
  exists: true,
  ...extra,
});

describe('labelsThatFit', () => {
  it('labels nodes far enough apart, and only one of two whose labels would collide', () => {
    const labelled = labelsThatFit([
      at('focus', 0, 0, { focus: true, distance: 0 }),
      at('far-left', -300, 0),
      at('far-right', 300, 0),
      // 20 units right of far-right: its label would sit on far-right's.
      at('crowded', 320, 0, { distance: 2 }),
    ]);
    expect([...labelled].sort()).toEqual(['far-left', 'far-right', 'focus']);
  });

  it('names the focus first, even when a nearer label would have taken its place', () => {
    const labelled = labelsThatFit([
      at('neighbour', 5, 0, { distance: 1 }),
      at('focus', 0, 0, { focus: true, distance: 0 }),
    ]);
    expect([...labelled]).toEqual(['focus']);
  });

  it('keeps a label off another node drawn right under it', () => {
    const labelled = labelsThatFit([
      at('top', 0, 0),
      // Its disc is where top's label would be written.
      at('below', 0, 14, { distance: 2 }),
    ]);
    expect(labelled.has('top')).toBe(false);
  });

  it('lets no two drawn labels overlap on a crowded ring', () => {
    const ring = Array.from({ length: 200 }, (_, i) => {
      const angle = (2 * Math.PI * i) / 200;
      return at(
        `namespace-with-a-long-name-${i}`,
        Math.round(2000 * Math.cos(angle)),
        Math.round(2000 * Math.sin(angle)),
      );
    });
    const labelled = labelsThatFit(ring);
    expect(labelled.size).toBeGreaterThan(5);
    expect(labelled.size).toBeLessThan(200);
    // Labels sit under their node, about 6 units per character of the cut title.
    const shown = ring.filter(n => labelled.has(n.id));
    const width = shortLabel(shown[0].label).length * 6;
    for (const a of shown) {
      for (const b of shown) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= width || Math.abs(a.y - b.y) >= 13;
        expect(apart).toBe(true);
      }
    }
  });
});

describe('shortLabel', () => {
  it('cuts long titles with an ellipsis and leaves short ones alone', () => {
    expect(shortLabel('aaa')).toBe('aaa');
    const long = 'k8s-infra-prow-build-trusted-us-central1';
    expect(shortLabel(long)).toHaveLength(LABEL_MAX_CHARS);
    expect(shortLabel(long).endsWith('…')).toBe(true);
  });
});

describe('nodeNoun', () => {
  it('says what a node is in words, its kind when it has no type', () => {
    expect(nodeNoun({ kind: 'resource', type: 'k8s-namespace' })).toBe(
      'Kubernetes namespace',
    );
    expect(nodeNoun({ kind: 'resource', type: 'gcp-project' })).toBe('project');
    expect(nodeNoun({ kind: 'system' })).toBe('system');
  });
});
