import { entity } from './entities';

/*
 * An estate of the k8s-infra shape for access questions: an organization admin group, a
 * project granting its artifact groups (one grant expired, one to a person), a public bucket,
 * Systems naming access groups, groups declared in kubernetes/k8s.io's groups.yaml with their
 * members' lines, and the OWNERS rules that approve that file.
 */
export const GROUPS_YAML =
  'https://github.com/kubernetes/k8s.io/blob/main/groups/sig-k8s-infra/groups.yaml';

const grant = (
  member: string,
  role: string,
  power: string,
  grantedOn: string,
  extra: Record<string, unknown> = {},
) => ({
  member,
  role,
  power,
  grantedOn,
  inherited: false,
  ...(member.startsWith('group:')
    ? {
        ref: `group:default/${member
          .slice(6)
          .replace('@', '--')
          .toLowerCase()}`,
      }
    : {}),
  ...extra,
});

const declaredGroup = (email: string, extra: { links?: boolean } = {}) =>
  entity(`group:${email.replace('@', '--')}`, {
    type: 'google-group',
    annotations: {
      'infra-atlas.io/provenance': 'declared',
      'infra-atlas.io/declared-in': GROUPS_YAML,
    },
    spec: { profile: { email } },
    ...(extra.links
      ? {
          links: [
            {
              url: `https://groups.google.com/a/kubernetes.io/g/${
                email.split('@')[0]
              }`,
              title: 'Google Groups',
            },
          ],
        }
      : {}),
  });

/** A person whose membership of each group is stated at a line of GROUPS_YAML. */
const member = (login: string, lines: Record<string, number>) =>
  entity(`user:${login}`, {
    annotations: {
      'infra-atlas.io/memberships': JSON.stringify(
        Object.fromEntries(
          Object.entries(lines).map(([group, line]) => [
            `group:default/${group}`,
            `${GROUPS_YAML}#L${line}`,
          ]),
        ),
      ),
    },
    relations: Object.keys(lines).map(group => ['memberOf', `group:${group}`]),
  });

export const accessEstate = () => [
  entity('resource:gcp-organization--758905017065', {
    type: 'gcp-organization',
    title: 'kubernetes.io',
    spec: {
      access: {
        grants: [
          grant(
            'group:k8s-infra-gcp-org-admins@kubernetes.io',
            'roles/owner',
            'administer',
            'organizations/758905017065',
          ),
        ],
      },
    },
  }),
  entity('resource:gcp-project--k8s-artifacts-prod', {
    type: 'gcp-project',
    title: 'k8s-artifacts-prod',
    spec: {
      owner: 'group:k8s-infra-artifact-admins--kubernetes.io',
      access: {
        grants: [
          grant(
            'group:k8s-infra-artifact-security@kubernetes.io',
            'roles/viewer',
            'read',
            'projects/k8s-artifacts-prod',
          ),
          grant(
            'group:k8s-infra-artifact-admins@kubernetes.io',
            'roles/owner',
            'administer',
            'projects/k8s-artifacts-prod',
          ),
          grant(
            'user:justinsb@google.com',
            'roles/viewer',
            'read',
            'projects/k8s-artifacts-prod',
          ),
          // Expired: it gives nothing now, so it is no way in.
          grant(
            'group:k8s-infra-release-editors@kubernetes.io',
            'roles/editor',
            'write',
            'projects/k8s-artifacts-prod',
            {
              condition: {
                title: 'temporary',
                expression: 'request.time < timestamp("2024-06-01T00:00:00Z")',
                expiresAt: '2024-06-01T00:00:00.000Z',
              },
            },
          ),
        ],
      },
    },
    relations: [
      ['childOf', 'resource:gcp-organization--758905017065'],
      ['partOf', 'system:registry-k8s-io'],
    ],
  }),
  entity('resource:gcs-bucket--k8s-artifacts-prod', {
    type: 'gcs-bucket',
    spec: {
      access: {
        grants: [
          grant(
            'allUsers',
            'roles/storage.objectViewer',
            'read',
            'k8s-artifacts-prod',
          ),
          grant(
            'group:k8s-infra-artifact-admins@kubernetes.io',
            'roles/storage.admin',
            'administer',
            'k8s-artifacts-prod',
          ),
        ],
      },
    },
    relations: [['childOf', 'resource:gcp-project--k8s-artifacts-prod']],
  }),
  entity('system:registry-k8s-io', {
    annotations: {
      'infra-atlas.io/access-groups':
        'k8s-infra-artifact-admins@kubernetes.io, K8s-Infra-OCI-Proxy-Admins@kubernetes.io',
    },
  }),
  entity('system:gcsweb', {
    annotations: {
      'infra-atlas.io/access-groups': 'k8s-infra-rbac-gcsweb@kubernetes.io',
    },
  }),
  entity('component:gcsweb', {
    type: 'service',
    spec: { owner: 'group:sig-k8s-infra' },
    relations: [['partOf', 'system:gcsweb']],
  }),
  entity('group:sig-k8s-infra', {
    type: 'sig',
    annotations: { 'infra-atlas.io/slack-channel': 'sig-k8s-infra' },
  }),
  declaredGroup('k8s-infra-artifact-admins@kubernetes.io'),
  declaredGroup('k8s-infra-rbac-gcsweb@kubernetes.io'),
  // Not managed as code: only its Google Groups page says how to ask.
  entity('group:k8s-infra-artifact-security--kubernetes.io', {
    type: 'google-group',
    spec: { profile: { email: 'k8s-infra-artifact-security@kubernetes.io' } },
    links: [
      {
        url: 'https://groups.google.com/a/kubernetes.io/g/k8s-infra-artifact-security',
        title: 'Google Groups',
      },
    ],
  }),
  member('linusa--google.com', {
    'k8s-infra-artifact-admins--kubernetes.io': 47,
    'k8s-infra-rbac-gcsweb--kubernetes.io': 112,
  }),
  member('ameukam', { 'k8s-infra-artifact-admins--kubernetes.io': 45 }),
  entity('component:kubernetes--k8s.io', {
    type: 'repository',
    annotations: { 'github.com/project-slug': 'kubernetes/k8s.io' },
    spec: {
      codeOwnership: {
        url: 'https://github.com/kubernetes/k8s.io',
        branch: 'main',
        ownersDepth: 'tree',
        owners: [
          { path: 'OWNERS', approvers: { thockin: 2 } },
          {
            path: 'groups/OWNERS',
            approvers: { ameukam: 3, upodroid: 4 },
          },
        ],
      },
    },
  }),
];
