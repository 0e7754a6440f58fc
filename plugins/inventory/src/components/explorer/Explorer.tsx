import { EmptyState } from '@backstage/core-components';
import { ExplorerNode } from '@infra-atlas/inventory-common';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import { ExplorerFilterBar } from './ExplorerFilterBar';
import { ExplorerTree } from './ExplorerTree';
import {
  buildForest,
  findMatches,
  isFiltered,
  labelPairs,
  settingPairs,
  typeOf,
  visibleRows,
} from './explorerTree';
import { useExplorerUrlState } from './explorerUrlState';
import { count, optionsOf } from './filterOptions';

/** The placed entities: filters, how many match, and the tree or why it is empty. */
export function Explorer(props: { nodes: ExplorerNode[] }) {
  const { nodes } = props;
  const { filters, filterQuery, toggled, setFilter, toggle, clear } =
    useExplorerUrlState();

  const forest = useMemo(() => buildForest(nodes), [nodes]);
  const options = useMemo(
    () => ({
      type: optionsOf(nodes, n => [typeOf(n)]),
      owner: optionsOf(nodes, n => (n.owner ? [n.owner] : [])),
      label: optionsOf(nodes, labelPairs),
    }),
    [nodes],
  );
  // Configuration settings of the chosen type only: buckets' retention, not projects' APIs.
  const setting = useMemo(
    () =>
      optionsOf(
        filters.type ? nodes.filter(n => typeOf(n) === filters.type) : nodes,
        settingPairs,
      ),
    [nodes, filters.type],
  );
  const found = useMemo(
    () => (isFiltered(filters) ? findMatches(forest, filters) : undefined),
    [forest, filters],
  );
  const rows = useMemo(
    () => visibleRows(forest, toggled, found),
    [forest, toggled, found],
  );

  let body;
  if (!nodes.length) {
    body = (
      <EmptyState
        missing="data"
        title="Nothing is placed yet"
        description="The explorer lists what the crawls place in organizations, projects, clusters and DNS zones; none has reported yet."
      />
    );
  } else if (found && !found.matched.size) {
    body = (
      <EmptyState
        missing="data"
        title="Nothing matches"
        description="No placed entity matches every filter; loosen one, or clear them."
        action={<Button onClick={clear}>Clear filters</Button>}
      />
    );
  } else {
    // Keyed by the filters: a new search starts at its first page and first row.
    body = (
      <ExplorerTree
        key={filterQuery}
        rows={rows}
        found={found}
        onToggle={toggle}
      />
    );
  }

  return (
    <>
      <ExplorerFilterBar
        filters={filters}
        options={{ ...options, setting }}
        onChange={setFilter}
        onClear={clear}
      />
      <Typography variant="body2" style={{ marginTop: 16 }} aria-live="polite">
        {count(nodes.length)} placed entities
        {found ? `; ${count(found.matched.size)} match` : ''}
      </Typography>
      {body}
    </>
  );
}
