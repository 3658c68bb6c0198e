/**
 * CORS: an OPD's website may call its own OPD's public routes; the public routes that are not
 * about one OPD accept any OPD's website; staff routes accept only the origins of
 * `CORS_ORIGINS` (a console served elsewhere; the console on the backend's own origin needs
 * none); `CORS_ORIGINS` adds origins for all (`*` allows any). A mount of an open standard
 * (`cors: 'any'`) is readable by any website. A same-origin page needs none of this.
 *
 * A preflight answers the methods of the routes at its path that the origin may call, and the
 * request headers they read: `Authorization` for the origins of `CORS_ORIGINS` on every route (a
 * signed-in console sends its token on public reads too), never for an OPD's website.
 *
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import { loadOpd } from '../tenancy/load.js';
import type { AppEnv } from './env.js';

const PUBLIC_HEADERS = 'Content-Type, Idempotency-Key, X-Request-Id';
const STAFF_HEADERS = `${PUBLIC_HEADERS}, Authorization`;
const EXPOSE_HEADERS = 'Retry-After, X-Request-Id, Idempotent-Replayed, Location, RateLimit, RateLimit-Policy';
const OPD_PATH = /^\/api\/v1\/opds\/([^/]+)\/./;

/** Options of {@link cors}. */
export interface CorsOptions {
  /** The methods the routes behind it answer, e.g. `['GET', 'POST']` (OPTIONS is added). */
  methods: readonly string[];
  /** `opds` (default): the OPDs' own websites; `any`: every website. */
  origins?: 'opds' | 'any';
  /** The routes behind it, to tell staff routes from public ones by method and path (default: every route is public). */
  routes?: readonly CorsRoute[];
}

/** A route as CORS sees it. */
export interface CorsRoute {
  method: string;
  /** The endpoint's path, `/api/v1/opds/{opd}/consultations`. */
  path: string;
  /** Only signed-in staff call it. */
  staff: boolean;
}

/** The routes by their number of path segments, each with its pattern. */
type RouteTable = Map<number, Array<CorsRoute & { pattern: RegExp }>>;

function routeTable(routes: readonly CorsRoute[]): RouteTable {
  const table: RouteTable = new Map();
  for (const route of routes) {
    const source = route.path
      .split('/')
      .map((segment) => segment.split(/\{[A-Za-z][A-Za-z0-9_]*\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+'))
      .join('/');
    const segments = route.path.split('/').length;
    const list = table.get(segments) ?? [];
    list.push({ ...route, pattern: new RegExp(`^${source}$`) });
    table.set(segments, list);
  }
  return table;
}

/** The routes answering `path`. */
function routesAt(table: RouteTable, path: string): Array<CorsRoute & { pattern: RegExp }> {
  return (table.get(path.split('/').length) ?? []).filter((route) => route.pattern.test(path));
}

/** Whether `CORS_ORIGINS` lets `origin` call every route (`*` lets any). */
export function allowedBySettings(corsOrigins: readonly string[], origin: string): boolean {
  return corsOrigins.includes('*') || corsOrigins.includes(origin);
}

/** The headers that make an answer readable by `origin`. */
export function readableBy(origin: string): Record<string, string> {
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSE_HEADERS };
}

/** Answers preflights and marks responses readable by allowed origins. */
export function cors(options: CorsOptions): MiddlewareHandler<AppEnv> {
  const allowMethods = [...new Set([...options.methods, 'OPTIONS'])].join(', ');
  const table = routeTable(options.routes ?? []);
  return async (c, next) => {
    const origin = c.req.header('Origin');
    if (!origin) {
      // Vary even without Origin: a cached same-origin answer must not be served to
      // another OPD's website, which would then fail CORS until the cache expires.
      await next();
      c.res.headers.append('Vary', 'Origin');
      return;
    }

    const { directory, settings } = c.get('deps');
    const preflight = c.req.method === 'OPTIONS' ? c.req.header('Access-Control-Request-Method') : undefined;
    const everywhere = options.origins === 'any' || allowedBySettings(settings.corsOrigins, origin);
    const here = options.routes ? routesAt(table, c.req.path) : [];
    const asked = (preflight ?? c.req.method).toUpperCase();
    // Staff routes only for the origins allowed everywhere; a path no route answers is the 404's, public.
    const staffAsked = here.some((route) => route.staff && route.method === asked) && !here.some((route) => !route.staff && route.method === asked);
    let allowed = everywhere;
    if (!allowed && !staffAsked) {
      const opdSlug = OPD_PATH.exec(c.req.path)?.[1];
      if (opdSlug === undefined) {
        allowed = (await directory.current()).allowedOrigins.has(origin);
      } else {
        // The same read the route's tenancy check uses: one per request.
        const opd = await loadOpd(c, safeDecode(opdSlug));
        allowed = opd?.allowed_origins.includes(origin) ?? false;
      }
    }

    if (preflight) {
      const headers: Record<string, string> = { Vary: 'Origin' };
      if (allowed) {
        const callable = here.filter((route) => everywhere || !route.staff).map((route) => route.method);
        Object.assign(headers, {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': callable.length > 0 ? [...new Set([...callable, 'OPTIONS'])].join(', ') : allowMethods,
          // A console signed in sends its token on public reads too (the compliance report, the OPD list).
          'Access-Control-Allow-Headers': everywhere ? STAFF_HEADERS : PUBLIC_HEADERS,
          'Access-Control-Max-Age': '600',
        });
      }
      return c.body(null, 204, headers);
    }

    await next();
    c.res.headers.append('Vary', 'Origin');
    if (allowed) for (const [name, value] of Object.entries(readableBy(origin))) c.res.headers.set(name, value);
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
