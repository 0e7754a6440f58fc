import {
  GraphResponse,
  ownershipEvidence,
} from '@infra-atlas/inventory-common';
import { entity } from '../__testUtils__/entities';
import { InventoryGraph } from '../graph/InventoryGraph';
import { administrators, strength } from './administrators';
import { groupTotals, scorecard, totalsOf } from './completeness';
import { dependencyGraph, parseGraphOptions } from './dependencyGraph';
import { drift } from './drift';
import { impact, parseImpactOptions } from './impact';
import { nearDuplicatePairs } from './nearDuplicates';
import { ownership } from './ownership';
import { emeritusPeople, emeritusPrincipals } from './people';
import { placement } from './placement';

/*
 * A small estate with the shapes of the real one: org → folder → project → cluster →
 * namespace → app, a bucket, nested groups, an IAM grant on the org, an OWNERS file, a SIG.
 */
const orgGrant = {
  member: 'group:admins@example.org',
  role: 'roles/owner',
  power: 'administer',
  grantedOn: 'organizations/1',
  ref: 'group:default/admins--example.org',
};
const estate = () => [
  entity('resource:org', {
    type: 'gcp-organization',
    annotations: {
      'infra-atlas.io/gcp-resource-name': '//crm/organizations/1',
    },
    spec: {
      owner: 'group:admins--example.org',
      access: {
        administrators: [{ ...orgGrant, inherited: false }],
        grants: [{ ...orgGrant, inherited: false }],
      },
    },
    relations: [['administeredBy', 'group:admins--example.org']],
  }),
  entity('resource:gcp-custom-role--1--bucket.lister', {
    type: 'gcp-custom-role',
    title: 'bucket.lister',
    spec: {
      gcp: {
        configuration: {
          role: 'organizations/1/roles/bucket.lister',
          permissions: ['storage.buckets.list'],
        },
      },
    },
  }),
  entity('resource:folder', {
    type: 'gcp-folder',
    relations: [['childOf', 'resource:org']],
  }),
  entity('resource:project', {
    type: 'gcp-project',
    title: 'project',
    annotations: { 'infra-atlas.io/gcp-project-id': 'project' },
    spec: {
      owner: 'group:admins--example.org',
      access: { administrators: [{ ...orgGrant, inherited: true }] },
    },
    relations: [
      ['childOf', 'resource:folder'],
      ['administeredBy', 'group:admins--example.org'],
      ['ownedBy', 'group:admins--example.org'],
    ],
  }),
  entity('resource:cluster', {
    type: 'gke-cluster',
    title: 'aaa',
    relations: [['childOf', 'resource:project']],
  }),
  entity('resource:bucket', {
    type: 'gcs-bucket',
    spec: {
      access: {
        administrators: [],
        grants: [
          // A break-glass grant, and one that ran out.
          {
            member: 'group:leads@example.org',
            role: 'roles/storage.admin',
            power: 'administer',
            grantedOn: 'bucket',
            inherited: false,
            ref: 'group:default/leads--example.org',
            condition: { title: 'break-glass', expression: 'request.auth.x' },
          },
          {
            member: 'user:carol@example.org',
            role: 'roles/storage.objectAdmin',
            power: 'write',
            grantedOn: 'bucket',
            inherited: false,
            condition: {
              title: 'temporary',
              expression: 'request.time < timestamp("2024-06-01T00:00:00Z")',
              expiresAt: '2024-06-01T00:00:00.000Z',
            },
          },
          {
            member: 'group:readers@example.org',
            role: 'organizations/1/roles/bucket.lister',
            power: 'read',
            grantedOn: 'bucket',
            inherited: false,
          },
          {
            member: 'group:readers@example.org',
            role: 'roles/storage.legacyBucketReader',
            power: 'read',
            grantedOn: 'bucket',
            inherited: false,
            via: 'projectViewer:project',
          },
        ],
      },
    },
    relations: [['childOf', 'resource:project']],
  }),
  entity('resource:ns', {
    type: 'k8s-namespace',
    relations: [['runsOn', 'resource:cluster']],
  }),
  entity('component:app', {
    type: 'service',
    spec: { owner: 'group:sig-infra' },
    relations: [
      ['runsOn', 'resource:ns'],
      ['ownedBy', 'group:sig-infra'],
      ['dependsOn', 'resource:gcp-secret--project--missing'],
    ],
  }),
  entity('resource:www', {
    type: 'dns-record',
    spec: { fqdn: 'www.example.org.' },
    relations: [['servedBy', 'component:app']],
  }),
  entity('group:admins--example.org', {
    type: 'google-group',
    spec: { profile: { email: 'admins@example.org' } },
  }),
  entity('group:leads--example.org', {
    type: 'google-group',
    spec: { profile: { email: 'leads@example.org' } },
    relations: [['childOf', 'group:admins--example.org']],
  }),
  entity('group:sig-infra', {
    type: 'sig',
    annotations: {
      'infra-atlas.io/slack-channel': 'sig-infra',
      'infra-atlas.io/provenance': 'declared',
    },
    spec: {
      leadership: {
        chairs: ['user:default/alice'],
        techLeads: [],
        emeritusLeads: ['user:default/bob'],
      },
    },
  }),
  entity('user:alice', { annotations: { 'github.com/user-login': 'alice' } }),
  entity('user:alice--example.org', {
    spec: { profile: { email: 'alice@example.org' } },
    relations: [['memberOf', 'group:leads--example.org']],
  }),
  entity('user:bob', { annotations: { 'github.com/user-login': 'bob' } }),
  entity('user:bob--example.org', {
    spec: { profile: { email: 'bob@example.org' } },
    relations: [['memberOf', 'group:admins--example.org']],
  }),
  entity('component:o--repo', {
    type: 'repository',
    annotations: {
      'github.com/project-slug': 'o/repo',
      'infra-atlas.io/owners-files':
        'https://github.com/o/repo/blob/main/OWNERS,https://github.com/o/repo/blob/main/infra/OWNERS',
      'backstage.io/source-location':
        'url:https://github.com/o/repo/tree/main/',
    },
    spec: {
      owner: 'group:sig-infra',
      codeOwnership: {
        url: 'https://github.com/o/repo',
        branch: 'main',
        ownersDepth: 'tree',
        owners: [
          {
            path: 'OWNERS',
            approvers: { alice: 2 },
            emeritus: { bob: 4 },
            labels: { 'area/infra': 6 },
          },
          {
            path: 'infra/OWNERS',
            approvers: { alice: 2, carol: 3 },
            reviewers: { dave: 5 },
          },
        ],
      },
      ownership: [
        {
          dir: '',
          approvers: ['alice'],
          reviewers: [],
          emeritus: ['bob'],
          labels: ['area/infra'],
        },
        {
          dir: 'infra',
          approvers: ['alice', 'carol'],
          reviewers: ['dave'],
          emeritus: [],
          labels: [],
        },
      ],
    },
    relations: [['ownedBy', 'group:sig-infra']],
  }),
];

