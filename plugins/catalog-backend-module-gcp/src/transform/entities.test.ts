import { Entity } from '@backstage/catalog-model';
import {
  gcpServiceAccountEntityName,
  gcsBucketEntityName,
  gkeClusterEntityName,
} from '@infra-atlas/inventory-common';
import { defaultRoleRules } from './access';
import { CrawlResult } from '../lib/crawl';
import { crawlToEntities } from './entities';

const ORG = 'organizations/100';
const struct = (fields: Record<string, string>) => ({
  fields: Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, { stringValue: v }]),
  ),
});

/** A small estate with the shapes the real APIs return, including the awkward ones. */
function estate(): CrawlResult {
  return {
    organizations: [{ name: ORG, displayName: 'example.org', state: 'ACTIVE' }],
    folders: [
      { name: 'folders/7', parent: ORG, displayName: 'infra', state: 'ACTIVE' },
    ],
    projects: [
      {
        name: 'projects/11',
        projectId: 'public-a',
        parent: 'folders/7',
        state: 'ACTIVE',
        displayName: 'Public A',
        labels: {},
      },
      {
        name: 'projects/22',
        projectId: 'builds-b',
        parent: ORG,
        state: 'ACTIVE',
        labels: { team: 'sig-testing' },
      },
      {
        name: 'projects/33',
        projectId: 'old-c',
        parent: ORG,
        state: 'DELETE_REQUESTED',
        labels: {},
      },
    ],
    assets: [
      {
        name: '//container.googleapis.com/projects/public-a/locations/us-central1/clusters/aaa',
        assetType: 'container.googleapis.com/Cluster',
        project: 'projects/11',
        displayName: 'aaa',
        location: 'us-central1',
        state: 'RUNNING',
      },
      {
        name: '//container.googleapis.com/projects/builds-b/locations/us-central1/clusters/aaa',
        assetType: 'container.googleapis.com/Cluster',
        project: 'projects/22',
        displayName: 'aaa',
        location: 'us-central1',
      },
      {
        name: '//storage.googleapis.com/public-a-artifacts',
        assetType: 'storage.googleapis.com/Bucket',
        project: 'projects/11',
        displayName: 'public-a-artifacts',
        location: 'us',
      },
      {
        name: '//iam.googleapis.com/projects/public-a/serviceAccounts/1234567890',
        assetType: 'iam.googleapis.com/ServiceAccount',
        project: 'projects/11',
        displayName: 'deployer',
        additionalAttributes: struct({
          email: 'deployer@public-a.iam.gserviceaccount.com',
        }),
      },
    ],
    policies: [
      {
        resource: `//cloudresourcemanager.googleapis.com/${ORG}`,
        policy: {
          bindings: [
            { role: 'roles/owner', members: ['group:org-admins@example.org'] },
            { role: 'roles/viewer', members: ['user:Auditor@example.org'] },
            // Billing administration is not administration of the estate.
            {
              role: 'roles/billing.admin',
              members: ['group:finance@example.org'],
            },
            // The group builds-b's label names.
            {
              role: 'roles/browser',
              members: ['group:sig-testing@example.org'],
            },
          ],
        },
      },
      {
        // IAM search names projects by number or by ID; both must land on the project.
        resource: '//cloudresourcemanager.googleapis.com/projects/public-a',
        policy: {
          bindings: [
            {
              role: 'roles/editor',
              members: ['group:public-a-admins@example.org'],
            },
            // Admins of other products must not outrank them: neither for the project nor
            // for the cluster, whose own service's admin wins there.
            {
              role: 'roles/bigquery.admin',
              members: ['group:a-bq-admins@example.org'],
            },
            {
              role: 'roles/container.admin',
              members: ['group:cluster-admins@example.org'],
            },
            {
              role: 'roles/container.admin',
              members: [
                'serviceAccount:deployer@public-a.iam.gserviceaccount.com',
              ],
            },
          ],
        },
      },
      // The three empty shapes of a real policy.
      { resource: '//cloudresourcemanager.googleapis.com/projects/22' },
      {
        resource: '//cloudresourcemanager.googleapis.com/projects/33',
        policy: {},
      },
      {
        resource:
          '//iam.googleapis.com/projects/public-a/serviceAccounts/1234567890',
        policy: { version: 1 },
      },
      {
        resource: '//storage.googleapis.com/public-a-artifacts',
        policy: {
          bindings: [
            { role: 'roles/storage.objectViewer', members: ['allUsers'] },
            {
              role: 'roles/storage.legacyBucketOwner',
              members: ['projectOwner:public-a'],
            },
          ],
        },
      },
    ],
    failures: [],
  };
}

