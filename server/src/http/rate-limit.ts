/**
 * Per-client rate limits counted in the database (`rate_limits`), so the limit holds across
 * several server instances. Fixed one-minute windows; over the limit answers 429 with
 * `Retry-After` (seconds until the window ends).
 *
 * @module
 */
import { sql } from 'kysely';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { ProblemError } from './problem.js';

const WINDOW_MS = 60_000;
const KEEP_WINDOWS_MS = 10 * WINDOW_MS;

/** Limits a route to `settings.rateLimitPerMinute` requests per client per minute, counted in `bucket`. */
export function rateLimit(bucket: string): MiddlewareHandler<AppEnv> {
  let lastSweep = 0;
  return async (c, next) => {
    const { db, settings, now } = c.get('deps');
    const at = now().getTime();
    const windowStart = new Date(Math.floor(at / WINDOW_MS) * WINDOW_MS);
    const key = `${bucket}:${c.get('clientIp')}`;

    const row = await db
      .insertInto('rate_limits')
      .values({ bucket: key, window_start: windowStart, count: 1 })
      .onConflict((oc) =>
        oc.columns(['bucket', 'window_start']).doUpdateSet({ count: sql<number>`rate_limits.count + 1` }),
      )
      .returning('count')
      .executeTakeFirstOrThrow();

    if (at - lastSweep > WINDOW_MS) {
      // Housekeeping: old windows are of no use to any instance.
      lastSweep = at;
      await db.deleteFrom('rate_limits').where('window_start', '<', new Date(at - KEEP_WINDOWS_MS)).execute();
    }

    const limit = settings.rateLimitPerMinute;
    const remaining = Math.max(0, limit - row.count);
    c.header('RateLimit-Policy', `${limit};w=60`);
    if (row.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - at) / 1000));
      throw new ProblemError('rate-limited', {
        detail: `Too many requests from this address: at most ${limit} per minute. Try again in ${retryAfter} seconds.`,
        headers: { 'Retry-After': String(retryAfter) },
      });
    }
    c.header('RateLimit', `limit=${limit}, remaining=${remaining}, reset=${Math.ceil((windowStart.getTime() + WINDOW_MS - at) / 1000)}`);
    await next();
  };
}