const sameAs = (login: string, email: string) => ({
  source: `user:default/${login}`,
  type: 'sameAs',
  target: `user:default/${email}`,
  provenance: {
    kind: 'inferred' as const,
    rule: 'test',
    detail: 'same person',
  },
});
const build = (entities = estate()) =>
  InventoryGraph.build(entities, () => ({
    links: [
      sameAs('alice', 'alice--example.org'),
      sameAs('bob', 'bob--example.org'),
    ],
    ambiguous: [],
    unresolved: [],
  }));

describe('placement', () => {
  it('climbs from the app to the organization and finds the names that reach it', () => {
    const answer = placement(build(), 'component:default/app');
    expect(
      answer.chains.map(c => c.path.map(p => p.ref.split('/')[1])),
    ).toEqual([['app', 'ns', 'cluster', 'project', 'folder', 'org']]);
    expect(answer.dnsNames.map(d => d.fqdn)).toEqual(['www.example.org.']);
  });

  it('names the Kubernetes service accounts an app runs as, the GCP ones they act as, and its static IPs', () => {
    const app = entity('component:gcsweb', {
      annotations: {
        'infra-atlas.io/gcp-project-id': 'kubernetes-public',
        'infra-atlas.io/static-ips': 'gcsweb-k8s-io,203.0.113.7',
      },
      relations: [
        ['runsOn', 'resource:ns'],
        ['dependsOn', 'resource:ksa'],
        ['dependsOn', 'resource:secret'],
      ],
    });
    const graph = InventoryGraph.build([
      app,
      entity('resource:ns', { type: 'k8s-namespace' }),
      entity('resource:secret', { type: 'gcp-secret' }),
      entity('resource:ksa', {
        type: 'k8s-service-account',
        title: 'gcsweb (gcsweb)',
        relations: [['dependsOn', 'resource:gsa']],
      }),
      entity('resource:gsa', { type: 'gcp-service-account' }),
      entity('resource:gcp-address--kubernetes-public--global--gcsweb-k8s-io', {
        type: 'gcp-address',
      }),
    ]);
    const answer = placement(graph, 'component:default/gcsweb');
    expect(
      answer.runsAs?.map(r => [r.serviceAccount.ref, r.actsAs?.ref]),
    ).toEqual([['resource:default/ksa', 'resource:default/gsa']]);
    expect(answer.runsAs?.[0].steps.map(s => s.relation)).toEqual([
      'dependsOn',
      'dependsOn',
    ]);
    expect(answer.staticIps).toEqual([
      {
        name: 'gcsweb-k8s-io',
        address: expect.objectContaining({
          ref: 'resource:default/gcp-address--kubernetes-public--global--gcsweb-k8s-io',
        }),
      },
      // An IP literal, or a name the GCP inventory does not have: the name alone.
      { name: '203.0.113.7' },
    ]);
    // Nothing to say: the fields are left out.
    const plain = placement(build(), 'component:default/app');
    expect(plain).not.toHaveProperty('runsAs');
    expect(plain).not.toHaveProperty('staticIps');
  });

  it('ends a chain where a cycle closes instead of looping', () => {
    const loop = [
      entity('resource:a', { relations: [['runsOn', 'resource:b']] }),
      entity('resource:b', { relations: [['runsOn', 'resource:a']] }),
    ];
    const answer = placement(InventoryGraph.build(loop), 'resource:default/a');
    expect(answer.chains.map(c => c.path.map(p => p.ref))).toEqual([
      ['resource:default/a', 'resource:default/b'],
    ]);
  });

  it('answers 404 for an entity that disappeared in the last build', () => {
    const before = build();
    expect(placement(before, 'resource:default/bucket').chains).toHaveLength(1);
    const after = build(estate().filter(e => e.metadata.name !== 'bucket'));
    expect(() => placement(after, 'resource:default/bucket')).toThrow(
      /No entity/,
    );
    expect(
      placement(after, 'resource:default/project').hosts.map(h => h.ref),
    ).toEqual(['resource:default/cluster']);
  });
});

