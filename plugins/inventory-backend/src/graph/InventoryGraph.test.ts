import { entity } from '../__testUtils__/entities';
import { InventoryGraph, normalizeRef } from './InventoryGraph';

describe('InventoryGraph', () => {
  const app = entity('component:app', {
    annotations: {
      'infra-atlas.io/provenance': 'declared',
      'infra-atlas.io/declared-in': 'https://github.com/o/r/blob/main/apps/app',
    },
    relations: [['runsOn', 'resource:ns']],
  });
  const ns = entity('resource:ns', {
    relations: [
      ['hosts', 'component:app'],
      ['runsOn', 'resource:cluster'],
    ],
  });

  it('keeps each relation once, in its forward direction, with the declaring entity as evidence', () => {
    const graph = InventoryGraph.build([app, ns]);
    expect(graph.out('component:default/app')).toEqual([
      {
        source: 'component:default/app',
        type: 'runsOn',
        target: 'resource:default/ns',
        provenance: {
          kind: 'declared',
          url: 'https://github.com/o/r/blob/main/apps/app',
        },
      },
    ]);
    // `hosts` on the namespace is the same fact, not a second edge.
    expect(graph.in('resource:default/ns').map(e => e.source)).toEqual([
      'component:default/app',
    ]);
    expect(graph.relationCount).toBe(2);
  });

  it('cites a group membership where the group lists the member, at its line', () => {
    const groupsFile = 'https://github.com/o/r/blob/main/groups/a/groups.yaml';
    const declared = (url: string) => ({
      'infra-atlas.io/provenance': 'declared',
      'infra-atlas.io/declared-in': url,
    });
    const graph = InventoryGraph.build([
      // Jane's own file is the first groups.yaml that names her, not group a's.
      entity('user:jane--example.org', {
        annotations: {
          ...declared('https://github.com/o/r/blob/main/groups/z/groups.yaml'),
          'infra-atlas.io/memberships': JSON.stringify({
            'group:default/a--example.org': `${groupsFile}#L4`,
          }),
        },
        relations: [
          ['memberOf', 'group:a--example.org'],
          ['memberOf', 'group:z--example.org'],
        ],
      }),
      entity('group:a--example.org', { annotations: declared(groupsFile) }),
    ]);
    const [a, z] = graph.out('user:default/jane--example.org', ['memberOf']);
    expect(a.provenance).toEqual({
      kind: 'declared',
      url: `${groupsFile}#L4`,
    });
    // Without a recorded membership, the member's own file is the evidence there is.
    expect(z.provenance).toEqual({
      kind: 'declared',
      url: 'https://github.com/o/r/blob/main/groups/z/groups.yaml',
    });
  });

  it('keeps relations to entities that do not exist, and says they do not', () => {
    const graph = InventoryGraph.build([app, ns]);
    expect(graph.out('resource:default/ns').map(e => e.target)).toEqual([
      'resource:default/cluster',
    ]);
    expect(graph.summary('resource:default/cluster')).toMatchObject({
      exists: false,
      title: 'cluster',
    });
  });

  it('prefers a resolved link, with its rule, over the same relation read back from the catalog', () => {
    const graph = InventoryGraph.build([app, ns], () => ({
      links: [
        {
          source: 'component:default/app',
          type: 'runsOn',
          target: 'resource:default/ns',
          provenance: {
            kind: 'inferred',
            rule: 'test-rule',
            detail: 'because',
          },
        },
      ],
      ambiguous: [],
      unresolved: [],
    }));
    expect(graph.out('component:default/app')[0].provenance).toEqual({
      kind: 'inferred',
      rule: 'test-rule',
      detail: 'because',
    });
    expect(graph.relationCount).toBe(2);
  });

  it('reads short and mixed-case refs as the catalog does', () => {
    expect(normalizeRef('group:sig-k8s-infra')).toBe(
      'group:default/sig-k8s-infra',
    );
    expect(normalizeRef('sig-k8s-infra', 'group')).toBe(
      'group:default/sig-k8s-infra',
    );
    expect(normalizeRef('Component:Default/App')).toBe('component:default/app');
  });
});
