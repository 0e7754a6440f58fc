import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { InventorySearchResultListItem } from './InventorySearchResultListItem';

describe('InventorySearchResultListItem', () => {
  it('says what a resource is, where it is and who owns it, then its description', async () => {
    await renderInTestApp(
      <InventorySearchResultListItem
        result={
          {
            title: 'k8s-artifacts-prod',
            location:
              '/catalog/default/resource/gcs-bucket--k8s-artifacts-prod',
            text: 'Public file artifacts.\ngs://k8s-artifacts-prod k8s-artifacts-prod',
            kind: 'Resource',
            type: 'gcs-bucket',
            project: 'k8s-artifacts-prod',
            owner: 'group:default/sig-k8s-infra',
          } as any
        }
      />,
    );
    expect(
      screen.getByRole('link', { name: 'k8s-artifacts-prod' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/gcs-bucket--k8s-artifacts-prod',
    );
    expect(
      screen.getByText(
        'Cloud Storage bucket · in k8s-artifacts-prod · owned by sig-k8s-infra',
      ),
    ).toBeInTheDocument();
    // The description only: not the identifiers appended to the text for search.
    expect(screen.getByText('Public file artifacts.')).toBeInTheDocument();
    expect(screen.queryByText(/gs:\/\//)).not.toBeInTheDocument();
  });

  it('names people, groups and components without a project', async () => {
    await renderInTestApp(
      <>
        <InventorySearchResultListItem
          result={
            {
              title: 'ameukam',
              location: '/u',
              text: '\nameukam',
              kind: 'User',
              type: 'other',
              project: '',
              owner: '',
            } as any
          }
        />
        <InventorySearchResultListItem
          result={
            {
              title: 'gcsweb',
              location: '/c',
              text: 'Serves buckets.',
              kind: 'Component',
              type: 'service',
              project: '',
              owner: 'sig-k8s-infra',
            } as any
          }
        />
      </>,
    );
    expect(screen.getByText('Person')).toBeInTheDocument();
    expect(
      screen.getByText('Component (service) · owned by sig-k8s-infra'),
    ).toBeInTheDocument();
  });
});
