/**
 * Bench peer of the creates: the same consultation row inserted straight into the same kind
 * of store, with no HTTP, validation, OPD lookup, rate limit or idempotency in front of it.
 *
 * It opens its own store with the server's own code (`openDatabase`: PGlite in a fresh
 * `DATA_DIR`, or PostgreSQL at `DATABASE_URL` through a pg pool of the server's size), which
 * migrates it with the server's migrations; on PGlite it then reopens the folder in its own
 * thread through the server's PGlite dialect (the server runs PGlite on a worker thread, a
 * message there and back per statement that a plain use of the library does not pay); the demo
 * seed gives it the OPD and the category the rows point at. Then `BENCH_CONNECTIONS`
 * workers (default 50) each insert one question after another for `BENCH_SECONDS`: per
 * question one transaction with the consultations row (every column the server writes, a
 * fresh tracking code) and its first timeline step, as `insertConsultation` stores them.
 *
 * Prints one JSON line on stdout: `{ ok, errors, p50, p99, rps, seconds, stored }`, where
 * `stored` is a SQL count afterwards of the rows the run committed. Run by `bench/run.ts`.
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../server/src/db/open.js';
import { serverModules, type AppDatabase } from '../../server/src/modules/index.js';
import { generateTrackingCode } from '../../server/src/modules/consultations/tracking-code.js';
import { seedDemo } from '../../server/src/seed.js';
import { Kysely } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGliteDialect } from '../../server/src/db/pglite-dialect.js';
import type { Database } from '../../server/src/db/schema.js';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const subject = process.env.BENCH_SUBJECT ?? 'bench raw insert';
const message =
  'Bagaimana prosedur pemanfaatan barang milik daerah berupa tanah untuk kegiatan warga desa, dan dokumen apa saja yang perlu disiapkan?';

const settings = { databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? './data' };
const opened = await openPeerStore();
const db = opened.db as unknown as Kysely<AppDatabase>;

/**
 * The store, migrated by the server's own code. PostgreSQL through the server's pool; PGlite in
 * this thread, as the library is used plainly (the server puts it on a worker thread, which
 * costs each statement a message there and back: the peer should not pay for that).
 */
async function openPeerStore(): Promise<{ db: Kysely<Database>; close(): Promise<void> }> {
  if (settings.databaseUrl) return openDatabase(settings, { modules: serverModules });
  const migrated = await openDatabase(settings, { modules: serverModules });
  await migrated.close();
  // The extensions the server's worker loads (server/src/db/pglite-worker.mjs): the demo seed's
  // innovations fill their search column through unaccent.
  const pglite = await PGlite.create({ dataDir: settings.dataDir, extensions: { pg_trgm, unaccent } });
  const direct = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return { db: direct, close: () => direct.destroy().then(() => pglite.close()) };
}

/** One question, as the server stores a POST: the row and its first step, in one transaction. */
async function insertOne(runSubject: string): Promise<void> {
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('consultations')
      .values({
        tracking_code: generateTrackingCode(),
        opd_slug: 'bpkad',
        name: 'Warga Uji Beban',
        email: 'uji.beban@contoh.id',
        phone: null,
        category_id: 'aset-daerah',
        subject: runSubject,
        message,
        consent_at: now,
        consent_text: null,
        status: 'received',
        submitted_at: now,
        due_at: new Date(now.getTime() + 3 * 86_400_000),
      })
      .onConflict((oc) => oc.column('tracking_code').doNothing())
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('consultation_events')
      .values({ consultation_id: row.id, status: 'received', note: null, at: now, actor: 'citizen' })
      .execute();
  });
}

/** `connections` workers inserting until `forSeconds` are up; each insert's latency in ms. */
async function run(forSeconds: number, runSubject: string): Promise<{ latencies: number[]; errors: number; seconds: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const began = performance.now();
  const deadline = began + forSeconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const start = performance.now();
      try {
        await insertOne(runSubject);
        latencies.push(performance.now() - start);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return { latencies, errors, seconds: (performance.now() - began) / 1000 };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

try {
  await seedDemo(opened.db, serverModules);
  await run(warmupSeconds, `${subject} warm-up`);
  const result = await run(seconds, subject);
  const counted = await db
    .selectFrom('consultations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('subject', '=', subject)
    .executeTakeFirstOrThrow();
  const sorted = [...result.latencies].sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({
      ok: result.latencies.length,
      errors: result.errors,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      rps: result.latencies.length / result.seconds,
      seconds: result.seconds,
      stored: Number(counted.n),
    })}\n`,
  );
} finally {
  await opened.close();
}
