import { ownershipEvidence } from '@infra-atlas/inventory-common';
import { entity } from '../__testUtils__/entities';
import { wideEstateEntities } from '../__testUtils__/wideEstate';
import { InventoryGraph } from '../graph/InventoryGraph';
import { ownership } from './ownership';
import { mergeByReach, sharedPlace, sortByReach } from './ownershipSections';

const wideEstate = (shape: Parameters<typeof wideEstateEntities>[0]) =>
  InventoryGraph.build(wideEstateEntities(shape));

describe('ownership answers in sections', () => {
  const shape = { folders: 3, projects: 4, buckets: 2 };
  const graph = wideEstate(shape);

  it('collapses an inherited grant to the grant on the organization, and says so first', () => {
    const answer = ownership(graph, 'alice');
    // The flat list still has one item per inheriting entity, as callers of `items` expect.
    expect(answer.counts.administers).toBe(1 + 3 + 12);
    const grant = answer.sections.find(s => s.kind === 'grant')!;
    expect(grant).toMatchObject({
      key: 'administers:grant:roles/owner on organizations/9',
      role: 'administers',
      title: 'roles/owner on the organization example.org',
      total: 15,
      types: { 'gcp-folder': 3, 'gcp-project': 12 },
      inheritedResources: 3 + 12 + 24,
      cause: {
        entity: { ref: 'resource:default/org' },
        grant: 'roles/owner on organizations/9',
      },
    });
    // The cause's evidence: alice → team → admins@ → administers the organization; the chain
    // to admins@ is the group's entry in the answer, the item's own step the grant.
    expect(grant.cause!.steps.map(s => s.relation)).toEqual(['administeredBy']);
    expect(
      ownershipEvidence(answer)(grant.cause!).map(s => s.relation),
    ).toEqual(['memberOf', 'childOf', 'administeredBy']);
    // Folders before projects, ten to a page.
    expect(grant.items).toHaveLength(10);
    expect(grant.items[0].entity.type).toBe('gcp-folder');
    // The organization heads its grant; it is not listed again as an administered organization.
    expect(
      answer.sections.some(s => s.role === 'administers' && s.kind === 'scope'),
    ).toBe(false);
    expect(answer.summary).toEqual([
      'member of 2 groups',
      'administers the organization example.org (roles/owner) → inherited by 3 folders, 12 projects; 39 resources are below it',
      'holds IAM roles on 1 project',
      'owns 12 projects (and 24 entities inside them)',
    ]);
  });

  it('groups what is owned under the project that is owned too', () => {
    const answer = ownership(graph, 'group:default/platform');
    const owns = answer.sections.filter(s => s.role === 'owns');
    expect(owns).toHaveLength(12);
    expect(owns.every(s => s.kind === 'contains' && s.total === 2)).toBe(true);
    expect(owns[0]).toMatchObject({
      title: 'in project project-0-0',
      cause: { entity: { ref: 'resource:default/project-0-0' } },
      types: { 'gcs-bucket': 2 },
    });
    // The first five come with their items; the rest with counts, to be opened one by one.
    expect(owns.map(s => s.items.length)).toEqual([
      2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0,
    ]);
    const opened = ownership(graph, 'group:default/platform', {
      section: owns[11].key,
      offset: 0,
    });
    expect(opened.sections[0].items.map(i => i.entity.title)).toEqual([
      'project-2-3-bucket-0',
      'project-2-3-bucket-1',
    ]);
  });

  it('says in one sentence what several roles on one organization reach', () => {
    const answer = ownership(
      wideEstate({
        folders: 1,
        projects: 2,
        buckets: 0,
        orgRoles: ['roles/owner', 'roles/orgpolicy.policyAdmin'],
      }),
      'bob',
    );
    expect(answer.sections.filter(s => s.kind === 'grant')).toHaveLength(2);
    expect(answer.summary).toEqual([
      'member of 1 group',
      'administers the organization example.org (roles/orgpolicy.policyAdmin, roles/owner) → inherited by 1 folder, 2 projects; 3 resources are below it',
    ]);
  });

  it('pages one section at a time', () => {
    const key = 'administers:grant:roles/owner on organizations/9';
    const page = ownership(graph, 'alice', {
      section: key,
      offset: 10,
      pageSize: 4,
    });
    expect(page.sections).toHaveLength(1);
    expect(page.sections[0]).toMatchObject({ key, offset: 10, total: 15 });
    // After the 3 folders and 7 projects of the first page.
    expect(page.sections[0].items.map(i => i.entity.title)).toEqual([
      'project-1-3',
      'project-2-0',
      'project-2-1',
      'project-2-2',
    ]);
    expect(() =>
      ownership(graph, 'alice', { section: 'owns:nothing' }),
    ).toThrow(
      /This answer has no section 'owns:nothing'; its sections are administers:grant:/,
    );
  });

  it('lists a group’s members, direct and nested, with the link that makes each one', () => {
    const answer = ownership(graph, 'admins@example.org');
    const members = Object.fromEntries(
      answer.members.map(m => [m.entity.ref, m.steps.map(s => s.relation)]),
    );
    expect(members).toEqual({
      'group:default/platform': ['childOf'],
      'user:default/bob': ['memberOf'],
      'user:default/alice': ['memberOf', 'childOf'],
    });
    expect(answer.summary[0]).toBe(
      'has 3 members (2 direct, 1 through nested groups)',
    );
  });

  it('counts a SIG that a person both chairs and tech-leads once', () => {
    const answer = ownership(
      InventoryGraph.build([
        entity('group:sig-infra', {
          type: 'sig',
          spec: {
            leadership: {
              chairs: ['user:default/alice'],
              techLeads: ['user:default/alice'],
            },
          },
        }),
        entity('user:alice', {
          annotations: { 'github.com/user-login': 'alice' },
        }),
      ]),
      'alice',
    );
    expect(answer.counts.leads).toBe(2);
    expect(answer.summary).toContain('leads 1 SIG');
  });

  it('keeps a small estate small: one section per grant or type', () => {
    const small = ownership(
      wideEstate({ folders: 1, projects: 1, buckets: 0 }),
      'bob',
    );
    expect(small.sections.map(s => [s.key, s.total])).toEqual([
      ['administers:grant:roles/owner on organizations/9', 2],
    ]);
    expect(small.members).toEqual([]);
  });
});

