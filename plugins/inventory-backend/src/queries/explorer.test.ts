import { entity } from '../__testUtils__/entities';
import { InventoryGraph } from '../graph/InventoryGraph';
import { dependencyGraph, parseGraphOptions } from './dependencyGraph';
import { explorer } from './explorer';
import { impact, parseImpactOptions } from './impact';

/*
 * The placement shapes of k8s-infra: org → folder → project → cluster → namespaces → app (one
 * app in two namespaces), a public bucket with labels, a project being deleted, a zone with a
 * record, an app declared on a cluster no crawl found, and what takes no part (a group nested
 * in a group, a registry placed nowhere).
 */
const estate = () => [
  entity('resource:org', { type: 'gcp-organization', title: 'example.org' }),
  entity('resource:folder', {
    type: 'gcp-folder',
    relations: [['childOf', 'resource:org']],
  }),
  entity('resource:project', {
    type: 'gcp-project',
    relations: [
      ['childOf', 'resource:folder'],
      ['ownedBy', 'group:admins'],
    ],
  }),
  entity('resource:old-project', {
    type: 'gcp-project',
    spec: { gcp: { state: 'DELETE_REQUESTED' } },
    relations: [['childOf', 'resource:org']],
  }),
  entity('resource:bucket', {
    type: 'gcs-bucket',
    annotations: {
      'infra-atlas.io/public-access': 'allUsers=roles/storage.objectViewer',
    },
    relations: [['childOf', 'resource:project']],
  }),
  entity('resource:cluster', {
    type: 'gke-cluster',
    title: 'aaa',
    relations: [['childOf', 'resource:project']],
  }),
  entity('resource:ns-prod', {
    type: 'k8s-namespace',
    relations: [['runsOn', 'resource:cluster']],
  }),
  entity('resource:ns-canary', {
    type: 'k8s-namespace',
    relations: [['runsOn', 'resource:cluster']],
  }),
  // The catalog stores both ends; the graph keeps the fact once.
  entity('component:app', {
    type: 'service',
    relations: [
      ['runsOn', 'resource:ns-prod'],
      ['runsOn', 'resource:ns-canary'],
      ['ownedBy', 'group:sig-infra'],
    ],
  }),
  entity('component:orphan', {
    type: 'service',
    relations: [['runsOn', 'resource:gone-namespace']],
  }),
  entity('resource:zone', { type: 'dns-zone', title: 'example.org.' }),
  entity('resource:www', {
    type: 'dns-record',
    relations: [['childOf', 'resource:zone']],
  }),
  entity('resource:registry', { type: 'container-registry' }),
  entity('group:admins', { type: 'google-group' }),
  entity('group:leads', {
    type: 'google-group',
    relations: [['childOf', 'group:admins']],
  }),
];

const labelled = () =>
  estate().map(e =>
    e.metadata.name === 'bucket'
      ? { ...e, metadata: { ...e.metadata, labels: { app: 'gcsweb' } } }
      : e,
  );

describe('explorer', () => {
  const answer = explorer(InventoryGraph.build(labelled()));
  const node = (name: string) =>
    answer.nodes.find(n => n.ref.split('/')[1] === name);

  it('lists what takes part in placement and nothing else', () => {
    expect(answer.nodes.map(n => n.ref.split('/')[1]).sort()).toEqual(
      [
        'app',
        'bucket',
        'cluster',
        'folder',
        'ns-canary',
        'ns-prod',
        'old-project',
        'orphan',
        'org',
        'project',
        'www',
        'zone',
      ].sort(),
    );
  });

  it('gives each row its placement parents, owner, labels and public access', () => {
    expect(node('org')).toEqual({
      ref: 'resource:default/org',
      kind: 'Resource',
      type: 'gcp-organization',
      title: 'example.org',
      // folder, both projects, bucket, cluster, two namespaces, the app.
      descendants: 8,
    });
    expect(node('app')?.parents?.sort()).toEqual([
      'resource:default/ns-canary',
      'resource:default/ns-prod',
    ]);
    expect(node('app')?.owner).toBe('group:default/sig-infra');
    expect(node('project')).toMatchObject({
      parents: ['resource:default/folder'],
      owner: 'group:default/admins',
    });
    expect(node('bucket')).toMatchObject({
      public: true,
      labels: { app: 'gcsweb' },
    });
    expect(node('cluster')?.public).toBeUndefined();
  });

  it('counts what lies under each row once, across runsOn and childOf', () => {
    // bucket, cluster, two namespaces, and the app in both of them.
    expect(node('project')?.descendants).toBe(5);
    expect(node('cluster')?.descendants).toBe(3);
    expect(node('zone')?.descendants).toBe(1);
    expect(node('app')?.descendants).toBe(0);
  });

  it('marks projects being deleted and things placed on what no crawl found as stale', () => {
    expect(node('old-project')?.stale).toBe('GCP state DELETE_REQUESTED');
    expect(node('orphan')?.stale).toBe(
      'placed in resource:default/gone-namespace, which is not in the catalog',
    );
    expect(answer.nodes.filter(n => n.stale)).toHaveLength(2);
  });
});

describe('owners', () => {
  it('are the same in the explorer, the impact answer and the dependency graph', () => {
    // Owned through the catalog's ownedBy relation only, without spec.owner.
    const graph = InventoryGraph.build(estate());
    const app = 'component:default/app';
    const owner = 'group:default/sig-infra';
    expect(explorer(graph).nodes.find(n => n.ref === app)?.owner).toBe(owner);
    const blast = impact(
      graph,
      'resource:default/cluster',
      parseImpactOptions({}, 100),
    );
    expect(blast.nodes.find(n => n.entity.ref === app)?.owner).toBe(owner);
    expect(blast.owners.map(o => o.owner.ref)).toContain(owner);
    const drawn = dependencyGraph(
      graph,
      'resource:default/cluster',
      parseGraphOptions({ mode: 'blast-radius' }, 100),
    );
    expect(drawn.nodes.find(n => n.ref === app)?.owner).toBe(owner);
  });
});
