import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import { FocusEvent, KeyboardEvent, MouseEvent, useRef, useState } from 'react';
import { Matches, Row } from './explorerTree';
import { count } from './filterOptions';
import { TreeRow } from './TreeRow';

/** Rows rendered at first and per "show more": enough to scroll, few enough to stay instant. */
export const ROWS_PER_PAGE = 200;

const useStyles = makeStyles(theme => ({
  tree: { listStyle: 'none', margin: theme.spacing(2, 0, 0), padding: 0 },
}));

/**
 * The tree as a flat list of `treeitem`s with levels (the ARIA flat-tree form): one tab stop,
 * arrow keys move and open, Enter opens the entity page, a click on a row opens or closes it.
 * Only the first rows render, more on request, so a search over thousands of buckets stays
 * fast. Events are handled once on the list, for the row they come from.
 */
export function ExplorerTree(props: {
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
