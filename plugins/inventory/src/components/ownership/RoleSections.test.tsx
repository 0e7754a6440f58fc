import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  InventoryClient,
  OwnershipSection,
} from '@infra-atlas/inventory-common';
import { fireEvent, screen } from '@testing-library/react';
import { inventoryApiRef } from '../../api';
import { RoleSections, SECTIONS_SHOWN } from './RoleSections';

/** A project the on-call group owns, with the buckets in it: one section per project. */
const ownedProject = (n: number): OwnershipSection => ({
  key: `owns:contains:project-${n}`,
  role: 'owns',
  kind: 'contains',
  title: `k8s-infra-e2e-boskos-${n}`,
  cause: {
    role: 'owns',
    entity: {
      ref: `resource:default/gcp-project--k8s-infra-e2e-boskos-${n}`,
      kind: 'resource',
      title: `k8s-infra-e2e-boskos-${n}`,
      exists: true,
    },
    steps: [],
  },
  total: 28,
  types: { 'gcs-bucket': 28 },
  offset: 0,
  items: [],
});

describe('RoleSections', () => {
  it('shows the first sections of a role and the others on demand', async () => {
    const sections = Array.from({ length: 120 }, (_, n) => ownedProject(n));
    await renderInTestApp(
      <RoleSections
        query="k8s-infra-prow-oncall@kubernetes.io"
        sections={sections}
      />,
      {
        apis: [[inventoryApiRef, {} as InventoryClient]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    const headings = () =>
      screen.queryAllByRole('region', { name: /^k8s-infra-e2e-boskos-/ });
    expect(headings()).toHaveLength(SECTIONS_SHOWN);
    fireEvent.click(screen.getByRole('button', { name: 'Show the other 115' }));
    expect(headings()).toHaveLength(120);
    expect(
      screen.queryByRole('button', { name: /Show the other/ }),
    ).not.toBeInTheDocument();
  });

  it('has no button when every section is shown', async () => {
    await renderInTestApp(
      <RoleSections query="ameukam" sections={[ownedProject(1)]} />,
      {
        apis: [[inventoryApiRef, {} as InventoryClient]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      screen.getByRole('region', { name: 'k8s-infra-e2e-boskos-1' }),
    ).toHaveTextContent('k8s-infra-e2e-boskos-1 and 28 buckets in it');
    expect(screen.queryByRole('button', { name: /Show the other/ })).toBeNull();
  });
});
