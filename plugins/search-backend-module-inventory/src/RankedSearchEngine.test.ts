import { mockServices } from '@backstage/backend-test-utils';
import type { SearchEngine } from '@backstage/plugin-search-backend-node';
import type { SearchQuery } from '@backstage/plugin-search-common';
import { RankedSearchEngine } from './RankedSearchEngine';

/** An engine that records the queries it is asked and answers one document. */
function recordingEngine() {
  const queries: SearchQuery[] = [];
  const engine = {
    setTranslator: () => {},
    getIndexer: async () => {
      throw new Error('not indexed here');
    },
    query: async (query: SearchQuery) => {
      queries.push(query);
      return {
        results: [
          {
            type: 'software-catalog',
            rank: 1,
            document: { title: 'aaa', text: '', location: '/aaa' },
          },
        ],
        numberOfResults: 1,
      };
    },
  } as unknown as SearchEngine;
  return { engine, queries };
}

describe('RankedSearchEngine', () => {
  it('looks identifiers up for a page of results, not for a count (page limit 0)', async () => {
    const { engine, queries } = recordingEngine();
    const ranked = new RankedSearchEngine(engine, mockServices.logger.mock());

    await ranked.query({ term: 'aaa', pageLimit: 0 });
    expect(queries.map(q => q.term)).toEqual(['aaa']);

    await ranked.query({ term: 'aaa' });
    expect(queries.map(q => q.term)).toEqual(['aaa', 'aaa', '']);
  });
});
