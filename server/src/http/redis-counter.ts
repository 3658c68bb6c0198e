/**
 * Rate-limit counts in Redis (`REDIS_URL`), shared by every instance: one `EVAL` per request
 * that increments the window's key and gives it an expiry on its first count, so a window's
 * keys go by themselves.
 *
 * A limiter must not take the site down: while Redis does not answer (not connected, or no
 * reply within {@link REDIS_TIMEOUT_MS}), requests are counted by the fallback (PostgreSQL, or
 * memory on PGlite) and that is logged once, as is Redis answering again. Commands are never
 * queued while it is away (`disableOfflineQueue`), so no request waits for a reconnect.
 *
 * @module
 */
import { createClient } from '@redis/client';
import type { Logger } from '../log.js';
import { redactUrl } from '../settings.js';
import type { SharedCounter } from './rate-limit.js';

/** How long a count may wait for Redis before the fallback counts it. */
export const REDIS_TIMEOUT_MS = 250;

/** Increments KEYS[1]; on its first count sets its expiry to ARGV[1] ms; answers the count. */
const INCREMENT = "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";

/** A window's key lives two windows: long enough for any instance whose clock is a little behind. */
const KEY_TTL_MS = 120_000;

/** Options of {@link RedisCounter}. */
export interface RedisCounterOptions {
  /** `redis://…` or `rediss://…`. */
  url: string;
  /** What every key starts with, e.g. `opd-kit:`; the counts are `<prefix>rl:<bucket>:<who>:<window start>`. */
  prefix: string;
  log: Logger;
  /** Where to count while Redis does not answer. */
  fallback: SharedCounter;
  /** The fallback's name for the log line, e.g. `PostgreSQL`. */
  fallbackName: string;
}

/** Counts in Redis, falling back while it is away; see the module comment. */
export class RedisCounter implements SharedCounter {
  private readonly client;
  private readonly options: RedisCounterOptions;
  /** Redis did not answer the last count: the next one that works is logged. */
  private away = false;
  private closed = false;

  constructor(options: RedisCounterOptions) {
    this.options = options;
    this.client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      commandOptions: { timeout: REDIS_TIMEOUT_MS },
      socket: {
        connectTimeout: 2000,
        // Keep trying, at most every 5 s: the fallback counts meanwhile.
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5000),
      },
    });
    // Without a listener an error event would end the process; each failure is logged once by count().
    this.client.on('error', () => {});
    this.client.connect().then(
      () => this.client.unref(),
      (error: unknown) => this.wentAway(error),
    );
  }

  /** Counts one request of `key` in the window starting at `windowStart`. */
  async hit(key: string, windowStart: number): Promise<number> {
    if (this.closed || !this.client.isReady) {
      this.wentAway(new Error('not connected'));
      return this.options.fallback.hit(key, windowStart);
    }
    try {
      const count = await this.client.eval(INCREMENT, { keys: [`${this.options.prefix}rl:${key}:${windowStart}`], arguments: [String(KEY_TTL_MS)] });
      if (this.away) {
        this.away = false;
        this.options.log.info('rate limits: Redis answers again; counting there');
      }
      return Number(count);
    } catch (error) {
      this.wentAway(error);
      return this.options.fallback.hit(key, windowStart);
    }
  }

  /** Closes the connection (counts go to the fallback afterwards). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.client.isReady) await this.client.close().catch(() => {});
    else if (this.client.isOpen) this.client.destroy();
  }

  private wentAway(error: unknown): void {
    if (this.away || this.closed) return;
    this.away = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.options.log.warn(`rate limits: Redis at ${redactUrl(this.options.url)} does not answer (${reason}); counting in ${this.options.fallbackName} until it does`);
  }
}