function transformResult(
  crawl = estate(),
  owners = {},
  principals = { declaredElsewhere: [] as string[], emitUsers: true },
) {
  return crawlToEntities(crawl, {
    principals,
    locationKey: 'gcp-inventory:test',
    owners: {
      labelKeys: ['owner', 'team'],
      projects: [],
      ...owners,
    },
    roles: defaultRoleRules(),
  });
}

const transform: (...args: Parameters<typeof transformResult>) => Entity[] = (
  ...args
) => transformResult(...args).entities;

const spec = (entity: Entity) => entity.spec as any;

/** On-call ownership under a condition, as organizations grant break-glass access. */
const breakGlass = (expression: string) => ({
  role: 'roles/owner',
  members: ['group:break-glass@example.org'],
  condition: { title: 'break-glass', description: 'for incidents', expression },
});
const evidenceOf = (entity: Entity) =>
  entity.metadata.annotations?.['infra-atlas.io/owner-evidence'];

const byName = (entities: Entity[], name: string) => {
  const entity = entities.find(e => e.metadata.name === name);
  if (!entity)
    throw new Error(
      `no entity ${name}: ${entities.map(e => e.metadata.name).join(', ')}`,
    );
  return entity;
};

describe('crawlToEntities', () => {
  it('emits the hierarchy with parents, titles and console links', () => {
    const entities = transform();
    const org = byName(entities, 'gcp-organization--100');
    expect(org.metadata.title).toBe('example.org');
    const folder = byName(entities, 'gcp-folder--7');
    expect(folder.spec?.parent).toBe('resource:default/gcp-organization--100');
    const project = byName(entities, 'gcp-project--public-a');
    expect(project.spec).toMatchObject({
      type: 'gcp-project',
      parent: 'resource:default/gcp-folder--7',
      gcp: { projectId: 'public-a', projectNumber: '11', state: 'ACTIVE' },
    });
    expect(project.metadata.description).toBe(
      'Public A: GCP project public-a, number 11.',
    );
    expect(project.metadata.links?.[0].url).toBe(
      'https://console.cloud.google.com/home/dashboard?project=public-a',
    );
  });

  it('carries GCP labels as Backstage labels, and no labels key where there are none', () => {
    const entities = transform();
    expect(byName(entities, 'gcp-project--builds-b').metadata.labels).toEqual({
      team: 'sig-testing',
    });
    // An empty `labels` would show the stock Labels card's how-to-edit-YAML message.
    expect(
      byName(entities, 'gcp-project--public-a').metadata,
    ).not.toHaveProperty('labels');
    expect(
      byName(entities, 'gcp-organization--100').metadata,
    ).not.toHaveProperty('labels');
  });

  it('keeps two clusters with the same name in different projects apart', () => {
    const entities = transform();
    const a = byName(entities, 'gke-cluster--public-a--us-central1--aaa');
    const b = byName(entities, 'gke-cluster--builds-b--us-central1--aaa');
    expect(a.spec?.parent).toBe('resource:default/gcp-project--public-a');
    expect(b.spec?.parent).toBe('resource:default/gcp-project--builds-b');
    expect(a.metadata.title).toBe('aaa');
    expect(a.metadata.description).toBe(
      'gke-cluster aaa in project public-a, us-central1.',
    );
  });

  it('names resources exactly as other providers will refer to them', () => {
    const names = transform().map(e => e.metadata.name);
    expect(names).toContain(
      gkeClusterEntityName('public-a', 'us-central1', 'aaa'),
    );
    expect(names).toContain(gcsBucketEntityName('public-a-artifacts'));
    expect(names).toContain(
      gcpServiceAccountEntityName('deployer@public-a.iam.gserviceaccount.com'),
    );
  });

  it('marks delete-requested projects instead of dropping them', () => {
    const old = byName(transform(), 'gcp-project--old-c');
    expect(old.metadata.tags).toContain('delete-requested');
    expect(old.spec?.gcp).toMatchObject({ state: 'DELETE_REQUESTED' });
  });

  it('lists administrators granted directly and inherited from ancestors', () => {
    const project = byName(transform(), 'gcp-project--public-a');
    const admins = (project.spec as any).access.administrators;
    expect(admins).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          member: 'group:public-a-admins@example.org',
          role: 'roles/editor',
          inherited: false,
          grantedOn: 'projects/public-a',
          ref: 'group:default/public-a-admins--example.org',
        }),
        expect.objectContaining({
          member: 'group:org-admins@example.org',
          role: 'roles/owner',
          inherited: true,
          grantedOn: ORG,
        }),
        expect.objectContaining({
          member: 'serviceAccount:deployer@public-a.iam.gserviceaccount.com',
          ref: 'resource:default/gcp-service-account--deployer--public-a',
        }),
      ]),
    );
    // roles/viewer is not administration.
    expect(admins.map((a: any) => a.member)).not.toContain(
      'user:auditor@example.org',
    );
  });

  it('points grants only at service accounts the crawl saw', () => {
    const crawl = estate();
    crawl.policies[1].policy!.bindings!.push({
      role: 'roles/owner',
      members: [
        'serviceAccount:service-11@gcp-sa-robot.iam.gserviceaccount.com',
      ],
    });
    const admins = (
      byName(transform(crawl), 'gcp-project--public-a').spec as any
    ).access.administrators;
    const byMember = (m: string) => admins.find((a: any) => a.member === m);
    expect(
      byMember('serviceAccount:deployer@public-a.iam.gserviceaccount.com').ref,
    ).toBe('resource:default/gcp-service-account--deployer--public-a');
    const agent = byMember(
      'serviceAccount:service-11@gcp-sa-robot.iam.gserviceaccount.com',
    );
    expect(agent.role).toBe('roles/owner');
    expect(agent.ref).toBeUndefined();
  });

  it('treats every empty policy shape as no grants', () => {
    const entities = transform();
    for (const name of [
      'gcp-project--builds-b',
      'gcp-project--old-c',
      'gcp-service-account--deployer--public-a',
    ]) {
      expect((byName(entities, name).spec as any).access.grants).toEqual([]);
    }
  });

  it('makes public access visible on the resource', () => {
    const bucket = byName(transform(), 'gcs-bucket--public-a-artifacts');
    expect(bucket.metadata.tags).toContain('public');
    expect(bucket.metadata.annotations?.['infra-atlas.io/public-access']).toBe(
      'allUsers=roles/storage.objectViewer',
    );
    expect((bucket.spec as any).access.public).toEqual([
      { member: 'allUsers', role: 'roles/storage.objectViewer' },
    ]);
  });

  it('emits Google Groups and users named in policies, lower-cased, once each', () => {
    const entities = transform();
    const groups = entities
      .filter(e => e.kind === 'Group')
      .map(e => e.metadata.name);
    expect(groups).toEqual([
      'a-bq-admins--example.org',
      'cluster-admins--example.org',
      'finance--example.org',
      'org-admins--example.org',
      'public-a-admins--example.org',
      'sig-testing--example.org',
    ]);
    const user = byName(entities, 'auditor--example.org');
    expect(user.kind).toBe('User');
    expect(user.spec?.profile).toEqual({
      email: 'auditor@example.org',
      displayName: 'auditor@example.org',
    });
  });

  it('leaves principals of a domain declared elsewhere to that source, grants intact', () => {
    const entities = transform(
      estate(),
      {},
      {
        declaredElsewhere: ['EXAMPLE.org'],
        emitUsers: true,
      },
    );
    expect(
      entities.filter(e => e.kind === 'Group' || e.kind === 'User'),
    ).toEqual([]);
    const org = entities.find(e => e.spec?.type === 'gcp-organization')!;
    expect(
      (org.spec as any).access.administrators.map((a: any) => a.ref),
    ).toContain('group:default/org-admins--example.org');
  });

  it('emits groups but no people when people come from elsewhere', () => {
    const entities = transform(
      estate(),
      {},
      {
        declaredElsewhere: [],
        emitUsers: false,
      },
    );
    expect(entities.filter(e => e.kind === 'User')).toEqual([]);
    expect(entities.filter(e => e.kind === 'Group')).toHaveLength(6);
  });

  describe('owner resolution', () => {
    it('prefers an owner label that names a known group', () => {
      const project = byName(transform(), 'gcp-project--builds-b');
      expect(project.spec?.owner).toBe(
        'group:default/sig-testing--example.org',
      );
      expect(evidenceOf(project)).toBe(
        'label team=sig-testing on projects/builds-b names group sig-testing@example.org',
      );
    });

    it('reads underscores in a label as the hyphens of an address', () => {
      const crawl = estate();
      crawl.projects[1].labels = { team: 'org_admins' };
      expect(
        byName(transform(crawl), 'gcp-project--builds-b').spec?.owner,
      ).toBe('group:default/org-admins--example.org');
    });

    it('reports a label that names nobody and applies the next rule', () => {
      const crawl = estate();
      // A person's name as a label value: no such group, no such person in IAM.
      crawl.projects[0].labels = { owner: 'jdoe' };
      const project = byName(transform(crawl), 'gcp-project--public-a');
      expect(project.spec?.owner).toBe(
        'group:default/public-a-admins--example.org',
      );
      expect(evidenceOf(project)).toBe(
        'unresolved label owner=jdoe on projects/public-a: it names no group or person in any IAM policy; group:public-a-admins@example.org administers projects/public-a (roles/editor)',
      );
      expect(transform(crawl).map(e => e.metadata.name)).not.toContain('jdoe');
      expect(
        project.metadata.annotations?.[
          'infra-atlas.io/unresolved-owner-labels'
        ],
      ).toBe('owner=jdoe');
    });

    it('then a configured project pattern', () => {
      const project = byName(
        transform(estate(), {
          projects: [
            { match: /^public-/, owner: 'group:default/sig-k8s-infra' },
          ],
        }),
        'gcp-project--public-a',
      );
      expect(project.spec?.owner).toBe('group:default/sig-k8s-infra');
    });

    it('then the most specific group administering it below the organization', () => {
      const project = byName(transform(), 'gcp-project--public-a');
      expect(project.spec?.owner).toBe(
        'group:default/public-a-admins--example.org',
      );
      expect(evidenceOf(project)).toBe(
        'group:public-a-admins@example.org administers projects/public-a (roles/editor)',
      );
      expect(
        byName(transform(), 'gke-cluster--public-a--us-central1--aaa').spec
          ?.owner,
      ).toBe('group:default/cluster-admins--example.org');
      // The bucket has no admin group of its own: its project's wins.
      expect(
        byName(transform(), 'gcs-bucket--public-a-artifacts').spec?.owner,
      ).toBe('group:default/public-a-admins--example.org');
    });

    it('then a group holding write roles on it, saying nobody administers it', () => {
      const crawl = estate();
      crawl.policies[3].policy = {
        bindings: [
          {
            role: 'roles/cloudbuild.builds.editor',
            members: ['group:k8s-staging-old-c@example.org'],
          },
          { role: 'roles/viewer', members: ['group:readers@example.org'] },
        ],
      };
      const project = byName(transform(crawl), 'gcp-project--old-c');
      expect(project.spec?.owner).toBe(
        'group:default/k8s-staging-old-c--example.org',
      );
      expect(evidenceOf(project)).toBe(
        'group:k8s-staging-old-c@example.org holds write roles on projects/old-c (roles/cloudbuild.builds.editor); no group administers it',
      );
    });

    it('else it is unowned: organization admins administer it, but do not own it', () => {
      const project = byName(transform(), 'gcp-project--old-c');
      expect(project.spec?.owner).toBe('group:default/unowned');
      expect(evidenceOf(project)).toBe(
        'no owner label, no configured project pattern, and no group administers or writes to projects/old-c below the organization',
      );
      // Their administration is still there, as inherited grants.
      expect(spec(project).access.administrators).toContainEqual(
        expect.objectContaining({
          member: 'group:org-admins@example.org',
          inherited: true,
        }),
      );
    });

    it('gives what is defined on the organization itself to its administrators', () => {
      const crawl = estate();
      crawl.assets.push({
        name: '//iam.googleapis.com/organizations/100/roles/auditor',
        assetType: 'iam.googleapis.com/Role',
        displayName: 'Auditor',
        parentFullResourceName: `//cloudresourcemanager.googleapis.com/${ORG}`,
      });
      const role = transform(crawl).find(e => e.metadata.title === 'Auditor')!;
      expect(role.spec?.parent).toBe('resource:default/gcp-organization--100');
      expect(role.spec?.owner).toBe('group:default/org-admins--example.org');
    });

    it('or the configured fallback, named as such', () => {
      const project = byName(
        transform(estate(), { fallback: 'group:default/platform' }),
        'gcp-project--old-c',
      );
      expect(project.spec?.owner).toBe('group:default/platform');
      expect(evidenceOf(project)).toMatch(/configured fallback$/);
    });

    it('never from billing administration', () => {
      const crawl = estate();
      crawl.policies[3].policy = {
        bindings: [
          {
            role: 'roles/billing.projectManager',
            members: ['group:finance@example.org'],
          },
        ],
      };
      const org = byName(transform(crawl), 'gcp-organization--100');
      expect(org.spec?.owner).toBe('group:default/org-admins--example.org');
      expect(
        spec(org).access.administrators.map((a: any) => a.member),
      ).not.toContain('group:finance@example.org');
      expect(byName(transform(crawl), 'gcp-project--old-c').spec?.owner).toBe(
        'group:default/unowned',
      );
    });

    it('never from a conditional grant', () => {
      const crawl = estate();
      crawl.policies[3].policy = {
        bindings: [
          breakGlass(
            'request.time < timestamp("2030-01-01T00:00:00Z") && resource.type == "x"',
          ),
        ],
      };
      const project = byName(transform(crawl), 'gcp-project--old-c');
      expect(project.spec?.owner).toBe('group:default/unowned');
    });
  });

  describe('grants', () => {
    it('carry their power, and only unconditional administration becomes administrators', () => {
      const crawl = estate();
      crawl.policies[3].policy = {
        bindings: [
          breakGlass('request.time < timestamp("2024-06-01T00:00:00Z")'),
          { role: 'roles/viewer', members: ['group:readers@example.org'] },
        ],
      };
      const project = byName(transform(crawl), 'gcp-project--old-c');
      expect(spec(project).access.grants).toEqual([
        {
          member: 'group:break-glass@example.org',
          role: 'roles/owner',
          grantedOn: 'projects/old-c',
          inherited: false,
          power: 'administer',
          condition: {
            title: 'break-glass',
            description: 'for incidents',
            expression: 'request.time < timestamp("2024-06-01T00:00:00Z")',
            expiresAt: '2024-06-01T00:00:00.000Z',
          },
          ref: 'group:default/break-glass--example.org',
        },
        {
          member: 'group:readers@example.org',
          role: 'roles/viewer',
          grantedOn: 'projects/old-c',
          inherited: false,
          power: 'read',
          ref: 'group:default/readers--example.org',
        },
      ]);
      expect(
        spec(project).access.administrators.map((a: any) => a.member),
      ).toEqual(['group:org-admins@example.org']);
    });

    it('resolve legacy convenience members to the principals behind them', () => {
      const crawl = estate();
      crawl.policies[1].policy!.bindings!.push(
        { role: 'roles/owner', members: ['group:public-a-owners@example.org'] },
        {
          role: 'roles/owner',
          members: ['user:temp@example.org'],
          condition: {
            expression: 'request.time < timestamp("2020-01-01T00:00:00Z")',
          },
        },
      );
      const bucket = byName(transform(crawl), 'gcs-bucket--public-a-artifacts');
      const owners = spec(bucket).access.grants.filter(
        (g: any) => g.role === 'roles/storage.legacyBucketOwner',
      );
      // The conditional owner is not part of projectOwner:.
      expect(owners).toEqual([
        expect.objectContaining({
          member: 'group:public-a-owners@example.org',
          via: 'projectOwner:public-a',
          power: 'administer',
          ref: 'group:default/public-a-owners--example.org',
        }),
      ]);
      expect(spec(bucket).access.administrators).toEqual([
        expect.objectContaining({
          member: 'group:public-a-owners@example.org',
        }),
      ]);
    });

    it('keep a convenience member nobody stands behind as written', () => {
      const bucket = byName(transform(), 'gcs-bucket--public-a-artifacts');
      expect(spec(bucket).access.grants).toContainEqual(
        expect.objectContaining({
          member: 'projectOwner:public-a',
          role: 'roles/storage.legacyBucketOwner',
        }),
      );
    });
  });

  describe('a partial crawl', () => {
    it('leaves out the resources of a project whose listing failed, rather than renaming them', () => {
      const crawl = estate();
      crawl.roots = [ORG];
      crawl.projects = crawl.projects.filter(p => p.projectId !== 'public-a');
      const { entities, unplaced } = transformResult(crawl);
      const names = entities.map(e => e.metadata.name);
      // Neither under the project's ID nor, as before, under its number.
      expect(names.filter(n => /public-a|\b11\b/.test(n))).toEqual([]);
      expect(names).toContain('gcp-project--builds-b');
      expect(unplaced.sort()).toEqual([
        'projects/public-a/locations/us-central1/clusters/aaa',
        'projects/public-a/serviceAccounts/1234567890',
        'public-a-artifacts',
      ]);
    });

    it("leaves out a folder's projects when the folder itself was not read", () => {
      const crawl = estate();
      crawl.roots = [ORG];
      crawl.folders = [];
      const { entities, unplaced } = transformResult(crawl);
      const names = entities.map(e => e.metadata.name);
      expect(names).not.toContain('gcp-project--public-a');
      expect(names).toContain('gcp-project--builds-b');
      expect(unplaced).toContain('projects/public-a');
    });

    it("places a folder scope's own folder although its parent was not crawled", () => {
      const crawl = estate();
      crawl.roots = ['folders/7'];
      crawl.organizations = [];
      crawl.projects = crawl.projects.filter(p => p.parent === 'folders/7');
      crawl.assets = crawl.assets.filter(a => a.project === 'projects/11');
      const { entities, unplaced } = transformResult(crawl);
      expect(unplaced).toEqual([]);
      expect(entities.map(e => e.metadata.name)).toContain(
        'gcs-bucket--public-a-artifacts',
      );
    });
  });

  it('is deterministic', () => {
    expect(transform()).toEqual(transform());
  });
});
