/**
 * Section 2, public reads against a bare `node:http` server answering the same bytes.
 *
 * For each read, the bench first GETs it from the opd-kit server with the request headers of
 * the run and records the answer as it came (status, headers, body bytes, any
 * `Content-Encoding`); for an API read that carries an `ETag`, also the answer to
 * `If-None-Match` with that ETag. The peer (`bench/peers/bare-http.ts`) serves exactly those
 * answers from memory. Then each read runs for the same time against opd-kit and against the
 * peer, in halves (opd-kit, peer, peer, opd-kit), 50 connections on loopback. Every answer must be the 2xx (a
 * revalidation row: the 304); goal: opd-kit ≥ 0.5× the peer's throughput.
 *
 * @module
 */
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkRun, fail, note, settings, started } from '../lib/context.js';
import { load, type LoadResult } from '../lib/load.js';
import { repoPath } from '../lib/paths.js';
import { header, rawGet, type RawResponse } from '../lib/raw-http.js';
import type { RunningServer } from '../lib/server.js';
import type { Fixture } from '../peers/bare-http.js';

/** The read goal: at least this share of the bare peer's throughput. */
export const READ_GOAL = 0.5;

/** One read measured against opd-kit and its peer. */
export interface ReadRow {
  id: string;
  label: string;
  path: string;
  requestHeaders: Record<string, string>;
  /** What opd-kit answered (status, size and encoding of the body). */
  answer: { status: number; bytes: number; contentEncoding: string | null; etag: string | null; cacheControl: string | null };
  /** 200 for reads, 304 for revalidations. */
  expect: number;
  server: LoadResult;
  peer: LoadResult;
}

/** What a read section could not measure, and why (e.g. the server sends no ETag yet). */
export interface ReadSkip {
  id: string;
  label: string;
  reason: string;
}

const API_HEADERS = { Accept: 'application/json' };

