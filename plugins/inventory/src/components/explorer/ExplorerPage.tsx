import { Content, EmptyState, Header, Page } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { ExplorerNode } from '@infra-atlas/inventory-common';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  FocusEvent,
  KeyboardEvent,
  MouseEvent,
  memo,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { inventoryApiRef } from '../../api';
import { AnswerState } from '../AnswerState';
import { shortRef } from '../Evidence';
import {
  ExplorerFilters,
  Matches,
  Row,
  buildForest,
  findMatches,
  isFiltered,
  labelPairs,
  settingPairs,
  typeOf,
  visibleRows,
} from './explorerTree';

/** Rows rendered at first and per "show more": enough to scroll, few enough to stay instant. */
export const ROWS_PER_PAGE = 200;

/** Nodes opened or closed against the default; the URL repeats it per node. */
const TOGGLE = 'toggle';

const useStyles = makeStyles(theme => ({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'center',
  },
  tree: { listStyle: 'none', margin: theme.spacing(2, 0, 0), padding: 0 },
  row: {
    display: 'flex',
    gap: theme.spacing(1),
    alignItems: 'baseline',
    padding: theme.spacing(0.25, 1),
    cursor: 'pointer',
    '&:hover': { background: theme.palette.action.hover },
    '&:focus': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: -2,
    },
  },
  context: { opacity: 0.6 },
  link: { color: theme.palette.link, textDecoration: 'none' },
  toggle: { width: '1em', display: 'inline-block', textAlign: 'center' },
  secondary: { color: theme.palette.text.secondary, fontSize: '0.85em' },
  badge: {
    fontSize: '0.75em',
    padding: '0 6px',
    borderRadius: 8,
    border: `1px solid ${theme.palette.divider}`,
  },
  publicBadge: {
    borderColor: theme.palette.warning.main,
    color: theme.palette.warning.dark,
  },
  staleBadge: {
    borderColor: theme.palette.error.main,
    color: theme.palette.error.dark,
  },
}));

const FILTER_PARAMS = [
  'q',
  'type',
  'owner',
  'label',
  'setting',
  'public',
  'stale',
];

function readFilters(params: URLSearchParams): ExplorerFilters {
  return {
    q: params.get('q') ?? '',
    type: params.get('type') ?? '',
    owner: params.get('owner') ?? '',
    label: params.get('label') ?? '',
    setting: params.get('setting') ?? '',
    public: params.get('public') === '1',
    stale: params.get('stale') === '1',
  };
}

const count = (n: number) => n.toLocaleString('en-US');

