/**
 * The two stores the backend runs on, seen from the bench: a scratch PostgreSQL database
 * created and dropped per run, and SQL counts of what the server stored (PGlite is opened
 * only after its server has stopped: it is single-process).
 *
 * @module
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * Where the bench creates its scratch databases: `BENCH_PG_ADMIN_URL`, else the tests'
 * `TEST_POSTGRES_ADMIN_URL` (as CI sets it), else the local server's `postgres` role.
 */
export const PG_ADMIN_URL =
  process.env.BENCH_PG_ADMIN_URL ?? process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A PostgreSQL database that exists for one bench run. */
export interface ScratchDatabase {
  /** Connection URL for `DATABASE_URL`. */
  url: string;
  /** Drops the database (closing whatever is still connected). Safe to call twice. */
  drop(): Promise<void>;
}

/** Creates an empty database named `opdkit_bench_<time>_<pid>[_<tag>]` on the loopback server. */
export async function createScratchDatabase(tag = ''): Promise<ScratchDatabase> {
  const admin = new URL(PG_ADMIN_URL);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(admin.hostname)) {
    throw new Error(`BENCH_PG_ADMIN_URL must point at a loopback address, got ${admin.hostname}`);
  }
  const name = `opdkit_bench_${Date.now()}_${process.pid}${tag ? `_${tag.replace(/\W/g, '')}` : ''}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin(work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

const COUNT_SQL = 'SELECT subject, count(*)::int AS n FROM consultations WHERE subject = ANY($1::text[]) GROUP BY subject';

/** How many consultations with each of `subjects` a PostgreSQL database holds. */
export async function countInPostgres(url: string, subjects: readonly string[]): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const result = await client.query<{ subject: string; n: number }>(COUNT_SQL, [subjects]);
    return counted(subjects, result.rows);
  } finally {
    await client.end();
  }
}

/** How many consultations with each of `subjects` a PGlite data directory holds (its server must be stopped). */
export async function countInPGlite(dataDir: string, subjects: readonly string[]): Promise<Map<string, number>> {
  const db = await PGlite.create(dataDir);
  try {
    const result = await db.query<{ subject: string; n: number }>(COUNT_SQL, [subjects]);
    return counted(subjects, result.rows);
  } finally {
    await db.close();
  }
}

function counted(subjects: readonly string[], rows: Array<{ subject: string; n: number }>): Map<string, number> {
  const counts = new Map(subjects.map((subject) => [subject, 0]));
  for (const row of rows) counts.set(row.subject, Number(row.n));
  return counts;
}
