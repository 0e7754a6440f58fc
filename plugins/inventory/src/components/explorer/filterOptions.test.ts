import { ExplorerNode } from '@infra-atlas/inventory-common';
import { count, optionsOf } from './filterOptions';
import { readFilters } from './explorerUrlState';

const node = (type: string, labels: Record<string, string> = {}) =>
  ({
    ref: type,
    kind: 'Resource',
    type,
    title: type,
    labels,
    descendants: 0,
  } as ExplorerNode);

describe('filter options', () => {
  it('counts each distinct value once per node that has it, in value order', () => {
    const nodes = [
      node('gcs-bucket', { env: 'prod', team: 'release' }),
      node('gcs-bucket', { env: 'prod' }),
      node('gcp-project'),
    ];
    expect(optionsOf(nodes, n => [n.type!])).toEqual([
      ['gcp-project', 1],
      ['gcs-bucket', 2],
    ]);
    expect(
      optionsOf(nodes, n =>
        Object.entries(n.labels ?? {}).map(([k, v]) => `${k}=${v}`),
      ),
    ).toEqual([
      ['env=prod', 2],
      ['team=release', 1],
    ]);
    expect(count(4801)).toBe('4,801');
  });

  it('reads the filters from the URL, switches as 1', () => {
    expect(
      readFilters(
        new URLSearchParams('q=gcsweb&type=k8s-namespace&public=1&stale=0'),
      ),
    ).toEqual({
      q: 'gcsweb',
      type: 'k8s-namespace',
      owner: '',
      label: '',
      setting: '',
      public: true,
      stale: false,
    });
  });
});
