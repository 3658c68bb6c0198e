/**
 * Per-client rate limits in fixed one-minute windows, per route class; over a class's limit
 * answers 429 `rate-limited` with `Retry-After` (seconds until the window ends).
 *
 * The classes and their settings (0 turns a class off; the defaults of all but public writes
 * are production's, and elsewhere those classes are off unless set):
 *
 * | class | counted per | setting | default |
 * |---|---|---|---|
 * | `public-reads` | client address | `RATE_LIMIT_READS_PER_MINUTE` | 600 |
 * | `public-writes` | client address | `RATE_LIMIT_PER_MINUTE` | 10 |
 * | `sign-in` | client address | `RATE_LIMIT_SIGN_IN_PER_MINUTE` | 10 |
 * | `staff` | signed-in user | `RATE_LIMIT_STAFF_PER_MINUTE` | 600 |
 * | `uploads` | signed-in user (else address) | `RATE_LIMIT_UPLOADS_PER_MINUTE` | 30 |
 *
 * A client address is the socket's (or, behind `TRUST_PROXY`, the proxy's `X-Forwarded-For`);
 * an IPv6 address counts by its /64, the block one subscriber gets.
 *
 * Every limited answer says where the client stands, in the IETF draft's pair (draft-ietf-httpapi-ratelimit-headers-07):
 * `RateLimit-Policy: 600;w=60` and `RateLimit: limit=600, remaining=599, reset=42`; a request
 * counted in several classes (a staff upload) shows the class with the least left.
 *
 * Where they are counted:
 * - **public reads** in each instance's memory (`WindowCounts`): the reads that every page view
 *   of every OPD website makes must stay as cheap as the answers themselves (the fast path,
 *   `fast-reads.ts`, counts them too). Behind a load balancer each instance allows the limit.
 * - **the others** in Redis when `REDIS_URL` is set (`redis-counter.ts`: one `EVAL` of
 *   `INCR` + `PEXPIRE`, shared by every instance); else in PostgreSQL (`rate_limits`, unlogged,
 *   shared by every instance); on PGlite in memory (a PGlite folder is one server's: the data-dir
 *   lock refuses a second, so memory holds the same counts without a write). When Redis does not
 *   answer, they are counted where they would be without it, and that is logged once.
 *
 * Old windows in PostgreSQL are deleted by the `rate-limit-sweep` job ({@link sweepRateLimits},
 * every minute, once across instances), not inside a request; Redis expires its own.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from './env.js';
import { ProblemError } from './problem.js';
import { preparedAs } from '../db/prepared-statements.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../log.js';
import { DEFAULT_RATE_LIMITS, type Settings } from '../settings.js';
import { RedisCounter } from './redis-counter.js';

/** The length of a window. */
export const WINDOW_MS = 60_000;
const KEEP_WINDOWS_MS = 10 * WINDOW_MS;

/** The route classes, each with its own limit; see the module comment. */
export type RateLimitClass = 'public-reads' | 'public-writes' | 'sign-in' | 'staff' | 'uploads';

/** The bucket of sign-ins (`auth/routes.ts`): the `sign-in` class; any other bucket a route names is a public write. */
const SIGN_IN_BUCKET = 'login';

/** The most clients one window counts in memory; those past it in that minute are not limited (and it is logged once). */
export const MAX_COUNTED_CLIENTS = 100_000;

/** The class's limit per minute under `settings`; 0 is no limit. */
export function limitOf(settings: Pick<Settings, 'rateLimitPerMinute' | 'rateLimits'>, limitClass: RateLimitClass): number {
  if (limitClass === 'public-writes') return settings.rateLimitPerMinute;
  const limits = settings.rateLimits ?? DEFAULT_RATE_LIMITS;
  if (limitClass === 'public-reads') return limits.publicReads;
  if (limitClass === 'sign-in') return limits.signIn;
  if (limitClass === 'staff') return limits.staff;
  return limits.uploads;
}

/** Counts one window at a time in memory: a new window forgets the last one's counts. */
export class WindowCounts {
  private windowStart = 0;
  private counts = new Map<string, number>();
  private warned = false;

  constructor(private readonly log?: Logger) {}

