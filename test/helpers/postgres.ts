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

/**
 * Creates a database with a unique name: empty, or a copy of the database `template` (see
 * `./templates.ts`; nobody may be connected to it).
 */
export async function createTestDatabase(prefix = 'opdkit_test', template?: string): Promise<TestDatabase> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin((client) => createFrom(client, name, template));
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

/**
 * `create database "name" [template "from"]`, tried again for a few seconds while the template
 * is still held by a session that is ending (PostgreSQL refuses to copy a database in use).
 */
export async function createFrom(admin: pg.Client, name: string, from?: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database "${name}"${from ? ` template "${from}"` : ''}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
