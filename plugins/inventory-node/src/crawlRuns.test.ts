import { inMemoryDatabase } from '@infra-atlas/test-utils';
import { CrawlRun, CrawlRunStore } from './crawlRuns';

const run = (
  providerId: string,
  applied: CrawlRun['applied'],
  refs: string[],
): CrawlRun => ({
  providerId,
  startedAt: new Date().toISOString(),
  finishedAt: new Date().toISOString(),
  outcome: applied === 'none' ? 'failed' : 'complete',
  applied,
  requests: {},
  retries: {},
  entities: {},
  errors: [],
  entityRefs: refs,
});

describe('CrawlRunStore', () => {
  it('is created by several modules at once on one database', async () => {
    const { database, destroy } = inMemoryDatabase();
    const [a, b] = await Promise.all([
      CrawlRunStore.create(database),
      CrawlRunStore.create(database),
    ]);
    await a.record(run('gcp-inventory:x', 'full', ['r:a']));
    await b.record(run('github-inventory:x', 'none', []));
    expect(await b.lastAppliedRefs('gcp-inventory:x')).toEqual(['r:a']);
    await destroy();
  });

  it('remembers the refs of the last run that changed the catalog, per provider', async () => {
    const { database, destroy } = inMemoryDatabase();
    const store = await CrawlRunStore.create(database);
    await store.record(run('p', 'full', ['r:a', 'r:b']));
    await store.record(run('p', 'none', []));
    await store.record(run('q', 'full', ['r:c']));
    expect(await store.lastAppliedRefs('p')).toEqual(['r:a', 'r:b']);
    const [latest] = await store.summaries('p');
    expect(latest).toMatchObject({ applied: 'none', entityCount: 0 });
    expect(latest).not.toHaveProperty('entityRefs');
    await destroy();
  });
});
