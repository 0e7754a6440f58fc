/**
 * The databases every integration test runs against: SQLite (the demo's embedded default)
 * and a real PostgreSQL (production). scripts/test.sh starts PostgreSQL and sets
 * ATLAS_TEST_POSTGRES_URL; without it the PostgreSQL cases fail rather than skip.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export type TestDatabase = {
  name: 'SQLite' | 'PostgreSQL';
  /** `backend.database` config for a backend under test. */
  config(): { client: string; connection: string; prefix?: string };
  /** Drops what the backend created; a no-op for in-memory SQLite. */
  cleanup(): Promise<void>;
};

function postgresUrl(): string {
  const url = process.env.ATLAS_TEST_POSTGRES_URL;
  if (!url) {
    throw new Error(
      'ATLAS_TEST_POSTGRES_URL is not set: run the tests through scripts/test.sh, which starts PostgreSQL',
    );
  }
  return url;
}

/**
 * `WITH (FORCE)` ends the test's own connections, but cannot end a server process of another
 * role, such as an autovacuum worker that has just started on the fresh database; those end
 * on their own within moments, so the drop is tried again.
 */
async function dropWithRetries(client: Client, datname: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      return;
    } catch (error) {
      if (attempt === 10) throw error;
      await new Promise(resolve => setTimeout(resolve, 500 * attempt));
    }
  }
}

/** Drops the per-plugin databases a backend created under `prefix`. */
async function dropPostgresDatabases(prefix: string) {
  const client = new Client({ connectionString: postgresUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await dropWithRetries(client, datname);
    }
  } finally {
    await client.end();
  }
}

/**
 * Both databases, for `describe.each`. Each PostgreSQL case uses a fresh, random database
 * prefix, so runs never see each other's data.
 */
export function testDatabases(): TestDatabase[] {
  const prefix = `atlas_test_${randomBytes(4).toString('hex')}_`;
  return [
    {
      name: 'SQLite',
      config: () => ({ client: 'better-sqlite3', connection: ':memory:' }),
      cleanup: async () => {},
    },
    {
      name: 'PostgreSQL',
      config: () => ({ client: 'pg', connection: postgresUrl(), prefix }),
      cleanup: () => dropPostgresDatabases(prefix),
    },
  ];
}
