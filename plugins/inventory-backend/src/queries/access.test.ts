import { GROUPS_YAML, accessEstate } from '../__testUtils__/accessEstate';
import { ADMINS, TEAM, wideEstateEntities } from '../__testUtils__/wideEstate';
import { InventoryGraph } from '../graph/InventoryGraph';
import { access } from './access';
import { ownership } from './ownership';

/*
 * "How do I get access?" over two shapes: the k8s-infra one (an organization admin group, a
 * project granting its artifact groups, a public bucket, a System naming an RBAC group, groups
 * declared in kubernetes/k8s.io's groups.yaml and approved under its OWNERS files), and the
 * wide synthetic estate (folders of projects inheriting one organization grant, groups in no
 * file).
 */
const now = new Date('2024-06-15T00:00:00Z');

const routesOf = (answer: ReturnType<typeof access>) =>
  answer.routes.map(r => r.email);

describe('access: how to get access', () => {
  const graph = InventoryGraph.build(accessEstate());

  it('lists the project’s own groups before the organization’s, and skips expired grants', () => {
    const answer = access(
      graph,
      'resource:default/gcp-project--k8s-artifacts-prod',
      now,
    );
    expect(routesOf(answer)).toEqual([
      'k8s-infra-artifact-admins@kubernetes.io', // here, administers; also the System's
      'k8s-infra-artifact-security@kubernetes.io', // here, reads
      'k8s-infra-oci-proxy-admins@kubernetes.io', // named by the System only
      'k8s-infra-gcp-org-admins@kubernetes.io', // inherited from the organization
    ]);
    const [admins, security, proxy, org] = answer.routes;
    expect(admins).toMatchObject({
      power: 'administer',
      grants: [
        {
          role: 'roles/owner',
          grantedOn: 'projects/k8s-artifacts-prod',
          inherited: false,
        },
      ],
      systems: [{ ref: 'system:default/registry-k8s-io' }],
    });
    expect(org.grants).toEqual([
      expect.objectContaining({ role: 'roles/owner', inherited: true }),
    ]);
    expect(security.join).toEqual({
      kind: 'ask',
      url: 'https://groups.google.com/a/kubernetes.io/g/k8s-infra-artifact-security',
      title: 'Google Groups',
    });
    // Named by a System, in no file the crawl read, and granted nothing: ask the owners.
    expect(proxy).toMatchObject({ grants: [], join: { kind: 'undeclared' } });
    expect(org.join).toEqual({ kind: 'undeclared' });
  });

  it('says which file to change, at the members’ line, and who approves it', () => {
    const answer = access(
      graph,
      'resource:default/gcp-project--k8s-artifacts-prod',
      now,
    );
    expect(answer.routes[0].join).toEqual({
      kind: 'pull-request',
      url: GROUPS_YAML,
      repository: 'kubernetes/k8s.io',
      path: 'groups/sig-k8s-infra/groups.yaml',
      // ameukam's line (45) comes before linusa's (47): the members list starts there.
      line: 45,
      // groups/OWNERS's approvers and the root's, which it inherits.
      approvers: ['ameukam', 'thockin', 'upodroid'].map(login =>
        expect.objectContaining({ login }),
      ),
      ownersFile: {
        file: 'groups/OWNERS',
        url: 'https://github.com/kubernetes/k8s.io/blob/main/groups/OWNERS',
      },
    });
  });

  it('gives a mailing-list group’s own look-up the same way in, and none to a SIG', () => {
    const [admins] = access(
      graph,
      'resource:default/gcp-project--k8s-artifacts-prod',
      now,
    ).routes;
    expect(
      ownership(graph, 'k8s-infra-artifact-admins@kubernetes.io').join,
    ).toEqual(admins.join);
    expect(
      ownership(graph, 'group:default/sig-k8s-infra').join,
    ).toBeUndefined();
  });

  it('lists a person granted directly apart, with the owner to ask', () => {
    const answer = access(
      graph,
      'resource:default/gcp-project--k8s-artifacts-prod',
      now,
    );
    expect(answer.direct).toEqual([
      expect.objectContaining({
        member: 'user:justinsb@google.com',
        roles: ['roles/viewer'],
        power: 'read',
        inherited: false,
      }),
    ]);
    expect(answer.owner?.entity.ref).toBe(
      'group:default/k8s-infra-artifact-admins--kubernetes.io',
    );
  });

  it('says a public bucket needs no membership to read, and inherits the project’s groups', () => {
    const answer = access(
      graph,
      'resource:default/gcs-bucket--k8s-artifacts-prod',
      now,
    );
    expect(answer.public).toEqual([
      {
        member: 'allUsers',
        role: 'roles/storage.objectViewer',
        power: 'read',
      },
    ]);
    // The bucket's own grant first; the project's (one level up), then the organization's.
    expect(routesOf(answer)).toEqual([
      'k8s-infra-artifact-admins@kubernetes.io',
      'k8s-infra-artifact-security@kubernetes.io',
      'k8s-infra-gcp-org-admins@kubernetes.io',
    ]);
    expect(answer.routes[0].grants.map(g => g.role)).toEqual([
      'roles/storage.admin',
      'roles/owner',
    ]);
    expect(answer.direct.map(d => d.inherited)).toEqual([true]);
  });

  it('gives an app the access group of its System, with the file and the line', () => {
    const answer = access(graph, 'component:default/gcsweb', now);
    expect(answer.routes).toEqual([
      expect.objectContaining({
        email: 'k8s-infra-rbac-gcsweb@kubernetes.io',
        grants: [],
        systems: [expect.objectContaining({ ref: 'system:default/gcsweb' })],
        join: expect.objectContaining({ kind: 'pull-request', line: 112 }),
      }),
    ]);
    expect(answer.owner?.contacts).toEqual([
      expect.objectContaining({ value: '#sig-k8s-infra' }),
    ]);
  });

  it('answers a System with the groups it names', () => {
    const answer = access(graph, 'system:default/registry-k8s-io', now);
    expect(routesOf(answer)).toEqual([
      'k8s-infra-artifact-admins@kubernetes.io',
      'k8s-infra-oci-proxy-admins@kubernetes.io',
    ]);
  });

  it('refuses an entity it does not know with a 404', () => {
    expect(() => access(graph, 'resource:default/nope', now)).toThrow(
      'No entity resource:default/nope in the inventory',
    );
  });
});

describe('access on a wide synthetic estate', () => {
  const graph = InventoryGraph.build(
    wideEstateEntities({ folders: 3, projects: 4, buckets: 2 }),
  );

  it('puts the project’s team before the organization’s admins, neither declared in git', () => {
    const answer = access(graph, 'resource:default/project-0-0-bucket-1', now);
    expect(answer.routes.map(r => [r.group.ref, r.power, r.join.kind])).toEqual(
      [
        [TEAM.replace(':', ':default/'), 'write', 'undeclared'],
        [ADMINS.replace(':', ':default/'), 'administer', 'undeclared'],
      ],
    );
    expect(answer.owner?.entity.ref).toBe(TEAM.replace(':', ':default/'));
  });

  it('gives a project with no grant of its own only the inherited route', () => {
    const answer = access(graph, 'resource:default/project-2-3', now);
    expect(answer.routes).toEqual([
      expect.objectContaining({
        group: expect.objectContaining({
          ref: ADMINS.replace(':', ':default/'),
        }),
        grants: [expect.objectContaining({ inherited: true })],
      }),
    ]);
  });
});
