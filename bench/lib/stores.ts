/**
 * The two stores the backend runs on, seen from the bench: a scratch PostgreSQL database
 * created and dropped per run, and SQL counts of what the server stored (PGlite is opened
 * only after its server has stopped: it is single-process).
 *
 * @module
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Where the bench creates its scratch database (`BENCH_PG_ADMIN_URL` overrides). */
export const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A PostgreSQL database that exists for one bench run. */
export interface ScratchDatabase {
  /** Connection URL for `DATABASE_URL`. */
  url: string;
  /** Drops the database (closing whatever is still connected). Safe to call twice. */
  drop(): Promise<void>;
}

/** Creates an empty database named `opdkit_bench_<time>_<pid>` on the loopback server. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const admin = new URL(PG_ADMIN_URL);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(admin.hostname)) {
    throw new Error(`BENCH_PG_ADMIN_URL must point at a loopback address, got ${admin.hostname}`);
  }
  const name = `opdkit_bench_${Date.now()}_${process.pid}`;
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

const COUNT_SQL = 'SELECT count(*)::int AS n FROM consultations WHERE subject = $1';

/** Consultations with this subject stored in a PostgreSQL database. */
export async function countInPostgres(url: string, subject: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const result = await client.query<{ n: number }>(COUNT_SQL, [subject]);
    return result.rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

/** Consultations with this subject stored in a PGlite data directory (its server must be stopped). */
export async function countInPGlite(dataDir: string, subject: string): Promise<number> {
  const db = await PGlite.create(dataDir);
  try {
    const result = await db.query<{ n: number }>(COUNT_SQL, [subject]);
    return result.rows[0]?.n ?? 0;
  } finally {
    await db.close();
  }
}
