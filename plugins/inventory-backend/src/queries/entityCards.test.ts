/*
 * The answers behind the entity cards that are not walks of their own: the OWNERS files that
 * govern an entity, where its runbook is, and the drift findings that name it.
 */
import { DriftResponse } from '@infra-atlas/inventory-common';
import { entity } from '../__testUtils__/entities';
import { InventoryGraph } from '../graph/InventoryGraph';
import { driftAbout } from './drift';
import { ownersFileUrl, ownersFiles } from './ownersFiles';
import { runbook } from './runbook';

const blob = (path: string) => `https://github.com/o/repo/blob/main/${path}`;
const declared = (url: string) => ({
  'infra-atlas.io/provenance': 'declared',
  'infra-atlas.io/declared-in': url,
});

const repo = entity('component:o--repo', {
  type: 'repository',
  title: 'o/repo',
  annotations: {
    'github.com/project-slug': 'o/repo',
    // Sorted as the provider sorts them: `Docs/` before the root's file.
    'infra-atlas.io/owners-files': [
      'Docs/OWNERS',
      'OWNERS',
      'apps/OWNERS',
      'apps/web/OWNERS',
      'secure/OWNERS',
    ]
      .map(blob)
      .join(','),
    'backstage.io/techdocs-ref': 'url:https://github.com/o/repo/tree/main',
  },
  spec: {
    // The rules the provider stores, which the OWNERS answers read.
    codeOwnership: {
      url: 'https://github.com/o/repo',
      branch: 'main',
      ownersDepth: 'tree',
      owners: [
        {
          path: 'OWNERS',
          approvers: { alice: 1 },
          reviewers: { rita: 2 },
          emeritus: { old: 3 },
        },
        { path: 'Docs/OWNERS', approvers: { dora: 1 } },
        { path: 'apps/OWNERS', approvers: { carol: 1 }, emeritus: { old: 2 } },
        {
          path: 'apps/web/OWNERS',
          approvers: { wes: 1 },
          reviewers: { ron: 2 },
          emeritus: { gone: 3 },
          labels: { 'area/web': 4 },
        },
        { path: 'secure/OWNERS', noParentOwners: 1, approvers: { sam: 2 } },
      ],
    },
    ownership: [
      { dir: '', approvers: ['alice'], reviewers: ['rita'], emeritus: ['old'] },
      { dir: 'Docs', approvers: ['alice', 'dora'], reviewers: ['rita'] },
      {
        dir: 'apps',
        approvers: ['alice', 'carol'],
        reviewers: ['rita'],
        emeritus: ['old'],
      },
      {
        dir: 'apps/web',
        approvers: ['alice', 'carol', 'wes'],
        reviewers: ['rita', 'ron'],
        emeritus: ['old', 'gone'],
        labels: ['area/web'],
      },
      // no_parent_owners: the root's people are not owners here.
      { dir: 'secure', approvers: ['sam'], reviewers: [] },
    ],
  },
});
const web = entity('component:k8s-app--web', {
  title: 'web',
  annotations: {
    ...declared('https://github.com/o/repo/tree/main/apps/web'),
    'backstage.io/techdocs-ref':
      'url:https://github.com/o/repo/tree/main/apps/web',
  },
  links: [
    { url: 'https://web.example.org', title: 'web.example.org' },
    { url: 'https://example.org/web-oncall', title: 'On-call runbook' },
  ],
  relations: [['partOf', 'system:web']],
});
const estate = () =>
  InventoryGraph.build([
    repo,
    web,
    entity('resource:k8s-namespace--secure', {
      annotations: declared(blob('secure/namespace.yaml')),
    }),
    entity('resource:cluster', {}),
    entity('system:web', {
      annotations: {
        ...declared('/docs/runbooks/web/catalog-info.yaml'),
        'backstage.io/techdocs-ref': 'dir:.',
      },
      links: [{ url: 'https://example.org/dash', title: 'Dashboard' }],
    }),
    entity('user:alice', {}),
    entity('user:carol', {}),
    entity('group:o--repo--web-approvers', {
      type: 'owners-alias',
      annotations: declared(blob('OWNERS_ALIASES')),
    }),
    entity('group:other--repo--leads', {
      type: 'owners-alias',
      annotations: {
        ...declared('https://github.com/other/repo/blob/main/OWNERS_ALIASES'),
      },
    }),
    entity('user:wes', {
      relations: [
        ['memberOf', 'group:o--repo--web-approvers'],
        ['memberOf', 'group:other--repo--leads'],
      ],
    }),
  ]);