  /** Counts one request of `key` in the window starting at `windowStart`; answers its count, this one included. */
  hit(key: string, windowStart: number): number {
    if (windowStart > this.windowStart) {
      this.windowStart = windowStart;
      this.counts = new Map();
    }
    // A clock set back to an earlier window (tests): counted in the current one.
    const count = (this.counts.get(key) ?? 0) + 1;
    if (count === 1 && this.counts.size >= MAX_COUNTED_CLIENTS) {
      if (!this.warned) this.log?.warn(`rate limits: more than ${MAX_COUNTED_CLIENTS} clients in one minute; the ones past that are not limited until the minute ends`);
      this.warned = true;
      return 1;
    }
    this.counts.set(key, count);
    return count;
  }
}

/** Where the limits other than public reads are counted. */
export interface SharedCounter {
  /** Counts one request of `key` in the window starting at `windowStart`; answers its count, this one included. */
  hit(key: string, windowStart: number): Promise<number> | number;
  /** Lets go of what it holds (a Redis connection). */
  close?(): Promise<void>;
}

/** This window's counts in memory per PGlite database (the apps of one process on one PGlite share them). */
const inMemory = new WeakMap<object, WindowCounts>();

/** Counts in memory, shared by the apps on one database (PGlite: one server per data folder). */
export function memoryCounter(db: object, log?: Logger): SharedCounter {
  let counts = inMemory.get(db);
  if (!counts) inMemory.set(db, (counts = new WindowCounts(log)));
  const shared = counts;
  return { hit: (key, windowStart) => shared.hit(key, windowStart) };
}

/** Counts in PostgreSQL's `rate_limits`, shared by every instance on the database. */
export function postgresCounter(db: Kysely<Database>): SharedCounter {
  return {
    async hit(key, windowStart) {
      const row = await db
        .insertInto('rate_limits')
        .values({ bucket: key, window_start: new Date(windowStart), count: 1 })
        .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet({ count: sql<number>`rate_limits.count + 1` }))
        .returning('count')
        .modifyEnd(preparedAs('rate-limit'))
        .executeTakeFirstOrThrow();
      return row.count;
    },
  };
}

/** An app's counters: public reads in its memory, the rest in the shared counter. */
export interface RateLimits {
  /** Public reads, in this instance's memory. */
  readonly reads: WindowCounts;
  /** The other classes. */
  readonly shared: SharedCounter;
  /** Lets go of the shared counter's connection, if it has one. */
  close(): Promise<void>;
}

/** Options of {@link createRateLimits}. */
export interface RateLimitsOptions {
  /** Where to count the shared classes instead of what the settings choose (tests). */
  shared?: SharedCounter;
}

/**
 * The counters of one app: Redis when `settings.redisUrl` is set (falling back to the next
 * while it does not answer), else PostgreSQL when `settings.databaseUrl` is, else memory.
 */
export function createRateLimits(deps: Pick<AppDeps, 'db' | 'settings' | 'log'>, options: RateLimitsOptions = {}): RateLimits {
  const { db, settings, log } = deps;
  const store = settings.databaseUrl === undefined ? memoryCounter(db, log) : postgresCounter(db);
  const shared =
    options.shared ??
    (settings.redisUrl
      ? new RedisCounter({ url: settings.redisUrl, prefix: settings.redisKeyPrefix ?? 'opd-kit:', log, fallback: store, fallbackName: settings.databaseUrl === undefined ? 'memory' : 'PostgreSQL' })
      : store);
  return { reads: new WindowCounts(log), shared, close: async () => shared.close?.() };
}

/** Each app's counters, by its dependencies (set once by `createApp`). */
const limitsByDeps = new WeakMap<object, RateLimits>();

/** Makes `limits` the counters of the app whose dependencies are `deps`. */
export function useRateLimits(deps: AppDeps, limits: RateLimits): void {
  limitsByDeps.set(deps, limits);
}

/** The counters of the app of `deps` (made on first use when `createApp` set none: a module's own test app). */
export function rateLimitsOf(deps: AppDeps): RateLimits {
  let limits = limitsByDeps.get(deps);
  if (!limits) limitsByDeps.set(deps, (limits = createRateLimits(deps)));
  return limits;
}

