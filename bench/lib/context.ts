/**
 * What every section of the bench shares: its settings (from the environment), the list of
 * things to undo (servers, databases, temp dirs), the failed checks, and progress notes on
 * stderr.
 *
 * @module
 */
import type { LoadResult } from './load.js';
import { startServer, type RunningServer } from './server.js';

function positiveNumber(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The sections, in the order they run. */
export const SECTIONS = ['sizes', 'reads', 'creates', 'mixed', 'browser', 'road-map', 'agenda', 'innovations-search', 'innovations-widget', 'scale'] as const;
export type Section = (typeof SECTIONS)[number];

/** The server sections (`BENCH_ONLY=server` is all three). */
export const SERVER_SECTIONS: readonly Section[] = ['reads', 'creates', 'mixed'];

const postSeconds = positiveNumber(process.env.BENCH_SECONDS, 10);

/** Settings of this run. */
export const settings = {
  /** Concurrent clients of the read and create runs. */
  connections: 50,
  /** Concurrent citizens of the mixed load (`BENCH_MIXED_CONNECTIONS`). */
  mixedConnections: positiveNumber(process.env.BENCH_MIXED_CONNECTIONS, 200),
  /** Seconds of each POST run and of the raw-insert peer (`BENCH_SECONDS`). */
  postSeconds,
  /** Seconds of each read run, opd-kit and peer alike (`BENCH_READ_SECONDS`). */
  readSeconds: positiveNumber(process.env.BENCH_READ_SECONDS, Math.max(2, Math.round(postSeconds / 2))),
  /**
   * Requests per second each citizen of the mixed load sends (`BENCH_MIXED_RATE`, default 2: a
   * page view's few requests every couple of seconds, a busy citizen).
   */
  mixedRate: positiveNumber(process.env.BENCH_MIXED_RATE, 2),
  /** Seconds of the mixed load (`BENCH_MIXED_SECONDS`). */
  mixedSeconds: positiveNumber(process.env.BENCH_MIXED_SECONDS, postSeconds),
  /** Seconds of each `/healthz` run. */
  healthSeconds: Math.max(2, Math.round(postSeconds / 2)),
  /** Seconds of each warm-up. */
  warmupSeconds: 2,
  /** The server's per-client limit of public writes (100000 per minute is its maximum setting). */
  rateLimit: 100_000,
  /** Page loads per page in the browser, after one untimed load each. */
  browserRounds: 10,
  /** `BENCH_BUILD=never`: measure dist/ as it is, even when older than its sources. */
  build: process.env.BENCH_BUILD === 'never' ? ('never' as const) : ('auto' as const),
  /** Stores to run the server sections on (`BENCH_STORES=pglite,postgres`). */
  stores: (process.env.BENCH_STORES ?? 'pglite,postgres').split(',').map((part) => part.trim().toLowerCase()),
};

/** The sections to run: `BENCH_ONLY` (comma list; `server` = reads, creates, mixed), less the browser with `BENCH_SKIP_BROWSER=1`. */
export function chosenSections(): Set<Section> {
  const chosen = new Set<Section>();
  for (const part of (process.env.BENCH_ONLY ?? SECTIONS.join(',')).split(',').map((item) => item.trim()).filter(Boolean)) {
    if (part === 'server') SERVER_SECTIONS.forEach((section) => chosen.add(section));
    else if ((SECTIONS as readonly string[]).includes(part)) chosen.add(part as Section);
    else throw new Error(`BENCH_ONLY: unknown section "${part}" (sections: ${SECTIONS.join(', ')}, or server)`);
  }
  if (process.env.BENCH_SKIP_BROWSER === '1') chosen.delete('browser');
  return chosen;
}

/** Things the run must undo, last first. */
const cleanups: Array<() => Promise<void>> = [];

/** Registers something to undo at the end, also on failure or Ctrl-C. */
export function onCleanup(undo: () => Promise<void>): void {
  cleanups.push(undo);
}

/** Undoes everything registered, last first; a failing step does not stop the others. */
export async function undoAll(): Promise<void> {
  while (cleanups.length > 0) {
    const undo = cleanups.pop();
    try {
      await undo?.();
    } catch (error) {
      note(`clean-up step failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** A progress line on stderr. */
export function note(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** A failed check, with the section it happened in. */
export interface Failure {
  section: Section | 'run';
  message: string;
}

const failures: Failure[] = [];
let current: Section | 'run' = 'run';

/** The section running now (failures are filed under it). */
export function enterSection(section: Section | 'run'): void {
  current = section;
}

/** Records a failed check: the bench exits 1. */
export function fail(message: string): void {
  failures.push({ section: current, message });
  note(`FAILED: ${message}`);
}

/** Every failed check so far. */
export function allFailures(): readonly Failure[] {
  return failures;
}

/** Starts a server (or another script) and registers its stop as a clean-up (safe to stop twice). */
export async function started(env: Record<string, string>, script?: string): Promise<RunningServer> {
  const server = await startServer(env, script);
  cleanups.push(() => server.stop());
  return server;
}

/** Checks one load run (no errors, nothing but the expected status, not cut by the watchdog). */
export function checkRun(what: string, run: LoadResult & { stoppedByWatchdog?: boolean }): void {
  if (run.errors > 0) fail(`${what}: ${run.errors} connection errors or timeouts`);
  if (run.unexpected > 0) fail(`${what}: ${run.unexpected} answers with another status than expected (${JSON.stringify(run.statuses)})`);
  if (run.ok === 0) fail(`${what}: no answer with the expected status`);
  if (run.stoppedByWatchdog) fail(`${what}: stopped by the watchdog before every request was answered`);
}

/** Each connection another citizen (TRUST_PROXY is on for the bench server). */
export function citizenAddress(index: number): Record<string, string> {
  return { 'X-Forwarded-For': `10.77.${Math.floor(index / 250)}.${(index % 250) + 1}` };
}
