import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ExplorerFilters } from './explorerTree';

/** The URL parameters that filter; a view with them can be shared. */
const FILTER_PARAMS = [
  'q',
  'type',
  'owner',
  'label',
  'setting',
  'public',
  'stale',
];

/** Nodes opened or closed against the default; the URL repeats it per node. */
const TOGGLE = 'toggle';

export function readFilters(params: URLSearchParams): ExplorerFilters {
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

/**
 * The explorer's state in the URL: its filters, the nodes opened or closed against the
 * default, and how to change them. A new filter starts from its own default expansion.
 */
export function useExplorerUrlState() {
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

  const setFilter = (name: keyof ExplorerFilters, value: string) =>
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

  return { filters, filterQuery, toggled, setFilter, toggle, clear };
}
