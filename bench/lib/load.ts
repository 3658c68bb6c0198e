/**
 * Load runs with autocannon against a running backend: a fixed number of concurrent
 * keep-alive clients, either for a duration or for an exact number of requests (so every
 * request sent is answered before the run ends and stored rows can be compared with answers).
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import autocannon, { type Client, type Result } from 'autocannon';

/** What one load run measured. */
export interface LoadResult {
  /** 2xx answers. */
  ok: number;
  /** Answers outside 2xx. */
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  /** Status code → count, for the failure message. */
  statuses: Record<string, number>;
  /** Median latency, ms. */
  p50: number;
  /** 99th percentile latency, ms. */
  p99: number;
  /** 2xx answers per second over the whole run. */
  rps: number;
  /** Seconds the run took. */
  seconds: number;
}

/** Options of {@link load}. */
export interface LoadOptions {
  url: string;
  connections: number;
  /** Run for this many seconds… */
  seconds?: number;
  /** …or until exactly this many requests were answered. */
  amount?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Replace `[<id>]` in headers and body with a unique id per request (e.g. an Idempotency-Key). */
  uniqueIds?: boolean;
  /** Per-connection headers, e.g. a distinct client address per connection. */
  connectionHeaders?: (index: number) => Record<string, string>;
  /** Hard stop, whatever happens (default: 4× the expected time, at least 30 s). */
  watchdogMs?: number;
}

/** Runs one load and summarizes it. */
export function load(options: LoadOptions): Promise<LoadResult & { stoppedByWatchdog: boolean }> {
  const expectedMs = (options.seconds ?? 10) * 1000;
  const watchdogMs = options.watchdogMs ?? Math.max(30_000, 4 * expectedMs);
  return new Promise((resolve, reject) => {
    let connectionIndex = 0;
    let stoppedByWatchdog = false;
    // autocannon reports whole seconds; a run of an exact amount needs the real time.
    const began = performance.now();
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
        timeout: 10,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        ...(options.body !== undefined ? { body: options.body } : {}),
        ...(options.uniqueIds ? { idReplacement: true } : {}),
        ...(options.connectionHeaders
          ? {
              setupClient: (client: Client) => {
                client.setHeaders({ ...options.headers, ...options.connectionHeaders?.(connectionIndex++) });
              },
            }
          : {}),
      },
      (error, result) => {
        clearTimeout(watchdog);
        if (error) reject(error);
        else resolve({ ...summarize(result, (performance.now() - began) / 1000), stoppedByWatchdog });
      },
    );
    const watchdog = setTimeout(() => {
      stoppedByWatchdog = true;
      instance.stop();
    }, watchdogMs);
  });
}

function summarize(result: Result, seconds: number): LoadResult {
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = stat.count;
  return {
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    statuses,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: seconds > 0 ? result['2xx'] / seconds : 0,
    seconds,
  };
}
