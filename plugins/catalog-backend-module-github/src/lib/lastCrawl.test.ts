import { inMemoryDatabase } from '@infra-atlas/test-utils';
import { testRepositoryInfo } from '../__testUtils__/providerConfig';
import { CrawlResult } from './crawl';
import { LastCrawl, LastCrawlStore } from './lastCrawl';
import { SnapshotCache, SnapshotStore } from './snapshots';

const info = (name: string, headCommit: string) =>
  testRepositoryInfo(
    name,
    { OWNERS: `approvers: [${name}-lead]` },
    { headCommit },
  );

const snapshot = (name: string, commit: string) => ({
  owner: 'kubernetes',
  name,
  commit,
  htmlUrl: `https://github.com/kubernetes/${name}`,
  defaultBranch: 'main',
  files: new Map([['groups/groups.yaml', `groups: [] # ${commit}`]]),
});

const crawl = (k8sioCommit: string): CrawlResult => ({
  repositories: [
    { info: info('community', 'c1') },
    {
      info: info('k8s.io', k8sioCommit),
      snapshot: snapshot('k8s.io', k8sioCommit),
    },
  ],
  teams: [],
  failures: [{ step: 'get repository', target: 'kubernetes/x', message: 'm' }],
  skippedFiles: [],
  archivesRead: 1,
});

describe('LastCrawl', () => {
  it('lets a webhook on either replica build on the newest crawl, never an older one', async () => {
    const { database, destroy } = inMemoryDatabase();
    const store = await LastCrawlStore.create(database);
    const snapshots = await SnapshotStore.create(database);
    const replica = () => {
      const cache = new SnapshotCache({ store: snapshots, providerId: 'p' });
      return {
        cache,
        last: new LastCrawl({ providerId: 'p', cache, store }),
      };
    };
    const a = replica();
    const b = replica();

    // a crawls (and, as every crawl does, stores the archive it read).
    await a.cache.set({
      snapshot: snapshot('k8s.io', 'k1'),
      skipped: [],
      wanted: 'w',
    });
    await a.last.set(new Date('2026-12-07T10:00:00Z'), crawl('k1'));
    const seenByB = await b.last.current();
    expect(seenByB?.repositories.map(r => r.snapshot?.commit)).toEqual([
      undefined,
      'k1',
    ]);
    expect(seenByB?.repositories[0].info.rootFiles.get('OWNERS')).toBe(
      'approvers: [community-lead]',
    );
    expect(
      seenByB?.repositories[1].snapshot?.files.get('groups/groups.yaml'),
    ).toBe('groups: [] # k1');
    expect(seenByB?.failures).toEqual(crawl('k1').failures);

    // b crawls later; a's next webhook builds on b's crawl.
    await b.cache.set({
      snapshot: snapshot('k8s.io', 'k2'),
      skipped: [],
      wanted: 'w',
    });
    await b.last.set(new Date('2026-12-07T10:30:00Z'), crawl('k2'));
    expect((await a.last.current())?.repositories[1].snapshot?.commit).toBe(
      'k2',
    );

    // A crawl that began earlier but ended last does not put older data back.
    await a.last.set(new Date('2026-12-07T10:10:00Z'), crawl('k1'));
    expect((await b.last.current())?.repositories[1].snapshot?.commit).toBe(
      'k2',
    );

    // After a failed crawl, the next webhook on any replica crawls everything.
    await a.last.set(new Date('2026-12-07T11:00:00Z'), undefined);
    expect(await b.last.current()).toBeUndefined();
    await destroy();
  });

  it('asks for a full crawl when a snapshot the crawl read is no longer stored', async () => {
    const { database, destroy } = inMemoryDatabase();
    const store = await LastCrawlStore.create(database);
    const snapshots = await SnapshotStore.create(database);
    const cache = new SnapshotCache({ store: snapshots, providerId: 'p' });
    await new LastCrawl({ providerId: 'p', cache, store }).set(
      new Date('2026-12-07T10:00:00Z'),
      crawl('k1'),
    );
    const other = new LastCrawl({
      providerId: 'p',
      cache: new SnapshotCache({ store: snapshots, providerId: 'p' }),
      store,
    });
    expect(await other.current()).toBeUndefined();
    await destroy();
  });
});
