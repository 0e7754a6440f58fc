import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  InventoryClient,
  OwnershipResponse,
} from '@infra-atlas/inventory-common';
import { screen } from '@testing-library/react';
import { summary } from '../../__testUtils__/cards';
import { inventoryApiRef } from '../../api';
import { ownershipRouteRef } from '../../routes';
import { ProfileCard } from './ProfileCard';

const answer = (extra: Partial<OwnershipResponse>): OwnershipResponse => ({
  query: '',
  identities: [],
  groups: [],
  counts: {},
  entityCounts: {},
  notes: [],
  truncated: false,
  items: [],
  inheritedResourceCounts: {},
  redacted: false,
  summary: [],
  sections: [],
  members: [],
  ...extra,
});

const render = (entity: Entity, response: OwnershipResponse) => {
  const ownership = jest.fn(async () => response);
  return {
    ownership,
    rendered: renderInTestApp(
      <EntityProvider entity={entity}>
        <ProfileCard />
      </EntityProvider>,
      {
        apis: [
          [
            inventoryApiRef,
            { ownership } as Partial<InventoryClient> as InventoryClient,
          ],
        ],
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
          '/inventory/ownership': ownershipRouteRef,
        },
      },
    ),
  };
};

const member = (ref: string, title: string, nestedGroups: number) => ({
  entity: summary(ref, title),
  nestedGroups,
  steps: [],
});

describe('ProfileCard', () => {
  it("says a group's address, members, how to join it and what it holds", async () => {
    const group: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: 'k8s-infra-oci-proxy-admins--kubernetes.io',
        namespace: 'default',
      },
      spec: {
        type: 'google-group',
        profile: { email: 'k8s-infra-oci-proxy-admins@kubernetes.io' },
      },
    };
    const { ownership, rendered } = render(
      group,
      answer({
        query: 'group:default/k8s-infra-oci-proxy-admins--kubernetes.io',
        members: [
          member('user:default/ameukam', 'Arnaud Meukam', 1),
          member(
            'group:default/sig-k8s-infra-leads--kubernetes.io',
            'sig-k8s-infra-leads',
            0,
          ),
        ],
        summary: [
          'has 2 members (1 direct, 1 through nested groups)',
          'administers 1 project directly',
        ],
        join: {
          kind: 'pull-request',
          url: 'https://github.com/kubernetes/k8s.io/blob/main/groups/sig-k8s-infra/groups.yaml',
          repository: 'kubernetes/k8s.io',
          path: 'groups/sig-k8s-infra/groups.yaml',
          line: 120,
        },
      }),
    );
    await rendered;
    expect(await screen.findByText('About this group')).toBeInTheDocument();
    expect(ownership).toHaveBeenCalledWith(
      'group:default/k8s-infra-oci-proxy-admins--kubernetes.io',
      expect.objectContaining({ limit: 1 }),
    );
    expect(
      screen.getByRole('link', {
        name: /^k8s-infra-oci-proxy-admins@kubernetes\.io/,
      }),
    ).toHaveAttribute(
      'href',
      'mailto:k8s-infra-oci-proxy-admins@kubernetes.io',
    );
    expect(
      screen.getByRole('link', {
        name: /^groups\/sig-k8s-infra\/groups\.yaml/,
      }),
    ).toHaveAttribute(
      'href',
      'https://github.com/kubernetes/k8s.io/blob/main/groups/sig-k8s-infra/groups.yaml#L120',
    );
    expect(
      screen.getByText('has 2 members (1 direct, 1 through nested groups)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('administers 1 project directly'),
    ).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(
      /--kubernetes\.io|group:default/,
    );
  });

  it('shows one person as one: the other identities and why they are the same', async () => {
    const user: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'ameukam', namespace: 'default' },
      spec: { profile: { displayName: 'Arnaud Meukam' } },
    };
    const { rendered } = render(
      user,
      answer({
        query: 'user:default/ameukam',
        identities: [
          {
            entity: summary('user:default/ameukam', 'Arnaud Meukam'),
            steps: [],
          },
          {
            entity: summary(
              'user:default/ameukam--gmail.com',
              'ameukam@gmail.com',
            ),
            steps: [
              {
                from: 'user:default/ameukam',
                relation: 'sameAs',
                to: 'user:default/ameukam--gmail.com',
                provenance: {
                  kind: 'inferred',
                  rule: 'email-local-part-is-github-login',
                  detail:
                    'the local part of ameukam@gmail.com is the GitHub login ameukam',
                },
              },
            ],
          },
        ],
        groups: [
          {
            entity: summary('group:default/sig-k8s-infra', 'SIG K8s Infra'),
            steps: [],
          },
        ],
      }),
    );
    await rendered;
    expect(await screen.findByText('About this person')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'ameukam@gmail.com' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /the local part of ameukam@gmail.com is the GitHub login ameukam/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Member of 1 group/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Everything Arnaud Meukam holds/ }),
    ).toHaveAttribute(
      'href',
      '/inventory/ownership?q=user%3Adefault%2Fameukam',
    );
  });
});
