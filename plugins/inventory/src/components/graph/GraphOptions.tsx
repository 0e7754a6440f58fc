import {
  GRAPH_KINDS,
  GRAPH_MODES,
  GraphMode,
  REVERSE_RELATION,
} from '@infra-atlas/inventory-common';
import Chip from '@material-ui/core/Chip';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { CLUSTERINGS, Clustering } from './graphElements';

/** The walks, from the focused default to the widest. */
export const MODE_LABELS: Record<GraphMode, string> = {
  focused: 'What it needs and what needs it',
  dependencies: 'Only what it needs',
  'blast-radius': 'What breaks if it goes down',
  neighbourhood: 'Everything around it (wider)',
};
/** Relations the walk can follow, by their forward names, as the backend accepts them. */
const RELATIONS = Object.keys(REVERSE_RELATION);
const DEPTHS = [1, 2, 3, 4, 5, 6, 8, 10];
const NODE_LIMITS = [500, 2000, 5000];
const CLUSTERING_LABELS: Record<Clustering, string> = {
  auto: 'When large',
  project: 'By project',
  owner: 'By owner',
  none: 'Never',
};

function Choice<T extends string | number>(props: {
  id: string;
  label: string;
  value: T;
  options: Array<{ value: T; label: string }>;
  onChange: (value: T) => void;
}) {
  return (
    <TextField
      select
      id={props.id}
      label={props.label}
      value={props.value}
      onChange={e =>
        props.onChange(
          (typeof props.value === 'number'
            ? Number(e.target.value)
            : e.target.value) as T,
        )
      }
      style={{ minWidth: 120 }}
    >
      {props.options.map(o => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Toggle chips for a list filter; none selected means the server's default. */
function Toggles(props: {
  label: string;
  options: readonly string[];
  selected: string[];
  onChange: (selected: string[]) => void;
}) {
  const { label, options, selected, onChange } = props;
  return (
    <div role="group" aria-label={label} style={{ marginTop: 8 }}>
      <Typography variant="caption" component="span" style={{ marginRight: 8 }}>
        {label}:
      </Typography>
      {options.map(option => {
        const on = selected.includes(option);
        return (
          <Chip
            key={option}
            label={option}
            size="small"
            clickable
            color={on ? 'primary' : 'default'}
            aria-pressed={on}
            onClick={() =>
              onChange(
                on ? selected.filter(s => s !== option) : [...selected, option],
              )
            }
            style={{ marginRight: 4 }}
          />
        );
      })}
    </div>
  );
}

export type GraphWalk = {
  mode: GraphMode;
  depth: number;
  maxNodes: number;
  cluster: Clustering;
  relations: string[];
  kinds: string[];
};

/**
 * How far the picture reaches: the walk (from the focused default to everything around the
 * focus), the depth, the clustering and the node limit; the relation and kind filters are
 * folded away until the reader opens them.
 */
export function GraphOptions(props: {
  walk: GraphWalk;
  onChange: (changes: Partial<GraphWalk>) => void;
}) {
  const { walk, onChange } = props;
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        <Choice
          id="inventory-graph-mode"
          label="Show"
          value={walk.mode}
          options={GRAPH_MODES.map(m => ({ value: m, label: MODE_LABELS[m] }))}
          onChange={mode => onChange({ mode })}
        />
        <Choice
          id="inventory-graph-depth"
          label="Steps out"
          value={walk.depth}
          options={DEPTHS.map(d => ({ value: d, label: String(d) }))}
          onChange={depth => onChange({ depth })}
        />
        <Choice
          id="inventory-graph-clusters"
          label="Group entities"
          value={walk.cluster}
          options={CLUSTERINGS.map(c => ({
            value: c,
            label: CLUSTERING_LABELS[c],
          }))}
          onChange={cluster => onChange({ cluster })}
        />
        <Choice
          id="inventory-graph-node-limit"
          label="At most"
          value={walk.maxNodes}
          options={NODE_LIMITS.map(n => ({
            value: n,
            label: `${n.toLocaleString('en-US')} entities`,
          }))}
          onChange={maxNodes => onChange({ maxNodes })}
        />
      </div>
      <details
        open={walk.relations.length + walk.kinds.length > 0}
        style={{ marginTop: 8 }}
      >
        <summary>Only some relations or kinds</summary>
        <Toggles
          label="Relations"
          options={RELATIONS}
          selected={walk.relations}
          onChange={relations => onChange({ relations })}
        />
        <Toggles
          label="Kinds"
          options={GRAPH_KINDS}
          selected={walk.kinds}
          onChange={kinds => onChange({ kinds })}
        />
      </details>
    </>
  );
}