describe('administrators', () => {
  const now = new Date('2026-12-07T00:00:00Z');

  it('lists the inherited org grant and the people behind it through nested groups', () => {
    const answer = administrators(build(), 'resource:default/bucket', now);
    expect(answer.grants.filter(g => g.inherited)).toEqual([
      expect.objectContaining({
        member: 'group:admins@example.org',
        power: 'administer',
        grantedOn: 'organizations/1',
      }),
    ]);
    const alice = answer.people.find(
      p => p.person.ref === 'user:default/alice--example.org',
    )!;
    const viaOrg = alice.paths.find(p => p.grantedOn === 'organizations/1')!;
    expect(
      viaOrg.steps.map(
        s => `${s.from.split('/')[1]} ${s.relation} ${s.to.split('/')[1]}`,
      ),
    ).toEqual([
      'alice--example.org memberOf leads--example.org',
      'leads--example.org childOf admins--example.org',
      'admins--example.org administers org',
      'org parentOf folder',
      'folder parentOf project',
      'project parentOf bucket',
    ]);
  });

  it('answers by power, with conditions stated and expired grants marked', () => {
    const answer = administrators(build(), 'resource:default/bucket', now);
    expect(
      answer.grants.map(g => [
        g.member,
        g.power,
        g.inherited,
        g.condition?.status,
        g.via,
      ]),
    ).toEqual([
      // Strongest first, direct before inherited.
      [
        'group:leads@example.org',
        'administer',
        false,
        'conditional',
        undefined,
      ],
      ['group:admins@example.org', 'administer', true, undefined, undefined],
      ['user:carol@example.org', 'write', false, 'expired', undefined],
      ['group:readers@example.org', 'read', false, undefined, undefined],
      [
        'group:readers@example.org',
        'read',
        false,
        undefined,
        'projectViewer:project',
      ],
    ]);
    // A custom role the inventory holds points at its entity, which says what it grants.
    expect(
      answer.grants.find(g => g.role.endsWith('/bucket.lister'))?.customRole,
    ).toMatchObject({
      ref: 'resource:default/gcp-custom-role--1--bucket.lister',
      title: 'bucket.lister',
    });
    expect(
      answer.grants.find(g => g.role === 'roles/storage.legacyBucketReader'),
    ).not.toHaveProperty('customRole');
    expect(answer.counts).toEqual({
      administer: 2,
      write: 1,
      read: 2,
      other: 0,
    });
    // A grant without a relation is stated by the policy it is in.
    const readers = answer.grants.find(g => g.via)!;
    expect(readers.steps[0]).toMatchObject({
      from: 'group:readers@example.org',
      relation: 'granted',
      to: 'resource:default/bucket',
      provenance: { kind: 'observed', source: '//test/bucket' },
      note: 'roles/storage.legacyBucketReader on bucket (through projectViewer:project)',
    });
    // Alice administers through the org grant; the break-glass path is kept, conditional.
    const alice = answer.people.find(
      p => p.person.ref === 'user:default/alice--example.org',
    )!;
    expect(alice.power).toBe('administer');
    expect(
      alice.paths.find(p => p.role === 'roles/storage.admin')?.condition,
    ).toMatchObject({ title: 'break-glass', status: 'conditional' });
  });

  it('counts everyone behind the grants by power, and lists them a page at a time', () => {
    const graph = build();
    const everyone = administrators(graph, 'resource:default/bucket', now, {
      pageSize: 500,
    });
    const refs = everyone.people.map(p => p.person.ref);
    expect(refs.length).toBeGreaterThan(2);
    // Strongest power first, then by ref.
    const powers = everyone.people.map(p => strength(p.power));
    expect(powers).toEqual([...powers].sort((a, b) => a - b));
    const counts = { administer: 0, write: 0, read: 0, other: 0 };
    for (const p of everyone.people) counts[p.power]++;
    expect(everyone.peopleCounts).toEqual(counts);

    // The default page is the access card's five; pages put together are the whole list.
    const first = administrators(graph, 'resource:default/bucket', now);
    expect(first.people).toEqual(everyone.people.slice(0, 5));
    const paged = [0, 1, 2, 3, 4, 5, 6].flatMap(
      offset =>
        administrators(graph, 'resource:default/bucket', now, {
          offset,
          pageSize: 1,
        }).people,
    );
    expect(paged).toEqual(everyone.people.slice(0, 7));
    const second = administrators(graph, 'resource:default/bucket', now, {
      offset: 1,
      pageSize: 2,
    });
    expect(second.peopleOffset).toBe(1);
    expect(second.people.map(p => p.person.ref)).toEqual(refs.slice(1, 3));
    // Counts and grants do not depend on the page.
    expect(second.peopleCounts).toEqual(everyone.peopleCounts);
    expect(second.grants).toEqual(everyone.grants);
    expect(
      administrators(graph, 'resource:default/bucket', now, {
        offset: refs.length,
      }).people,
    ).toEqual([]);
  });

  it('says when an entity is unowned, without contacts', () => {
    const entities = estate();
    const bucket = entities.find(e => e.metadata.name === 'bucket')!;
    bucket.spec!.owner = 'group:default/unowned';
    bucket.metadata.annotations!['infra-atlas.io/owner-evidence'] =
      'no owner label';
    const answer = administrators(
      InventoryGraph.build(entities),
      'resource:default/bucket',
      now,
    );
    expect(answer.owner).toMatchObject({
      unowned: true,
      evidence: 'no owner label',
      contacts: [],
    });
  });
});

