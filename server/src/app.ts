/**
 * The opd-kit HTTP app: a value built from its dependencies, with no global state and
 * no socket. `main.ts` serves it; tests call `app.request()` or serve it on a free port.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sql } from 'kysely';
import { clientIp } from './http/client-ip.js';
import { cors } from './http/cors.js';
import type { AppDeps, AppEnv } from './http/env.js';
import { ProblemError, problem } from './http/problem.js';
import { requestId } from './http/request-id.js';
import { serveFolder } from './http/static.js';
import { silentLogger } from './log.js';
import { serverModules } from './modules/index.js';
import { buildOpenApiDocument } from './openapi/document.js';
import { DOCS_CSS, renderDocsPage } from './openapi/docs-page.js';

export type { AppDeps, AppEnv } from './http/env.js';

/** The largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Where the demo site and the CDN build live (repository root). */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What {@link createApp} needs; `now` and `log` have defaults. */
export interface CreateAppOptions extends Omit<AppDeps, 'now' | 'log'> {
  now?: AppDeps['now'];
  log?: AppDeps['log'];
}

/** Builds the app: every module under `/api/v1`, health, OpenAPI, docs and (optionally) the demo site. */
export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const deps: AppDeps = {
    db: options.db,
    settings: options.settings,
    now: options.now ?? (() => new Date()),
    log: options.log ?? silentLogger,
  };
  const app = new Hono<AppEnv>();

  app.use('*', requestId(), async (c, next) => {
    c.set('deps', deps);
    const started = performance.now();
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
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
  app.use('/api/*', cors());
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        problem(c, 'payload-too-large', { detail: `Send at most ${MAX_BODY_BYTES / 1024} KB in one request` }),
    }),
  );

  app.get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
    } catch (error) {
      deps.log.error('health check failed', { error: error instanceof Error ? error.message : String(error) });
      return problem(c, 'internal', { status: 503, title: 'The database cannot be reached' });
    }
    return c.json({ status: 'ok' }, 200, { 'Cache-Control': 'no-store' });
  });

  let document: Record<string, unknown> | undefined;
  const openApi = () => (document ??= buildOpenApiDocument(serverModules));
  app.get('/openapi.json', (c) =>
    c.json(openApi(), 200, { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' }),
  );
  let docsPage: string | undefined;
  app.get('/docs', (c) => c.html((docsPage ??= renderDocsPage(openApi()))));
  app.get('/docs/docs.css', (c) => c.body(DOCS_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));

  for (const module of serverModules) app.route('/api/v1', module.routes());

  // The widgets file is what every OPD's script tag loads, so it is served in production too.
  app.use('/cdn/*', serveFolder(`${REPO_ROOT}dist/cdn`, '/cdn/', { crossOrigin: true }));
  if (deps.settings.serveDemo) app.use('*', serveFolder(`${REPO_ROOT}examples`, '/'));

  app.notFound((c) => problem(c, 'not-found', { detail: `Nothing at ${c.req.method} ${c.req.path}` }));

  app.onError((error, c) => {
    if (error instanceof ProblemError) return problem(c, error.code, error.options);
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

  return app;
}
