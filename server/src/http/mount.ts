/**
 * Mounts what modules declare: each route at its endpoint's path, with the spine's work
 * done in one order for every module — body limit, sign-in, tenancy, authorization by the
 * endpoint's `access`, path values, rate limit, query, body — then the handler, whose answer is checked against the endpoint's
 * response schema. Colliding routes and unknown problem codes are start-up errors, not
 * surprises at run time.
 *
 * @module
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod/mini';
import { answersJson, needsSignIn, pathParameterNames, type AnyEndpoint } from '../../../src/schemas/index.js';
import { authorize, requireSignIn } from '../auth/sign-in.js';
import { requireOpd } from '../tenancy/load.js';
import type { AppEnv } from './env.js';
import { KEY_NOT_CLAIMED, idempotencyKeyOf, requestHash, storedAnswer } from './idempotency.js';
import { honoPath, type Route, type RouteContext, type ServerModule } from './module.js';
import { ProblemError, type ProblemRegistry } from './problem.js';
import { classOfBucket, enforceLimits, type LimitCheck } from './rate-limit.js';
import { sendPrepared } from './prepared.js';
import { sendJson } from './respond.js';
import { readJsonBody, readQuery, unstorable } from './validate.js';
import { limitDeclaredBody } from './body.js';

/** The largest request body a route accepts unless its module or itself says otherwise. */
export const DEFAULT_BODY_BYTES = 64 * 1024;

/** The body limit of `route` in `module` (or of the module's mounts), in bytes. */
export function bodyBytesOf(module: ServerModule, route?: Route): number {
  return route?.bodyBytes ?? module.limits?.bodyBytes ?? DEFAULT_BODY_BYTES;
}

/**
 * Mounts every route of every module on `app`. Throws, naming the module, when two routes
 * answer one method and path, two share an endpoint id, or an endpoint names a problem code
 * no one defines.
 */
export function mountRoutes(app: Hono<AppEnv>, modules: readonly ServerModule[], problems: ProblemRegistry): void {
  const seen = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const module of modules) {
    for (const route of module.routes ?? []) {
      const { endpoint } = route;
      const key = `${endpoint.method} ${honoPath(endpoint).replace(/:[^/]+/g, ':')}`;
      const where = `${module.id}'s ${endpoint.id}`;
      if (seen.has(key)) throw new Error(`${where} and ${seen.get(key)} both answer ${endpoint.method} ${endpoint.path}`);
      if (ids.has(endpoint.id)) throw new Error(`${where} and ${ids.get(endpoint.id)} share the endpoint id ${endpoint.id}`);
      const unknown = ((endpoint.errors ?? []) as readonly string[]).filter((code) => !problems.has(code));
      if (unknown.length > 0) throw new Error(`${where} answers problem codes no module defines: ${unknown.join(', ')}`);
      if (endpoint.access === 'opd-admin' && !pathParameterNames(endpoint.path).includes('opd')) {
        throw new Error(`${where} is for OPD admins but its path ${endpoint.path} names no {opd}`);
      }
      seen.set(key, where);
      ids.set(endpoint.id, where);
      app.on(endpoint.method, [honoPath(endpoint)], ...routeHandlers(module, route));
    }
  }
}

function routeHandlers(module: ServerModule, route: Route): MiddlewareHandler<AppEnv>[] {
  const { endpoint } = route;
  const handlers: MiddlewareHandler<AppEnv>[] = [];
  // A JSON body: refused at once when its Content-Length is over the limit, counted while read (`body.ts`).
  const bodyBytes = bodyBytesOf(module, route);
  if (endpoint.body) handlers.push(limitDeclaredBody(bodyBytes));
  const signIn = needsSignIn(endpoint.access);
  if (signIn) handlers.push(requireSignIn(endpoint.id));
  const moduleSwitch = module.perOpd === false ? null : module.id;
  const scoped = pathParameterNames(endpoint.path).includes('opd');
  // The OPD first (the agency is what a citizen got wrong most likely), then who may act on
  // it, then the other path values; all before the rate limit, so a mistyped address costs no
  // quota. One handler, not one per step: every public read passes here, and each step of
  // Hono's chain costs a closure and a promise more.
  const authorizeStep = signIn ? authorize(endpoint.access, scoped) : undefined;
  const limits = limitChecks(route, signIn, bodyBytes);
  const onlyOpd = scoped && pathParameterNames(endpoint.path).length === 1;
  handlers.push(async (c) => {
    if (scoped) c.set('opd', await requireOpd(c, c.req.param('opd') ?? '', moduleSwitch));
    if (authorizeStep) await authorizeStep(c, proceed);
    // An `{opd}` alone is checked by finding the OPD: its row's slug is the value.
    c.set('routeParams', onlyOpd ? { opd: c.get('opd').slug } : readParams(c, route));
    if (limits.length > 0) await enforceLimits(c, limits);
    return answer(c, route, moduleSwitch, bodyBytes);
  });
  return handlers;
}