describe('ownership', () => {
  it('finds what alice owns, administers, approves and leads, through her e-mail and nested groups', () => {
    const answer = ownership(build(), 'alice');
    expect(answer.identities.map(i => i.entity.ref).sort()).toEqual([
      'user:default/alice',
      'user:default/alice--example.org',
    ]);
    expect(answer.groups.map(g => g.entity.ref).sort()).toEqual([
      'group:default/admins--example.org',
      'group:default/leads--example.org',
    ]);
    expect(answer.counts).toEqual({
      leads: 1,
      approves: 2,
      // The org and the project, both owned by admins, of which alice is a member.
      owns: 2,
      // Those two, and the bucket only under the break-glass condition.
      administers: 3,
    });
    expect(
      answer.items.find(
        i =>
          i.role === 'administers' &&
          i.entity.ref === 'resource:default/bucket',
      )?.grant,
    ).toBe('roles/storage.admin on bucket (conditional: break-glass)');
    const project = answer.items.find(
      i =>
        i.role === 'administers' && i.entity.ref === 'resource:default/project',
    )!;
    expect(project.grant).toBe('roles/owner on organizations/1 (inherited)');
    // Held through her e-mail identity and two groups: the chain to the holder is sent once,
    // with the holder in `groups`; the item's own steps start at the holder.
    expect(project.steps.map(s => s.relation)).toEqual([
      'administers',
      'parentOf',
      'parentOf',
    ]);
    expect(project.through).toHaveLength(4);
    expect(answer.groups.map(g => g.entity.ref)).toContain(
      project.through!.at(-1),
    );
    expect(ownershipEvidence(answer)(project).map(s => s.relation)).toEqual([
      'sameAs',
      'memberOf',
      'childOf',
      'administers',
      'parentOf',
      'parentOf',
    ]);
    const approves = answer.items
      .filter(i => i.role === 'approves')
      .map(i => i.path);
    expect(approves).toEqual(['o/repo', 'o/repo/infra']);
    expect(
      answer.items.find(i => i.path === 'o/repo/infra')!.steps[0].provenance,
    ).toEqual({
      kind: 'declared',
      url: 'https://github.com/o/repo/blob/main/infra/OWNERS#L2',
    });
  });

  it('looks people up by e-mail too, and keeps each role within the limit', () => {
    const answer = ownership(build(), 'alice@example.org', { limit: 1 });
    expect(answer.counts.administers).toBe(3);
    expect(answer.items.filter(i => i.role === 'administers')).toHaveLength(1);
    expect(answer.truncated).toBe(true);
  });

  it('says plainly when nobody matches', () => {
    expect(() => ownership(build(), 'mallory')).toThrow(
      /No user, group, service account, domain, e-mail address, OWNERS_ALIASES alias or CODEOWNERS team/,
    );
  });
});

