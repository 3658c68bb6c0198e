/**
 * A real opd-kit server for tests: real HTTP on 127.0.0.1 (a free port), seeded with the
 * Lahat demo data, on PGlite in a temp folder or on a fresh PostgreSQL database
 * (`store: 'postgres'`, or `STORE=postgres` in the environment), removed on `close()`.
 *
 * ```ts
 * const server = await startTestServer();
 * const res = await fetch(`${server.url}/api/v1/opds`);
 * await server.close();
 * ```
 *
 * Works from TypeScript tests and from plain `.mjs` run with `node --import tsx`.
 *
 * Defaults that differ from a production start: staff token `test-staff-token`, any origin
 * allowed by CORS (the widget tests run on another port), 1000 public writes per minute,
 * no log output (`LOG_LEVEL` in the environment turns it on). Override any via `settings`.
 *
 * @module
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp, type AppEnv } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/db/open.js';
import { serverModules, type AppDatabase, type ModuleTables } from '../../server/src/modules/index.js';
import { createLogger } from '../../server/src/log.js';
import { loadSettings, type LogLevel, type Settings } from '../../server/src/settings.js';
import { seedDemo } from '../../server/src/seed.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';

/** Options of {@link startTestServer}. */
export interface TestServerOptions {
  /** `pglite` (default, or `STORE` env) or `postgres`. */
  store?: 'pglite' | 'postgres';
  /** The server's clock (default: the real one). Pass a function over a variable to move time. */
  now?: () => Date;
  /** Settings to override. */
  settings?: Partial<Settings>;
  /** Seed the Lahat demo data (default true). */
  seed?: boolean;
}

/** A running test server. */
export interface TestServer {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** The app itself, for `app.request()` without a socket. */
  app: Hono<AppEnv>;
  /** The database, to arrange or inspect rows directly. */
  db: Kysely<AppDatabase>;
  /** The bearer token of the staff routes. */
  staffToken: string;
  /** The settings it runs with. */
  settings: Settings;
  /** Which store holds its data. */
  store: 'pglite' | 'postgres';
  /** Stops the server and removes its data. */
  close(): Promise<void>;
}

/** The staff token test servers use unless told otherwise. */
export const TEST_STAFF_TOKEN = 'test-staff-token';

/** Starts a server on 127.0.0.1 at a free port. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const store = options.store ?? (process.env.STORE === 'postgres' ? 'postgres' : 'pglite');
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch(() => {});
  };

  try {
    let dataDir = '';
    let database: TestDatabase | undefined;
    if (store === 'postgres') {
      database = await createTestDatabase();
      const made = database;
      cleanups.push(() => made.drop());
    } else {
      dataDir = await mkdtemp(join(tmpdir(), 'opd-kit-test-'));
      const dir = dataDir;
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
    }

    const envLevel = process.env.LOG_LEVEL as LogLevel | undefined;
    const settings: Settings = {
      ...loadSettings({ NODE_ENV: 'test' }),
      staffToken: TEST_STAFF_TOKEN,
      corsOrigins: ['*'],
      rateLimitPerMinute: 1000,
      logLevel: envLevel ?? 'silent',
      warnings: [],
      ...options.settings,
      dataDir: options.settings?.dataDir ?? dataDir,
      databaseUrl: options.settings?.databaseUrl ?? database?.url,
    };

    const opened = await openDatabase(settings, { modules: serverModules });
    cleanups.push(() => opened.close());
    const now = options.now ?? (() => new Date());
    if (options.seed !== false) await seedDemo(opened.db, serverModules, now(), settings.timeZone);

    const app = createApp({ db: opened.db, settings, now, log: createLogger(settings.logLevel) });
    const server = await listen(app);
    cleanups.push(() => stop(server));
    const { port } = server.address() as AddressInfo;

    let closing: Promise<void> | undefined;
    return {
      url: `http://127.0.0.1:${port}`,
      app,
      db: opened.db.withTables<ModuleTables>(),
      staffToken: settings.staffToken,
      settings,
      store,
      close: () => (closing ??= cleanup()),
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

function listen(app: Hono<AppEnv>): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server));
    server.once('error', reject);
  });
}

function stop(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}
