/**
 * Throw-away PostgreSQL databases for tests: a fresh database on the local server
 * (127.0.0.1:5432, trust auth), dropped again when the test is done.
 *
 * Set `TEST_POSTGRES_ADMIN_URL` to use another server (a role allowed to create databases).
 *
 * @module
 */
import { userInfo } from 'node:os';
import pg from 'pg';

/** A database made for one test (file). */
export interface TestDatabase {
  /** Connection URL of the new database. */
  url: string;
  /** Its name. */
  name: string;
  /** Drops it (closing any connection still open). */
  drop(): Promise<void>;
}

/** The URL of the maintenance database used to create and drop test databases. */
export function adminUrl(): string {
  return process.env.TEST_POSTGRES_ADMIN_URL ?? `postgres://${encodeURIComponent(userInfo().username)}@127.0.0.1:5432/postgres`;
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database with a unique name. */
export async function createTestDatabase(prefix = 'opdkit_test'): Promise<TestDatabase> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin((client) => client.query(`create database "${name}"`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await withAdmin((client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}
