import {
  emailPrincipalEntityName,
  gcpServiceAccountEntityName,
} from '@infra-atlas/inventory-common';
import { entity } from '../__testUtils__/entities';
import { InventoryGraph } from '../graph/InventoryGraph';
import { emailLocalPartRule } from '../links/identities';
import { drift } from './drift';

/*
 * Who holds access that nobody should: an emeritus person's addresses (linked or only
 * candidates), and principals the catalog does not have, on a synthetic estate with a
 * project, a bucket and principals of every kind IAM prints.
 */

const grant = (member: string, role: string, on = 'projects/project') => {
  const [kind, address] = member.split(/:(.*)/s);
  const ref =
    kind === 'user' || kind === 'group'
      ? `${kind}:default/${emailPrincipalEntityName(address)}`
      : undefined;
  return {
    member,
    role,
    grantedOn: on,
    inherited: false,
    ...(ref ? { ref } : {}),
  };
};
const user = (address: string, login?: string) =>
  entity(`user:${emailPrincipalEntityName(address)}`, {
    annotations: {
      'infra-atlas.io/provenance': 'declared',
      'infra-atlas.io/declared-in':
        'https://github.com/o/k8s.io/blob/main/groups/groups.yaml',
      ...(login ? { 'github.com/user-login': login } : {}),
    },
    spec: { profile: { email: address } },
  });

const sa = (address: string) => `serviceAccount:${address}` as const;
const ownSa = 'deployer@project.iam.gserviceaccount.com';

const estate = (extraGrants: ReturnType<typeof grant>[] = []) => [
  entity('resource:project', {
    type: 'gcp-project',
    annotations: {
      'infra-atlas.io/gcp-project-id': 'project',
      'infra-atlas.io/gcp-resource-name':
        '//cloudresourcemanager.googleapis.com/projects/42',
      'backstage.io/view-url':
        'https://console.cloud.google.com/home/dashboard?project=project',
    },
    spec: {
      access: {
        administrators: [],
        grants: [
          grant('user:ghost@example.org', 'roles/viewer'),
          grant('user:ghost@example.org', 'roles/editor'),
          grant('group:undeclared@kubernetes.io', 'roles/viewer'),
          grant(sa('gone@project.iam.gserviceaccount.com'), 'roles/editor'),
          grant(
            `deleted:${sa('old@project.iam.gserviceaccount.com')}?uid=1`,
            'roles/editor',
          ),
          // Google's service agents, other organizations' accounts, domains, the public
          // and convenience members are no entities of this estate by design.
          grant(
            sa('service-42@gcp-sa-pubsub.iam.gserviceaccount.com'),
            'roles/pubsub.serviceAgent',
          ),
          grant(sa('ci@other-org.iam.gserviceaccount.com'), 'roles/viewer'),
          grant('domain:example.org', 'roles/browser'),
          grant('allUsers', 'roles/viewer'),
          grant('projectOwner:project', 'roles/owner'),
          // Known principals.
          grant(sa(ownSa), 'roles/editor'),
          grant('user:carol@example.org', 'roles/viewer'),
          ...extraGrants,
        ],
      },
    },
  }),
  entity('resource:bucket', {
    type: 'gcs-bucket',
    annotations: {
      'infra-atlas.io/gcp-resource-name': '//storage.googleapis.com/bucket',
    },
    spec: {
      access: {
        administrators: [],
        grants: [
          grant('user:ghost@example.org', 'roles/storage.admin', 'buckets/b'),
          grant('user:bob@a.example', 'roles/storage.admin', 'buckets/b'),
        ],
      },
    },
  }),
  entity(`resource:${gcpServiceAccountEntityName(ownSa)}`, {
    type: 'gcp-service-account',
  }),
  user('carol@example.org'),
  user('bob@a.example'),
  user('bob@b.example'),
  user('jan@c.example'),
  entity('user:bob', { annotations: { 'github.com/user-login': 'bob' } }),
  entity('user:jan', { annotations: { 'github.com/user-login': 'jan' } }),
];

/** Bob's login matches two addresses, so no link was made; jan's matches one. */
const build = (extraGrants: ReturnType<typeof grant>[] = []) =>
  InventoryGraph.build(estate(extraGrants), () => ({
    links: [
      {
        source: 'user:default/jan',
        type: 'sameAs',
        target: 'user:default/jan--c.example',
        provenance: { kind: 'inferred', rule: 'test', detail: 'same person' },
      },
    ],
    ambiguous: [
      {
        rule: emailLocalPartRule.name,
        source: 'user:default/bob',
        wanted: 'the e-mail address of GitHub login bob',
        candidates: [
          'user:default/bob--a.example',
          'user:default/bob--b.example',
        ],
      },
    ],
    unresolved: [],
  }));

