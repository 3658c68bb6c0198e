/**
 * Opens the shared database: PostgreSQL when `DATABASE_URL` is set, otherwise PGlite
 * (embedded PostgreSQL) in `DATA_DIR`. Either way the migrations run before it is returned.
 *
 * @module
 */
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import type { Settings } from '../settings.js';
import { migrate, type ModuleMigration } from './migrate.js';
import { spineMigrations } from './migrations/index.js';
import { dataDirReadOnlyError, noUserError, postgresStartError, postgresTarget, StartError } from '../start-errors.js';
import { lockDataDir } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import { PGliteThread } from './pglite-thread.js';
import { preparingPool } from './prepared-statements.js';
import type { Database } from './schema.js';

/**
 * How long a request waits for a PostgreSQL connection (a new one, or a free one of the pool's
 * ten) before it is answered 503: long enough for a busy pool, short enough that a lost
 * database is told at once rather than by a hung request.
 */
export const POOL_CONNECT_TIMEOUT_MS = 3_000;

/** Which store holds the data. */
export type StoreKind = 'pglite' | 'postgres';

/** An open database. */
export interface OpenDatabase {
  /** The query builder over every table. */
  db: Kysely<Database>;
  /** PGlite (embedded) or PostgreSQL. */
  kind: StoreKind;
  /** Where the data lives, for the start log line: `pglite ./data`, `postgres 127.0.0.1:5432/opdkit`. */
  label: string;
  /** Waits for running queries, then closes the store (PGlite flushes and releases its files). */
  close(): Promise<void>;
}

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** Run the migrations (default true): the spine's, then each module's in this order. */
  migrate?: boolean;
  /** The modules whose migrations run after the spine's: the app's module registry. */
  modules: readonly { id: string; migrations?: Readonly<Record<string, ModuleMigration>> }[];
}

/** Opens the database the settings point at and brings its tables up to date. */
export async function openDatabase(
  settings: Pick<Settings, 'databaseUrl' | 'dataDir'> & Partial<Pick<Settings, 'databasePoolSize'>>,
  options: OpenDatabaseOptions,
): Promise<OpenDatabase> {
  const opened = settings.databaseUrl
    ? await openPostgres(settings.databaseUrl, settings.databasePoolSize ?? 10)
    : await openPGlite(settings.dataDir);
  if (options.migrate !== false) {
    try {
      await migrate(opened.db as Kysely<unknown>, [
        { module: 'spine', migrations: spineMigrations },
        ...options.modules.map((module) => ({ module: module.id, migrations: module.migrations ?? {} })),
      ]);
    } catch (error) {
      await opened.close();
      throw error;
    }
  }
  return opened;
}

async function openPostgres(url: string, poolSize: number): Promise<OpenDatabase> {
  const { default: pg } = await import('pg');
  // Connect once before anything else, so a wrong URL is named as such (not as a failed migration).
  const target = postgresTarget(url);
  if (target.user === undefined) throw noUserError(url);
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await probe.connect();
  } catch (error) {
    throw postgresStartError(error, target);
  } finally {
    await probe.end().catch(() => {});
  }
  // A connection that cannot be had within POOL_CONNECT_TIMEOUT_MS fails (a 503, http/problem.ts)
  // rather than holding the request; keep-alive notices a peer that went away without a word.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: POOL_CONNECT_TIMEOUT_MS, keepAlive: true });
  // An idle client losing its connection must not take the process down; the pool drops it and
  // the next query opens a new one, so the server recovers by itself when PostgreSQL is back.
  pool.on('error', () => {});
  // Nor a client in use whose connection dies between two statements (a transaction, the
  // scheduler's lock): its next statement fails (a 503) and the pool drops it when it is released.
  pool.on('connect', (client) => client.on('error', () => {}));
  // The hottest statements go by name, parsed and planned once per connection (prepared-statements.ts).
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  const shown = new URL(url);
  return {
    db,
    kind: 'postgres',
    label: `postgres ${shown.host}${shown.pathname}`,
    close: () => db.destroy(),
  };
}

async function openPGlite(dataDir: string): Promise<OpenDatabase> {
  const path = resolve(dataDir);
  const shown = path === dataDir ? dataDir : `${dataDir} (${path})`;
  await prepareDataDir(path, shown);
  // One server per folder: taken before PGlite touches a file, given up after it closed.
  const lock = await lockDataDir(path, shown);
  let pglite: PGliteThread;
  try {
    // On a thread of its own, so WebAssembly queries do not hold up the HTTP thread (pglite-thread.ts).
    pglite = await PGliteThread.open(path);
  } catch (error) {
    await lock.release();
    throw new StartError(
      `DATA_DIR ${shown} could not be opened as a PGlite database: ${error instanceof Error ? error.message : String(error)}. Is it a PGlite data folder (not a PostgreSQL server's)? A damaged one is restored from a backup.`,
      { cause: error },
    );
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  let closing: Promise<void> | undefined;
  return {
    db,
    kind: 'pglite',
    label: `pglite ${dataDir}`,
    close: () => {
      // destroy() waits for queries holding the connection; then PGlite shuts down cleanly.
      closing ??= db
        .destroy()
        .then(() => pglite.close())
        .finally(() => lock.release());
      return closing;
    },
  };
}

/** Makes `DATA_DIR` if needed; names what is wrong when it is not a writable folder. */
async function prepareDataDir(path: string, shown: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      throw new StartError(`DATA_DIR ${shown} is not a folder (a file is in the way): remove it or set DATA_DIR to a folder.`, { cause: error });
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new StartError(`DATA_DIR ${shown} cannot be created: not writable by this process (${code}). Create it for this user, or set DATA_DIR.`, { cause: error });
    }
    throw new StartError(`DATA_DIR ${shown} cannot be created: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!(await stat(path)).isDirectory()) {
    throw new StartError(`DATA_DIR ${shown} is not a folder (a file is in the way): remove it or set DATA_DIR to a folder.`);
  }
  // A read-only folder (or database in it) is named now, before the lock or PGlite write a byte.
  for (const part of ['', 'PG_VERSION', 'global', 'global/pg_control', 'base', 'pg_wal']) {
    const file = join(path, part);
    try {
      await access(file, constants.W_OK);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') continue;
      throw dataDirReadOnlyError(shown, error, part || undefined);
    }
  }
}
