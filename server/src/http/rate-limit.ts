/**
 * Per-client rate limits in fixed one-minute windows; over the limit answers 429 with
 * `Retry-After` (seconds until the window ends).
 *
 * On PostgreSQL they are counted in the database (`rate_limits`, unlogged), so the limit holds
 * across the instances behind a load balancer. On PGlite they are counted in memory: a PGlite
 * folder is one server's (the data-dir lock refuses a second), so memory holds the same counts
 * without a write — a query of its own on every public write, PGlite's dearest part of it.
 *
 * Old windows are deleted by the `rate-limit-sweep` job ({@link sweepRateLimits}, every
 * minute, once across instances), not inside a request.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { ProblemError } from './problem.js';
import { preparedAs } from '../db/prepared-statements.js';
import type { Database } from '../db/schema.js';

const WINDOW_MS = 60_000;
const KEEP_WINDOWS_MS = 10 * WINDOW_MS;

/** This window's counts in memory, per database (the apps of one process on one PGlite share them). */
const inMemory = new WeakMap<object, { windowStart: number; counts: Map<string, number> }>();

/** The count of `key` in the window starting at `windowStart`, this request included, kept in memory. */
function countInMemory(db: object, key: string, windowStart: number): number {
  let window = inMemory.get(db);
  // A new window: the old one's counts are of no use any more.
  if (!window || windowStart > window.windowStart) {
    window = { windowStart, counts: new Map() };
    inMemory.set(db, window);
  }
  // A clock set back to an earlier window (tests): counted in the current one.
  const count = (window.counts.get(key) ?? 0) + 1;
  window.counts.set(key, count);
  return count;
}

/** Limits a route to `settings.rateLimitPerMinute` requests per client per minute, counted in `bucket`. */
export function rateLimit(bucket: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, settings, now } = c.get('deps');
    const at = now().getTime();
    const windowStart = new Date(Math.floor(at / WINDOW_MS) * WINDOW_MS);
    const key = `${bucket}:${c.get('clientIp')}`;

    let count: number;
    if (settings.databaseUrl === undefined) {
      count = countInMemory(db, key, windowStart.getTime());
    } else {
      const row = await db
        .insertInto('rate_limits')
        .values({ bucket: key, window_start: windowStart, count: 1 })
        .onConflict((oc) =>
          oc.columns(['bucket', 'window_start']).doUpdateSet({ count: sql<number>`rate_limits.count + 1` }),
        )
        .returning('count')
        .modifyEnd(preparedAs('rate-limit'))
        .executeTakeFirstOrThrow();
      count = row.count;
    }

    const limit = settings.rateLimitPerMinute;
    const remaining = Math.max(0, limit - count);
    const reset = Math.ceil((windowStart.getTime() + WINDOW_MS - at) / 1000);
    c.header('RateLimit-Policy', `${limit};w=60`);
    if (count > limit) {
      const retryAfter = Math.max(1, reset);
      throw new ProblemError('rate-limited', {
        detail: `Too many requests from this address: at most ${limit} per minute. Try again in ${retryAfter} seconds.`,
        headers: { 'Retry-After': String(retryAfter) },
      });
    }
    c.header('RateLimit', `limit=${limit}, remaining=${remaining}, reset=${reset}`);
    await next();
  };
}

/** Deletes the counts of windows older than ten minutes (of no use to any instance); returns how many rows. */
export async function sweepRateLimits(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('window_start', '<', new Date(now.getTime() - KEEP_WINDOWS_MS)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
