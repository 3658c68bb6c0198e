/**
 * The server sections (reads, creates, mixed) on each store: the backend started as users
 * start it (`node --import tsx server/src/main.ts`, demo seed), first on a fresh store and
 * then on that store again (both timed: cold start), then the chosen sections on the second
 * one, then the stored questions counted and, for the creates, the raw-insert peer run on a
 * fresh store of the same kind.
 *
 * @module
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import { enterSection, fail, note, onCleanup, settings, started, checkRun, type Section } from '../lib/context.js';
import { load, type LoadResult } from '../lib/load.js';
import { latency, ms, perSecond, ratio, table } from '../lib/report.js';
import type { Figure } from '../lib/results.js';
import type { RunningServer } from '../lib/server.js';
import { countInPGlite, countInPostgres, createScratchDatabase } from '../lib/stores.js';
import { CREATE_GOAL, checkStored, checkStoredCount, measureCreates, rawInsertPeer, type PostRun, type RawInsertResult } from './creates.js';
import { MIXED_GOAL_P99_MS, measureMixed, type MixedRun } from './mixed.js';
import { measureReads, READ_GOAL, type ReadRow, type ReadSkip } from './reads.js';

type StoreName = 'PGlite' | 'PostgreSQL';

/** Everything measured on one store. */
export interface StoreResults {
  store: StoreName;
  fresh?: number;
  existing?: number;
  reads?: { rows: ReadRow[]; skipped: ReadSkip[] };
  creates?: { health: LoadResult; posts: PostRun[]; raw?: RawInsertResult };
  mixed?: MixedRun;
}

/** What the server sections give back to the run. */
export interface ServerResults {
  markdown: Partial<Record<Section | 'start', string>>;
  figures: Partial<Record<Section | 'start', Figure[]>>;
  details: Partial<Record<Section | 'start', unknown>>;
  /** A PGlite data dir with the demo data, for the browser section. */
  demoDataDir?: string;
}

const sectionsOn = (chosen: Set<Section>) => ({ reads: chosen.has('reads'), creates: chosen.has('creates'), mixed: chosen.has('mixed') });

async function onStore(
  store: StoreName,
  env: Record<string, string>,
  marker: string,
  work: string,
  chosen: Set<Section>,
  count: (subjects: string[]) => Promise<Map<string, number>>,
): Promise<StoreResults> {
  const on = sectionsOn(chosen);
  const results: StoreResults = { store };
  note(`${store}: cold start, fresh store`);
  const first = await started(env);
  results.fresh = first.readyMs;
  await first.stop();
  note(`${store}: cold start, existing store`);
  const server: RunningServer = await started(env);
  results.existing = server.readyMs;
  const subjects: string[] = [];
  try {
    if (on.reads) {
      enterSection('reads');
      results.reads = await measureReads(server, store, work);
    }
    if (on.creates) {
      enterSection('creates');
      const creates = await measureCreates(server, store, marker);
      results.creates = creates;
      subjects.push(...creates.posts.map((post) => post.subject));
    }
    if (on.mixed) {
      enterSection('mixed');
      const mixed = await measureMixed(server, store, marker);
      if (mixed) {
        results.mixed = mixed;
        subjects.push(mixed.subject);
      }
    }
  } finally {
    await server.stop();
  }
  if (subjects.length > 0) {
    const counts = await count(subjects);
    if (results.creates) {
      enterSection('creates');
      checkStored(store, results.creates.posts, counts);
    }
    if (results.mixed) {
      enterSection('mixed');
      results.mixed.stored = counts.get(results.mixed.subject) ?? 0;
      checkStoredCount(`${store} mixed load`, results.mixed.acknowledged, results.mixed.stored, results.mixed.result);
    }
  }
  if (results.creates) {
    enterSection('creates');
    const raw = await rawInsertPeer(store, work, marker);
    if (raw) results.creates.raw = raw;
  }
  return results;
}

