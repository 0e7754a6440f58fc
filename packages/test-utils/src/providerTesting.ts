import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import knexFactory, { Knex } from 'knex';

/**
 * A catalog connection that records what a provider applies, so that a test can check that a
 * failed or partial crawl deleted nothing.
 */
export class RecordingConnection implements EntityProviderConnection {
  readonly mutations: EntityProviderMutation[] = [];

  async applyMutation(mutation: EntityProviderMutation) {
    this.mutations.push(mutation);
  }

  async refresh() {}

  get last(): EntityProviderMutation {
    return this.mutations[this.mutations.length - 1];
  }
}

/**
 * A `DatabaseService` over a fresh in-memory SQLite database, for unit tests of stores; call
 * `destroy()` after the test.
 */
export function inMemoryDatabase(): {
  database: DatabaseService;
  destroy: () => Promise<void>;
} {
  const db: Knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  return {
    database: { getClient: async () => db } as unknown as DatabaseService,
    destroy: () => db.destroy(),
  };
}