describe('impact', () => {
  const options = parseImpactOptions(
    {
      direction: 'dependents',
      relations: ['runsOn', 'childOf', 'servedBy', 'dependsOn'],
    },
    100,
  );

  it('lists what breaks with the cluster, grouped by owner with the contact to tell', () => {
    const answer = impact(build(), 'resource:default/cluster', {
      ...options,
      depth: 5,
    });
    expect(answer.nodes.map(n => [n.entity.ref, n.distance])).toEqual([
      ['resource:default/ns', 1],
      ['component:default/app', 2],
      ['resource:default/www', 3],
    ]);
    expect(answer.owners).toContainEqual(
      expect.objectContaining({
        owner: expect.objectContaining({ ref: 'group:default/sig-infra' }),
        contacts: [{ kind: 'slack', value: '#sig-infra' }],
        total: 1,
        entities: ['component:default/app'],
      }),
    );
    expect(answer.cutOff).toEqual({
      depthReached: false,
      nodeLimitReached: false,
      frontier: 0,
    });
  });

  it('states the cut-off when depth or the node limit stops the walk', () => {
    const shallow = impact(build(), 'resource:default/cluster', {
      ...options,
      depth: 1,
    });
    expect(shallow.nodes).toHaveLength(1);
    expect(shallow.cutOff).toEqual({
      depthReached: true,
      nodeLimitReached: false,
      frontier: 1,
    });
    const narrow = impact(build(), 'resource:default/org', {
      ...options,
      depth: 10,
      maxNodes: 2,
    });
    expect(narrow.nodes).toHaveLength(2);
    expect(narrow.cutOff.nodeLimitReached).toBe(true);
  });

  it('terminates on dependency cycles', () => {
    const loop = [
      entity('component:a', { relations: [['dependsOn', 'component:b']] }),
      entity('component:b', { relations: [['dependsOn', 'component:a']] }),
    ];
    const answer = impact(InventoryGraph.build(loop), 'component:default/a', {
      ...options,
      depth: 10,
    });
    expect(answer.nodes.map(n => n.entity.ref)).toEqual([
      'component:default/b',
    ]);
  });
});

