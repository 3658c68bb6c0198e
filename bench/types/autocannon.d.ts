/**
 * The part of autocannon's API the bench uses (the package ships no types).
 *
 * @module
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  /** One connection of a run; headers can be set per connection. */
  export interface Client extends EventEmitter {
    setHeaders(headers: Record<string, string>): void;
    /** Replaces the requests this connection cycles through. */
    setRequests(requests: Request[]): void;
  }

  /** One request of a `requests` cycle. */
  export interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Called with each answer to this request (before the client's `response` event). */
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
  }

  /** Options of a run. */
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Replace `[<id>]` in each request with a unique id. */
    idReplacement?: boolean;
    setupClient?: (client: Client) => void;
    requests?: Request[];
  }

  /** Percentiles of one histogram (ms for latency, per second for requests). */
  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
    p99_9: number;
    total: number;
  }

  /** What a finished run reports. */
  export interface Result {
    /** Seconds the run took. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    latency: Histogram;
    requests: Histogram & { sent: number };
    statusCodeStats: Record<string, { count: number }>;
  }

  /** A running instance. */
  export interface Instance extends EventEmitter {
    stop(): void;
  }

  /** Starts a run; the callback gets the result. */
  function autocannon(options: Options, done: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