/** The form's chunk, as the loader imports it (`./consultation-form-<hash>.js`). */
export function formChunkOf(loader: string): string | undefined {
  return loader.match(/["']\.\/(consultation-form-[\w-]{8}\.js)["']/)?.[1];
}

/** The chunks the loader fetches with the form (`./shared-<hash>.js`, …), besides the form's own. */
export function sharedChunksOf(loader: string): string[] {
  return [...new Set([...loader.matchAll(/["']\.\/(shared-[\w-]{8}\.js)["']/g)].map((match) => match[1] ?? ''))].filter(Boolean);
}

function fixtureOf(path: string, answer: RawResponse, revalidate?: { etag: string; answer: RawResponse }): Fixture {
  return {
    path,
    status: answer.status,
    headers: answer.headers,
    body: answer.body.toString('base64'),
    ...(revalidate ? { revalidate: { etag: revalidate.etag, status: revalidate.answer.status, headers: revalidate.answer.headers } } : {}),
  };
}

/**
 * Two halves of one side's run as one: counts and time added up (so throughput is over both);
 * p50 and p99 are the larger of the two halves' (autocannon gives percentiles, not samples).
 */
function combine(halves: LoadResult[]): LoadResult {
  const statuses: Record<string, number> = {};
  for (const half of halves) for (const [code, n] of Object.entries(half.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  const sum = (pick: (half: LoadResult) => number) => halves.reduce((total, half) => total + pick(half), 0);
  const max = (pick: (half: LoadResult) => number) => Math.max(...halves.map(pick));
  const seconds = sum((half) => half.seconds);
  return {
    ok: sum((half) => half.ok),
    unexpected: sum((half) => half.unexpected),
    errors: sum((half) => half.errors),
    statuses,
    p50: max((half) => half.p50),
    p90: max((half) => half.p90),
    p99: max((half) => half.p99),
    rps: seconds > 0 ? sum((half) => half.ok) / seconds : 0,
    seconds,
  };
}

/** Measures the public reads on a running server against the bare peer. */
/**
 * `GET /cdn/opd-kit.js` from the server, waiting up to a minute while it is missing: the
 * server serves the repository's dist/cdn, which a build started elsewhere empties for a while.
 */
export async function cdnLoader(url: string): Promise<RawResponse> {
  let answer = await rawGet(`${url}/cdn/opd-kit.js`);
  for (let attempt = 0; attempt < 120 && answer.status === 404; attempt++) {
    if (attempt === 0) note('GET /cdn/opd-kit.js is 404 (a build elsewhere is writing dist/?): waiting for it');
    await sleep(500);
    answer = await rawGet(`${url}/cdn/opd-kit.js`);
  }
  return answer;
}

/** When dist/cdn/opd-kit.js was last written (0: missing), to tell a rebuild during a run. */
export function loaderBuiltAt(): number {
  const file = repoPath('dist/cdn/opd-kit.js');
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

export async function measureReads(server: RunningServer, store: string, work: string): Promise<{ rows: ReadRow[]; skipped: ReadSkip[] }> {
  const loader = await cdnLoader(server.url);
  const builtAt = loaderBuiltAt();
  const chunk = loader.status === 200 && !header(loader, 'content-encoding') ? formChunkOf(loader.body.toString('utf8')) : undefined;
  if (!chunk) fail(`${store} reads: GET /cdn/opd-kit.js (status ${loader.status}) names no consultation-form chunk`);
  const targets: Array<{ id: string; label: string; path: string; headers: Record<string, string>; revalidate: boolean }> = [
    { id: 'opds', label: 'GET /api/v1/opds', path: '/api/v1/opds', headers: API_HEADERS, revalidate: true },
    { id: 'opd', label: 'GET /api/v1/opds/bpkad', path: '/api/v1/opds/bpkad', headers: API_HEADERS, revalidate: true },
    { id: 'loader', label: 'GET /cdn/opd-kit.js', path: '/cdn/opd-kit.js', headers: {}, revalidate: false },
    ...(chunk
      ? [{ id: 'form-chunk', label: `GET /cdn/${chunk} (the form's chunk), Accept-Encoding: br, gzip`, path: `/cdn/${chunk}`, headers: { 'Accept-Encoding': 'br, gzip' }, revalidate: false }]
      : []),
  ];

  // Record opd-kit's answers, exactly as they came.
  const fixtures: Fixture[] = [];
  const recorded: Array<(typeof targets)[number] & { answer: RawResponse; etag?: string; notModified?: RawResponse }> = [];
  const skipped: ReadSkip[] = [];
  for (const target of targets) {
    const answer = await rawGet(`${server.url}${target.path}`, target.headers);
    if (answer.status !== 200) {
      fail(`${store} reads: ${target.label} answered ${answer.status}`);
      continue;
    }
    const etag = header(answer, 'etag');
    let notModified: RawResponse | undefined;
    if (target.revalidate) {
      const label = `${target.label}, If-None-Match (revalidation)`;
      if (!etag) skipped.push({ id: `${target.id}-304`, label, reason: 'opd-kit sent no ETag' });
      else {
        const again = await rawGet(`${server.url}${target.path}`, { ...target.headers, 'If-None-Match': etag });
        if (again.status === 304) notModified = again;
        else skipped.push({ id: `${target.id}-304`, label, reason: `opd-kit answered ${again.status} to If-None-Match with its own ETag` });
      }
    }
    fixtures.push(fixtureOf(target.path, answer, notModified && etag ? { etag, answer: notModified } : undefined));
    recorded.push({ ...target, answer, ...(etag ? { etag } : {}), ...(notModified ? { notModified } : {}) });
  }

  const fixtureFile = join(work, `read-fixtures-${store.toLowerCase()}.json`);
  await writeFile(fixtureFile, JSON.stringify({ routes: fixtures }));
  note(`${store}: bare node:http peer with opd-kit's ${fixtures.length} answers`);
  const peer = await started({ BENCH_FIXTURES: fixtureFile }, 'bench/peers/bare-http.ts');
  try {
    // The peer must answer the very bytes opd-kit did.
    for (const item of recorded) {
      const copy = await rawGet(`${peer.url}${item.path}`, item.headers);
      if (copy.status !== item.answer.status || !copy.body.equals(item.answer.body)) {
        fail(`${store} reads: the bare peer's answer to ${item.path} differs from opd-kit's`);
      }
    }

    // One warm-up over every read, so the first row does not pay for the JIT.
    note(`${store}: reads warm-up`);
    await load({
      url: server.url,
      connections: settings.connections,
      seconds: settings.warmupSeconds,
      sequence: () => recorded.map((item) => ({ kind: item.id, method: 'GET' as const, path: item.path, headers: item.headers })),
    });

    const rows: ReadRow[] = [];
    const runs = recorded.flatMap((item) => [
      { item, id: item.id, label: item.label, headers: item.headers, expect: 200 },
      ...(item.notModified && item.etag
        ? [{ item, id: `${item.id}-304`, label: `${item.label}, If-None-Match (revalidation)`, headers: { ...item.headers, 'If-None-Match': item.etag }, expect: 304 }]
        : []),
    ]);
    for (const run of runs) {
      const options = {
        connections: settings.connections,
        seconds: settings.readSeconds / 2,
        headers: run.headers,
        ...(run.expect === 304 ? { expectStatus: 304 } : {}),
      };
      note(`${store}: ${run.label}, ${settings.readSeconds} s each against opd-kit and the bare peer`);
      // opd-kit, peer, peer, opd-kit: a machine getting busier or quieter meanwhile hits both alike.
      const halves: LoadResult[][] = [[], []];
      for (const [side, url] of [[0, server.url], [1, peer.url], [1, peer.url], [0, server.url]] as const) {
        const half = await load({ ...options, url: `${url}${run.item.path}` });
        checkRun(`${store} ${run.label}${side === 1 ? ', bare peer' : ''}`, half);
        halves[side]?.push(half);
      }
      const ours = combine(halves[0] ?? []);
      const theirs = combine(halves[1] ?? []);
      const answer = run.expect === 304 && run.item.notModified ? run.item.notModified : run.item.answer;
      rows.push({
        id: run.id,
        label: run.label,
        path: run.item.path,
        requestHeaders: run.headers,
        answer: {
          status: answer.status,
          bytes: answer.body.length,
          contentEncoding: header(answer, 'content-encoding') ?? null,
          etag: header(answer, 'etag') ?? null,
          cacheControl: header(answer, 'cache-control') ?? null,
        },
        expect: run.expect,
        server: ours,
        peer: theirs,
      });
    }
    if (loaderBuiltAt() !== builtAt) {
      fail(`${store} reads: dist/cdn was rebuilt during the run (a build elsewhere): the CDN rows measured two builds`);
    }
    return { rows, skipped };
  } finally {
    await peer.stop();
  }
}
