/**
 * The opd-kit HTTP app: a value built from its dependencies, with no global state and
 * no socket. `main.ts` serves it; tests call `app.request()` or serve it on a free port.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import { moduleNames } from '../../src/schemas/index.js';
import { clientIp } from './http/client-ip.js';
import { cors } from './http/cors.js';
import type { AppDeps, AppEnv } from './http/env.js';
import type { ServerModule } from './http/module.js';
import { bodyBytesOf, mountRoutes } from './http/mount.js';
import { limitBody } from './http/body.js';
import { databaseUnavailable, isDatabaseUnavailable, ProblemError, problem, problemRegistry } from './http/problem.js';
import { requestId } from './http/request-id.js';
import { createRateLimits, rateLimit, useRateLimits, type RateLimits } from './http/rate-limit.js';
import { addSecurityHeaders, cameOverHttps } from './http/security-headers.js';
import { fastReads, fastRequestOf, responseOf } from './http/fast-reads.js';
import { nodeListener } from './http/node-listener.js';
import type { RequestListener } from 'node:http';
import { createServedFolder, FOREVER, REVALIDATE, serveFolder } from './http/static.js';
import { OpdDirectory } from './tenancy/directory.js';
import { staffHealthDetail } from './jobs/health.js';
import { silentLogger } from './log.js';
import { serverModules, type AppDatabase } from './modules/index.js';
import { buildOpenApiDocument } from './openapi/document.js';
import { DOCS_CSS, renderDocsPage } from './openapi/docs-page.js';

export type { AppDeps, AppEnv } from './http/env.js';

/** Where the demo site and the CDN build live (repository root). */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A CDN chunk named by its content's hash, e.g. `shared-1VKu5038.js`. */
const HASHED_CHUNK = /-[A-Za-z0-9_-]{8}\.js(\.map)?$/;

/** The build's lists, which change with every release: the entries, the pinned entry's integrity, the widgets' manifest. */
const LISTS = new Set(['entries.json', 'integrity.json', 'custom-elements.json']);

/**
 * The CDN build's `Cache-Control` by file: a chunk named by its content's hash is kept for
 * good; an entry (`opd-kit.js`, `staff/console.js`: the names the build lists in each folder's
 * `entries.json`) keeps its name across releases, so it is revalidated on every use — a 304 of
 * a few hundred bytes, and a browser never holds an entry whose chunks a new build removed.
 */
function cdnCacheControl(folder: string): (relative: string) => string {
  const entries = new Map<string, { names: ReadonlySet<string> | undefined; readAt: number }>();
  const entriesOf = (dir: string): ReadonlySet<string> | undefined => {
    const known = entries.get(dir);
    if (known && performance.now() - known.readAt < 1000) return known.names;
    let names: ReadonlySet<string> | undefined;
    try {
      names = new Set(JSON.parse(readFileSync(join(folder, dir, 'entries.json'), 'utf8')) as string[]);
    } catch {
      names = undefined;
    }
    entries.set(dir, { names, readAt: performance.now() });
    return names;
  };
  return (relative) => {
    const slash = relative.lastIndexOf('/');
    const name = relative.slice(slash + 1).replace(/\.map$/, '');
    const listed = entriesOf(relative.slice(0, slash + 1));
    // A build without the list (older, or a test's folder): the name tells.
    const isEntry = listed ? listed.has(name) || LISTS.has(name) : !HASHED_CHUNK.test(relative);
    return isEntry ? REVALIDATE : FOREVER;
  };
}

/** Methods that change nothing. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The staff console's page (`examples/console.html`) and what it links, served with or without the demo site. */
const CONSOLE_FILES = ['/console', '/site.css', '/favicon.svg'];

/** The folders the app serves files from. */
export interface StaticFolders {
  /** The widgets build, served at `/cdn/` (default `dist/cdn` of the repository). */
  cdn: string;
  /** The demo site, served at `/` when `settings.serveDemo` (default `examples/` of the repository). */
  demo: string;
  /** The SDK and widget reference `npm run docs` builds, served at `/docs/reference/` (default `docs/api` of the repository). */
  reference: string;
}

