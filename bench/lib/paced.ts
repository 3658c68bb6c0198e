/**
 * An open load of citizens at a fixed mean rate: each citizen is one keep-alive connection of
 * its own that sends its next request at times drawn as a Poisson process (exponential gaps,
 * mean `1 / rate` s, from a seeded generator so runs are alike), cycling through its own list of
 * requests. Latency counts from the time a request was due, not from when it could be sent: a
 * citizen whose previous answer is late sends at once when it comes, and the wait shows in the
 * figure (no coordinated omission).
 *
 * Why not autocannon's `connectionRate`: it lets each connection send its quota for the second
 * back to back and then waits for a timer that all connections started in the same tick, so 200
 * connections at 2 requests/s arrive as one burst of 400 requests at the start of every second
 * and stay silent for the rest of it. That measures a queue drained once a second, not citizens.
 *
 * @module
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../../server/src/random.js';
import { percentile, type KindFigures, type LoadResult, type SequenceStep } from './load.js';

/** Options of {@link pacedLoad}. */
export interface PacedOptions {
  url: string;
  /** Citizens, each a connection of its own. */
  citizens: number;
  /** Mean requests per second of each citizen. */
  rate: number;
  /** Seconds of the run: each citizen sends the requests due before the end (the run ends when every one is answered or failed). */
  seconds: number;
  /** Each citizen's cycle of requests; `[<id>]` in headers and body becomes a unique id per request. */
  sequence: (index: number) => SequenceStep[];
  /** A request not answered within this is an error (default 10 s). */
  timeoutMs?: number;
  /** Seed of the arrival times (default 1). */
  seed?: number;
}

const is2xx = (status: number) => status >= 200 && status < 300;

/** Runs the load and summarizes it like {@link load} does (with figures per kind of request). */
export async function pacedLoad(options: PacedOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const random = seededRandom(options.seed ?? 1);
  const meanGapMs = 1000 / options.rate;
  const gap = () => -Math.log(1 - random()) * meanGapMs;
  const runId = Date.now().toString(36);
  let unique = 0;

  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const kinds = new Map<string, { statuses: Record<string, number>; latencies: number[] }>();
  let errors = 0;
  const record = (kind: string, status: number | 'error', ms: number) => {
    let figures = kinds.get(kind);
    if (!figures) kinds.set(kind, (figures = { statuses: {}, latencies: [] }));
    if (status === 'error') {
      errors++;
      return;
    }
    statuses[status] = (statuses[status] ?? 0) + 1;
    figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
    latencies.push(ms);
    figures.latencies.push(ms);
  };

  const send = (agent: http.Agent, step: SequenceStep): Promise<number | 'error'> => {
    const id = `${runId}-${++unique}`;
    const fill = (text: string) => text.replaceAll('[<id>]', id);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(step.headers ?? {})) headers[name] = fill(value);
    const body = step.body === undefined ? undefined : fill(step.body);
    if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
    return new Promise((resolve) => {
      const request = http.request(
        { agent, host: target.hostname, port: target.port, method: step.method, path: step.path, headers, timeout: timeoutMs },
        (response) => {
          response.on('data', () => {});
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', () => resolve('error'));
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => resolve('error'));
      request.end(body);
    });
  };

  const began = performance.now();
  const end = began + options.seconds * 1000;
  const citizen = async (index: number) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const steps = options.sequence(index);
    // The first request is due somewhere in the first gap, so citizens do not start in step.
    let due = began + random() * meanGapMs;
    try {
      for (let sent = 0; due < end; sent++) {
        const step = steps[sent % steps.length]!;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const status = await send(agent, step);
        record(step.kind, status, performance.now() - due);
        due += gap();
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: options.citizens }, (_, index) => citizen(index)));
  const seconds = (performance.now() - began) / 1000;

  const sorted = latencies.sort((a, b) => a - b);
  const ok = Object.entries(statuses).reduce((sum, [code, count]) => sum + (is2xx(Number(code)) ? count : 0), 0);
  const answers = Object.values(statuses).reduce((sum, count) => sum + count, 0);
  const byKind: Record<string, KindFigures> = {};
  for (const [kind, figures] of kinds) {
    const own = figures.latencies.sort((a, b) => a - b);
    byKind[kind] = {
      answers: Object.values(figures.statuses).reduce((sum, count) => sum + count, 0),
      ok: Object.entries(figures.statuses).reduce((sum, [code, count]) => sum + (is2xx(Number(code)) ? count : 0), 0),
      statuses: figures.statuses,
      p50: percentile(own, 50),
      p99: percentile(own, 99),
    };
  }
  return {
    ok,
    unexpected: answers - ok,
    errors,
    statuses,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    rps: seconds > 0 ? ok / seconds : 0,
    seconds,
    byKind,
  };
}