const findings = (kind: string, extraGrants?: ReturnType<typeof grant>[]) => {
  const emeritus = new Map([
    ['bob', 'emeritus in o/repo/OWNERS'],
    ['jan', 'emeritus lead of sig-x in sigs.yaml'],
  ]);
  return drift(build(extraGrants), { emeritus }).findings.filter(
    f => f.kind === kind,
  );
};

describe('stale direct grants', () => {
  it('reports each address of an ambiguous login that holds a grant, as a candidate', () => {
    const [bob, ...rest] = findings('emeritus-still-active');
    expect(rest).toEqual([]);
    expect(bob).toEqual({
      kind: 'emeritus-still-active',
      subject: 'user:bob@a.example',
      message:
        "user:bob@a.example holds 1 grant (roles/storage.admin) on 1 entity directly; the address may be bob's, who stepped down (emeritus in o/repo/OWNERS): 2 addresses match that login, so none is linked — check whose it is",
      entities: ['resource:default/bucket', 'user:default/bob--a.example'],
      evidence: [
        { kind: 'observed', source: '//storage.googleapis.com/bucket' },
      ],
    });
  });

  it('reports a linked address’s grants as that person’s', () => {
    const [jan] = findings('emeritus-still-active', [
      grant('user:jan@c.example', 'roles/owner'),
    ]).filter(f => f.subject === 'user:jan@c.example');
    expect(jan.message).toBe(
      "user:jan@c.example holds 1 grant (roles/owner) on 1 entity directly; the address is jan's, who stepped down (emeritus lead of sig-x in sigs.yaml)",
    );
  });
});

describe('dangling principals', () => {
  it('reports grants to principals the catalog does not have, per principal, with counts', () => {
    const dangling = findings('dangling-principal');
    expect(dangling.map(f => f.message)).toEqual([
      'deleted:serviceAccount:old@project.iam.gserviceaccount.com?uid=1 holds 1 grant (roles/editor) on 1 entity, and IAM marks the principal deleted',
      'group:undeclared@kubernetes.io holds 1 grant (roles/viewer) on 1 entity, and the catalog has no such principal',
      'serviceAccount:gone@project.iam.gserviceaccount.com holds 1 grant (roles/editor) on 1 entity, and the catalog has no such principal',
      'user:ghost@example.org holds 3 grants (roles/editor, roles/storage.admin, roles/viewer) on 2 entities, and the catalog has no such principal',
    ]);
    const ghost = dangling.find(f => f.subject === 'user:ghost@example.org')!;
    expect(ghost.entities).toEqual([
      'resource:default/project',
      'resource:default/bucket',
    ]);
    // Each resource by its GCP name, with its console page when the crawl gave one.
    expect(ghost.evidence).toEqual([
      {
        kind: 'observed',
        source: '//cloudresourcemanager.googleapis.com/projects/42',
        url: 'https://console.cloud.google.com/home/dashboard?project=project',
      },
      { kind: 'observed', source: '//storage.googleapis.com/bucket' },
    ]);
  });
});

describe('drift evidence', () => {
  it('cites a declared project at its file and line, an observed one by resource name', () => {
    const graph = build();
    const report = drift(graph, {
      emeritus: new Map(),
      declaredProjects: [
        {
          projectId: 'ghost',
          path: 'infra/gcp/infra.yaml',
          line: 3,
          url: 'https://github.com/o/k8s.io/blob/main/infra/gcp/infra.yaml',
        },
        // A run recorded before URLs were kept: the path is all there is.
        { projectId: 'old', path: 'infra/gcp/infra.yaml', line: 9 },
      ],
    });
    const about = (subject: string) =>
      report.findings.find(f => f.subject === subject)?.evidence;
    expect(about('ghost')).toEqual([
      {
        kind: 'declared',
        url: 'https://github.com/o/k8s.io/blob/main/infra/gcp/infra.yaml#L3',
        line: 3,
      },
    ]);
    expect(about('old')).toEqual([
      { kind: 'declared', url: 'infra/gcp/infra.yaml', line: 9 },
    ]);
    expect(about('project')).toEqual([
      {
        kind: 'observed',
        source: '//cloudresourcemanager.googleapis.com/projects/42',
        url: 'https://console.cloud.google.com/home/dashboard?project=project',
      },
    ]);
  });
});
