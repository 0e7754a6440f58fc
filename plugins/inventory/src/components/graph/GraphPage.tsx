import { Content, EmptyState, Header, Page } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { GraphNode, GraphResponse } from '@infra-atlas/inventory-common';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { inventoryApiRef } from '../../api';
import { AnswerState } from '../AnswerState';
import { FocusField } from './FocusField';
import { GraphCanvas } from './GraphCanvas';
import { GraphFind } from './GraphFind';
import { GraphLegend } from './GraphLegend';
import { GraphNodeTable } from './GraphNodeTable';
import { GraphOptions } from './GraphOptions';
import { CutOff, GraphSummary } from './GraphSummary';
import { DrawnGraph, drawGraph } from './graphElements';
import { nodeNoun } from './graphLabels';
import { Selection } from './graphView';
import { useGraphQuery } from './useGraphQuery';

const KEYS_ID = 'inventory-graph-keys';
const CLUSTER_PREFIX = 'cluster:';

/** Says which node the keyboard or the search chose, and what Enter will do. */
function SelectedNode(props: {
  answer: GraphResponse;
  drawn: DrawnGraph;
  selection?: Selection;
}) {
  const { answer, drawn, selection } = props;
  const entity = answer.nodes.find(node => node.ref === selection?.id);
  const cluster = drawn.nodes.find(
    node => node.id === selection?.id && node.cluster,
  );
  let text = '';
  if (entity) {
    let where = `${entity.distance} steps from the focus`;
    if (entity.distance === 0) where = 'the focus';
    else if (entity.distance === 1) where = '1 step from the focus';
    text = `Selected: ${entity.title} (${nodeNoun(
      entity,
    )}), ${where}. Enter opens its page.`;
  } else if (cluster) {
    text = `Selected: ${cluster.label}. Enter opens the cluster.`;
  }
  return (
    <Typography variant="body2" aria-live="polite" style={{ minHeight: 20 }}>
      {text}
    </Typography>
  );
}

/**
 * The dependency graph: a focus entity and what surrounds it, as a picture (a canvas that
 * stays smooth with thousands of nodes, with zoom controls, search and keyboard navigation) or
 * as a table. It opens on what the focus needs and what needs it; the options widen the walk.
 * Clusters stand for projects or owners when there are many; activating an entity opens its
 * page, activating a cluster opens the cluster.
 */
export function GraphPage() {
  const inventory = useApi(inventoryApiRef);
  const entityLink = useEntityRefLink();
  const navigate = useNavigate();
  const { query, update } = useGraphQuery();
  const { entity, mode, depth, maxNodes, relations, kinds } = query;
  const [selection, setSelection] = useState<Selection>();

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
  // A new answer starts without a selection.
  useEffect(() => setSelection(undefined), [state.value]);
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

  const openCluster = (id: string) =>
    update({ expand: [...query.expand, id.slice(CLUSTER_PREFIX.length)] });
  const activate = (id: string) => {
    if (id.startsWith(CLUSTER_PREFIX)) openCluster(id);
    else navigate(entityLink(id));
  };
  const found = (node: GraphNode) => {
    const drawnId = drawn?.drawnOf.get(node.ref);
    // An entity inside a cluster: open the cluster, then show the entity in it.
    if (drawnId?.startsWith(CLUSTER_PREFIX)) openCluster(drawnId);
    setSelection({ id: node.ref, centre: true });
  };
  // The field names the focus by its title once the answer is in; an unknown name as typed.
  let focusTitle = entity;
  if (state.loading) focusTitle = '';
  else if (state.value) focusTitle = state.value.focus.title;

  return (
    <Page themeId="tool">
      <Header
        title="Dependency graph"
        subtitle="What an entity runs on, what runs on it, and what breaks with it"
      />
      <Content>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
          <FocusField
            key={`${entity}|${focusTitle}`}
            initial={focusTitle}
            onChoose={ref => update({ entity: ref })}
          />
        </div>
        <GraphOptions walk={query} onChange={update} />
        {entity ? (
          <AnswerState
            {...state}
            notFoundTitle={`The inventory knows no “${entity}”`}
            notFoundDescription="Type a name and pick one of the suggestions."
          >
            {answer =>
              drawn && (
                <>
                  <GraphSummary answer={answer} drawn={drawn} />
                  <CutOff answer={answer} />
                  <Tabs
                    value={query.view}
                    onChange={(_, view) => update({ view })}
                    indicatorColor="primary"
                    aria-label="Show the graph as"
                  >
                    <Tab value="picture" label="Picture" />
                    <Tab value="list" label={`List (${answer.nodes.length})`} />
                  </Tabs>
                  {query.view === 'list' ? (
                    <GraphNodeTable answer={answer} />
                  ) : (
                    <>
                      <div
                        style={{
                          display: 'flex',
                          flexWrap: 'wrap',
                          gap: 16,
                          alignItems: 'flex-start',
                          margin: '8px 0',
                        }}
                      >
                        <GraphFind nodes={answer.nodes} onFound={found} />
                        <SelectedNode
                          answer={answer}
                          drawn={drawn}
                          selection={selection}
                        />
                      </div>
                      <GraphCanvas
                        graph={drawn}
                        label={`Graph of ${answer.nodes.length} entities around ${answer.focus.title}`}
                        describedBy={KEYS_ID}
                        selection={selection}
                        onSelect={setSelection}
                        onActivate={activate}
                      />
                      <GraphLegend keysId={KEYS_ID} />
                    </>
                  )}
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
