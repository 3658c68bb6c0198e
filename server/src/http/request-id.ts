/**
 * Gives every request an id, echoed as `X-Request-Id` and put in every problem document,
 * so a citizen's screenshot of an error can be matched to the server log.
 *
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's `X-Request-Id` when it is safe to echo and log, else a new one. */
export function requestIdFor(incoming: string | null | undefined): string {
  return incoming && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/** Takes a well-formed incoming `X-Request-Id` (from a proxy) or makes a new one. */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = requestIdFor(c.req.header('X-Request-Id'));
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
    c.res.headers.set('X-Request-Id', id);
  };
}
