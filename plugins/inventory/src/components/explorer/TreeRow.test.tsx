import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ExplorerNode } from '@infra-atlas/inventory-common';
import { screen, within } from '@testing-library/react';
import { Row } from './explorerTree';
import { TreeRow } from './TreeRow';

const bucket: ExplorerNode = {
  ref: 'resource:default/gcs-bucket--kubernetes-release',
  kind: 'Resource',
  type: 'gcs-bucket',
  title: 'kubernetes-release',
  owner: 'group:default/sig-release',
  descendants: 0,
  public: true,
  stale: 'not crawled for 3 days',
};

const row = (node: ExplorerNode, extra: Partial<Row> = {}): Row => ({
  key: node.ref,
  node,
  depth: 2,
  expandable: false,
  expanded: false,
  ...extra,
});

const renderRow = (
  props: Partial<{ row: Row; matchesUnder: number; focusable: boolean }> = {},
) =>
  renderInTestApp(
    <ul role="tree">
      <TreeRow
        row={row(bucket)}
        href="/catalog/default/resource/gcs-bucket--kubernetes-release"
        context={false}
        focusable
        selected={false}
        {...props}
      />
    </ul>,
  );

describe('TreeRow', () => {
  it('names the entity, links it, and says its type, owner and warnings', async () => {
    await renderRow();
    const item = screen.getByRole('treeitem', {
      name: 'kubernetes-release (bucket)',
    });
    expect(item).toHaveAttribute('aria-level', '3');
    expect(item).not.toHaveAttribute('aria-expanded');
    expect(item).toHaveAttribute('tabindex', '0');
    expect(
      within(item).getByRole('link', { name: 'kubernetes-release' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/gcs-bucket--kubernetes-release',
    );
    expect(item).toHaveTextContent('owner sig-release');
    expect(within(item).getByText('public')).toHaveAttribute(
      'title',
      'Granted to allUsers or allAuthenticatedUsers',
    );
    expect(
      within(item).getByText('stale: not crawled for 3 days'),
    ).toBeVisible();
  });

  it('shows how much is under a node and how much of it matches, and whether it is open', async () => {
    await renderRow({
      row: row(
        { ...bucket, public: undefined, stale: undefined, descendants: 1204 },
        { expandable: true, expanded: true },
      ),
      matchesUnder: 12,
      focusable: false,
    });
    const item = screen.getByRole('treeitem');
    expect(item).toHaveAttribute('aria-expanded', 'true');
    expect(item).toHaveAttribute('tabindex', '-1');
    expect(item).toHaveTextContent('▾');
    expect(item).toHaveTextContent('1,204 under');
    expect(item).toHaveTextContent('12 matching');
    expect(within(item).queryByText('public')).not.toBeInTheDocument();
  });
});
