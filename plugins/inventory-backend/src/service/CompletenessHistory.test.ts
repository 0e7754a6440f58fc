import { DatabaseManager } from '@backstage/backend-defaults/database';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { testDatabases } from '@infra-atlas/test-utils';
import { CompletenessHistory } from './CompletenessHistory';

const totals = (passed: number) => ({
  entities: 1,
  checks: 2,
  passed,
  score: passed / 2,
  failing: {},
});

describe.each(testDatabases())('CompletenessHistory on $name', db => {
  afterAll(() => db.cleanup());

  it('keeps one row per day and scope, the last build of the day winning', async () => {
    const database = DatabaseManager.fromConfig(
      new ConfigReader({ backend: { database: db.config() } }),
    ).forPlugin('inventory', {
      logger: mockServices.logger.mock(),
      lifecycle: mockServices.lifecycle.mock(),
    });
    const history = await CompletenessHistory.create(database);
    await history.record('2026-11-25', [
      { scope: 'all', key: '', totals: totals(0) },
    ]);
    await history.record('2026-11-26', [
      { scope: 'all', key: '', totals: totals(1) },
    ]);
    await history.record('2026-11-26', [
      { scope: 'all', key: '', totals: totals(2) },
      { scope: 'owner', key: 'group:default/x', totals: totals(1) },
    ]);
    expect(await history.read('all', '')).toEqual([
      { day: '2026-11-25', totals: totals(0) },
      { day: '2026-11-26', totals: totals(2) },
    ]);
    expect(await history.read('owner', 'group:default/x')).toEqual([
      { day: '2026-11-26', totals: totals(1) },
    ]);
    await (await database.getClient()).destroy();
  });
});
