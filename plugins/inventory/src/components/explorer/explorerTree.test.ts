import { ExplorerNode } from '@infra-atlas/inventory-common';
import {
  ExplorerFilters,
  buildForest,
  findMatches,
  matches,
  typeOf,
  visibleRows,
} from './explorerTree';

const node = (ref: string, ...parents: string[]): ExplorerNode => ({
  ref,
  kind: 'Resource',
  title: ref,
  ...(parents.length ? { parents } : {}),
  descendants: 0,
});
const none: ExplorerFilters = {
  q: '',
  type: '',
  owner: '',
  label: '',
  setting: '',
  public: false,
  stale: false,
};
const paths = (rows: ReturnType<typeof visibleRows>) => rows.map(r => r.key);

describe('explorer tree', () => {
  // An app deployed to two namespaces of one cluster; a namespace whose cluster is gone.
  const forest = buildForest([
    node('app', 'ns-prod', 'ns-canary'),
    node('ns-prod', 'cluster'),
    node('ns-canary', 'cluster'),
    node('cluster'),
    node('orphan-ns', 'gone-cluster'),
  ]);

  it('makes nodes whose parents are all missing roots, in title order', () => {
    expect(forest.roots.map(n => n.ref)).toEqual(['cluster', 'orphan-ns']);
  });

  it('shows a node under each of its parents', () => {
    const rows = visibleRows(
      forest,
      new Set(['cluster', 'ns-prod', 'ns-canary']),
    );
    expect(paths(rows)).toEqual([
      'cluster',
      'cluster>ns-canary',
      'cluster>ns-canary>app',
      'cluster>ns-prod',
      'cluster>ns-prod>app',
      'orphan-ns',
    ]);
    expect(rows[2]).toMatchObject({ depth: 2, parentKey: 'cluster>ns-canary' });
  });

  it('counts a match once per ancestor, however many paths lead there', () => {
    const found = findMatches(forest, { ...none, q: 'app' });
    expect([...found.matched]).toEqual(['app']);
    expect(found.under.get('cluster')).toBe(1);
    expect(found.under.get('ns-prod')).toBe(1);
    // Opened along the matches by default; a toggle closes one path.
    expect(paths(visibleRows(forest, new Set(['ns-prod']), found))).toEqual([
      'cluster',
      'cluster>ns-canary',
      'cluster>ns-canary>app',
      'cluster>ns-prod',
    ]);
  });

  it('ends a placement cycle where it closes', () => {
    const cyclic = buildForest([
      node('root'),
      node('a', 'root', 'b'),
      node('b', 'a'),
    ]);
    const rows = visibleRows(cyclic, new Set(['root', 'a', 'b']));
    expect(paths(rows)).toEqual(['root', 'root>a', 'root>a>b']);
    expect(rows[2].expandable).toBe(false);
  });

  it('searches 6,000 nodes and lays out every match with its path', () => {
    const nodes = [node('org')];
    for (let p = 0; p < 300; p++) {
      nodes.push(node(`project-${p}`, 'org'));
      for (let b = 0; b < 19; b++) {
        nodes.push(node(`bucket-${p}-${b}`, `project-${p}`));
      }
    }
    const big = buildForest(nodes);
    const found = findMatches(big, { ...none, q: 'bucket' });
    const rows = visibleRows(big, new Set(), found);
    expect(found.matched.size).toBe(300 * 19);
    expect(rows).toHaveLength(nodes.length);
    expect(rows[2]).toMatchObject({
      key: 'org>project-0>bucket-0-0',
      depth: 2,
    });
    // Timing is the UI benchmark's job (packages/app/bench/uiBenchmark.mjs), not jest's.
  });

  it('filters by type, or by kind where a node has none, as the options name it', () => {
    const system: ExplorerNode = { ...node('gcsweb'), kind: 'System' };
    const bucket: ExplorerNode = { ...node('b'), type: 'gcs-bucket' };
    expect(typeOf(system)).toBe('System');
    expect(typeOf(bucket)).toBe('gcs-bucket');
    expect(matches(system, { ...none, type: 'System' })).toBe(true);
    expect(matches(bucket, { ...none, type: 'System' })).toBe(false);
    expect(matches(bucket, { ...none, type: 'gcs-bucket' })).toBe(true);
  });
});