/**
 * Who a client is for counting: its address, an IPv6 address by its /64 (the block one
 * subscriber gets, so a host cannot take a fresh address per request).
 */
export function clientKey(address: string): string {
  if (!address.includes(':')) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back] : front;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** Where a client stands in one class after a request. */
export interface LimitState {
  limitClass: RateLimitClass;
  limit: number;
  count: number;
  /** Seconds until the window ends (at least 1). */
  reset: number;
}

/** The window `at` falls in, and the seconds left in it. */
export function windowAt(at: number): { start: number; reset: number } {
  const start = Math.floor(at / WINDOW_MS) * WINDOW_MS;
  return { start, reset: Math.max(1, Math.ceil((start + WINDOW_MS - at) / 1000)) };
}

/** The `RateLimit-Policy` and `RateLimit` headers of a state. */
export function rateLimitHeaders(state: LimitState): Record<string, string> {
  const remaining = Math.max(0, state.limit - state.count);
  return { 'RateLimit-Policy': `${state.limit};w=60`, RateLimit: `limit=${state.limit}, remaining=${remaining}, reset=${state.reset}` };
}

/** The 429 of a state over its limit, with `Retry-After` and the rate-limit headers. */
export function rateLimitedProblem(state: LimitState, who: string): ProblemError {
  return new ProblemError('rate-limited', {
    detail: `Too many requests from ${who}: at most ${state.limit} per minute. Try again in ${state.reset} seconds.`,
    headers: { 'Retry-After': String(state.reset), ...rateLimitHeaders(state) },
  });
}

/** One class a route counts against, and its bucket (the key's first part). */
export interface LimitCheck {
  limitClass: RateLimitClass;
  bucket: string;
}

const WHO: Record<RateLimitClass, string> = {
  'public-reads': 'this address',
  'public-writes': 'this address',
  'sign-in': 'this address',
  staff: 'this account',
  uploads: 'this account',
};

/**
 * Counts the request against each check (in order; the first over its limit answers 429),
 * then shows the state of the one with the least left.
 */
export async function enforceLimits(c: Context<AppEnv>, checks: readonly LimitCheck[]): Promise<void> {
  const deps = c.get('deps');
  const { settings } = deps;
  const limits = rateLimitsOf(deps);
  const window = windowAt(deps.now().getTime());
  let tightest: LimitState | undefined;
  for (const { limitClass, bucket } of checks) {
    const limit = limitOf(settings, limitClass);
    if (limit <= 0) continue;
    const actor = limitClass === 'staff' || limitClass === 'uploads' ? c.get('actor') : undefined;
    const who = actor ? `user:${actor.id}` : clientKey(c.get('clientIp') ?? 'unknown');
    const key = `${bucket}:${who}`;
    const count = limitClass === 'public-reads' ? limits.reads.hit(key, window.start) : await limits.shared.hit(key, window.start);
    const state: LimitState = { limitClass, limit, count, reset: window.reset };
    if (count > limit) throw rateLimitedProblem(state, actor ? WHO[limitClass] : 'this address');
    if (!tightest || limit - count < tightest.limit - tightest.count) tightest = state;
  }
  if (tightest) for (const [name, value] of Object.entries(rateLimitHeaders(tightest))) c.header(name, value);
}

/** The class of a route's bucket: `login` is signing in; any other is a public write. */
export function classOfBucket(bucket: string): RateLimitClass {
  return bucket === SIGN_IN_BUCKET ? 'sign-in' : 'public-writes';
}

/**
 * Limits a route to its class's requests per client per minute, counted in `bucket` (default
 * class: `sign-in` for the `login` bucket, else `public-writes`).
 */
export function rateLimit(bucket: string, limitClass: RateLimitClass = classOfBucket(bucket)): MiddlewareHandler<AppEnv> {
  const checks = [{ limitClass, bucket }];
  return async (c, next) => {
    await enforceLimits(c, checks);
    await next();
  };
}

/** Deletes the counts of windows older than ten minutes (of no use to any instance); returns how many rows. */
export async function sweepRateLimits(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('window_start', '<', new Date(now.getTime() - KEEP_WINDOWS_MS)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