/**
 * The rate-limit classes a route counts against (`rate-limit.ts`): the bucket it names (a
 * public write, or `login`: signing in), every public read, every staff request, and on top
 * an upload: a write that takes a body bigger than the default (an import, an evidence file).
 */
function limitChecks(route: Route, signIn: boolean, bodyBytes: number): LimitCheck[] {
  const { endpoint } = route;
  const checks: LimitCheck[] = [];
  if (route.rateLimit) checks.push({ limitClass: classOfBucket(route.rateLimit), bucket: route.rateLimit });
  else if (!signIn && endpoint.method === 'GET') checks.push({ limitClass: 'public-reads', bucket: 'public-read' });
  else if (!signIn) checks.push({ limitClass: 'public-writes', bucket: 'public-write' });
  if (signIn) checks.push({ limitClass: 'staff', bucket: 'staff' });
  if (endpoint.method !== 'GET' && bodyBytes > DEFAULT_BODY_BYTES) checks.push({ limitClass: 'uploads', bucket: 'upload' });
  return checks;
}

/** The `next` of a step run inside the route's one handler: the handler goes on after it. */
const proceed = async (): Promise<void> => {};

/** Runs the handler and sends its answer, checked against the endpoint's response schema. */
async function answer(c: Context<AppEnv>, route: Route, moduleSwitch: string | null, bodyBytes: number): Promise<Response> {
  const { endpoint } = route;
  const ctx = await routeContext(c, route, moduleSwitch, bodyBytes);
  const result = await route.handler(ctx);
  const status = (endpoint.status ?? 200) as ContentfulStatusCode;
  // Kept by no cache unless the route says otherwise: only a route that knows its answer is
  // the same for everyone (the OPD directory) lets browsers and shared caches keep it.
  const headers = result.headers?.['Cache-Control'] ? result.headers : { 'Cache-Control': 'no-store', ...result.headers };
  // A 304 only where the reference lists one.
  if ('prepared' in result) return sendPrepared(c, result.prepared, headers, route.conditional === true);
  if (endpoint.status === 204) return c.body(null, 204, headers);
  if (answersJson(endpoint)) return sendJson(c, endpoint.response, result.body, status, headers);
  const text = z.parse(endpoint.response, result.body) as string;
  return c.body(text, status, { 'Content-Type': endpoint.produces as string, ...headers });
}

/** The checked path values; one that fails its schema means there is nothing at this path (404). */
function readParams(c: Context<AppEnv>, route: Route): Record<string, unknown> {
  const raw = c.req.param() as Record<string, string>;
  const broken = Object.entries(raw).find(([, value]) => unstorable(value));
  if (broken) throw new ProblemError('not-found', { detail: `Nothing at ${c.req.method} ${c.req.path}: ${broken[0]} holds a character no name can have` });
  const { params } = route.endpoint;
  if (!params) return raw;
  const result = z.safeParse(params, raw, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? '');
  const value = String(raw[name] ?? '').slice(0, 64);
  throw new ProblemError('not-found', {
    detail:
      route.notFound?.(name, value) ??
      `Nothing at ${c.req.method} ${c.req.path}: ${name} "${value}" is not valid. ${issue?.message ?? ''}`.trim(),
  });
}

async function routeContext(c: Context<AppEnv>, route: Route, moduleSwitch: string | null, bodyBytes: number): Promise<RouteContext<AnyEndpoint>> {
  const { endpoint } = route;
  const deps = c.get('deps');
  const now = deps.now();
  const query = endpoint.query ? readQuery(c, endpoint.query) : undefined;
  const body = endpoint.body ? await readJsonBody(c, endpoint.body, bodyBytes) : undefined;
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
    async onceInStatement(write) {
      if (!endpoint.idempotent) throw new Error(`${endpoint.id} is not declared idempotent`);
      const request = { scope: `${endpoint.method} ${c.req.path}`, key, hash: requestHash(body), now };
      const claim = key === undefined ? undefined : { ...request, key, status: endpoint.status ?? 200 };
      let answer: Awaited<ReturnType<typeof write>>;
      try {
        answer = await write(deps.db, claim);
      } catch (error) {
        if (!claim) throw error;
        // Its work failed now, but the key may hold an earlier answer (a retry): that one.
        const stored = await storedAnswer<unknown>(deps.db, request, error);
        return { body: stored.body as never, replayed: true };
      }
      if (answer !== KEY_NOT_CLAIMED) return { body: answer, replayed: false };
      const stored = await storedAnswer<unknown>(deps.db, request, new Error(`${endpoint.id}: its key was not claimed, and none is stored`));
      return { body: stored.body as never, replayed: true };
    },
  };
}