describe('dependency graph', () => {
  const refs = (answer: GraphResponse) =>
    answer.nodes.map(n => [n.ref, n.distance]);

  it('draws the blast radius of a cluster with every relation among its nodes', () => {
    const answer = dependencyGraph(
      build(),
      'resource:default/cluster',
      parseGraphOptions({ mode: 'blast-radius', depth: 5 }, 100),
    );
    expect(refs(answer)).toEqual([
      ['resource:default/cluster', 0],
      ['resource:default/ns', 1],
      ['component:default/app', 2],
      ['resource:default/www', 3],
    ]);
    expect(answer.edges).toEqual(
      expect.arrayContaining([
        {
          source: 'resource:default/ns',
          target: 'resource:default/cluster',
          type: 'runsOn',
        },
        {
          source: 'resource:default/www',
          target: 'component:default/app',
          type: 'servedBy',
        },
      ]),
    );
    expect(answer.edges).toHaveLength(3);
    // The app has no project of its own: it is in the project its cluster is in.
    expect(answer.nodes[2]).toMatchObject({
      owner: 'group:default/sig-infra',
      ownerTitle: 'sig-infra',
      project: 'project',
    });
  });

  it('focuses by default on what the entity needs and what needs it, not its siblings', () => {
    const focused = dependencyGraph(
      build(),
      'resource:default/cluster',
      parseGraphOptions({}, 100),
    );
    expect(focused.mode).toBe('focused');
    // Owners are named as people know them, for clustering by owner.
    expect(
      focused.nodes.find(n => n.ref === 'resource:default/project'),
    ).toMatchObject({
      owner: 'group:default/admins--example.org',
      ownerTitle: 'admins@example.org',
    });
    expect(refs(focused)).toEqual([
      ['resource:default/cluster', 0],
      ['resource:default/project', 1],
      ['resource:default/folder', 2],
      ['resource:default/ns', 1],
      ['component:default/app', 2],
    ]);
    // Both ways at every hop turns back down from the project to its other contents.
    const around = dependencyGraph(
      build(),
      'resource:default/cluster',
      parseGraphOptions({ mode: 'neighbourhood' }, 100),
    );
    expect(around.nodes.map(n => n.ref)).toContain('resource:default/bucket');
    expect(focused.cutOff).toEqual({
      depthReached: true,
      nodeLimitReached: false,
      // Beyond the folder its organization; beyond the app its web address.
      frontier: 2,
    });
  });

  it('keeps the node limit across both walks of the focused view', () => {
    const narrow = dependencyGraph(
      build(),
      'resource:default/cluster',
      parseGraphOptions({ maxNodes: 3 }, 100),
    );
    expect(refs(narrow)).toEqual([
      ['resource:default/cluster', 0],
      ['resource:default/project', 1],
      ['resource:default/folder', 2],
    ]);
    expect(narrow.cutOff.nodeLimitReached).toBe(true);
  });

  it('walks both ways in the neighbourhood, filtered by kind, and states the cut-off', () => {
    const around = dependencyGraph(
      build(),
      'resource:default/ns',
      parseGraphOptions({ mode: 'neighbourhood', depth: 1 }, 100),
    );
    expect(refs(around)).toEqual([
      ['resource:default/ns', 0],
      ['resource:default/cluster', 1],
      ['component:default/app', 1],
    ]);
    expect(around.cutOff).toMatchObject({ depthReached: true });

    const resourcesOnly = dependencyGraph(
      build(),
      'resource:default/ns',
      parseGraphOptions(
        { mode: 'neighbourhood', depth: 5, kinds: ['resource'] },
        100,
      ),
    );
    expect(resourcesOnly.nodes.map(n => n.kind)).not.toContain('Component');
    expect(resourcesOnly.nodes.map(n => n.ref)).toContain(
      'resource:default/org',
    );
  });

  // The mode, kind and depth are checked against the OpenAPI document by the router.
  it('refuses a node limit above the configured one', () => {
    expect(() => parseGraphOptions({ maxNodes: 101 }, 100)).toThrow(
      /maxNodes must be an integer from 1 to 100/,
    );
    expect(parseGraphOptions({}, 500).maxNodes).toBe(500);
  });
});

