import { Entity } from '@backstage/catalog-model';
import { Table } from '@backstage/core-components';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityKindFilter,
  EntityListContextProps,
  EntityTypeFilter,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { ANNOTATIONS } from '@infra-atlas/inventory-common';
import { screen, within } from '@testing-library/react';
import {
  CatalogListRow,
  ListShape,
  columnsFor,
  inventoryCatalogColumns,
} from './catalogColumns';

/** A GCP resource as the GCP provider writes it. */
function gcpResource(
  type: string,
  name: string,
  title: string,
  gcp: Record<string, string>,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      title,
      annotations: {
        [ANNOTATIONS.gcpProjectId]: gcp.projectId,
        ...annotations,
      },
    },
    spec: { type, owner: 'group:default/sig-k8s-infra', gcp },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/sig-k8s-infra' }],
  };
}

/** Two default service accounts: the same title, told apart by their project. */
const defaultAccounts = ['kubernetes-public', 'k8s-infra-prow-build'].map(
  project =>
    gcpResource(
      'gcp-service-account',
      `gcp-service-account--${project}-compute--${project}`,
      'Compute Engine default service account',
      { projectId: project, location: 'global' },
    ),
);

const buckets = [
  gcpResource(
    'gcs-bucket',
    'gcs-bucket--k8s-artifacts-prod',
    'k8s-artifacts-prod',
    { projectId: 'k8s-artifacts-prod', location: 'US' },
    { [ANNOTATIONS.publicAccess]: 'allUsers=roles/storage.objectViewer' },
  ),
  gcpResource('gcs-bucket', 'gcs-bucket--kubernetes-public-logs', 'logs', {
    projectId: 'kubernetes-public',
    location: 'us-central1',
  }),
];

