/**
 * CORS for `/api/*`: an OPD's website may call its own OPD's routes; the routes that
 * are not about one OPD accept any OPD's website. `CORS_ORIGINS` adds origins for all
 * (`*` allows any). A same-origin page needs none of this.
 *
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { allowedOriginsFor } from '../modules/opds/queries.js';

const ALLOW_METHODS = 'GET, POST, OPTIONS';
const ALLOW_HEADERS = 'Content-Type, Authorization, Idempotency-Key, X-Request-Id';
const EXPOSE_HEADERS = 'Retry-After, X-Request-Id, Idempotent-Replayed, Location';
const OPD_PATH = /^\/api\/v1\/opds\/([^/]+)\/./;

/** Answers preflights and marks responses readable by allowed origins. */
export function cors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    if (!origin) {
      // Vary even without Origin: a cached same-origin answer must not be served to
      // another OPD's website, which would then fail CORS until the cache expires.
      await next();
      c.res.headers.append('Vary', 'Origin');
      return;
    }

    const { db, settings } = c.get('deps');
    let allowed = settings.corsOrigins.includes('*') || settings.corsOrigins.includes(origin);
    if (!allowed) {
      const opdSlug = OPD_PATH.exec(c.req.path)?.[1];
      const origins = await allowedOriginsFor(db, opdSlug ? decodeURIComponent(opdSlug) : undefined);
      allowed = origins.has(origin);
    }

    const preflight = c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method');
    if (preflight) {
      const headers: Record<string, string> = { Vary: 'Origin' };
      if (allowed) {
        Object.assign(headers, {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': ALLOW_METHODS,
          'Access-Control-Allow-Headers': ALLOW_HEADERS,
          'Access-Control-Max-Age': '600',
        });
      }
      return c.body(null, 204, headers);
    }

    await next();
    c.res.headers.append('Vary', 'Origin');
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
  };
}
