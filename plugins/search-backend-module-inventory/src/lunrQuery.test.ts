import type { JsonObject } from '@backstage/types';
import lunr from 'lunr';
import { inventoryLunrQuery } from './lunrQuery';

// Lists are indexed value by value, whole (as the search keys are); strings word by word.
const documents = [
  { ref: 'registry', title: 'registry.k8s.io/kube-apiserver', keys: ['a'] },
  { ref: 'cluster', title: 'aaa', keys: ['gke-cluster--aaa'] },
  { ref: 'bucket', title: 'k8s-artifacts-prod', keys: ['k8s-artifacts-prod'] },
];

const index = lunr(function build() {
  this.ref('ref');
  this.field('title');
  this.field('keys');
  documents.forEach(d => this.add(d));
});

function search(term: string, filters?: JsonObject) {
  const { lunrQueryBuilder } = inventoryLunrQuery({ term, filters });
  return index
    .query(lunrQueryBuilder)
    .map(r => r.ref)
    .sort();
}

describe('inventoryLunrQuery', () => {
  it('finds a word exactly, as a prefix, or with one typo', () => {
    expect(search('registry.k8s.io/kube-apiserver')).toEqual(['registry']);
    expect(search('k8s-artifacts')).toEqual(['bucket']);
    expect(search('registry.k8s.io/kub')).toEqual(['registry']);
    expect(search('registy.k8s.io/kube')).toEqual(['registry']);
    expect(search('artifcts')).toEqual(['bucket']);
  });

  it('does not match two typos, nor a short word with any', () => {
    expect(search('regisy.k8s.io/kubx')).toEqual([]);
    expect(search('aab')).toEqual([]);
    expect(search('aaa')).toEqual(['cluster']);
  });

  it('requires a single filter value and matches any value of a list, each whole', () => {
    expect(search('', { title: 'k8s-artifacts-prod' })).toEqual(['bucket']);
    expect(search('k8s', { title: 'aaa' })).toEqual(['cluster']);
    expect(search('', { keys: ['gke-cluster--aaa', 'nothing'] })).toEqual([
      'cluster',
    ]);
  });

  it("names a field the index lacks, as Lunr's engine expects to skip that index", () => {
    expect(() => search('aaa', { owner: 'x' })).toThrow(
      /^unrecognised field owner$/,
    );
  });

  it('sizes the page as asked, 25 by default', () => {
    expect(inventoryLunrQuery({ term: 'x', pageLimit: 7 }).pageSize).toBe(7);
    expect(inventoryLunrQuery({ term: 'x' }).pageSize).toBe(25);
  });
});
