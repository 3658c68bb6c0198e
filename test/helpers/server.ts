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
 * Staff sign in as the demo users (`tokenFor('bpkad@lahat.demo')`; password `demo-password`).
 * Defaults that differ from a production start: any origin
 * allowed by CORS (the widget tests run on another port), 1000 public writes per minute,
 * no log output (`LOG_LEVEL` in the environment turns it on). Override any via `settings`.
 *
 * @module
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server as ServerType } from 'node:http';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp, type AppEnv, type OpdApp } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/db/open.js';
import { serverModules, type AppDatabase, type ModuleTables } from '../../server/src/modules/index.js';
import { createLogger } from '../../server/src/log.js';
import { loadSettings, type LogLevel, type Settings } from '../../server/src/settings.js';
import { seedDemo } from '../../server/src/seed.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';
import { copyPGliteTemplate, hasPGliteTemplate, hasPostgresTemplate, postgresTemplate, templatesEnabled, type TemplateSeed } from './templates.js';

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
  /**
   * The instant the demo seed is made at (default: `now()` at start). Servers seeded at one
   * instant start from one copied template (`./templates.ts`) instead of seeding each; a clock
   * that stands still is detected and gets the same.
   */
  seedAt?: Date;
}

/** A running test server. */
export interface TestServer {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** The app itself, for `app.request()` without a socket. */
  app: Hono<AppEnv>;
  /** The database, to arrange or inspect rows directly. */
  db: Kysely<AppDatabase>;
  /**
   * A bearer token of the demo regency admin (`admin@lahat.demo`), signed in at start; empty
   * without the seed. It lasts 12 hours on the server's clock: a suite that moves the clock
   * further uses {@link TestServer.tokenFor}.
   */
  staffToken: string;
  /**
   * A bearer token of a seeded staff user (default the regency admin), signed in over HTTP
   * once, and again when it has expired on the server's clock.
   */
  tokenFor(email?: string): Promise<string>;
  /** The settings it runs with. */
  settings: Settings;
  /** Which store holds its data. */
  store: 'pglite' | 'postgres';
  /** Stops the server and removes its data. */
  close(): Promise<void>;
}

/** The demo regency admin, whose token {@link TestServer.staffToken} is. */
export const TEST_ADMIN = 'admin@lahat.demo';

/** The password of every demo user. */
export const DEMO_PASSWORD = 'demo-password';

/** Signs `email` in with the demo password over HTTP; answers the token and its expiry. */
export async function signIn(url: string, email: string, password = DEMO_PASSWORD): Promise<{ token: string; expiresAt: Date }> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`signing in as ${email} answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { token: string; expiresAt: string };
  return { token: body.token, expiresAt: new Date(body.expiresAt) };
}

/** Starts a server on 127.0.0.1 at a free port. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const store = options.store ?? (process.env.STORE === 'postgres' ? 'postgres' : 'pglite');
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch(() => {});
  };

  try {
    const now = options.now ?? (() => new Date());
    const timeZone = options.settings?.timeZone ?? loadSettings({ NODE_ENV: 'test' }).timeZone;
    // Our own database starts as a copy of a template (./templates.ts): migrated, and seeded too
    // when the seed's instant is known ahead: seedAt (its template is made when missing), or a
    // clock standing at an instant whose template another server made.
    const ownStore = store === 'postgres' ? !options.settings?.databaseUrl : !options.settings?.dataDir;
    const useTemplate = ownStore && templatesEnabled();
    let templateSeed: TemplateSeed | undefined;
    if (useTemplate && options.seed !== false) {
      if (options.seedAt) templateSeed = { at: options.seedAt, timeZone };
      else {
        const stopped = await stoppedAt(now);
        const seed = stopped && { at: stopped, timeZone };
        if (seed && (store === 'postgres' ? await hasPostgresTemplate(seed) : await hasPGliteTemplate(seed))) templateSeed = seed;
      }
    }

    let dataDir = '';
    let database: TestDatabase | undefined;
    if (store === 'postgres') {
      database = await createTestDatabase('opdkit_test', useTemplate ? await postgresTemplate(templateSeed) : undefined);
      const made = database;
      cleanups.push(() => made.drop());
    } else {
      dataDir = await mkdtemp(join(tmpdir(), 'opd-kit-test-'));
      const dir = dataDir;
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      if (useTemplate) await copyPGliteTemplate(dir, templateSeed);
    }

    const envLevel = process.env.LOG_LEVEL as LogLevel | undefined;
    const settings: Settings = {
      ...loadSettings({ NODE_ENV: 'test' }),
      corsOrigins: ['*'],
      rateLimitPerMinute: 1000,
      logLevel: envLevel ?? 'silent',
      warnings: [],
      ...options.settings,
      dataDir: options.settings?.dataDir ?? dataDir,
      databaseUrl: options.settings?.databaseUrl ?? database?.url,
    };

    // The migrations run as ever: on a copy of a template they find nothing left to do.
    const opened = await openDatabase(settings, { modules: serverModules });
    cleanups.push(() => opened.close());
    if (options.seed !== false && !templateSeed) await seedDemo(opened.db, serverModules, options.seedAt ?? now(), settings.timeZone);

    // Freshness 0: tests change tables behind the app's back and expect the next request to see it.
    const app = createApp({ db: opened.db, settings, now, log: createLogger(settings.logLevel), directoryFreshForMs: 0 });
    const server = await listen(app);
    cleanups.push(() => stop(server));
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;

    const tokens = new Map<string, { token: string; expiresAt: Date }>();
    const tokenFor = async (email = TEST_ADMIN) => {
      const held = tokens.get(email);
      if (held && held.expiresAt.getTime() - now().getTime() > 60_000) return held.token;
      const fresh = await signIn(url, email);
      tokens.set(email, fresh);
      return fresh.token;
    };
    const staffToken = options.seed !== false ? await tokenFor() : '';

    let closing: Promise<void> | undefined;
    return {
      url,
      app,
      db: opened.db.withTables<ModuleTables>(),
      staffToken,
      tokenFor,
      settings,
      store,
      close: () => (closing ??= cleanup()),
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** The clock's time when it stands still (two readings a few milliseconds apart agree), else undefined. */
async function stoppedAt(now: () => Date): Promise<Date | undefined> {
  const first = now().getTime();
  await new Promise((resolve) => setTimeout(resolve, 3));
  return now().getTime() === first ? new Date(first) : undefined;
}

/** Serves the app as `main.ts` does: Node's server with the app's listener. */
function listen(app: OpdApp): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = createServer(app.nodeListener);
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function stop(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}
