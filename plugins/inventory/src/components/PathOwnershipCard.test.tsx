import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  InventoryClient,
  InventoryRequestError,
  PathOwnershipResponse,
} from '@infra-atlas/inventory-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { summary } from '../__testUtils__/cards';
import { inventoryApiRef } from '../api';
import { PathOwnershipCard } from './PathOwnershipCard';

const BLOB = 'https://github.com/kubernetes/k8s.io/blob/main';
const at = (file: string, line: number) => ({
  file,
  line,
  url: `${BLOB}/${file}#L${line}`,
});

const repository: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'kubernetes--k8s.io',
    namespace: 'default',
    annotations: { 'github.com/project-slug': 'kubernetes/k8s.io' },
  },
  spec: {
    type: 'repository',
    codeOwnership: {
      url: 'https://github.com/kubernetes/k8s.io',
      branch: 'main',
      ownersDepth: 'tree',
      owners: [
        { path: 'OWNERS', approvers: { thockin: 8 } },
        { path: 'apps/gcsweb/OWNERS', approvers: { spiffxp: 4 } },
        { path: 'dns/OWNERS', noParentOwners: 4 },
      ],
    },
  },
};

const answer: PathOwnershipResponse = {
  repository: {
    ...summary('component:default/kubernetes--k8s.io', 'kubernetes/k8s.io'),
    slug: 'kubernetes/k8s.io',
  },
  path: 'apps/gcsweb/deploy.yaml',
  assumed: 'file',
  ownersDepth: 'tree',
  approvers: [
    {
      login: 'ameukam',
      entity: summary('user:default/ameukam', 'Arnaud Meukam'),
      because: [
        {
          ...at('OWNERS', 4),
          alias: {
            name: 'sig-k8s-infra-leads',
            definedAt: at('OWNERS_ALIASES', 12),
          },
        },
      ],
    },
    {
      login: 'spiffxp',
      entity: summary('user:default/spiffxp', 'spiffxp', false),
      because: [at('apps/gcsweb/OWNERS', 4), at('apps/OWNERS', 6)],
    },
  ],
  reviewers: [],
  labels: [{ label: 'sig/testing', ...at('apps/gcsweb/OWNERS', 10) }],
  emeritus: [{ login: 'ixdy', ...at('apps/gcsweb/OWNERS', 7) }],
  ownersFiles: [
    { file: 'apps/gcsweb/OWNERS', url: `${BLOB}/apps/gcsweb/OWNERS` },
    { file: 'OWNERS', url: `${BLOB}/OWNERS` },
  ],
  codeowners: {
    file: '.github/CODEOWNERS',
    url: `${BLOB}/.github/CODEOWNERS`,
    matched: 'apps/gcsweb/deploy.yaml',
    rule: { ...at('.github/CODEOWNERS', 3), pattern: '/apps/' },
    owners: [
      {
        name: '@kubernetes/sig-k8s-infra-leads',
        entity: summary(
          'group:default/github-team--kubernetes--sig-k8s-infra-leads',
          'sig-k8s-infra-leads',
        ),
      },
    ],
    skipped: [],
  },
  notes: [],
  redacted: false,
};

const renderCard = (api: Partial<InventoryClient>) =>
  renderInTestApp(
    <EntityProvider entity={repository}>
      <PathOwnershipCard />
    </EntityProvider>,
    {
      apis: [[inventoryApiRef, api as InventoryClient]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );

const ask = (path: string) => {
  fireEvent.change(screen.getByLabelText('Path in the repository'), {
    target: { value: path },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
};

describe('PathOwnershipCard', () => {
  it('suggests the directories with OWNERS files and asks nothing before a path is given', async () => {
    const pathOwnership = jest.fn();
    const { container } = await renderCard({ pathOwnership });
    const options = [...container.querySelectorAll('datalist option')].map(o =>
      o.getAttribute('value'),
    );
    expect(options).toEqual(['/', 'apps/gcsweb/', 'dns/']);
    expect(pathOwnership).not.toHaveBeenCalled();
  });

  it('answers first in plain words, then each person with the file and line that names them', async () => {
    const pathOwnership = jest.fn().mockResolvedValue(answer);
    await renderCard({ pathOwnership });
    ask('apps/gcsweb/deploy.yaml');
    expect(await screen.findByLabelText('Answer')).toHaveTextContent(
      'Approvers of apps/gcsweb/deploy.yaml: ameukam, spiffxp.',
    );
    expect(pathOwnership).toHaveBeenCalledWith(
      'kubernetes/k8s.io',
      'apps/gcsweb/deploy.yaml',
    );
    const approvers = screen.getByRole('list', { name: 'Approvers' });
    // Logins, linked to the person's page when the catalog has them; never entity names.
    expect(
      within(approvers).getByRole('link', { name: 'ameukam' }),
    ).toHaveAttribute('href', '/catalog/default/user/ameukam');
    expect(approvers).not.toHaveTextContent('user:default');
    expect(
      within(approvers).getByRole('link', { name: /^OWNERS line 4/ }),
    ).toHaveAttribute('href', `${BLOB}/OWNERS#L4`);
    expect(
      within(approvers).getByRole('link', { name: /^sig-k8s-infra-leads/ }),
    ).toHaveAttribute('href', `${BLOB}/OWNERS_ALIASES#L12`);
    expect(
      within(approvers).getByRole('link', { name: /^apps\/OWNERS line 6/ }),
    ).toHaveAttribute('href', `${BLOB}/apps/OWNERS#L6`);
    expect(screen.getByText('Reviewers (0)')).toBeInTheDocument();
    const codeOwners = screen.getByLabelText('Code owners');
    expect(
      within(codeOwners).getByRole('link', {
        name: '@kubernetes/sig-k8s-infra-leads',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/github-team--kubernetes--sig-k8s-infra-leads',
    );
    expect(
      within(codeOwners).getByRole('link', {
        name: /^\.github\/CODEOWNERS line 3/,
      }),
    ).toHaveAttribute('href', `${BLOB}/.github/CODEOWNERS#L3`);
    expect(screen.getByLabelText('Emeritus')).toHaveTextContent('ixdy');
  });

  it('says when the rule names no code owner, and shows the notes', async () => {
    await renderCard({
      pathOwnership: jest.fn().mockResolvedValue({
        ...answer,
        approvers: [],
        codeowners: { ...answer.codeowners!, owners: [] },
        notes: ['Only the root OWNERS file of kubernetes/k8s.io was read.'],
      }),
    });
    ask('docs/');
    expect(await screen.findByLabelText('Answer')).toHaveTextContent(
      'Approvers of apps/gcsweb/deploy.yaml: nobody.',
    );
    expect(screen.getByLabelText('Code owners')).toHaveTextContent(
      'Nobody: the rule names no owner.',
    );
    expect(
      screen.getByText(
        'Only the root OWNERS file of kubernetes/k8s.io was read.',
      ),
    ).toBeInTheDocument();
  });

  it('says when the inventory has no rules for the repository yet', async () => {
    await renderCard({
      pathOwnership: jest
        .fn()
        .mockRejectedValue(new InventoryRequestError('failed with 404', 404)),
    });
    ask('x');
    expect(
      await screen.findByText('No ownership rules for kubernetes/k8s.io yet'),
    ).toBeInTheDocument();
  });
});
