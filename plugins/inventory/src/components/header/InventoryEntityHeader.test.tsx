import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  AsyncEntityProvider,
  entityRouteRef,
  starredEntitiesApiRef,
  MockStarredEntitiesApi,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { InventoryEntityHeader, kindLabel } from './InventoryEntityHeader';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'k8s-infra-artifact-admins--kubernetes.io' },
  spec: {
    type: 'google-group',
    profile: {
      displayName: 'k8s-infra-artifact-admins',
      email: 'k8s-infra-artifact-admins@kubernetes.io',
    },
  },
};

const system: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'registry-k8s-io',
    title: 'Container registry (registry.k8s.io)',
  },
  spec: {},
};

const project: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'gcp-project--k8s-artifacts-prod',
    namespace: 'default',
    title: 'k8s-artifacts-prod',
  },
  spec: { type: 'gcp-project' },
  relations: [
    {
      type: 'ownedBy',
      targetRef: 'group:default/k8s-infra-artifact-admins--kubernetes.io',
    },
    { type: 'partOf', targetRef: 'system:default/registry-k8s-io' },
  ],
};

/** The project's header, with the catalog holding `entities`. */
const renderHeader = (entities: Entity[]) =>
  renderInTestApp(
    <AsyncEntityProvider entity={project} loading={false}>
      <InventoryEntityHeader tabs={[]} />
    </AsyncEntityProvider>,
    {
      apis: [
        catalogApiMock({ entities }),
        [starredEntitiesApiRef, new MockStarredEntitiesApi()],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );

describe('InventoryEntityHeader', () => {
  it('names the entity, its owner and its system by their titles', async () => {
    await renderHeader([group, system, project]);
    expect(
      screen.getByRole('heading', { name: 'k8s-artifacts-prod' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('k8s-infra-artifact-admins'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'Container registry (registry.k8s.io)',
      }),
    ).toHaveAttribute('href', '/catalog/default/system/registry-k8s-io');
    expect(screen.getByText('Project')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/--|registry-k8s-io/);
  });

  it('names an owner it has no title for by a readable form of its name, never the entity name', async () => {
    // The owner's title has not arrived (a busy backend) or the catalog does not hold it.
    await renderHeader([project]);
    expect(
      await screen.findByText('k8s-infra-artifact-admins@kubernetes.io'),
    ).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/--/);
  });

  it('says what kind of thing an entity is in words', () => {
    expect(kindLabel(project)).toBe('Project');
    expect(kindLabel(group)).toBe('Google group');
    expect(kindLabel(system)).toBe('System');
  });
});
