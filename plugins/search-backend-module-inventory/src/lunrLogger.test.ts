import { mockServices } from '@backstage/backend-test-utils';
import { Readable, pipeline } from 'node:stream';
import { LunrSearchEngine } from '@backstage/plugin-search-backend-node';
import { lunrLogger } from './lunrLogger';
import { SEARCH_KEYS_FIELD } from './searchKeys';

describe('lunrLogger', () => {
  it("drops Lunr's warning about the search-key filter, and keeps every other", async () => {
    const logger = mockServices.logger.mock();
    const engine = new LunrSearchEngine({ logger: lunrLogger(logger) });
    const indexer = await engine.getIndexer('test');
    await new Promise<void>((resolve, reject) =>
      pipeline(
        Readable.from([
          {
            title: 'a',
            text: 'a',
            location: '/a',
            [SEARCH_KEYS_FIELD]: ['a'],
            other: ['x'],
          },
        ]),
        indexer,
        e => (e ? reject(e) : resolve()),
      ),
    );
    await engine.query({
      term: '',
      types: ['test'],
      filters: { [SEARCH_KEYS_FIELD]: ['a', 'a'] },
    });
    expect(logger.warn).not.toHaveBeenCalled();
    await engine.query({
      term: '',
      types: ['test'],
      filters: { other: ['x', 'x'] },
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Non-scalar filter value used for field other'),
      undefined,
    );
  });
});
