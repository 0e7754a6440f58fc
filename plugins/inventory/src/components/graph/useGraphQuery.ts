import { GRAPH_DEFAULTS, GraphMode } from '@infra-atlas/inventory-common';
import { useSearchParams } from 'react-router-dom';
import { Clustering } from './graphElements';

/** The page's default walk: what the focus needs and what needs it, not its siblings. */
export const DEFAULT_MODE: GraphMode = 'focused';

export type GraphView = 'picture' | 'list';

/**
 * The graph page's state, kept in the URL so that a view can be shared as a link: the focus,
 * the walk (mode, depth, node limit, relations, kinds), the clustering, the clusters opened and
 * whether the picture or the list is shown. Values left at their defaults stay out of the URL.
 */
export function useGraphQuery() {
  const [params, setParams] = useSearchParams();
  const list = (name: string) =>
    params.get(name)?.split(',').filter(Boolean) ?? [];
  const query = {
    entity: params.get('entity') ?? '',
    mode: (params.get('mode') ?? DEFAULT_MODE) as GraphMode,
    depth: Number(params.get('depth') ?? GRAPH_DEFAULTS.depth),
    maxNodes: Number(params.get('maxNodes') ?? GRAPH_DEFAULTS.maxNodes),
    relations: list('relations'),
    kinds: list('kinds'),
    cluster: (params.get('cluster') ?? 'auto') as Clustering,
    expand: list('expand'),
    view: (params.get('view') ?? 'picture') as GraphView,
  };
  const update = (changes: Partial<typeof query>) => {
    const next = { ...query, ...changes };
    // A new focus or walk starts with every cluster closed again.
    const walkChanged = Object.keys(changes).some(
      key => key !== 'expand' && key !== 'view',
    );
    if (walkChanged) next.expand = [];
    const defaults: Record<string, string> = {
      mode: DEFAULT_MODE,
      depth: String(GRAPH_DEFAULTS.depth),
      maxNodes: String(GRAPH_DEFAULTS.maxNodes),
      cluster: 'auto',
      view: 'picture',
    };
    const entries = Object.entries(next)
      .map(([key, value]) => [
        key,
        Array.isArray(value) ? value.join(',') : String(value),
      ])
      .filter(([key, value]) => value !== '' && value !== defaults[key]);
    setParams(new URLSearchParams(entries));
  };
  return { query, update };
}
