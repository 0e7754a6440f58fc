import { mockServices } from '@backstage/backend-test-utils';
import { inMemoryDatabase } from '@infra-atlas/test-utils';
import { CrawlRun, CrawlRunStore } from './crawlRuns';
import {
  providerStatusOf,
  providerStatusReport,
  recordRun,
  runStateOf,
} from './runStatus';

const at = (minute: number) =>
  new Date(Date.UTC(2026, 11, 7, 10, minute)).toISOString();

const run = (
  minute: number,
  outcome: CrawlRun['outcome'],
  applied: CrawlRun['applied'],
  errors: string[] = [],
): Omit<CrawlRun, 'entityRefs'> => ({
  providerId: 'gcp-inventory:x',
  startedAt: at(minute),
  finishedAt: at(minute + 1),
  outcome,
  applied,
  requests: {},
  retries: {},
  entities: { 'gcp-project': minute },
  errors,
});

describe('runStateOf', () => {
  it('calls a run complete only when it read everything and replaced the catalog', () => {
    expect(runStateOf({ outcome: 'complete', applied: 'full' })).toBe(
      'complete',
    );
    expect(runStateOf({ outcome: 'complete', applied: 'upsert-only' })).toBe(
      'refused',
    );
    expect(runStateOf({ outcome: 'complete', applied: 'none' })).toBe(
      'refused',
    );
    expect(runStateOf({ outcome: 'partial', applied: 'upsert-only' })).toBe(
      'partial',
    );
    expect(runStateOf({ outcome: 'partial', applied: 'none' })).toBe('refused');
    expect(runStateOf({ outcome: 'failed', applied: 'none' })).toBe('failed');
  });
});

describe('providerStatusOf', () => {
  it('counts staleness from the last complete run, not from a refused one', () => {
    const status = providerStatusOf(
      'gcp-inventory:x',
      [
        run(30, 'complete', 'upsert-only', ['would remove 9 of 10']),
        run(20, 'partial', 'upsert-only', ['list children folders/1: denied']),
        run(10, 'complete', 'full'),
      ],
      new Date(at(41)),
    );
    expect(status).toMatchObject({
      provider: 'gcp-inventory:x',
      lastRun: {
        state: 'refused',
        outcome: 'complete',
        applied: 'upsert-only',
        errors: ['would remove 9 of 10'],
      },
      lastSuccess: at(11),
      staleSeconds: 30 * 60,
      // The counts of what the catalog matched last.
      entities: { 'gcp-project': 10 },
    });
  });

  it('has no last success until a run completes', () => {
    const status = providerStatusOf(
      'p',
      [run(5, 'failed', 'none', ['aborted'])],
      new Date(at(6)),
    );
    expect(status.lastRun?.state).toBe('failed');
    expect(status).not.toHaveProperty('lastSuccess');
    expect(status).not.toHaveProperty('staleSeconds');
  });
});

describe('recordRun', () => {
  it('records the run, reports it with its state, and warns when it was not complete', async () => {
    const { database, destroy } = inMemoryDatabase();
    const store = await CrawlRunStore.create(database);
    const logger = mockServices.logger.mock();
    await recordRun({
      store,
      logger,
      label: 'GCP inventory x',
      providerId: 'gcp-inventory:x',
      startedAt: new Date(at(0)),
      outcome: 'complete',
      sync: {
        applied: 'upsert-only',
        reason: 'removal ceiling',
        entityRefs: ['resource:default/a'],
      },
      requests: { list: 2 },
      retries: {},
      entities: { 'gcp-project': 1 },
      errors: ['removal ceiling'],
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^GCP inventory x: refused \(read complete, applied upsert-only\); entities gcp-project=1; requests list=2;/,
      ),
    );
    const report = await providerStatusReport(store, [
      'gcp-inventory:x',
      'gcp-inventory:none',
    ]);
    expect(report.providers.map(p => [p.id, p.status.lastRun?.state])).toEqual([
      ['gcp-inventory:x', 'refused'],
      ['gcp-inventory:none', undefined],
    ]);
    expect(report.providers[0].runs[0]).not.toHaveProperty('entityRefs');
    await destroy();
  });

  it('reports a scope held run after run on the status, with since and how many runs', async () => {
    const { database, destroy } = inMemoryDatabase();
    const store = await CrawlRunStore.create(database);
    const logger = mockServices.logger.mock();
    const held = (minute: number) =>
      recordRun({
        store,
        logger,
        label: 'GitHub inventory x',
        providerId: 'github-inventory:x',
        startedAt: new Date(at(minute)),
        outcome: 'partial',
        sync: {
          applied: 'scoped',
          entityRefs: ['group:default/a'],
          entityScopes: { 'org/repo': ['group:default/a'] },
          holds: [{ scope: 'org/repo', reason: 'org/repo/OWNERS: bad YAML' }],
        },
        requests: {},
        retries: {},
        entities: { group: 1 },
        errors: [],
      });
    await held(0);
    await held(30);
    const report = await providerStatusReport(store, ['github-inventory:x']);
    expect(report.providers[0].status.held).toEqual([
      {
        scope: 'org/repo',
        reason: 'org/repo/OWNERS: bad YAML',
        since: at(0),
        runs: 2,
      },
    ]);
    expect(report.providers[0].runs[0]).not.toHaveProperty('entityScopes');
    expect(
      (await store.lastApplied('github-inventory:x'))?.entityScopes,
    ).toEqual({ 'org/repo': ['group:default/a'] });
    await destroy();
  });
});
