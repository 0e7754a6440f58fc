import { makeStyles } from '@material-ui/core/styles';
import { memo } from 'react';
import { Link } from 'react-router-dom';
import { typeNoun } from '@infra-atlas/inventory-common';
import { refTitle } from '../Evidence';
import { Row, typeOf } from './explorerTree';
import { count } from './filterOptions';

/*
 * A row's facts wrap under its title on a narrow screen, and a long name without spaces (a
 * bucket's) breaks rather than pushing the page sideways. The toggle hangs in the row's left
 * padding, so wrapped lines start under the title, not under the toggle.
 */
const TOGGLE_WIDTH = '1em';
const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: theme.spacing(1),
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
  link: {
    color: theme.palette.link,
    textDecoration: 'none',
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
  toggle: {
    width: TOGGLE_WIDTH,
    marginLeft: `calc(-${TOGGLE_WIDTH} - ${theme.spacing(1)}px)`,
    display: 'inline-block',
    textAlign: 'center',
  },
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

/** One row; memoised, so that moving the focus or showing more re-renders only what changed. */
export const TreeRow = memo(function TreeRowView(props: {
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
      aria-label={`${node.title} (${typeNoun(typeOf(node), 1)})`}
      tabIndex={focusable ? 0 : -1}
      className={`${classes.row} ${context ? classes.context : ''}`}
      style={{
        paddingLeft: `calc(${8 + row.depth * 20}px + ${TOGGLE_WIDTH} + 8px)`,
      }}
    >
      <span className={classes.toggle} aria-hidden>
        {glyph}
      </span>
      {/* A plain router link: thousands of core-components Links cost too much. */}
      <Link to={href} tabIndex={-1} className={classes.link}>
        {node.title}
      </Link>
      <span className={classes.secondary}>{typeNoun(typeOf(node), 1)}</span>
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
        <span className={classes.secondary}>owner {refTitle(node.owner)}</span>
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
