/**
 * Mounts what modules declare: each route at its endpoint's path, with the spine's work
 * done in one order for every module — body limit, sign-in, path values and tenancy, rate
 * limit, query, body — then the handler, whose answer is checked against the endpoint's
 * response schema. Colliding routes are a start-up error, not a silent overwrite.
 *
 * @module
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod/mini';
import { pathParameterNames, type AnyEndpoint } from '../../../src/schemas/index.js';
import { requireStaff } from '../auth/staff-token.js';
import { requireOpd } from '../tenancy/load.js';
import type { AppEnv } from './env.js';
import { idempotencyKeyOf, requestHash, runIdempotent } from './idempotency.js';
import { honoPath, type Route, type RouteContext, type ServerModule } from './module.js';
import { ProblemError } from './problem.js';
import { rateLimit } from './rate-limit.js';
import { readJsonBody, readQuery } from './validate.js';

/** The largest request body a route accepts unless its module or itself says otherwise. */
export const DEFAULT_BODY_BYTES = 64 * 1024;

/** The body limit of `route` in `module`, in bytes. */
export function bodyBytesOf(module: ServerModule, route: Route): number {
  return route.bodyBytes ?? module.limits?.bodyBytes ?? DEFAULT_BODY_BYTES;
}

/** Mounts every route of every module on `app`; throws when two describe one method and path. */
export function mountRoutes(app: Hono<AppEnv>, modules: readonly ServerModule[]): void {
  const seen = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const module of modules) {
    for (const route of module.routes ?? []) {
      const { endpoint } = route;
      const key = `${endpoint.method} ${honoPath(endpoint).replace(/:[^/]+/g, ':')}`;
      const where = `${module.id}'s ${endpoint.id}`;
      if (seen.has(key)) throw new Error(`${where} and ${seen.get(key)} both answer ${endpoint.method} ${endpoint.path}`);
      if (ids.has(endpoint.id)) throw new Error(`${where} and ${ids.get(endpoint.id)} share the endpoint id ${endpoint.id}`);
      seen.set(key, where);
      ids.set(endpoint.id, where);
      app.on(endpoint.method, [honoPath(endpoint)], ...routeHandlers(module, route));
    }
  }
}

function routeHandlers(module: ServerModule, route: Route): MiddlewareHandler<AppEnv>[] {
  const { endpoint } = route;
  const bytes = bodyBytesOf(module, route);
  const handlers: MiddlewareHandler<AppEnv>[] = [];
  if (endpoint.body) {
    handlers.push(
      bodyLimit({
        maxSize: bytes,
        onError: () => {
          throw new ProblemError('payload-too-large', { detail: `Send at most ${formatBytes(bytes)} in one request` });
        },
      }),
    );
  }
  if (endpoint.access === 'staff') handlers.push(requireStaff());
  const moduleSwitch = module.perOpd === false ? null : module.id;
  const scoped = pathParameterNames(endpoint.path).includes('opd');
  // Path values and tenancy come before the rate limit: a mistyped address costs no quota.
  handlers.push(async (c, next) => {
    c.set('routeParams', readParams(c, endpoint));
    if (scoped) c.set('opd', await requireOpd(c, c.req.param('opd') ?? '', moduleSwitch));
    await next();
  });
  if (route.rateLimit) handlers.push(rateLimit(route.rateLimit));
  handlers.push(async (c) => {
    const ctx = await routeContext(c, route, moduleSwitch);
    const answer = await route.handler(ctx);
    const checked = z.parse(endpoint.response, answer.body);
    return c.body(JSON.stringify(checked), (endpoint.status ?? 200) as ContentfulStatusCode, {
      'Content-Type': 'application/json',
      ...answer.headers,
    });
  });
  return handlers;
}

/** The checked path values; one that fails its schema means there is nothing at this path (404). */
function readParams(c: Context<AppEnv>, endpoint: AnyEndpoint): Record<string, unknown> {
  const raw = c.req.param() as Record<string, string>;
  if (!endpoint.params) return raw;
  const result = z.safeParse(endpoint.params, raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? '');
  if (name === 'opd') {
    throw new ProblemError('not-found', { detail: `There is no agency (OPD) "${String(raw.opd).slice(0, 64)}" here` });
  }
  throw new ProblemError('not-found', {
    detail: `Nothing at ${c.req.method} ${c.req.path}: ${name} "${String(raw[name] ?? '').slice(0, 64)}" is not valid. ${issue?.message ?? ''}`.trim(),
  });
}

async function routeContext(c: Context<AppEnv>, route: Route, moduleSwitch: string | null): Promise<RouteContext<AnyEndpoint>> {
  const { endpoint } = route;
  const deps = c.get('deps');
  const now = deps.now();
  const query = endpoint.query ? readQuery(c, endpoint.query) : undefined;
  const body = endpoint.body ? await readJsonBody(c, endpoint.body) : undefined;
  const key = endpoint.idempotent ? idempotencyKeyOf(c) : undefined;
  return {
    c,
    deps,
    now,
    params: c.get('routeParams') as RouteContext<AnyEndpoint>['params'],
    query: query as RouteContext<AnyEndpoint>['query'],
    body: body as RouteContext<AnyEndpoint>['body'],
    get opd() {
      const opd = c.get('opd');
      if (!opd) throw new Error(`${endpoint.id} has no {opd} in its path`);
      return opd;
    },
    get actor() {
      const actor = c.get('actor');
      if (!actor) throw new Error(`${endpoint.id} is not a staff route`);
      return actor;
    },
    opdFor: (slug, moduleId = moduleSwitch) => requireOpd(c, slug, moduleId),
    async once(write) {
      if (!endpoint.idempotent) throw new Error(`${endpoint.id} is not declared idempotent`);
      const stored = await runIdempotent(
        deps.db,
        { scope: `${endpoint.method} ${c.req.path}`, key, hash: requestHash(body), now },
        async (trx) => ({ status: endpoint.status ?? 200, body: await write(trx) }),
      );
      return { body: stored.body, replayed: stored.replayed };
    },
  };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