/** Distinct values of a field, with how many nodes have each, for a filter's options. */
function optionsOf(
  nodes: ExplorerNode[],
  values: (n: ExplorerNode) => string[],
) {
  const counts = new Map<string, number>();
  for (const node of nodes) {
    for (const value of values(node)) {
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}

function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  options: Array<[string, number]>;
  show?: (value: string) => string;
  onChange: (value: string) => void;
}) {
  const { id, label, value, options, show = v => v, onChange } = props;
  return (
    <TextField
      id={id}
      select
      label={label}
      value={value}
      onChange={event => onChange(event.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      variant="outlined"
      size="small"
      style={{ minWidth: 180, maxWidth: 360 }}
    >
      <option value="">Any</option>
      {options.map(([option, n]) => (
        <option key={option} value={option}>
          {show(option)} ({count(n)})
        </option>
      ))}
    </TextField>
  );
}

/** One row; memoised, so that moving the focus or showing more re-renders only what changed. */
const TreeRow = memo(function TreeRowView(props: {
  row: Row;
  href: string;
  matchesUnder?: number;
  context: boolean;
  focusable: boolean;
  selected: boolean;
}) {
  const { row, href, matchesUnder, context, focusable, selected } = props;
  const { node } = row;
  const classes = useStyles();
  let glyph = '';
  if (row.expandable) glyph = row.expanded ? '▾' : '▸';
  return (
    <li
      role="treeitem"
      // Selection follows focus: the row the user moved to is the one Enter opens. Before
      // they move, the first row is the tab stop but nothing is selected yet.
      aria-selected={selected}
      aria-level={row.depth + 1}
      aria-expanded={row.expandable ? row.expanded : undefined}
      aria-label={`${node.title} (${typeOf(node)})`}
      tabIndex={focusable ? 0 : -1}
      className={`${classes.row} ${context ? classes.context : ''}`}
      style={{ paddingLeft: 8 + row.depth * 20 }}
    >
      <span className={classes.toggle} aria-hidden>
        {glyph}
      </span>
      {/* A plain router link: thousands of core-components Links cost too much. */}
      <Link to={href} tabIndex={-1} className={classes.link}>
        {node.title}
      </Link>
      <span className={classes.secondary}>{typeOf(node)}</span>
      {node.descendants > 0 && (
        <span className={classes.secondary}>
          {count(node.descendants)} under
        </span>
      )}
      {matchesUnder !== undefined && matchesUnder > 0 && (
        <span className={classes.secondary}>
          {count(matchesUnder)} matching
        </span>
      )}
      {node.owner && (
        <span className={classes.secondary}>owner {shortRef(node.owner)}</span>
      )}
      {node.public && (
        <span
          className={`${classes.badge} ${classes.publicBadge}`}
          title="Granted to allUsers or allAuthenticatedUsers"
        >
          public
        </span>
      )}
      {node.stale && (
        <span
          className={`${classes.badge} ${classes.staleBadge}`}
          title={node.stale}
        >
          stale: {node.stale}
        </span>
      )}
    </li>
  );
});

/**
 * The tree as a flat list of `treeitem`s with levels (the ARIA flat-tree form): one tab stop,
 * arrow keys move and open, Enter opens the entity page, a click on a row opens or closes it.
 * Only the first rows render, more on request, so a search over thousands of buckets stays
 * fast. Events are handled once on the list, for the row they come from.
 */
function Tree(props: {
  rows: Row[];
  found?: Matches;
  onToggle: (ref: string) => void;
}) {
  const { rows, found, onToggle } = props;
  const classes = useStyles();
  const entityLink = useEntityRefLink();
  const [limit, setLimit] = useState(ROWS_PER_PAGE);
  const [focusKey, setFocusKey] = useState<string>();
  const list = useRef<HTMLUListElement>(null);
  const shown = rows.slice(0, limit);
  const focused = Math.max(
    0,
    shown.findIndex(r => r.key === focusKey),
  );
  const element = (index: number) =>
    list.current?.children[index] as HTMLElement | undefined;
  const indexOf = (target: EventTarget) => {
    const item = (target as HTMLElement).closest('[role="treeitem"]');
    return item && list.current
      ? Array.prototype.indexOf.call(list.current.children, item)
      : -1;
  };
  const focusRow = (index: number) => {
    if (index < 0 || index >= shown.length) return;
    setFocusKey(shown[index].key);
    element(index)?.focus();
  };
  const click = (event: MouseEvent) => {
    // The title is a link to the entity page; the rest of the row opens and closes it.
    if ((event.target as HTMLElement).closest('a')) return;
    const row = shown[indexOf(event.target)];
    if (row?.expandable) onToggle(row.node.ref);
  };
  const keyDown = (event: KeyboardEvent) => {
    const index = indexOf(event.target);
    const row = shown[index];
    if (!row) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusRow(index + 1),
      ArrowUp: () => focusRow(index - 1),
      Home: () => focusRow(0),
      End: () => focusRow(shown.length - 1),
      ArrowRight: () => {
        if (row.expandable && !row.expanded) onToggle(row.node.ref);
        else if (row.expanded) focusRow(index + 1);
      },
      ArrowLeft: () => {
        if (row.expanded) onToggle(row.node.ref);
        else focusRow(shown.findIndex(r => r.key === row.parentKey));
      },
      Enter: () => element(index)?.querySelector('a')?.click(),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
  const focus = (event: FocusEvent) => {
    const row = shown[indexOf(event.target)];
    if (row) setFocusKey(row.key);
  };
  return (
    <>
      <ul
        role="tree"
        aria-label="What runs where"
        tabIndex={-1}
        className={classes.tree}
        ref={list}
        onClick={click}
        onKeyDown={keyDown}
        onFocus={focus}
      >
        {shown.map((row, index) => (
          <TreeRow
            key={row.key}
            row={row}
            href={entityLink(row.node.ref)}
            matchesUnder={found?.under.get(row.node.ref)}
            context={!!found && !found.matched.has(row.node.ref)}
            focusable={index === focused}
            selected={row.key === focusKey}
          />
        ))}
      </ul>
      {rows.length > limit && (
        <Button onClick={() => setLimit(limit + ROWS_PER_PAGE)}>
          Show {count(Math.min(ROWS_PER_PAGE, rows.length - limit))} more (
          {count(rows.length - limit)} not shown)
        </Button>
      )}
    </>
  );
}

function Explorer(props: { nodes: ExplorerNode[] }) {
  const { nodes } = props;
  const classes = useStyles();
  const [params, setParams] = useSearchParams();
  // Memoised on the URL's strings: opening a node must not redo the search.
  const filterQuery = new URLSearchParams(
    FILTER_PARAMS.flatMap(p => (params.get(p) ? [[p, params.get(p)!]] : [])),
  ).toString();
  const toggleQuery = params.getAll(TOGGLE).join('\n');
  const filters = useMemo(
    () => readFilters(new URLSearchParams(filterQuery)),
    [filterQuery],
  );
  const toggled = useMemo(
    () => new Set(toggleQuery ? toggleQuery.split('\n') : []),
    [toggleQuery],
  );

  const forest = useMemo(() => buildForest(nodes), [nodes]);
  const options = useMemo(
    () => ({
      types: optionsOf(nodes, n => [typeOf(n)]),
      owners: optionsOf(nodes, n => (n.owner ? [n.owner] : [])),
      labels: optionsOf(nodes, labelPairs),
    }),
    [nodes],
  );
  // Configuration settings of the chosen type only: buckets' retention, not projects' APIs.
  const settingOptions = useMemo(
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

  // A new filter starts from its own default expansion.
  const setFilter = (name: string, value: string) =>
    setParams(
      prev => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        next.delete(TOGGLE);
        return next;
      },
      { replace: name === 'q' },
    );
  const toggle = (ref: string) =>
    setParams(
      prev => {
        const next = new URLSearchParams(prev);
        const open = next.getAll(TOGGLE);
        next.delete(TOGGLE);
        const after = open.includes(ref)
          ? open.filter(r => r !== ref)
          : [...open, ref];
        for (const r of after) next.append(TOGGLE, r);
        return next;
      },
      { replace: true },
    );
  const clear = () => setParams({});

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
    body = (
      <Tree key={filterQuery} rows={rows} found={found} onToggle={toggle} />
    );
  }

  return (
    <>
      <div role="search" className={classes.filters}>
        <TextField
          id="explorer-search"
          label="Search title, ref or label"
          value={filters.q}
          onChange={event => setFilter('q', event.target.value)}
          variant="outlined"
          size="small"
          style={{ minWidth: 280 }}
        />
        <FilterSelect
          id="explorer-type"
          label="Type"
          value={filters.type}
          options={options.types}
          onChange={v => setFilter('type', v)}
        />
        <FilterSelect
          id="explorer-owner"
          label="Owner"
          value={filters.owner}
          options={options.owners}
          show={shortRef}
          onChange={v => setFilter('owner', v)}
        />
        <FilterSelect
          id="explorer-label"
          label="Label"
          value={filters.label}
          options={options.labels}
          onChange={v => setFilter('label', v)}
        />
        <FilterSelect
          id="explorer-setting"
          label="Configuration"
          value={filters.setting}
          options={settingOptions}
          onChange={v => setFilter('setting', v)}
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={filters.public}
              onChange={e => setFilter('public', e.target.checked ? '1' : '')}
            />
          }
          label="Public only"
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={filters.stale}
              onChange={e => setFilter('stale', e.target.checked ? '1' : '')}
            />
          }
          label="Stale only"
        />
        {isFiltered(filters) && <Button onClick={clear}>Clear filters</Button>}
      </div>
      <Typography variant="body2" style={{ marginTop: 16 }} aria-live="polite">
        {count(nodes.length)} placed entities
        {found ? `; ${count(found.matched.size)} match` : ''}
      </Typography>
      {body}
    </>
  );
}

/**
 * What runs where: the organization → folders → projects → resources and clusters →
 * namespaces → apps forest, loaded once and filtered in the browser. Filters, search and the
 * opened nodes are in the URL, so a view can be shared.
 */
export function ExplorerPage() {
  const inventory = useApi(inventoryApiRef);
  const state = useAsync(() => inventory.explorer(), [inventory]);
  return (
    <Page themeId="tool">
      <Header
        title="What runs where"
        subtitle="Organization, folders, projects and resources; clusters, namespaces and apps"
      />
      <Content>
        <AnswerState {...state}>
          {answer => <Explorer nodes={answer.nodes} />}
        </AnswerState>
      </Content>
    </Page>
  );
}
