import { entity } from './entities';

/*
 * A wider estate than queries.test.ts's, of another shape: an organization granting
 * roles/owner (and any `orgRoles`) to admins@, `folders` folders of `projects` projects each, every folder and
 * project inheriting the grant, and `buckets` buckets per project. The platform team (nested
 * in admins@) owns the projects and what is in them; alice is in the team; one project grants
 * the team roles/editor directly.
 */
const orgGrant = (role: string) => ({
  member: 'group:admins@example.org',
  role,
  power: 'administer',
  grantedOn: 'organizations/9',
  ref: 'group:default/admins--example.org',
});
export const ADMINS = 'group:admins--example.org';
export const TEAM = 'group:platform';

export function wideEstateEntities(shape: {
  folders: number;
  projects: number;
  buckets: number;
  orgRoles?: string[];
}) {
  const roles = shape.orgRoles ?? ['roles/owner'];
  const inherited = roles.map(role => ({ ...orgGrant(role), inherited: true }));
  const direct = roles.map(role => ({ ...orgGrant(role), inherited: false }));
  const inheriting = { spec: { access: { administrators: inherited } } };
  const entities = [
    entity('resource:org', {
      type: 'gcp-organization',
      title: 'example.org',
      annotations: {
        'infra-atlas.io/gcp-resource-name': '//crm/organizations/9',
      },
      spec: {
        access: {
          administrators: direct,
          grants: direct,
        },
      },
      relations: [['administeredBy', ADMINS]],
    }),
    entity(ADMINS, {
      type: 'google-group',
      spec: { profile: { email: 'admins@example.org' } },
    }),
    entity(TEAM, { type: 'team', relations: [['childOf', ADMINS]] }),
    entity('user:alice', {
      annotations: { 'github.com/user-login': 'alice' },
      relations: [['memberOf', TEAM]],
    }),
    entity('user:bob', {
      annotations: { 'github.com/user-login': 'bob' },
      relations: [['memberOf', ADMINS]],
    }),
  ];
  for (let f = 0; f < shape.folders; f++) {
    entities.push(
      entity(`resource:folder-${f}`, {
        type: 'gcp-folder',
        title: `folder ${f}`,
        ...inheriting,
        relations: [
          ['childOf', 'resource:org'],
          ['administeredBy', ADMINS],
        ],
      }),
    );
    for (let p = 0; p < shape.projects; p++) {
      const project = `project-${f}-${p}`;
      const editor = f === 0 && p === 0;
      entities.push(
        entity(`resource:${project}`, {
          type: 'gcp-project',
          title: project,
          spec: {
            owner: TEAM,
            access: {
              administrators: inherited,
              grants: editor
                ? [
                    {
                      member: 'group:platform',
                      role: 'roles/editor',
                      power: 'write',
                      grantedOn: `projects/${project}`,
                      inherited: false,
                      ref: 'group:default/platform',
                    },
                  ]
                : [],
            },
          },
          relations: [
            ['childOf', `resource:folder-${f}`],
            ['administeredBy', ADMINS],
          ],
        }),
      );
      for (let b = 0; b < shape.buckets; b++) {
        entities.push(
          entity(`resource:${project}-bucket-${b}`, {
            type: 'gcs-bucket',
            title: `${project}-bucket-${b}`,
            spec: { owner: TEAM },
            relations: [['childOf', `resource:${project}`]],
          }),
        );
      }
    }
  }
  return entities;
}
