/**
 * CORS: an OPD's website may call its own OPD's routes; the routes that are not about one
 * OPD accept any OPD's website; `CORS_ORIGINS` adds origins for all (`*` allows any). A
 * mount of an open standard (`cors: 'any'`) is readable by any website. A same-origin page
 * needs none of this.
 *
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import { loadOpd } from '../tenancy/load.js';
import type { AppEnv } from './env.js';

const ALLOW_HEADERS = 'Content-Type, Authorization, Idempotency-Key, X-Request-Id';
const EXPOSE_HEADERS = 'Retry-After, X-Request-Id, Idempotent-Replayed, Location';
const OPD_PATH = /^\/api\/v1\/opds\/([^/]+)\/./;

/** Options of {@link cors}. */
export interface CorsOptions {
  /** The methods the routes behind it answer, e.g. `['GET', 'POST']` (OPTIONS is added). */
  methods: readonly string[];
  /** `opds` (default): the OPDs' own websites; `any`: every website. */
  origins?: 'opds' | 'any';
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
    let allowed = options.origins === 'any' || allowedBySettings(settings.corsOrigins, origin);
    if (!allowed) {
      const opdSlug = OPD_PATH.exec(c.req.path)?.[1];
      if (opdSlug === undefined) {
        allowed = (await directory.current()).allowedOrigins.has(origin);
      } else {
        // The same read the route's tenancy check uses: one per request.
        const opd = await loadOpd(c, safeDecode(opdSlug));
        allowed = opd?.allowed_origins.includes(origin) ?? false;
      }
    }

    const preflight = c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method');
    if (preflight) {
      const headers: Record<string, string> = { Vary: 'Origin' };
      if (allowed) {
        Object.assign(headers, {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': allowMethods,
          'Access-Control-Allow-Headers': ALLOW_HEADERS,
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