describe('items in order of reach', () => {
  const item = (title: string, type: string, from: string) => ({
    entity: {
      ref: `resource:default/${title}`,
      kind: 'Resource',
      title,
      type,
      exists: true,
    },
    from,
  });

  it('merges sorted lists as sorting them together would, earlier lists first among equals', () => {
    const lists = [
      [
        item('b', 'gcp-project', 'first'),
        item('a', 'gcs-bucket', 'first'),
        item('k8s', 'gcp-organization', 'first'),
      ],
      [
        item('b', 'gcp-project', 'second'),
        item('z', 'gcp-folder', 'second'),
        item('a', 'gcs-bucket', 'second'),
      ],
      [],
      [item('b', 'gcp-project', 'fourth'), item('c', 'gcp-project', 'fourth')],
    ].map(list => sortByReach(list));
    const merged = mergeByReach(lists);
    expect(merged).toEqual(sortByReach(lists.flat()));
    expect(merged.map(i => `${i.entity.title} ${i.from}`)).toEqual([
      'k8s first',
      'z second',
      'b first',
      'b second',
      'b fourth',
      'c fourth',
      'a first',
      'a second',
    ]);
    expect(mergeByReach([[], []])).toEqual([]);
  });

  it('gives the items of one section one place per build, whichever principal holds them', () => {
    const graph = wideEstate({ folders: 1, projects: 2, buckets: 2 });
    const bucket = (ref: string, owner: string) => ({
      role: 'owns' as const,
      entity: graph.summary(ref),
      heldBy: owner,
    });
    const a = sharedPlace(
      graph,
      bucket('resource:default/project-0-0-bucket-0', 'group:default/platform'),
    );
    const b = sharedPlace(
      graph,
      bucket('resource:default/project-0-1-bucket-1', 'user:default/alice'),
    );
    expect(a).toBe(b);
    expect(a).toEqual({
      key: 'owns:scope:gcs-bucket',
      kind: 'scope',
      title: 'Buckets',
    });
    const project = sharedPlace(
      graph,
      bucket('resource:default/project-0-0', 'group:default/platform'),
    );
    expect(project.key).toBe('owns:scope:gcp-project');
    // Another build has its own places.
    const other = wideEstate({ folders: 1, projects: 2, buckets: 2 });
    expect(
      sharedPlace(
        other,
        bucket(
          'resource:default/project-0-0-bucket-0',
          'group:default/platform',
        ),
      ),
    ).not.toBe(a);
  });
});
