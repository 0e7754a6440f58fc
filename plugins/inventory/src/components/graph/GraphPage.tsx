import { Content, EmptyState, Header, Page } from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import {
  GRAPH_DEFAULTS,
  GRAPH_KINDS,
  GRAPH_MODES,
  GraphMode,
  GraphResponse,
  REVERSE_RELATION,
} from '@infra-atlas/inventory-common';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { FormEvent, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { inventoryApiRef } from '../../api';
import { AnswerState } from '../AnswerState';
import { EntityName } from '../Evidence';
import { GraphCanvas, KIND_COLOURS } from './GraphCanvas';
import {
  CLUSTERINGS,
  Clustering,
  DrawnGraph,
  drawGraph,
} from './graphElements';

const MODE_LABELS: Record<GraphMode, string> = {
  neighbourhood: 'Neighbourhood (both ways)',
  'blast-radius': 'Blast radius (what breaks)',
  dependencies: 'Dependencies (what it needs)',
};
/** Relations the walk can follow, by their forward names, as the backend accepts them. */
const RELATIONS = Object.keys(REVERSE_RELATION);
const DEPTHS = [1, 2, 3, 4, 5, 6, 8, 10];
const NODE_LIMITS = [500, 2000, 5000];

/** The page's state lives in the URL so that a view can be shared as a link. */
function useGraphQuery() {
  const [params, setParams] = useSearchParams();
  const list = (name: string) =>
    params.get(name)?.split(',').filter(Boolean) ?? [];
  const query = {
    entity: params.get('entity') ?? '',
    mode: (params.get('mode') ?? 'neighbourhood') as GraphMode,
    depth: Number(params.get('depth') ?? GRAPH_DEFAULTS.depth),
    maxNodes: Number(params.get('maxNodes') ?? GRAPH_DEFAULTS.maxNodes),
    relations: list('relations'),
    kinds: list('kinds'),
    cluster: (params.get('cluster') ?? 'auto') as Clustering,
    expand: list('expand'),
  };
  const update = (changes: Partial<typeof query>) => {
    const next = { ...query, ...changes };
    // A new focus or walk starts with every cluster closed again.
    if (!('expand' in changes)) next.expand = [];
    const entries = Object.entries(next)
      .map(([key, value]) => [
        key,
        Array.isArray(value) ? value.join(',') : String(value),
      ])
      .filter(([, value]) => value !== '');
    setParams(new URLSearchParams(entries));
  };
  return { query, update };
}

/** The focus field: any entity ref, with catalog suggestions as the reader types. */
function FocusField(props: {
  initial: string;
  onChoose: (ref: string) => void;
}) {
  const catalog = useApi(catalogApiRef);
  const [text, setText] = useState(props.initial);
  const [term, setTerm] = useState('');
  useDebounce(() => setTerm(text.includes(':') ? '' : text.trim()), 250, [
    text,
  ]);
  const suggestions = useAsync(async () => {
    if (term.length < 2) return [];
    const { items } = await catalog.queryEntities({
      fullTextFilter: { term, fields: ['metadata.name', 'metadata.title'] },
      limit: 20,
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    // What is called exactly what was typed comes first: "aaa" is the cluster aaa.
    const exact = (e: Entity) =>
      e.metadata.title === term || e.metadata.name === term ? 0 : 1;
    return [...items]
      .sort((a, b) => exact(a) - exact(b))
      .map(e => ({
        ref: `${e.kind.toLocaleLowerCase('en-US')}:${
          e.metadata.namespace ?? 'default'
        }/${e.metadata.name}`,
        title: e.metadata.title ?? e.metadata.name,
        kind: e.kind,
      }));
  }, [term]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A bare name stands for the best suggestion: "aaa" means the cluster aaa.
    const chosen = text.includes(':')
      ? text.trim()
      : suggestions.value?.[0]?.ref ?? text.trim();
    if (chosen) props.onChoose(chosen);
  };
  return (
    <form onSubmit={submit} style={{ display: 'flex', gap: 8, flexGrow: 1 }}>
      <TextField
        id="inventory-graph-focus"
        label="Focus entity"
        placeholder="a name (e.g. aaa) or a ref (resource:default/…)"
        value={text}
        onChange={e => setText(e.target.value)}
        inputProps={{ list: 'inventory-graph-suggestions' }}
        style={{ minWidth: 360, flexGrow: 1 }}
      />
      <datalist id="inventory-graph-suggestions">
        {(suggestions.value ?? []).map(s => (
          <option key={s.ref} value={s.ref}>
            {s.title} ({s.kind})
          </option>
        ))}
      </datalist>
      <Button type="submit" variant="contained" color="primary">
        Show
      </Button>
    </form>
  );
}

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
      style={{ minWidth: 140 }}
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
  options: string[];
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

/** Says plainly where the walk stopped and what it left out. */
function CutOff(props: { answer: GraphResponse }) {
  const { cutOff, depth, maxNodes } = props.answer;
  let message: string | undefined;
  if (cutOff.nodeLimitReached) {
    message = `Stopped at the node limit of ${maxNodes}: ${cutOff.frontier} more relations lead to entities not drawn. Raise the limit or narrow the relations and kinds.`;
  } else if (cutOff.depthReached) {
    message = `Stopped at depth ${depth}: ${cutOff.frontier} more relations lead further out.`;
  }
  if (!message) return null;
  return (
    <Typography
      role="status"
      variant="body2"
      style={{ background: '#fff4e5', padding: '6px 12px', borderRadius: 4 }}
    >
      {message}
    </Typography>
  );
}

function Summary(props: { answer: GraphResponse; drawn: DrawnGraph }) {
  const { answer, drawn } = props;
  const clusters = drawn.nodes.filter(n => n.cluster).length;
  return (
    <Typography variant="body2" style={{ margin: '8px 0' }}>
      {answer.nodes.length} entities and {answer.edges.length} relations around{' '}
      <EntityName entity={answer.focus} />
      {clusters > 0 &&
        ` — ${clusters} clusters by ${drawn.clustering}; activate one to open it`}
      .
    </Typography>
  );
}

/** The canvas cannot be read by a screen reader or a keyboard: the same nodes as a list. */
function NodeList(props: { answer: GraphResponse }) {
  const [open, setOpen] = useState(false);
  const nodes = props.answer.nodes;
  return (
    <details onToggle={e => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Entities in this graph as a list ({nodes.length})</summary>
      {open && (
        <ol aria-label="Entities in this graph">
          {nodes.map(node => (
            <li key={node.ref}>
              <EntityName entity={node} /> — {node.kind}
              {node.type ? ` (${node.type})` : ''}, {node.distance} hop
              {node.distance === 1 ? '' : 's'} away
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

function Legend() {
  return (
    <div aria-hidden style={{ display: 'flex', gap: 12, marginTop: 4 }}>
      {Object.entries(KIND_COLOURS).map(([kind, colour]) => (
        <span key={kind} style={{ fontSize: 12 }}>
          <span
            style={{
              display: 'inline-block',
              width: 10,
              height: 10,
              borderRadius: 5,
              background: colour,
              marginRight: 4,
            }}
          />
          {kind}
        </span>
      ))}
    </div>
  );
}

/**
 * The dependency graph: a focus entity and what surrounds it, drawn on a canvas that stays
 * smooth with thousands of nodes. Clusters stand for projects or owners when there are many;
 * activating an entity opens its page, activating a cluster opens the cluster.
 */
export function GraphPage() {
  const inventory = useApi(inventoryApiRef);
  const entityLink = useEntityRefLink();
  const navigate = useNavigate();
  const { query, update } = useGraphQuery();
  const { entity, mode, depth, maxNodes, relations, kinds } = query;

  const state = useAsync(
    async () =>
      entity
        ? inventory.graph(entity, {
            mode,
            depth,
            maxNodes,
            relations: relations.length ? relations : undefined,
            kinds: kinds.length ? kinds : undefined,
          })
        : undefined,
    [inventory, entity, mode, depth, maxNodes, relations.join(), kinds.join()],
  );
  const expanded = useMemo(
    () => new Set(query.expand),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [query.expand.join()],
  );
  const drawn = useMemo(
    () =>
      state.value
        ? drawGraph(state.value, { clustering: query.cluster, expanded })
        : undefined,
    [state.value, query.cluster, expanded],
  );

  const activate = (id: string) => {
    if (id.startsWith('cluster:')) {
      update({ expand: [...query.expand, id.slice('cluster:'.length)] });
      return;
    }
    navigate(entityLink(id));
  };

  return (
    <Page themeId="tool">
      <Header
        title="Dependency graph"
        subtitle="What an entity runs on, what runs on it, and what breaks with it"
      />
      <Content>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
          <FocusField
            key={entity}
            initial={entity}
            onChoose={ref => update({ entity: ref })}
          />
          <Choice
            id="inventory-graph-mode"
            label="Mode"
            value={mode}
            options={GRAPH_MODES.map(m => ({
              value: m,
              label: MODE_LABELS[m],
            }))}
            onChange={value => update({ mode: value })}
          />
          <Choice
            id="inventory-graph-depth"
            label="Depth"
            value={depth}
            options={DEPTHS.map(d => ({ value: d, label: String(d) }))}
            onChange={value => update({ depth: value })}
          />
          <Choice
            id="inventory-graph-clusters"
            label="Clusters"
            value={query.cluster}
            options={CLUSTERINGS.map(c => ({ value: c, label: c }))}
            onChange={value => update({ cluster: value })}
          />
          <Choice
            id="inventory-graph-node-limit"
            label="Node limit"
            value={maxNodes}
            options={NODE_LIMITS.map(n => ({ value: n, label: String(n) }))}
            onChange={value => update({ maxNodes: value })}
          />
        </div>
        <Toggles
          label="Relations"
          options={RELATIONS}
          selected={relations}
          onChange={value => update({ relations: value })}
        />
        <Toggles
          label="Kinds"
          options={[...GRAPH_KINDS]}
          selected={kinds}
          onChange={value => update({ kinds: value })}
        />
        {entity ? (
          <AnswerState
            {...state}
            notFoundTitle={`The inventory knows no “${entity}”`}
            notFoundDescription="Type a name and pick one of the suggestions, or give a full ref such as resource:default/gcp-project--kubernetes-public."
          >
            {answer =>
              drawn && (
                <>
                  <Summary answer={answer} drawn={drawn} />
                  <CutOff answer={answer} />
                  <GraphCanvas
                    graph={drawn}
                    label={`Graph of ${answer.nodes.length} entities around ${answer.focus.title}`}
                    onActivate={activate}
                  />
                  <Legend />
                  <NodeList answer={answer} />
                </>
              )
            }
          </AnswerState>
        ) : (
          <EmptyState
            missing="field"
            title="Choose an entity to start from"
            description="Type a name such as a cluster, a project or an app, or open the graph from an entity page's “If this goes down” card."
          />
        )}
      </Content>
    </Page>
  );
}
