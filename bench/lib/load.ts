/**
 * Load runs with autocannon against a running backend: a fixed number of concurrent
 * keep-alive clients, either for a duration or for an exact number of requests (so every
 * request sent is answered before the run ends and stored rows can be compared with answers).
 * A run sends one request over and over, or (with `sequence`) each connection cycles through
 * its own list of requests, e.g. a mix of reads and writes, with figures per kind of request.
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import autocannon, { type Client, type Request, type Result } from 'autocannon';

/** Figures of one kind of request in a mixed run. */
export interface KindFigures {
  /** Answers received. */
  answers: number;
  /** Answers with the expected status (2xx). */
  ok: number;
  statuses: Record<string, number>;
  p50: number;
  p99: number;
}

/** What one load run measured. */
export interface LoadResult {
  /** Answers with the expected status (2xx unless `expectStatus`). */
  ok: number;
  /** Answers with any other status. */
  unexpected: number;
  /** Connection errors, timeouts included. */
  errors: number;
  /** Status code → count, for the failure message. */
  statuses: Record<string, number>;
  /** Median latency, ms. */
  p50: number;
  /** 90th percentile latency, ms. */
  p90: number;
  /** 99th percentile latency, ms. */
  p99: number;
  /** Expected answers per second over the whole run. */
  rps: number;
  /** Seconds the run took. */
  seconds: number;
  /** Per kind of request, for a `sequence` run. */
  byKind?: Record<string, KindFigures>;
}

/** One request of a connection's cycle in a mixed run. */
export interface SequenceStep {
  /** Figures are kept per kind (e.g. `read` and `create`). */
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
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
  /** The status that counts as answered as expected (default: any 2xx), e.g. 304 for revalidations. */
  expectStatus?: number;
  /** Replace `[<id>]` in headers and body with a unique id per request (e.g. an Idempotency-Key). */
  uniqueIds?: boolean;
  /** Per-connection headers, e.g. a distinct client address per connection. */
  connectionHeaders?: (index: number) => Record<string, string>;
  /** Each connection cycles through these requests (instead of `method`/`headers`/`body` on `url`). */
  sequence?: (index: number) => SequenceStep[];
  /** Hard stop, whatever happens (default: 4× the expected time, at least 30 s). */
  watchdogMs?: number;
}

/** The value at percentile `p` (0–100) of sorted numbers. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

const is2xx = (status: number) => status >= 200 && status < 300;

/** Runs going on now, so an interrupted bench can stop them before it stops the servers. */
const running = new Set<{ stop(): void }>();

/** Stops every run going on (on Ctrl-C: a server shuts down faster once nothing is sent). */
export function stopAllLoads(): void {
  for (const instance of running) instance.stop();
}

/** Runs one load and summarizes it. */
export function load(options: LoadOptions): Promise<LoadResult & { stoppedByWatchdog: boolean }> {
  const expectedMs = (options.seconds ?? 10) * 1000;
  const watchdogMs = options.watchdogMs ?? Math.max(30_000, 4 * expectedMs);
  const kinds = new Map<string, { statuses: Record<string, number>; latencies: number[] }>();
  const kindOf = (kind: string) => {
    let figures = kinds.get(kind);
    if (!figures) kinds.set(kind, (figures = { statuses: {}, latencies: [] }));
    return figures;
  };

  const setupClient = (client: Client, index: number) => {
    if (options.sequence) {
      // pipelining is 1: a connection's answers come in the order of its requests, so the
      // kind an answer belongs to is the one its request's onResponse saw last.
      let last = '';
      const steps = options.sequence(index);
      const requests: Request[] = steps.map((step) => ({
        method: step.method,
        path: step.path,
        headers: step.headers ?? {},
        ...(step.body !== undefined ? { body: step.body } : {}),
        onResponse: (status: number) => {
          last = step.kind;
          const figures = kindOf(step.kind);
          figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
        },
      }));
      client.setRequests(requests);
      client.on('response', (_status: number, _bytes: number, duration: number) => kindOf(last).latencies.push(duration));
    } else if (options.connectionHeaders) {
      client.setHeaders({ ...options.headers, ...options.connectionHeaders(index) });
    }
  };

  return new Promise((resolve, reject) => {
    let connectionIndex = 0;
    let stoppedByWatchdog = false;
    // autocannon reports whole seconds; a run of an exact amount needs the real time.
    const began = performance.now();
    // autocannon may call back at once (e.g. on invalid options): then there is nothing to watch.
    let done = false;
    let watchdog: ReturnType<typeof setTimeout> | undefined = undefined;
    let lastAnswer = 0;
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
        ...(options.sequence || options.connectionHeaders ? { setupClient: (client: Client) => setupClient(client, connectionIndex++) } : {}),
      },
      (error, result) => {
        done = true;
        clearTimeout(watchdog);
        if (error) reject(error);
        else {
          // A run of an exact amount ends with its last answer: autocannon calls back only at its
          // next once-a-second tick, which would count up to a second of nothing in the rate.
          const ended = options.amount !== undefined && lastAnswer > 0 ? lastAnswer : performance.now();
          const summary = summarize(result, (ended - began) / 1000, options.expectStatus);
          if (options.sequence) summary.byKind = summarizeKinds(kinds);
          resolve({ ...summary, stoppedByWatchdog });
        }
      },
    );
    if (done) return;
    instance.on('response', () => {
      lastAnswer = performance.now();
    });
    running.add(instance);
    const forget = () => running.delete(instance);
    instance.once('done', forget);
    watchdog = setTimeout(() => {
      stoppedByWatchdog = true;
      instance.stop();
    }, watchdogMs);
  });
}

function summarize(result: Result, seconds: number, expectStatus: number | undefined): LoadResult {
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = stat.count;
  const answers = Object.values(statuses).reduce((sum, count) => sum + count, 0);
  const ok = expectStatus === undefined ? result['2xx'] : (statuses[String(expectStatus)] ?? 0);
  return {
    ok,
    unexpected: answers - ok,
    errors: result.errors,
    statuses,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    rps: seconds > 0 ? ok / seconds : 0,
    seconds,
  };
}

function summarizeKinds(kinds: Map<string, { statuses: Record<string, number>; latencies: number[] }>): Record<string, KindFigures> {
  const out: Record<string, KindFigures> = {};
  for (const [kind, { statuses, latencies }] of kinds) {
    const sorted = [...latencies].sort((a, b) => a - b);
    out[kind] = {
      answers: Object.values(statuses).reduce((sum, count) => sum + count, 0),
      ok: Object.entries(statuses).reduce((sum, [code, count]) => sum + (is2xx(Number(code)) ? count : 0), 0),
      statuses,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
    };
  }
  return out;
}
