/**
 * Opens the shared database: PostgreSQL when `DATABASE_URL` is set, otherwise PGlite
 * (embedded PostgreSQL) in `DATA_DIR`. Either way the migrations run before it is returned.
 *
 * @module
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import type { Settings } from '../settings.js';
import { migrate, type ModuleMigration } from './migrate.js';
import { spineMigrations } from './migrations/index.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

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
  settings: Pick<Settings, 'databaseUrl' | 'dataDir'>,
  options: OpenDatabaseOptions,
): Promise<OpenDatabase> {
  const opened = settings.databaseUrl
    ? await openPostgres(settings.databaseUrl)
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

async function openPostgres(url: string): Promise<OpenDatabase> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection must not take the process down; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const target = new URL(url);
  return {
    db,
    kind: 'postgres',
    label: `postgres ${target.host}${target.pathname}`,
    close: () => db.destroy(),
  };
}

async function openPGlite(dataDir: string): Promise<OpenDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const path = resolve(dataDir);
  await mkdir(path, { recursive: true });
  const pglite = await PGlite.create({ dataDir: path });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  let closing: Promise<void> | undefined;
  return {
    db,
    kind: 'pglite',
    label: `pglite ${dataDir}`,
    close: () => {
      // destroy() waits for queries holding the connection; then PGlite shuts down cleanly.
      closing ??= db.destroy().then(() => pglite.close());
      return closing;
    },
  };
}