async function renderList(list: ListShape, narrow = false) {
  await renderInTestApp(
    <Table<CatalogListRow>
      title="List"
      columns={columnsFor(list, { narrow })}
      data={list.entities.map(entity => ({ entity }))}
    />,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const headers = () =>
  screen.getAllByRole('columnheader').map(header => header.textContent);

const cellsOf = (title: string) =>
  screen
    .getAllByRole('row')
    .filter(row => within(row).queryAllByText(title).length)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    );

describe('catalog list columns', () => {
  it('tells identically titled service accounts apart by their project', async () => {
    await renderList({
      kind: 'Resource',
      type: 'gcp-service-account',
      entities: defaultAccounts,
    });
    expect(headers()).toEqual(['Name', 'Project', 'Owner', 'Description']);
    const rows = cellsOf('Compute Engine default service account');
    expect(rows.map(cells => cells[1])).toEqual([
      'kubernetes-public',
      'k8s-infra-prow-build',
    ]);
    expect(
      screen.getAllByRole('link', {
        name: 'Compute Engine default service account',
      })[0],
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/gcp-service-account--kubernetes-public-compute--kubernetes-public',
    );
  });

  it('shows a bucket’s project, location, owner and whether it is public', async () => {
    await renderList({
      kind: 'resource',
      type: 'gcs-bucket',
      entities: buckets,
    });
    expect(headers()).toEqual([
      'Name',
      'Project',
      'Location',
      'Owner',
      'Public',
    ]);
    const [prod] = cellsOf('k8s-artifacts-prod').filter(c => c[2] === 'US');
    expect(prod.slice(1)).toEqual([
      'k8s-artifacts-prod',
      'US',
      'sig-k8s-infra',
      'Public',
    ]);
    // The grants that make it public, on hover.
    expect(
      screen.getByTitle('allUsers=roles/storage.objectViewer'),
    ).toHaveTextContent('Public');
    expect(cellsOf('logs')[0].slice(1)).toEqual([
      'kubernetes-public',
      'us-central1',
      'sig-k8s-infra',
      '',
    ]);
  });

  it('keeps the name readable: wrapping between words, with room for about 20 characters', () => {
    const [name] = columnsFor(
      { kind: 'resource', type: 'gcs-bucket', entities: buckets },
      { narrow: false },
    );
    expect(name.title).toBe('Name');
    expect(name.cellStyle).toMatchObject({
      minWidth: '12rem',
      overflowWrap: 'anywhere',
    });
  });

  it('leaves the extra columns out on a narrow screen', async () => {
    await renderList(
      { kind: 'resource', type: 'gcs-bucket', entities: buckets },
      true,
    );
    expect(headers()).toEqual(['Name', 'Project', 'Owner', 'Public']);
  });

  it('gives a GCP type without columns of its own its location and state', async () => {
    const cluster = gcpResource(
      'gke-cluster',
      'gke-cluster--kubernetes-public--us-central1--aaa',
      'aaa',
      {
        projectId: 'kubernetes-public',
        location: 'us-central1',
        state: 'RUNNING',
      },
    );
    await renderList({
      kind: 'resource',
      type: 'gke-cluster',
      entities: [cluster],
    });
    expect(headers()).toEqual([
      'Name',
      'Project',
      'Location',
      'Owner',
      'Public',
      'State',
    ]);
    expect(cellsOf('aaa')[0]).toContain('Running');
  });

  it('says what each resource is when several types are listed', async () => {
    await renderList({
      kind: 'resource',
      entities: [buckets[1], defaultAccounts[0]],
    });
    expect(headers()).toEqual([
      'Name',
      'Type',
      'Project',
      'Owner',
      'Description',
    ]);
    expect(cellsOf('logs')[0][1]).toBe('Cloud Storage bucket');
  });

  it('lists DNS records with their type, values and zone', async () => {
    const record: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'dns-record--gcsweb', title: 'gcsweb.k8s.io A' },
      spec: { type: 'dns-record', recordType: 'A', values: ['34.1.2.3'] },
      relations: [
        { type: 'childOf', targetRef: 'resource:default/dns-zone--k8s.io' },
      ],
    };
    await renderList({
      kind: 'resource',
      type: 'dns-record',
      entities: [record],
    });
    expect(headers()).toEqual([
      'Name',
      'Record type',
      'Values',
      'Zone',
      'Owner',
    ]);
    expect(cellsOf('gcsweb.k8s.io A')[0].slice(1, 4)).toEqual([
      'A',
      '34.1.2.3',
      'dns-zone--k8s.io',
    ]);
  });

  it('gives people and groups their e-mail address', async () => {
    const group: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: 'k8s-infra-admins',
        title: 'k8s-infra-admins@kubernetes.io',
      },
      spec: {
        type: 'google-group',
        profile: { email: 'k8s-infra-admins@kubernetes.io' },
      },
    };
    await renderList({ kind: 'group', entities: [group] });
    expect(headers()).toEqual(['Name', 'Type', 'E-mail', 'Description']);
    expect(cellsOf('google-group')[0].slice(1, 3)).toEqual([
      'google-group',
      'k8s-infra-admins@kubernetes.io',
    ]);
  });

  it('says which groups a person is in', async () => {
    const person: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'ameukam' },
      spec: { profile: { email: 'ameukam@gmail.com' } },
      relations: [
        { type: 'memberOf', targetRef: 'group:default/sig-k8s-infra-leads' },
      ],
    };
    await renderList({ kind: 'user', entities: [person] });
    expect(headers()).toEqual(['Name', 'E-mail', 'Member of', 'Description']);
    expect(cellsOf('ameukam')[0].slice(1, 3)).toEqual([
      'ameukam@gmail.com',
      'sig-k8s-infra-leads',
    ]);
  });

  it('reads the kind and a single chosen type from the catalog’s filters', () => {
    const context = (types: string[]) =>
      ({
        filters: {
          kind: new EntityKindFilter('resource', 'Resource'),
          type: new EntityTypeFilter(types),
        },
        entities: buckets,
      } as unknown as EntityListContextProps);
    const titles = (types: string[]) =>
      inventoryCatalogColumns({ narrow: false })(context(types)).map(
        column => column.title,
      );
    expect(titles(['gcs-bucket'])).toContain('Public');
    expect(titles(['gcs-bucket', 'gcp-service-account'])).toContain('Type');
  });
});
