import { AccessResponse, AccessRoute } from '@infra-atlas/inventory-common';
import { screen, within } from '@testing-library/react';
import { renderCard, summary } from '../__testUtils__/cards';
import { AccessCard } from './AccessCard';

const GROUPS_YAML =
  'https://github.com/kubernetes/k8s.io/blob/main/groups/sig-k8s-infra/groups.yaml';

const route = (
  name: string,
  extra: Partial<AccessRoute> = {},
): AccessRoute => ({
  group: summary(
    `group:default/${name}--kubernetes.io`,
    `${name}--kubernetes.io`,
  ),
  email: `${name}@kubernetes.io`,
  grants: [],
  power: 'other',
  systems: [],
  join: { kind: 'undeclared' },
  ...extra,
});

const approver = (login: string) => ({
  login,
  entity: summary(`user:default/${login}`, login),
  because: [],
});

/** k8s-artifacts-prod's answer: its own groups, the System's, the organization's, a person. */
const answer: AccessResponse = {
  entity: summary(
    'resource:default/gcp-project--k8s-artifacts-prod',
    'k8s-artifacts-prod',
  ),
  routes: [
    route('k8s-infra-artifact-admins', {
      power: 'administer',
      grants: [
        {
          role: 'roles/owner',
          power: 'administer',
          grantedOn: 'projects/k8s-artifacts-prod',
          inherited: false,
        },
      ],
      systems: [summary('system:default/registry-k8s-io', 'registry.k8s.io')],
      join: {
        kind: 'pull-request',
        url: GROUPS_YAML,
        repository: 'kubernetes/k8s.io',
        path: 'groups/sig-k8s-infra/groups.yaml',
        line: 45,
        approvers: [
          'ameukam',
          'bentheelder',
          'dims',
          'thockin',
          'upodroid',
          'xmudrii',
        ].map(approver),
        ownersFile: {
          file: 'groups/OWNERS',
          url: 'https://github.com/kubernetes/k8s.io/blob/main/groups/OWNERS',
        },
      },
    }),
    route('k8s-infra-artifact-security', {
      power: 'read',
      grants: [
        {
          role: 'roles/viewer',
          power: 'read',
          grantedOn: 'projects/k8s-artifacts-prod',
          inherited: false,
          condition: {
            title: 'break-glass',
            expression: 'request.time.getHours("UTC") < 6',
            status: 'conditional',
          },
        },
      ],
      join: {
        kind: 'ask',
        url: 'https://groups.google.com/a/kubernetes.io/g/k8s-infra-artifact-security',
        title: 'Google Groups',
      },
    }),
    route('k8s-infra-oci-proxy-admins', {
      systems: [summary('system:default/registry-k8s-io', 'registry.k8s.io')],
    }),
    route('k8s-infra-gcp-org-admins', {
      power: 'administer',
      grants: [
        'roles/owner',
        'roles/orgpolicy.policyAdmin',
        'roles/billing.admin',
      ].map(role => ({
        role,
        power: 'administer' as const,
        grantedOn: 'organizations/758905017065',
        inherited: true,
      })),
    }),
  ],
  direct: [
    {
      principal: summary(
        'user:default/justinsb--google.com',
        'justinsb',
        false,
      ),
      member: 'user:justinsb@google.com',
      roles: ['roles/viewer'],
      power: 'read',
      inherited: false,
    },
    {
      principal: summary(
        'serviceaccount:k8s-infra-gcr-promoter@k8s-artifacts-prod.iam.gserviceaccount.com',
        'k8s-infra-gcr-promoter',
        false,
      ),
      member:
        'serviceAccount:k8s-infra-gcr-promoter@k8s-artifacts-prod.iam.gserviceaccount.com',
      roles: ['roles/artifactregistry.repoAdmin'],
      power: 'administer',
      inherited: false,
    },
    {
      principal: summary('domain:kubernetes.io', 'kubernetes.io', false),
      member: 'domain:kubernetes.io',
      roles: ['roles/browser'],
      power: 'read',
      inherited: true,
    },
  ],
  public: [],
  owner: {
    entity: summary(
      'group:default/k8s-infra-artifact-admins--kubernetes.io',
      'k8s-infra-artifact-admins',
    ),
    unowned: false,
    contacts: [{ kind: 'slack', value: '#sig-k8s-infra' }],
    coOwners: [],
  },
  redacted: false,
};