describe('completeness and people', () => {
  it('knows who stepped down: emeritus somewhere, active nowhere', () => {
    const graph = build();
    const emeritus = emeritusPeople(graph);
    expect([...emeritus.keys()]).toEqual(['bob']);
    expect([...emeritusPrincipals(graph, emeritus).keys()].sort()).toEqual([
      'group:default/admins--example.org',
      'user:default/bob',
      'user:default/bob--example.org',
    ]);
  });

  it('scores an entity on the checks that apply to it, and totals them', () => {
    const graph = build();
    const facts = {
      declaredProjects: new Set<string>(),
      emeritusPrincipals: emeritusPrincipals(graph, emeritusPeople(graph)),
    };
    const repo = scorecard(
      graph,
      graph.entity('component:default/o--repo')!,
      facts,
    )!;
    expect(Object.fromEntries(repo.checks.map(c => [c.id, c.passed]))).toEqual({
      'owner-resolved': true,
      docs: false,
      'source-known': true,
      'owners-sig-label': false,
      'two-active-approvers': false,
    });
    const project = scorecard(
      graph,
      graph.entity('resource:default/project')!,
      facts,
    )!;
    expect(
      project.checks.find(c => c.id === 'no-emeritus-admins'),
    ).toMatchObject({
      passed: false,
      detail: expect.stringContaining(
        'bob via group:default/admins--example.org',
      ),
    });
    expect(project.checks.find(c => c.id === 'source-known')).toMatchObject({
      passed: false,
    });
    expect(
      scorecard(graph, graph.entity('user:default/alice')!, facts),
    ).toBeUndefined();

    // Unowned is a failed check that says which rules were tried, even though the
    // placeholder Group exists in the catalog.
    const entities = estate();
    entities.push(entity('group:unowned', { type: 'unowned' }));
    const bucket = entities.find(e => e.metadata.name === 'bucket')!;
    bucket.spec!.owner = 'group:default/unowned';
    bucket.metadata.annotations!['infra-atlas.io/owner-evidence'] =
      'no owner label, no configured project pattern';
    const unownedGraph = build(entities);
    expect(
      scorecard(
        unownedGraph,
        unownedGraph.entity('resource:default/bucket')!,
        facts,
      )!.checks.find(c => c.id === 'owner-resolved'),
    ).toMatchObject({
      passed: false,
      detail: 'no owner label, no configured project pattern',
    });

    const totals = totalsOf([repo, project]);
    expect(totals).toMatchObject({ entities: 2, checks: 8, passed: 3 });
    expect(groupTotals([repo, project], 'owner').map(g => g.key)).toEqual([
      'group:default/admins--example.org',
      'group:default/sig-infra',
    ]);
  });
});