export async function serverSections(work: string, chosen: Set<Section>): Promise<ServerResults> {
  const runId = Date.now().toString(36);
  const baseEnv = {
    SEED: 'demo',
    RATE_LIMIT_PER_MINUTE: String(settings.rateLimit),
    // Counted, as in production, but never reached: the read runs send ~10^6 a minute from one address.
    RATE_LIMIT_READS_PER_MINUTE: '100000000',
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'warn',
    SERVE_DEMO: 'false',
  };
  const on = sectionsOn(chosen);

  note('bare Hono peer: start');
  const bare = await started({}, 'bench/peers/bare-server.ts');
  const bareStart = bare.readyMs;
  let bareHealth: LoadResult | undefined;
  if (on.creates) {
    enterSection('creates');
    note(`bare Hono peer: GET /healthz, ${settings.healthSeconds} s`);
    const health = await load({ url: `${bare.url}/healthz`, connections: settings.connections, seconds: settings.healthSeconds });
    checkRun('bare Hono /healthz', health);
    bareHealth = health;
  }
  await bare.stop();

  const stores: StoreResults[] = [];
  let demoDataDir: string | undefined;
  if (settings.stores.includes('pglite')) {
    // PGlite is one process's database: the rows are counted after the server has stopped.
    const dataDir = join(work, 'pglite-data');
    try {
      stores.push(
        await onStore('PGlite', { ...baseEnv, DATA_DIR: dataDir }, `bench ${runId} pglite`, work, chosen, (subjects) => countInPGlite(dataDir, subjects)),
      );
      demoDataDir = dataDir;
    } catch (error) {
      fail(`PGlite: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  if (settings.stores.includes('postgres')) {
    try {
      note('PostgreSQL: creating a scratch database');
      const scratch = await createScratchDatabase();
      onCleanup(() => scratch.drop());
      try {
        stores.push(
          await onStore('PostgreSQL', { ...baseEnv, DATABASE_URL: scratch.url }, `bench ${runId} postgres`, work, chosen, (subjects) => countInPostgres(scratch.url, subjects)),
        );
      } finally {
        await scratch.drop();
      }
    } catch (error) {
      fail(`PostgreSQL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  enterSection('run');
  return { ...report(stores, bareStart, bareHealth), ...(demoDataDir ? { demoDataDir } : {}) };
}

const count = (value: number) => value.toLocaleString('en-US');
const id = (store: StoreName) => store.toLowerCase();

function report(stores: StoreResults[], bareStart: number, bareHealth: LoadResult | undefined): Omit<ServerResults, 'demoDataDir'> {
  const markdown: ServerResults['markdown'] = {};
  const figures: Required<ServerResults['figures']> = { start: [], reads: [], creates: [], mixed: [], sizes: [], browser: [], 'road-map': [], agenda: [], 'innovations-search': [], 'innovations-widget': [], scale: [] };
  const details: ServerResults['details'] = {};
  const machine = `on the same ${cpus().length} cores as the server and the database`;

  // Cold start.
  const startRows: string[][] = [['peer: bare Hono on tsx (`/healthz` only, no database)', ms(bareStart), '1×']];
  for (const r of stores) {
    for (const [kind, value, what] of [
      ['fresh', r.fresh, 'fresh (create, migrate, seed)'],
      ['existing', r.existing, 'existing data'],
    ] as const) {
      if (value === undefined) continue;
      startRows.push([`opd-kit, ${r.store}, ${what}`, ms(value), ratio(value, bareStart)]);
      figures.start.push({
        id: `start.${id(r.store)}.${kind}`,
        label: `cold start, ${r.store}, ${what}: spawn → first 200 /healthz`,
        value,
        unit: 'ms',
        peer: { id: 'start.bare-hono', label: 'bare Hono on tsx', value: bareStart },
        ratio: value / bareStart,
      });
    }
  }
  markdown.start = ['## 2. Cold start', '', 'Spawn → first 200 on `/healthz`; the backend as users start it (`node --import tsx server/src/main.ts`, demo seed).', '', table(['start', 'spawn → first 200 /healthz', 'vs bare Hono'], startRows)].join('\n');
  details.start = { bareHono: bareStart, stores: stores.map((r) => ({ store: r.store, fresh: r.fresh, existing: r.existing })) };

  // Reads.
  const readStores = stores.filter((r) => r.reads);
  if (readStores.length > 0) {
    const rows: string[][] = [];
    for (const r of readStores) {
      for (const row of r.reads?.rows ?? []) {
        const value = row.server.rps / row.peer.rps;
        const met = value >= READ_GOAL;
        const encoding = row.answer.contentEncoding ? `, ${row.answer.contentEncoding}` : '';
        rows.push([
          `${r.store} — ${row.label}`,
          `${row.answer.status}, ${count(row.answer.bytes)} B${encoding}`,
          `${row.server.unexpected} / ${row.server.errors}`,
          latency(row.server.p50),
          latency(row.server.p99),
          perSecond(row.server.rps),
          perSecond(row.peer.rps),
          `${ratio(row.server.rps, row.peer.rps)} ${met ? '✓' : '✗'}`,
        ]);
        figures.reads.push({
          id: `reads.${id(r.store)}.${row.id}`,
          label: `${r.store} ${row.label}: throughput`,
          value: row.server.rps,
          unit: 'req/s',
          peer: { id: `reads.${id(r.store)}.${row.id}.bare`, label: 'bare node:http, same bytes', value: row.peer.rps },
          ratio: value,
          goal: { text: `≥ ${READ_GOAL}× bare node:http`, met },
        });
      }
      for (const skip of r.reads?.skipped ?? []) rows.push([`${r.store} — ${skip.label}`, `not measured: ${skip.reason}`, '—', '—', '—', '—', '—', '—']);
    }
    markdown.reads = [
      '## 3. Public reads vs bare node:http',
      '',
      `${settings.connections} connections, ${settings.readSeconds} s per row against opd-kit and ${settings.readSeconds} s against the peer, in halves (opd-kit, peer, peer, opd-kit) so a machine getting busier or quieter meanwhile hits both alike; p50/p99 are the larger of opd-kit's two halves. autocannon runs in the bench process ${machine}. The peer (\`bench/peers/bare-http.ts\`) is a bare \`node:http\` server answering each path with the bytes, status and headers opd-kit gave to the same request headers just before (any Content-Encoding included), from memory. A revalidation row sends \`If-None-Match\` with the ETag opd-kit gave and counts only 304s; every other row only 2xx. "unexpected": answers with another status / connection errors (must be 0 / 0). Goal: ≥ ${READ_GOAL}× the peer.`,
      '',
      table(['read (opd-kit)', 'answer', 'unexpected / errors', 'p50', 'p99', 'opd-kit', 'bare node:http', 'vs bare (goal ≥ 0.5×)'], rows),
    ].join('\n');
    details.reads = readStores.map((r) => ({ store: r.store, ...r.reads }));
  }

  // Creates.
  const createStores = stores.filter((r) => r.creates);
  if (createStores.length > 0) {
    const rows: string[][] = [];
    if (bareHealth) rows.push(['peer: bare Hono — GET /healthz', count(bareHealth.ok), `${bareHealth.unexpected} / ${bareHealth.errors}`, latency(bareHealth.p50), latency(bareHealth.p99), perSecond(bareHealth.rps), '—', '—']);
    for (const r of createStores) {
      const creates = r.creates;
      if (!creates) continue;
      const raw = creates.raw;
      rows.push([
        `${r.store} — GET /healthz (HTTP + \`select 1\`: ceiling of the stack)`,
        count(creates.health.ok),
        `${creates.health.unexpected} / ${creates.health.errors}`,
        latency(creates.health.p50),
        latency(creates.health.p99),
        perSecond(creates.health.rps),
        bareHealth ? `${ratio(creates.health.rps, bareHealth.rps)} bare Hono` : '—',
        '—',
      ]);
      if (raw) {
        rows.push([
          `peer: ${r.store} raw inserts — ${settings.connections} concurrent, one transaction per question (row + first step)`,
          count(raw.ok),
          `${raw.errors} failed`,
          ms(raw.p50),
          ms(raw.p99),
          perSecond(raw.rps),
          '1×',
          `${count(raw.stored)} ${raw.stored === raw.ok ? '✓' : '✗'}`,
        ]);
      }
      for (const post of creates.posts) {
        const keyed = post.tag === 'keyed';
        const versus = raw ? post.result.rps / raw.rps : undefined;
        rows.push([
          `${r.store} — POST consultation, ${post.label}`,
          count(post.result.ok),
          `${post.result.unexpected} / ${post.result.errors}`,
          latency(post.result.p50),
          latency(post.result.p99),
          perSecond(post.result.rps),
          raw ? `${ratio(post.result.rps, raw.rps)}${keyed ? ` ${versus !== undefined && versus >= CREATE_GOAL ? '✓' : '✗'}` : ''}` : 'n/a',
          post.stored === undefined ? '—' : `${count(post.stored)} ${post.stored === post.result.ok ? '✓' : '✗'}`,
        ]);
        figures.creates.push({
          id: `creates.${id(r.store)}.${post.tag}`,
          label: `${r.store} POST consultation, ${post.label}: throughput`,
          value: post.result.rps,
          unit: 'req/s',
          ...(raw ? { peer: { id: `creates.${id(r.store)}.raw`, label: `${r.store} raw inserts`, value: raw.rps }, ratio: versus } : {}),
          ...(keyed ? { goal: { text: `≥ ${CREATE_GOAL}× raw inserts of the same store`, met: versus !== undefined && versus >= CREATE_GOAL } } : {}),
        });
      }
    }
    markdown.creates = [
      '## 4. Creates vs raw inserts',
      '',
      `\`POST /api/v1/opds/bpkad/consultations\`, ${settings.connections} concurrent clients, RATE_LIMIT_PER_MINUTE=${settings.rateLimit}, TRUST_PROXY with \`X-Forwarded-For\` for the runs from many addresses. Each POST run is sized from a ${settings.warmupSeconds} s warm-up to last about ${settings.postSeconds} s and sends an exact number of requests, so every request is answered before "stored" (a SQL count of the run's questions afterwards; ✓ = equals the 2xx answers) is counted. The peer (\`bench/peers/raw-insert.ts\`) is a process of its own on a fresh store of the same kind, migrated and seeded by the server's own code (PGlite through the server's dialect; PostgreSQL through a pg pool of the server's size, 10), where ${settings.connections} workers insert the same rows for ${settings.postSeconds} s: one transaction per question with the consultations row and its first timeline step. Goal: the Idempotency-Key run ≥ ${CREATE_GOAL}× the peer.`,
      '',
      table(['run', 'acknowledged', 'unexpected / errors', 'p50', 'p99', 'throughput', 'vs raw inserts', 'stored'], rows),
    ].join('\n');
    details.creates = { bareHonoHealth: bareHealth, stores: createStores.map((r) => ({ store: r.store, ...r.creates })) };
  }

  // Mixed.
  const mixedStores = stores.filter((r) => r.mixed);
  if (mixedStores.length > 0) {
    const rows: string[][] = [];
    for (const r of mixedStores) {
      const mixed = r.mixed;
      if (!mixed) continue;
      const met = mixed.result.p99 < MIXED_GOAL_P99_MS;
      rows.push([
        `**${r.store} — all requests**`,
        count(mixed.result.ok),
        `${mixed.result.unexpected} / ${mixed.result.errors}`,
        latency(mixed.result.p50),
        `${latency(mixed.result.p99)} ${met ? '✓' : '✗'}`,
        perSecond(mixed.result.rps),
        mixed.stored === undefined ? '—' : `${count(mixed.stored)} ${mixed.stored === mixed.acknowledged ? '✓' : `✗ (${count(mixed.acknowledged)} acknowledged)`}`,
      ]);
      const order = mixed.cycle.map((step) => step.kind);
      const kinds = Object.entries(mixed.result.byKind ?? {}).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
      for (const [kind, figuresOfKind] of kinds) {
        rows.push([
          `${r.store} — ${kind}`,
          count(figuresOfKind.ok),
          `${figuresOfKind.answers - figuresOfKind.ok} / —`,
          ms(figuresOfKind.p50),
          ms(figuresOfKind.p99),
          perSecond(figuresOfKind.ok / mixed.result.seconds),
          '—',
        ]);
      }
      figures.mixed.push(
        {
          id: `mixed.${id(r.store)}.p99`,
          label: `${r.store} mixed load, ${mixed.connections} citizens: p99 latency`,
          value: mixed.result.p99,
          unit: 'ms',
          goal: { text: `p99 < ${MIXED_GOAL_P99_MS} ms`, met },
        },
        { id: `mixed.${id(r.store)}.p50`, label: `${r.store} mixed load: p50 latency`, value: mixed.result.p50, unit: 'ms' },
        { id: `mixed.${id(r.store)}.throughput`, label: `${r.store} mixed load: throughput`, value: mixed.result.rps, unit: 'req/s' },
      );
    }
    markdown.mixed = [
      `## 5. Mixed load: ${settings.mixedConnections} concurrent citizens`,
      '',
      `Each citizen is a keep-alive connection with an address of its own (\`X-Forwarded-For\`, TRUST_PROXY) cycling through ten requests, starting at another point of the cycle: GET /api/v1/opds/bpkad ×3, GET its tracking status (/api/v1/consultations/{code}) ×3, GET /cdn/opd-kit.js, the form's chunk and the shared chunk (\`Accept-Encoding: br, gzip\`), and one POST of a question with a fresh Idempotency-Key: 90 % reads, 10 % creates. Each citizen sends ${settings.mixedRate} requests a second on average, at random times (a Poisson process per citizen, \`bench/lib/paced.ts\`; an open load of ${settings.mixedConnections * settings.mixedRate} requests/s in all, ${(settings.mixedConnections * settings.mixedRate) / 10} questions/s: the latency citizens get at that load, not at the server's ceiling), for ${settings.mixedSeconds} s after a ${settings.warmupSeconds} s warm-up; the load comes from the bench process ${machine}. Latency counts from when each request was due, so a wait for the previous answer shows in it (ms, one decimal). Goal: p99 < ${MIXED_GOAL_P99_MS} ms over all requests.`,
      '',
      table(['requests', 'answered 2xx', 'unexpected / errors', 'p50', 'p99 (goal < 50 ms)', 'throughput', 'creates stored'], rows),
    ].join('\n');
    details.mixed = mixedStores.map((r) => ({ store: r.store, ...r.mixed }));
  }
  return { markdown, figures, details };
}
