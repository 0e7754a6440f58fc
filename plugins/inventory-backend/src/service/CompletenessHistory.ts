import { DatabaseService } from '@backstage/backend-plugin-api';
import { ScoreTotals } from '@infra-atlas/inventory-common';
import { createTableOnce } from '@infra-atlas/plugin-inventory-node';
import { Knex } from 'knex';

const TABLE = 'inventory_completeness_history';

/**
 * Completeness totals per day, per scope (`all`, one owner, one system), in the inventory's
 * own database, so that progress shows over weeks. Each index build overwrites the day's row:
 * the last build of a day is that day's value.
 */
export class CompletenessHistory {
  private constructor(private readonly db: Knex) {}

  static async create(database: DatabaseService): Promise<CompletenessHistory> {
    const db = await database.getClient();
    // Replicas starting together race to create it.
    await createTableOnce(db, TABLE, table => {
      table.string('day', 10).notNullable();
      table.string('scope', 16).notNullable();
      table.string('scope_key', 255).notNullable();
      table.text('totals').notNullable();
      table.primary(['day', 'scope', 'scope_key']);
    });
    return new CompletenessHistory(db);
  }

  async record(
    day: string,
    rows: Array<{ scope: string; key: string; totals: ScoreTotals }>,
  ): Promise<void> {
    // Chunks keep each statement under SQLite's variable limit on large estates.
    for (let i = 0; i < rows.length; i += 200) {
      await this.db(TABLE)
        .insert(
          rows.slice(i, i + 200).map(r => ({
            day,
            scope: r.scope,
            scope_key: r.key,
            totals: JSON.stringify(r.totals),
          })),
        )
        .onConflict(['day', 'scope', 'scope_key'])
        .merge(['totals']);
    }
  }

  async read(
    scope: string,
    key: string,
  ): Promise<Array<{ day: string; totals: ScoreTotals }>> {
    // The last year, oldest first.
    const rows = await this.db(TABLE)
      .where({ scope, scope_key: key })
      .orderBy('day', 'desc')
      .limit(366)
      .select('day', 'totals');
    return rows
      .reverse()
      .map(r => ({ day: r.day, totals: JSON.parse(r.totals) }));
  }
}
