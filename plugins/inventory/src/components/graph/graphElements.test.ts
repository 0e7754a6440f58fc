import { GraphResponse } from '@infra-atlas/inventory-common';
import { AUTO_CLUSTER_ABOVE, drawGraph } from './graphElements';

const node = (
  name: string,
  distance: number,
  extra: { project?: string; owner?: string; ownerTitle?: string } = {},
) => ({
  ref: `resource:default/${name}`,
  kind: 'Resource',
  title: name,
  exists: true,
  distance,
  ...extra,
});

const answer = (nodes: GraphResponse['nodes'], edges: GraphResponse['edges']) =>
  ({
    focus: nodes[0],
    mode: 'blast-radius',
    depth: 3,
    relations: ['runsOn'],
    kinds: [],
    maxNodes: 5000,
    nodes,
    edges,
    cutOff: { depthReached: false, nodeLimitReached: false, frontier: 0 },
  } as GraphResponse);

const runsOn = (source: string, target: string) => ({
  source: `resource:default/${source}`,
  target: `resource:default/${target}`,
  type: 'runsOn',
});

describe('drawGraph', () => {
  const estate = answer(
    [
      node('cluster', 0, { project: 'p1' }),
      node('ns-a', 1, { project: 'p1' }),
      node('ns-b', 1, { project: 'p1' }),
      node('app-a', 2, { project: 'p1' }),
      node('record', 3, { owner: 'group:default/dns' }),
    ],
    [
      runsOn('ns-a', 'cluster'),
      runsOn('ns-b', 'cluster'),
      runsOn('app-a', 'ns-a'),
      { ...runsOn('record', 'app-a'), type: 'servedBy' },
    ],
  );

  it('draws every entity when not clustering, the focus at the centre and levels outwards', () => {
    const drawn = drawGraph(estate, {
      clustering: 'none',
      expanded: new Set(),
    });
    expect(drawn.nodes).toHaveLength(5);
    expect(drawn.edges).toHaveLength(4);
    const at = (id: string) =>
      drawn.nodes.find(n => n.id === `resource:default/${id}`)!;
    expect(at('cluster')).toMatchObject({ x: 0, y: 0, focus: true });
    const radius = (id: string) => Math.hypot(at(id).x, at(id).y);
    expect(radius('ns-a')).toBeGreaterThan(0);
    expect(radius('app-a')).toBeGreaterThan(radius('ns-a'));
    expect(radius('record')).toBeGreaterThan(radius('app-a'));
  });

  it('groups a project into one node, merges its edges with a count, and keeps the focus out', () => {
    const drawn = drawGraph(estate, {
      clustering: 'project',
      expanded: new Set(),
    });
    expect(drawn.nodes.map(n => n.id).sort()).toEqual([
      'cluster:p1',
      'resource:default/cluster',
      // Alone in "(no project)", the record stays itself.
      'resource:default/record',
    ]);
    expect(drawn.nodes.find(n => n.id === 'cluster:p1')).toMatchObject({
      label: 'p1 (3)',
      distance: 1,
      cluster: { key: 'p1', size: 3 },
    });
    expect(drawn.edges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'cluster:p1',
          target: 'resource:default/cluster',
          count: 2,
        }),
        expect.objectContaining({
          source: 'resource:default/record',
          target: 'cluster:p1',
          count: 1,
        }),
      ]),
    );
  });

  it('opens an expanded cluster, and clusters automatically only large graphs', () => {
    const open = drawGraph(estate, {
      clustering: 'project',
      expanded: new Set(['p1']),
    });
    expect(open.nodes).toHaveLength(5);

    expect(
      drawGraph(estate, { clustering: 'auto', expanded: new Set() }).clustering,
    ).toBe('none');
    const many = answer(
      Array.from({ length: AUTO_CLUSTER_ABOVE + 1 }, (_, i) =>
        node(`n${i}`, i ? 1 : 0, {
          owner: `group:default/g${i % 3}`,
          ownerTitle: `g${i % 3}@example.org`,
        }),
      ),
      [],
    );
    const auto = drawGraph(many, { clustering: 'auto', expanded: new Set() });
    expect(auto.clustering).toBe('project');
    expect(auto.nodes).toHaveLength(2);
    const byOwner = drawGraph(many, {
      clustering: 'owner',
      expanded: new Set(),
    });
    expect(byOwner.nodes.map(n => n.label).sort()).toEqual([
      'g0@example.org (100)',
      'g1@example.org (100)',
      'g2@example.org (100)',
      'n0',
    ]);
  });

  it('puts each outer node next to what it is related to inside', () => {
    const spokes = answer(
      [
        node('cluster', 0),
        ...['a', 'b', 'c', 'd'].map(n => node(`ns-${n}`, 1)),
        // Named so that alphabetical order would put each app opposite its namespace.
        ...['d', 'c', 'b', 'a'].map((n, i) => node(`app-${i}-${n}`, 2)),
      ],
      [
        ...['a', 'b', 'c', 'd'].map(n => runsOn(`ns-${n}`, 'cluster')),
        ...['d', 'c', 'b', 'a'].map((n, i) =>
          runsOn(`app-${i}-${n}`, `ns-${n}`),
        ),
      ],
    );
    const drawn = drawGraph(spokes, {
      clustering: 'none',
      expanded: new Set(),
    });
    const angle = (id: string) => {
      const n = drawn.nodes.find(d => d.id === `resource:default/${id}`)!;
      return Math.atan2(n.y, n.x);
    };
    for (const [i, n] of ['d', 'c', 'b', 'a'].entries()) {
      expect(angle(`app-${i}-${n}`)).toBeCloseTo(angle(`ns-${n}`), 5);
    }
  });

  it('lays out thousands of nodes in a compact disc, not one giant ring', () => {
    const big = answer(
      [
        node('focus', 0),
        ...Array.from({ length: 5000 }, (_, i) => node(`n${i}`, 1)),
      ],
      [],
    );
    const drawn = drawGraph(big, { clustering: 'none', expanded: new Set() });
    const outermost = Math.max(...drawn.nodes.map(n => Math.hypot(n.x, n.y)));
    // One ring of 5,000 nodes 28 px apart would have a radius of about 22,000 px.
    expect(outermost).toBeLessThan(3000);
    const positions = new Set(drawn.nodes.map(n => `${n.x},${n.y}`));
    expect(positions.size).toBe(drawn.nodes.length);
  });
});
