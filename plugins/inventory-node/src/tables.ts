import { Knex } from 'knex';

/**
 * Creates a table of a store unless it exists. Several modules (GCP, GitHub), or replicas,
 * create their stores at the same time on the same database: a lost race to create the table
 * is not an error.
 *
 * @public
 */
export async function createTableOnce(
  db: Knex,
  name: string,
  build: (table: Knex.CreateTableBuilder) => void,
): Promise<void> {
  if (await db.schema.hasTable(name)) return;
  try {
    await db.schema.createTable(name, build);
  } catch (error) {
    if (!(await db.schema.hasTable(name))) throw error;
  }
}