describe('AccessCard', () => {
  it('says which group grants access here and which file to send a pull request to', async () => {
    await renderCard(<AccessCard />, {
      access: jest.fn().mockResolvedValue(answer),
    });
    expect(
      await screen.findByText(/Access comes with membership of 4 groups/),
    ).toBeInTheDocument();
    const groups = screen.getByRole('list', {
      name: 'Groups that grant access',
    });
    const items = within(groups).getAllByRole('listitem');
    // The narrowest three; the organization's is folded.
    expect(items).toHaveLength(3);
    const [admins, security, proxy] = items;
    expect(admins).toHaveTextContent(
      'k8s-infra-artifact-admins@kubernetes.io — can administer: roles/owner here; access group of registry.k8s.io',
    );
    expect(admins).toHaveTextContent(
      'Send a pull request adding your address to k8s-infra-artifact-admins@kubernetes.io in groups/sig-k8s-infra/groups.yaml, Opens in a new window (kubernetes/k8s.io, members from line 45).',
    );
    expect(
      within(admins).getByRole('link', {
        name: /^groups\/sig-k8s-infra\/groups.yaml/,
      }),
    ).toHaveAttribute('href', `${GROUPS_YAML}#L45`);
    // Three approvers by login, the others counted, and the OWNERS file that names them (links
    // to GitHub say they open a new window, for screen readers).
    expect(admins).toHaveTextContent(
      'Approved by ameukam, bentheelder, dims and 3 more (groups/OWNERS, Opens in a new window).',
    );
    expect(security).toHaveTextContent(
      'can read: roles/viewer (conditional: break-glass) here',
    );
    expect(security).toHaveTextContent(
      'Ask to join on its Google Groups, Opens in a new window page.',
    );
    expect(proxy).toHaveTextContent(
      'k8s-infra-oci-proxy-admins@kubernetes.io — access group of registry.k8s.io',
    );
    expect(proxy).toHaveTextContent(
      'It is not declared in git: ask the owners.',
    );
    expect(screen.getByText('1 more group')).toBeInTheDocument();
    // Two roles named per place, the others counted.
    expect(
      screen.getByText(
        /can administer: roles\/owner, roles\/orgpolicy.policyAdmin and 1 more from the organization/,
      ),
    ).toBeInTheDocument();
  });

  it('lists who is granted directly apart, and names the owners to ask', async () => {
    await renderCard(<AccessCard />, {
      access: jest.fn().mockResolvedValue(answer),
    });
    const direct = await screen.findByRole('list', {
      name: 'Granted directly',
    });
    const [person, robot, domain] = within(direct).getAllByRole('listitem');
    // Addresses as addresses, not IAM's `user:` syntax.
    expect(person).toHaveTextContent(/^justinsb@google\.com — roles\/viewer$/);
    expect(robot).toHaveTextContent(
      'k8s-infra-gcr-promoter@k8s-artifacts-prod.iam.gserviceaccount.com (service account) — roles/artifactregistry.repoAdmin',
    );
    expect(domain).toHaveTextContent(
      'everyone at kubernetes.io — roles/browser (inherited)',
    );
    expect(screen.getByText(/Ask the owners:/).closest('p')).toHaveTextContent(
      'Ask the owners: k8s-infra-artifact-admins (#sig-k8s-infra).',
    );
  });

  it('says plainly when no group grants access, and that a public bucket needs none to read', async () => {
    const none: AccessResponse = {
      ...answer,
      routes: [],
      direct: [],
      public: [
        {
          member: 'allUsers',
          role: 'roles/storage.objectViewer',
          power: 'read',
        },
      ],
    };
    await renderCard(<AccessCard />, {
      access: jest.fn().mockResolvedValue(none),
    });
    expect(
      await screen.findByText('No group grants access here.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Anyone can read it').closest('p'),
    ).toHaveTextContent(
      'Anyone can read it (allUsers: roles/storage.objectViewer): no membership needed for that.',
    );
    expect(screen.getByText(/Ask the owners:/)).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('says when nobody owns it to ask', async () => {
    const unowned: AccessResponse = {
      ...answer,
      routes: [],
      direct: [],
      owner: { ...answer.owner!, unowned: true, contacts: [] },
    };
    await renderCard(<AccessCard />, {
      access: jest.fn().mockResolvedValue(unowned),
    });
    expect(
      await screen.findByText(
        'No owner is known to ask: the drift report lists it as unowned.',
      ),
    ).toBeInTheDocument();
  });
});
