/**
 * Section 3, creates: `POST /api/v1/opds/bpkad/consultations` under 50 concurrent clients
 * (from one address, from 50, and from 50 with an `Idempotency-Key` per request as the SDK
 * sends), each acknowledged question checked to be stored, against the raw-insert peer:
 * the same row inserted straight into the same kind of store by 50 concurrent workers
 * (`bench/peers/raw-insert.ts`). Goal: the keyed run ≥ 0.5× the peer's throughput.
 *
 * @module
 */
import { join } from 'node:path';
import { checkRun, citizenAddress, fail, note, onCleanup, settings } from '../lib/context.js';
import { load, type LoadOptions, type LoadResult } from '../lib/load.js';
import { runScript, type RunningServer } from '../lib/server.js';
import { createScratchDatabase } from '../lib/stores.js';

/** The create goal: at least this share of the raw-insert peer's throughput. */
export const CREATE_GOAL = 0.5;

/** One POST run against one store. */
export interface PostRun {
  /** What varies, for the table. */
  label: string;
  /** `one`, `spread` or `keyed`. */
  tag: string;
  /** The subject every question of this run carries, to count them afterwards. */
  subject: string;
  result: LoadResult & { stoppedByWatchdog?: boolean };
  /** Consultations with {@link subject} stored, counted after the run. */
  stored?: number;
}

/** What the raw-insert peer measured (see bench/peers/raw-insert.ts). */
export interface RawInsertResult {
  ok: number;
  errors: number;
  p50: number;
  p99: number;
  rps: number;
  seconds: number;
  stored: number;
}

