import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ExplorerNode } from '@infra-atlas/inventory-common';
import { act, fireEvent, screen } from '@testing-library/react';
import { ExplorerTree, ROWS_PER_PAGE } from './ExplorerTree';
import { buildForest, visibleRows } from './explorerTree';

const project = (n: number): ExplorerNode => ({
  ref: `resource:default/project-${n}`,
  kind: 'Resource',
  type: 'gcp-project',
  title: `project-${n}`,
  descendants: n === 1 ? 1 : 0,
});
const cluster: ExplorerNode = {
  ref: 'resource:default/aaa',
  kind: 'Resource',
  type: 'gke-cluster',
  title: 'aaa',
  parents: ['resource:default/project-1'],
  descendants: 0,
};

const renderTree = (nodes: ExplorerNode[], onToggle = jest.fn()) =>
  renderInTestApp(
    <ExplorerTree
      rows={visibleRows(buildForest(nodes), new Set())}
      onToggle={onToggle}
    />,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

describe('ExplorerTree', () => {
  it('asks to open a node with the right arrow or a click, and moves with Home and End', async () => {
    const onToggle = jest.fn();
    await renderTree([project(1), project(2), project(3), cluster], onToggle);
    const first = screen.getByRole('treeitem', {
      name: 'project-1 (project)',
    });
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(onToggle).toHaveBeenCalledWith('resource:default/project-1');
    fireEvent.keyDown(first, { key: 'End' });
    expect(
      screen.getByRole('treeitem', { name: 'project-3 (project)' }),
    ).toHaveFocus();
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(first).toHaveFocus();
    // A click on a row without children does nothing; on one with children, it opens.
    fireEvent.click(
      screen.getByRole('treeitem', { name: 'project-2 (project)' }),
    );
    fireEvent.click(first);
    expect(onToggle).toHaveBeenCalledTimes(2);
  });

  it('shows the first rows and more on request', async () => {
    const many = Array.from({ length: ROWS_PER_PAGE + 5 }, (_, i) =>
      project(i + 2),
    );
    await renderTree(many);
    expect(screen.getAllByRole('treeitem')).toHaveLength(ROWS_PER_PAGE);
    fireEvent.click(
      screen.getByRole('button', { name: 'Show 5 more (5 not shown)' }),
    );
    expect(screen.getAllByRole('treeitem')).toHaveLength(ROWS_PER_PAGE + 5);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