/** What {@link createApp} needs; the rest has defaults. */
export interface CreateAppOptions extends Omit<AppDeps, 'db' | 'now' | 'log' | 'problems' | 'modules' | 'directory'> {
  /** The database, as the spine or as the whole registry sees it. */
  db: AppDeps['db'] | Kysely<AppDatabase>;
  now?: AppDeps['now'];
  log?: AppDeps['log'];
  /** The modules to mount (default: every module of the registry). */
  modules?: readonly ServerModule[];
  /** Where the served files are (default: the repository's `dist/cdn` and `examples`). */
  folders?: Partial<StaticFolders>;
  /**
   * How long this instance trusts its OPD directory before checking the database's version
   * again, in ms (default 500; see `tenancy/directory.ts`). Tests that change the tables
   * behind the app's back pass 0.
   */
  directoryFreshForMs?: number;
  /**
   * Answer the hottest reads from memory before the router (default true; see
   * `http/fast-reads.ts`). Off only to compare the two ways in tests.
   */
  fastReads?: boolean;
  /** Where to count the rate limits (default: as the settings say; see `http/rate-limit.ts`). Tests share one between apps. */
  rateLimits?: RateLimits;
}

/**
 * The app: a Hono app (`fetch` for tests and any runtime) and, for Node's HTTP server,
 * `nodeListener`, which answers the hottest reads straight on Node's request and response
 * (`http/node-listener.ts`) and hands everything else to `fetch`.
 */
export type OpdApp = Hono<AppEnv> & {
  readonly nodeListener: RequestListener;
  /** Lets go of what the app holds besides the database (the rate limits' Redis connection). */
  close(): Promise<void>;
};