describe('ownersFiles', () => {
  it('finds the OWNERS file of a directory by its whole path, not the first that ends alike', () => {
    expect(ownersFileUrl(repo, '')).toBe(blob('OWNERS'));
    expect(ownersFileUrl(repo, 'apps/web')).toBe(blob('apps/web/OWNERS'));
  });

  it('names, for an app, the files up to the root and the file that adds each person', () => {
    const answer = ownersFiles(estate(), 'component:default/k8s-app--web');
    expect(answer.repository?.ref).toBe('component:default/o--repo');
    expect(answer.directory).toBe('apps/web');
    expect(answer.files).toEqual([
      blob('apps/web/OWNERS'),
      blob('apps/OWNERS'),
      blob('OWNERS'),
    ]);
    const from = (list: typeof answer.approvers) =>
      Object.fromEntries(list.map(p => [p.login, p.file]));
    expect(from(answer.approvers)).toEqual({
      alice: blob('OWNERS'),
      carol: blob('apps/OWNERS'),
      wes: blob('apps/web/OWNERS'),
    });
    expect(from(answer.reviewers)).toEqual({
      rita: blob('OWNERS'),
      ron: blob('apps/web/OWNERS'),
    });
    expect(from(answer.emeritus)).toEqual({
      old: blob('OWNERS'),
      gone: blob('apps/web/OWNERS'),
    });
    expect(answer.labels).toEqual(['area/web']);
  });

  it('links people to their User entities and lists their aliases of this repository only', () => {
    const { approvers } = ownersFiles(estate(), 'component:k8s-app--web');
    const wes = approvers.find(p => p.login === 'wes')!;
    expect(wes.person).toMatchObject({ ref: 'user:default/wes', exists: true });
    expect(wes.aliases.map(a => a.ref)).toEqual([
      'group:default/o--repo--web-approvers',
    ]);
  });

  it('stops at a directory that does not inherit its parent, and reads a file’s directory', () => {
    const answer = ownersFiles(estate(), 'resource:k8s-namespace--secure');
    expect(answer.directory).toBe('secure');
    expect(answer.approvers.map(p => [p.login, p.file])).toEqual([
      ['sam', blob('secure/OWNERS')],
    ]);
    // As Prow: secure/OWNERS names no reviewers, so the root's still review.
    expect(answer.files).toEqual([blob('secure/OWNERS'), blob('OWNERS')]);
    expect(answer.reviewers.map(p => p.login)).toEqual(['rita']);
  });

  it('answers a repository with its root, and nothing for what no repository declares', () => {
    const graph = estate();
    expect(ownersFiles(graph, 'component:o--repo')).toMatchObject({
      directory: '',
      files: [blob('OWNERS')],
      approvers: [{ login: 'alice' }],
    });
    const none = ownersFiles(graph, 'resource:cluster');
    expect(none.repository).toBeUndefined();
    expect(none.approvers).toEqual([]);
    expect(() => ownersFiles(graph, 'resource:nope')).toThrow(/No entity/);
  });

  it('falls back to the root approvers of a repository with its own catalog-info.yaml', () => {
    const graph = InventoryGraph.build([
      entity('component:own', {
        annotations: {
          'github.com/project-slug': 'o/own',
          'infra-atlas.io/owners-files':
            'https://github.com/o/own/blob/main/OWNERS',
          'infra-atlas.io/owners-approvers': 'alice,bob',
        },
      }),
    ]);
    expect(ownersFiles(graph, 'component:own')).toMatchObject({
      files: ['https://github.com/o/own/blob/main/OWNERS'],
      approvers: [{ login: 'alice' }, { login: 'bob' }],
      reviewers: [],
    });
  });
});

describe('runbook', () => {
  it('lists the entity’s own docs, then its System’s, then its repository’s, with the way there', () => {
    const answer = runbook(estate(), 'component:k8s-app--web');
    expect(
      answer.techdocs.map(t => [t.via, t.entity.ref, t.techdocsRef]),
    ).toEqual([
      [
        'self',
        'component:default/k8s-app--web',
        'url:https://github.com/o/repo/tree/main/apps/web',
      ],
      ['system', 'system:default/web', 'dir:.'],
      [
        'repository',
        'component:default/o--repo',
        'url:https://github.com/o/repo/tree/main',
      ],
    ]);
    expect(answer.techdocs[1].steps).toEqual([
      expect.objectContaining({ relation: 'partOf', to: 'system:default/web' }),
    ]);
    expect(answer.techdocs[2].steps[0]).toMatchObject({
      relation: 'declaredIn',
      note: 'apps/web',
    });
    // Runbook links only: not the app's hostname, not the System's dashboard.
    expect(answer.links).toEqual([
      {
        url: 'https://example.org/web-oncall',
        title: 'On-call runbook',
        entity: expect.objectContaining({
          ref: 'component:default/k8s-app--web',
        }),
      },
    ]);
  });

  it('has nothing for an entity with no docs, no System and no repository', () => {
    expect(runbook(estate(), 'resource:cluster')).toMatchObject({
      techdocs: [],
      links: [],
    });
  });
});

describe('driftAbout', () => {
  it('keeps the findings that name the entity and counts those only', () => {
    const report: DriftResponse = {
      generatedAt: '2026-11-26T00:00:00Z',
      counts: { 'empty-project': 1, 'emeritus-still-active': 2 },
      findings: [
        {
          kind: 'emeritus-still-active',
          subject: 'old',
          message: 'old is emeritus but approves',
          entities: ['Component:default/o--repo', 'user:default/old'],
          evidence: [],
        },
        {
          kind: 'emeritus-still-active',
          subject: 'gone',
          message: 'gone is emeritus',
          entities: ['user:default/gone'],
          evidence: [],
        },
        {
          kind: 'empty-project',
          subject: 'p',
          message: 'p is empty',
          entities: ['resource:default/p'],
          evidence: [],
        },
      ],
    };
    const answer = driftAbout(report, 'component:o--repo');
    expect(answer.counts).toEqual({ 'emeritus-still-active': 1 });
    expect(answer.findings.map(f => f.subject)).toEqual(['old']);
    expect(driftAbout(report, 'resource:cluster').findings).toEqual([]);
  });
});