export async function categoryOf(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/opds/bpkad`, { signal: AbortSignal.timeout(5_000) });
  const body = (await response.json()) as { consultationCategories?: Array<{ id: string; name: string }> };
  const categories = body.consultationCategories ?? [];
  const chosen = categories.find((category) => category.id === 'aset-daerah') ?? categories[0];
  if (!chosen) throw new Error(`GET /api/v1/opds/bpkad gave no consultation categories (status ${response.status})`);
  return chosen.id;
}

/** A question's JSON body, as the form sends it. */
export function question(category: string, subject: string): string {
  return JSON.stringify({
    name: 'Warga Uji Beban',
    email: 'uji.beban@contoh.id',
    category,
    subject,
    message:
      'Bagaimana prosedur pemanfaatan barang milik daerah berupa tanah untuk kegiatan warga desa, dan dokumen apa saja yang perlu disiapkan?',
    consent: true,
  });
}

/**
 * Warm-up, `/healthz`, then three POST runs of the same size: from one client address
 * (one office behind NAT), from 50 addresses, and from 50 addresses with a fresh
 * `Idempotency-Key` per request, which is what the SDK and the widget send.
 */
export async function measureCreates(server: RunningServer, store: string, marker: string): Promise<{ health: LoadResult; posts: PostRun[] }> {
  const url = `${server.url}/api/v1/opds/bpkad/consultations`;
  const category = await categoryOf(server.url);
  const headers = { 'Content-Type': 'application/json' };
  const connections = settings.connections;

  note(`${store}: POST warm-up`);
  const warmup = await load({ url, connections, seconds: settings.warmupSeconds, method: 'POST', headers, body: question(category, `${marker} warm-up`) });
  checkRun(`${store} POST warm-up`, warmup);
  // Exactly this many requests per run, so every request sent is answered before counting.
  // The one-address run shares its rate-limit window with the warm-up: stay under the limit.
  const amount = Math.max(connections * 4, Math.min(Math.round(warmup.rps * settings.postSeconds), settings.rateLimit - warmup.ok - 1_000));

  note(`${store}: GET /healthz, ${settings.healthSeconds} s`);
  const health = await load({ url: `${server.url}/healthz`, connections, seconds: settings.healthSeconds });
  checkRun(`${store} /healthz`, health);

  const variants: Array<{ label: string; tag: string; options: Partial<LoadOptions> }> = [
    { label: 'one client address', tag: 'one', options: {} },
    { label: `${connections} client addresses`, tag: 'spread', options: { connectionHeaders: citizenAddress } },
    {
      label: `${connections} client addresses + Idempotency-Key (as the SDK sends)`,
      tag: 'keyed',
      options: { connectionHeaders: citizenAddress, headers: { ...headers, 'Idempotency-Key': '[<id>]' }, uniqueIds: true },
    },
  ];
  const posts: PostRun[] = [];
  for (const variant of variants) {
    note(`${store}: POST ×${amount}, ${variant.label}`);
    const subject = `${marker} ${variant.tag}`;
    const result = await load({
      url,
      connections,
      amount,
      method: 'POST',
      headers,
      body: question(category, subject),
      watchdogMs: Math.max(60_000, 6 * settings.postSeconds * 1000),
      ...variant.options,
    });
    checkRun(`${store} POST, ${variant.label}`, result);
    posts.push({ label: variant.label, tag: variant.tag, subject, result });
  }
  return { health, posts };
}

/**
 * Checks a run's stored questions against its 2xx answers: fewer stored is a lost question;
 * more is a question stored without a 2xx, which only a request cut off by a timeout or the
 * watchdog may explain (and those are failures of their own).
 */
export function checkStoredCount(what: string, acknowledged: number, stored: number, run: LoadResult & { stoppedByWatchdog?: boolean }): void {
  if (stored < acknowledged) fail(`${what}: ${acknowledged} questions acknowledged with 2xx but only ${stored} stored`);
  else if (stored > acknowledged && run.errors === 0 && !run.stoppedByWatchdog) {
    fail(`${what}: ${stored} questions stored but ${acknowledged} acknowledged with 2xx (no request timed out)`);
  }
}

/** Checks that every acknowledged question of each run was stored. */
export function checkStored(store: string, posts: PostRun[], counts: Map<string, number>): void {
  for (const post of posts) {
    post.stored = counts.get(post.subject) ?? 0;
    checkStoredCount(`${store} POST, ${post.label}`, post.result.ok, post.stored, post.result);
  }
}

/**
 * Runs the raw-insert peer in a process of its own on a fresh store of `store`'s kind: a
 * PGlite data dir under `work`, or a scratch PostgreSQL database (dropped afterwards).
 */
export async function rawInsertPeer(store: 'PGlite' | 'PostgreSQL', work: string, marker: string): Promise<RawInsertResult | undefined> {
  const subject = `${marker} raw`;
  const env: Record<string, string> = {
    BENCH_CONNECTIONS: String(settings.connections),
    BENCH_SECONDS: String(settings.postSeconds),
    BENCH_WARMUP_SECONDS: String(settings.warmupSeconds),
    BENCH_SUBJECT: subject,
    LOG_LEVEL: 'warn',
  };
  let drop: (() => Promise<void>) | undefined;
  if (store === 'PGlite') env.DATA_DIR = join(work, 'raw-insert-pglite');
  else {
    const scratch = await createScratchDatabase('raw');
    drop = () => scratch.drop();
    onCleanup(drop);
    env.DATABASE_URL = scratch.url;
  }
  note(`${store}: raw-insert peer (fresh store migrated by the server's code), ${settings.connections} concurrent inserts, ${settings.postSeconds} s`);
  try {
    const timeout = (settings.postSeconds + settings.warmupSeconds) * 1000 * 4 + 60_000;
    const output = await runScript('bench/peers/raw-insert.ts', env, timeout);
    const line = output.stdout.trim().split('\n').pop() ?? '';
    if (output.code !== 0 || !line.startsWith('{')) {
      fail(`${store} raw-insert peer exited with code ${output.code}: ${output.stderr.split('\n').slice(-5).join(' | ')}`);
      return undefined;
    }
    const result = JSON.parse(line) as RawInsertResult;
    if (result.errors > 0) fail(`${store} raw-insert peer: ${result.errors} inserts failed`);
    if (result.stored !== result.ok) fail(`${store} raw-insert peer: ${result.ok} inserts committed but ${result.stored} stored`);
    return result;
  } finally {
    await drop?.();
  }
}