/** Builds the app: every module's routes and mounts, health, OpenAPI, docs and (optionally) the demo site. */
export function createApp(options: CreateAppOptions): OpdApp {
  const modules = options.modules ?? serverModules;
  const db = options.db as AppDeps['db'];
  const log = options.log ?? silentLogger;
  const deps: AppDeps = {
    db,
    settings: options.settings,
    now: options.now ?? (() => new Date()),
    log,
    problems: problemRegistry(modules),
    modules,
    directory: new OpdDirectory({
      db,
      modules,
      timeZone: options.settings.timeZone,
      log,
      ...(options.directoryFreshForMs !== undefined ? { freshForMs: options.directoryFreshForMs } : {}),
    }),
  };
  const folders: StaticFolders = {
    cdn: options.folders?.cdn ?? `${REPO_ROOT}dist/cdn`,
    demo: options.folders?.demo ?? `${REPO_ROOT}examples`,
    reference: options.folders?.reference ?? `${REPO_ROOT}docs/api`,
  };
  const limits = options.rateLimits ?? createRateLimits(deps);
  useRateLimits(deps, limits);
  const app = new Hono<AppEnv>();

  app.use('*', requestId(), async (c, next) => {
    c.set('deps', deps);
    const started = performance.now();
    await next();
    // A staff write may have changed what the directory holds: this instance checks at once
    // (the others within their freshness window, by the version the change raised).
    if (c.get('actor') && !READS.has(c.req.method)) deps.directory.expire();
    addSecurityHeaders(c.res.headers, c.req.path, deps.settings.serveDemo, cameOverHttps(deps.settings.trustProxy, c.req.header('X-Forwarded-Proto')));
    // Method, path and status only: query strings may hold search text typed by staff.
    deps.log.debug('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      requestId: c.get('requestId'),
    });
  });
  app.use('*', clientIp());
  const mountReads = rateLimit('public-read', 'public-reads');
  const methods = modules.flatMap((module) => (module.routes ?? []).map((route) => route.endpoint.method));
  const corsRoutes = modules.flatMap((module) =>
    (module.routes ?? []).map(({ endpoint }) => ({ method: endpoint.method, path: endpoint.path, staff: endpoint.access !== 'public' })),
  );
  app.use('/api/*', cors({ methods, routes: corsRoutes }));
  for (const module of modules) {
    for (const mount of module.mounts ?? []) {
      app.use(`${mount.path}/*`, cors({ methods: mount.methods ?? ['GET', 'POST'], origins: mount.cors ?? 'opds' }));
      app.use(`${mount.path}/*`, limitBody(bodyBytesOf(module)));
      // Its reads are public reads (its writes limit themselves, as Open311's do).
      app.use(`${mount.path}/*`, (c, next) => (READS.has(c.req.method) && c.req.method !== 'OPTIONS' ? mountReads(c, next) : next()));
    }
  }

  app.get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
    } catch (error) {
      deps.log.error('health check failed', { error: error instanceof Error ? error.message : String(error) });
      return databaseUnavailable(c);
    }
    // Signed-in staff also see the background jobs (`jobs/health.ts`); the public, the status only.
    return c.json({ status: 'ok', ...(await staffHealthDetail(c)) }, 200, { 'Cache-Control': 'no-store' });
  });

  let document: Record<string, unknown> | undefined;
  const openApi = () => (document ??= buildOpenApiDocument(modules, deps.problems));
  app.get('/openapi.json', (c) =>
    c.json(openApi(), 200, { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' }),
  );
  let docsPage: string | undefined;
  app.get('/docs', (c) => c.html((docsPage ??= renderDocsPage(openApi()))));
  app.get('/docs/docs.css', (c) => c.body(DOCS_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  // The SDK reference and the widget reference (typedoc renders docs/widgets/ with the guides), once `npm run docs` ran.
  app.use('/docs/reference/*', serveFolder(folders.reference, '/docs/reference/'));

  mountRoutes(app, modules, deps.problems);
  for (const module of modules) {
    if (module.perOpd !== false && module.routes?.length && !(moduleNames as readonly string[]).includes(module.id)) {
      // It still works for OPDs that list it, but GET /api/v1/opds cannot show it (a closed list).
      deps.log.warn(`module ${module.id} is switched per OPD but is not in moduleNames (src/schemas/opds.ts)`);
    }
  }
  for (const module of modules) {
    for (const mount of module.mounts ?? []) app.route(mount.path, mount.app(deps));
  }

  // The widgets file is what every OPD's script tag loads, so it is served in production too.
  // Its chunks are named by their content's hash (`rollup.config.mjs`), so they are cached for good.
  const cdn = createServedFolder(folders.cdn, '/cdn/', { crossOrigin: true, cacheControl: cdnCacheControl(folders.cdn) });
  app.use('/cdn/*', cdn.handler);
  // The staff console is served in production too: its page and the two files it links.
  // No other site may frame it (clickjacking a signed-in staff member): `http/security-headers.ts`.
  app.use('/console', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-cache');
  });
  if (deps.settings.serveDemo) app.use('*', serveFolder(folders.demo, '/'));
  else for (const path of CONSOLE_FILES) app.get(path, serveFolder(folders.demo, '/'));

  app.notFound((c) => problem(c, 'not-found', { detail: `Nothing at ${c.req.method} ${c.req.path}` }));

  app.onError((error, c) => {
    if (error instanceof ProblemError && deps.problems.has(error.code)) return problem(c, error.code, error.options);
    // The database down, unreachable or out of disk: 503 with Retry-After, not a 500 (http/problem.ts).
    if (isDatabaseUnavailable(error)) {
      deps.log.warn('database unavailable', { requestId: c.get('requestId'), method: c.req.method, path: c.req.path, error: error instanceof Error ? error.message : String(error) });
      return databaseUnavailable(c);
    }
    deps.log.error('unhandled error', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return problem(c, 'internal', {
      detail: 'The error has been logged. Quote the requestId if you contact us.',
    });
  });

  // The hottest reads answer from memory before the router (`http/fast-reads.ts`); whatever
  // they cannot answer, and every error, goes the long way.
  const close = () => limits.close();
  if (options.fastReads === false) return Object.assign(app, { nodeListener: nodeListener(undefined, app.fetch), close });
  const fast = fastReads({ deps, cdn, limits });
  const longWay = app.fetch;
  app.fetch = (request, env, executionCtx) => {
    const answer = fast(fastRequestOf(request, socketAddressOf(env)));
    if (!answer) return longWay(request, env, executionCtx);
    if (!(answer instanceof Promise)) return responseOf(answer);
    return answer.then(
      (found) => (found ? responseOf(found) : longWay(request, env, executionCtx)),
      () => longWay(request, env, executionCtx),
    );
  };
  return Object.assign(app, { nodeListener: nodeListener(fast, longWay), close });
}

/** The client's address of a request `@hono/node-server` hands on (`env.incoming`); none for `app.request()`. */
function socketAddressOf(env: unknown): string | undefined {
  return (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
}