describe('ownership drift', () => {
  it('reports what nobody owns once, at the top, and labels that name nobody', () => {
    const entities = estate();
    entities.push(entity('group:unowned', { type: 'unowned' }));
    const set = (name: string, annotations: Record<string, string>) => {
      const e = entities.find(x => x.metadata.name === name)!;
      e.spec!.owner = 'group:default/unowned';
      e.relations = e.relations!.filter(r => r.type !== 'ownedBy');
      e.relations.push({ type: 'ownedBy', targetRef: 'group:default/unowned' });
      Object.assign(e.metadata.annotations!, annotations);
    };
    set('project', {
      'infra-atlas.io/owner-evidence':
        'unresolved label owner=jdoe on projects/project: it names no group or person in any IAM policy; no group administers or writes to projects/project below the organization',
      'infra-atlas.io/unresolved-owner-labels': 'owner=jdoe',
    });
    set('bucket', {});
    set('cluster', {});
    const answer = drift(build(entities), { emeritus: new Map() });
    const unowned = answer.findings.filter(f => f.kind === 'unowned');
    expect(unowned).toEqual([
      expect.objectContaining({
        subject: 'project',
        entities: [
          'resource:default/project',
          'resource:default/bucket',
          'resource:default/cluster',
        ],
        evidence: [{ kind: 'observed', source: '//test/project' }],
      }),
    ]);
    expect(unowned[0].message).toMatch(
      /^Nobody owns project \(nor the 2 entities in it\): unresolved label owner=jdoe/,
    );
    expect(
      answer.findings.filter(f => f.kind === 'unresolved-owner-label'),
    ).toEqual([
      expect.objectContaining({
        entities: ['resource:default/project'],
        message: expect.stringMatching(
          /^The label owner=jdoe on project names no group or person the inventory knows/,
        ),
      }),
    ]);
    expect(answer.counts).toMatchObject({
      unowned: 1,
      'unresolved-owner-label': 1,
    });
  });
});

describe('drift', () => {
  it('finds declared-but-missing and undeclared projects, a missing secret and stale access', () => {
    const graph = build();
    const answer = drift(graph, {
      declaredProjects: [
        { projectId: 'ghost', path: 'infra/gcp/infra.yaml', line: 3 },
      ],
      emeritus: emeritusPeople(graph),
    });
    const subjects = (kind: string) =>
      answer.findings.filter(f => f.kind === kind).map(f => f.subject);
    expect(subjects('declared-project-missing')).toEqual(['ghost']);
    expect(subjects('undeclared-project')).toEqual(['project']);
    expect(subjects('missing-secret')).toEqual([
      'resource:default/gcp-secret--project--missing',
    ]);
    expect(subjects('emeritus-still-active')).toEqual(['bob']);
    expect(answer.counts['missing-secret']).toBe(1);
  });

  it('finds aliases that disagree with sigs.yaml leadership', () => {
    const entities = [
      ...estate(),
      entity('group:o--repo--sig-infra-leads', {
        type: 'owners-alias',
        title: 'sig-infra-leads',
        relations: [['hasMember', 'user:carol']],
      }),
      entity('user:carol', {
        relations: [['memberOf', 'group:o--repo--sig-infra-leads']],
      }),
    ];
    const answer = drift(build(entities), { emeritus: new Map() });
    expect(
      answer.findings.find(f => f.kind === 'alias-leadership-mismatch')
        ?.message,
    ).toBe(
      'OWNERS_ALIASES sig-infra-leads disagrees with sigs.yaml leadership of sig-infra: not a lead: carol; lead missing from the alias: alice',
    );
  });

  it('finds names one typo apart but not numbered series', () => {
    expect(
      nearDuplicatePairs([
        'k8s-staging-kueue',
        'k8s-staging-kueu',
        'boskos-001',
        'boskos-061',
        'scale-1',
        'scale-11',
        'k8s-infra-e2e-boskos-030-staging-113e',
        'k8s-infra-e2e-boskos-030-staging-11ce',
        'unrelated-name',
      ]),
    ).toEqual([['k8s-staging-kueu', 'k8s-staging-kueue']]);
  });
});
