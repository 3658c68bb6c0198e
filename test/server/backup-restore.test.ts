/**
 * The production guide's backup and restore, as an operator runs them (docs/production.md):
 * a database seeded with the demo data and written to through every module's API is backed up
 * with `deploy/backup/opd-kit-backup.sh` (the nightly timer's script: `pg_dump -Fc` on
 * PostgreSQL, a tar of `DATA_DIR` with the server stopped on PGlite), put back with
 * `deploy/backup/opd-kit-restore.sh` into an empty database or folder, and a server started on
 * the copy must be the same server: every table holds as many rows, the public reads and a
 * staff read answer the same bytes and ETags, the staff member's sign-in still works, and new
 * writes get fresh ids (the sequences came along).
 *
 * PostgreSQL restores as a role that is not a superuser and owns only the new database, as the
 * guide's `opdkit` role does. Skipped, with a message, where `pg_dump` is not installed.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { SKM_2017_ELEMENTS } from '../../server/src/modules/services/migrations/0002-satisfaction-survey.js';
import { adminUrl } from '../helpers/postgres.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const run = promisify(execFile);
const BACKUP = fileURLToPath(new URL('../../deploy/backup/opd-kit-backup.sh', import.meta.url));
const RESTORE = fileURLToPath(new URL('../../deploy/backup/opd-kit-restore.sh', import.meta.url));
const SLOW_TEST_MS = 300_000;

/** Both servers of a run read the same clock, so answers that count days from today are comparable. */
const NOW = new Date('2025-03-05T03:00:00.000Z');
const now = () => NOW;
/** As in production: links in answers (a photo's `media_url`) name the public address, not each server's port. */
const publicUrl = 'https://layanan.lahatkab.go.id';

const hasPgDump = spawnSync('pg_dump', ['--version']).status === 0 && spawnSync('pg_restore', ['--version']).status === 0;

/** One write through the API, by a citizen (no token) or the demo regency admin. */
interface Write {
  module: string;
  method: string;
  path: string | ((done: ReadonlyMap<string, unknown>) => string);
  body: Record<string, unknown> | ((done: ReadonlyMap<string, unknown>) => Record<string, unknown>);
  staff: boolean;
  /** Keeps the answer under this name for later writes and reads. */
  as?: string;
}

/** A citizen's scores, 3 or 4 for each element of the survey model. */
const SKM_SCORES = Object.fromEntries(SKM_2017_ELEMENTS.map(([id], i) => [id, 3 + (i % 2)]));

/** A new innovation's draft, as its OPD's staff enter it. */
const INNOVATION_DRAFT = {
  name: 'Layanan Arsip Keliling Desa (uji cadangan)',
  type: 'pelayanan-publik',
  digital: false,
  stage: 'uji-coba',
  stageDates: { inisiatif: '2024-08-01', 'uji-coba': '2025-01-15' },
  startDate: '2024-08-01',
  problem: 'Bendahara desa datang ke kantor berulang kali untuk pertanyaan yang sama.',
  solution: 'Loket konsultasi terjadwal di kecamatan dengan petugas BPKAD sebulan sekali.',
};

/** A write of every module, public and staff, in an order where later ones use earlier answers. */
const WRITES: readonly Write[] = [
  { module: 'tenancy', method: 'POST', path: '/api/v1/opds', staff: true, body: { slug: 'dinas-arsip', name: 'Dinas Perpustakaan dan Kearsipan', modules: ['siap', 'innovation'] } },
  { module: 'calendar', method: 'PUT', path: '/api/v1/holidays/2025-05-20', staff: true, body: { name: 'Hari Jadi Kabupaten Lahat (uji)', kind: 'regional' } },
  {
    module: 'siap (and notify: its receipt mail)',
    method: 'POST',
    path: '/api/v1/opds/bpkad/consultations',
    staff: false,
    as: 'question',
    body: { name: 'Penguji Cadangan', email: 'cadangan@example.com', category: 'aset-daerah', subject: 'Apakah cadangan lengkap?', message: 'Pertanyaan ini harus ada di salinan.', consent: true },
  },
  {
    module: 'siap',
    method: 'POST',
    path: (done) => `/api/v1/opds/bpkad/consultations/${(done.get('question') as { trackingCode: string }).trackingCode}/answer`,
    staff: true,
    body: { text: 'Ya, salinan memuat pertanyaan dan jawaban ini.' },
  },
  {
    module: 'perjaka',
    method: 'POST',
    path: '/api/v1/opds/dinas-pupr/road-reports',
    staff: false,
    as: 'report',
    body: { service_code: 'drainase-tersumbat', address_string: 'Pasar Lama, Kota Lahat' },
  },
  { module: 'perjaka', method: 'PUT', path: '/api/v1/opds/dinas-pupr/road-targets/2026', staff: true, body: { percent: 84 } },
  {
    module: 'agenda',
    method: 'POST',
    path: '/api/v1/opds/sekretariat-dprd/events',
    staff: true,
    body: { title: 'Rapat Komisi I: uji cadangan', body: 'komisi-1', kind: 'rapat-komisi', startsAt: '2025-03-12T09:00', endsAt: '2025-03-12T11:00' },
  },
  {
    module: 'innovation',
    method: 'POST',
    path: '/api/v1/opds/dinas-arsip/innovations',
    staff: true,
    body: INNOVATION_DRAFT,
  },
  {
    module: 'csr',
    method: 'POST',
    path: '/api/v1/opds/bappeda/csr/proposals',
    staff: true,
    body: { title: 'Sumur bor Desa Serambi (uji)', field: 'infrastruktur', kecamatan: 'Jarai', desa: 'Serambi', year: 2025, estimatedCost: 80_000_000, proposer: 'Pemerintah Desa Serambi', submittedOn: '2025-01-10' },
  },
  { module: 'layanan', method: 'POST', path: '/api/v1/opds/dpmptsp/services/pbg/survey-tokens', staff: true, as: 'tokens', body: { count: 2 } },
  {
    module: 'layanan',
    method: 'POST',
    path: '/api/v1/opds/dpmptsp/services/pbg/survey',
    staff: false,
    body: (done) => ({ token: (done.get('tokens') as { tokens: string[] }).tokens[0], scores: SKM_SCORES }),
  },
  { module: 'webhooks', method: 'POST', path: '/api/v1/opds/bpkad/webhooks', staff: true, body: { url: 'https://hooks.example.com/opd-kit', topics: null } },
];

/** Runs {@link WRITES} against `server`; answers each kept answer by name. */
async function writeEveryModule(server: TestServer): Promise<Map<string, unknown>> {
  const done = new Map<string, unknown>();
  for (const write of WRITES) {
    const path = typeof write.path === 'function' ? write.path(done) : write.path;
    const body = typeof write.body === 'function' ? write.body(done) : write.body;
    const response = await fetch(`${server.url}${path}`, {
      method: write.method,
      headers: { 'Content-Type': 'application/json', ...(write.staff ? { Authorization: `Bearer ${server.staffToken}` } : {}) },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    assert.ok(response.ok, `${write.module}: ${write.method} ${path} answered ${response.status}: ${text}`);
    if (write.as) done.set(write.as, JSON.parse(text));
  }
  return done;
}

/** What a citizen reads of every module, and what the regency admin reads. */
function readsAfter(done: ReadonlyMap<string, unknown>): { path: string; staff: boolean }[] {
  const code = (done.get('question') as { trackingCode: string }).trackingCode;
  const pub = [
    '/api/v1/opds',
    '/api/v1/opds/bpkad',
    '/api/v1/opds/dinas-arsip',
    `/api/v1/consultations/${code}`,
    '/api/v1/opds/dinas-pupr/road-segments?format=geojson',
    '/api/v1/opds/dinas-pupr/road-condition?year=2022',
    '/open311/v2/requests.json?jurisdiction_id=dinas-pupr',
    '/api/v1/opds/sekretariat-dprd/events?from=2025-03-01&to=2025-04-01',
    '/api/v1/opds/sekretariat-dprd/events.ics',
    '/api/v1/innovations',
    '/api/v1/innovations/progress',
    '/api/v1/opds/bappeda/csr/programs',
    '/api/v1/opds/bappeda/csr/summary',
    '/api/v1/services',
    '/api/v1/opds/dpmptsp/satisfaction?year=2025',
  ].map((path) => ({ path, staff: false }));
  return [...pub, { path: '/api/v1/opds/bpkad/consultations', staff: true }, { path: '/api/v1/holidays?year=2025', staff: true }];
}

interface Answer {
  status: number;
  etag: string | null;
  body: string;
}

/**
 * GETs each read from the server at `url` as the reverse proxy forwards them, with the public
 * `Host` (fetch cannot send one), so links built from the request name the same address on both.
 */
async function readAll(url: string, token: string, reads: { path: string; staff: boolean }[]): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>();
  for (const { path, staff } of reads) {
    const answer = await new Promise<Answer>((resolve, reject) => {
      const headers: Record<string, string> = { Host: new URL(publicUrl).host, ...(staff ? { Authorization: `Bearer ${token}` } : {}) };
      get(`${url}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, etag: (response.headers.etag as string | undefined) ?? null, body: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      }).on('error', reject);
    });
    answers.set(path, answer);
  }
  return answers;
}

/** Rows per table of the public schema, every table the migrations made. */
async function rowCounts(db: Kysely<unknown>): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    counts[name] = Number(rows[0]!.n);
  }
  return counts;
}

/** Runs one of the deploy scripts with only the settings given (and PATH), as a systemd unit would. */
async function script(path: string, args: string[], env: Record<string, string>): Promise<string> {
  try {
    const { stdout } = await run('bash', [path, ...args], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } });
    return stdout;
  } catch (error) {
    const failed = error as { stderr?: string; stdout?: string };
    throw new Error(`${path} failed: ${failed.stderr ?? ''}${failed.stdout ?? ''}`, { cause: error });
  }
}

/** The one backup file the script wrote into `dir` (and its checksum beside it). */
async function onlyBackup(dir: string, pattern: RegExp): Promise<string> {
  const files = (await readdir(dir)).sort();
  const backups = files.filter((name) => pattern.test(name));
  assert.equal(backups.length, 1, `one backup in ${files.join(', ')}`);
  assert.ok(files.includes(`${backups[0]}.sha256`), 'a checksum beside it');
  assert.ok(!files.some((name) => name.endsWith('.partial')), 'nothing half-written left');
  return join(dir, backups[0]!);
}

/** After a restore: the copy answers as the original did, and takes new writes with fresh ids. */
async function assertSameServer(original: { counts: Record<string, number>; answers: Map<string, Answer>; token: string; maxIds: Record<string, number> }, copy: TestServer, reads: { path: string; staff: boolean }[]) {
  const copied = await readAll(copy.url, original.token, reads);
  for (const [path, answer] of original.answers) {
    assert.equal(answer.status, 200, `${path} answered ${answer.status} before the backup: ${answer.body.slice(0, 300)}`);
    const got = copied.get(path)!;
    assert.equal(got.status, 200, `${path} on the copy: ${got.body.slice(0, 300)}`);
    assert.equal(got.etag, answer.etag, `${path}: the same ETag`);
    assert.equal(got.body, answer.body, `${path}: the same bytes`);
  }

  const question = await fetch(`${copy.url}/api/v1/opds/bpkad/consultations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Penanya Sesudah Pemulihan', phone: '0812-0000-1111', category: 'aset-daerah', subject: 'Masih bisa bertanya?', message: 'Pertanyaan pertama setelah pemulihan.', consent: true }),
  });
  assert.equal(question.status, 201, await question.clone().text());
  const draft = await fetch(`${copy.url}/api/v1/opds/dinas-arsip/innovations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${original.token}` },
    body: JSON.stringify({ ...INNOVATION_DRAFT, name: 'Inovasi sesudah pemulihan' }),
  });
  assert.equal(draft.status, 201, await draft.clone().text());
  const after = await maxIds(copy.db as unknown as Kysely<unknown>);
  assert.ok(after.consultations! > original.maxIds.consultations!, `a new question gets a new id (${after.consultations} after ${original.maxIds.consultations})`);
  assert.ok(after.innovations! > original.maxIds.innovations!, `a new innovation gets a new id (${after.innovations} after ${original.maxIds.innovations})`);
}

async function maxIds(db: Kysely<unknown>): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const table of ['consultations', 'innovations']) {
    const { rows } = await sql<{ n: string | number | null }>`select max(id) as n from ${sql.table(table)}`.execute(db);
    ids[table] = Number(rows[0]!.n ?? 0);
  }
  return ids;
}

/** Seeds, writes, reads and counts on `server`: what the copy must match. */
async function snapshot(server: TestServer) {
  const done = await writeEveryModule(server);
  const reads = readsAfter(done);
  const answers = await readAll(server.url, server.staffToken, reads);
  const db = server.db as unknown as Kysely<unknown>;
  return { reads, original: { counts: await rowCounts(db), answers, token: server.staffToken, maxIds: await maxIds(db) } };
}

describe('backup and restore on PostgreSQL (deploy/backup, pg_dump -Fc)', { skip: hasPgDump ? false : 'pg_dump/pg_restore are not installed here: apt install postgresql-client to run the backup round trip' }, () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  after(async () => {
    for (const step of cleanups.reverse()) await step().catch(() => {});
  });

  it('restores every row, the same answers and working sequences into a fresh database owned by a plain role', { timeout: SLOW_TEST_MS }, async (t) => {
    const server = await startTestServer({ store: 'postgres', now, settings: { publicUrl } });
    cleanups.push(() => server.close());
    const { reads, original } = await snapshot(server);

    const dir = await mkdtemp(join(tmpdir(), 'opd-kit-backup-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const started = performance.now();
    const said = await script(BACKUP, [], { DATABASE_URL: server.settings.databaseUrl!, BACKUP_DIR: dir, BACKUP_KEEP_DAYS: '14' });
    t.diagnostic(`${said.trim()} (${Math.round(performance.now() - started)} ms)`);
    const dump = await onlyBackup(dir, /^opdkit-\d{4}-\d\d-\d\dT\d{6}Z\.dump$/);

    // The guide's role: may log in and owns its database, nothing more.
    const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const role = `opdkit_restore_${suffix}`;
    const database = `opdkit_restored_${suffix}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    cleanups.push(async () => {
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`drop database if exists "${database}" with (force)`);
      await client.query(`drop role if exists "${role}"`);
      await client.end();
    });
    await admin.query(`create role "${role}" login nosuperuser nocreatedb nocreaterole`);
    await admin.query(`create database "${database}" owner "${role}"`);
    await admin.end();
    const target = new URL(adminUrl());
    target.username = role;
    target.pathname = `/${database}`;

    await script(RESTORE, [dump], { DATABASE_URL: target.toString() });
    // A second restore into the now full database is refused, and changes nothing.
    await assert.rejects(script(RESTORE, [dump], { DATABASE_URL: target.toString() }), /already has \d+ tables: restore into a fresh one/);

    const copy = await startTestServer({ store: 'postgres', now, seed: false, settings: { publicUrl, databaseUrl: target.toString() } });
    cleanups.push(() => copy.close());
    const counts = await rowCounts(copy.db as unknown as Kysely<unknown>);
    assert.deepEqual(counts, original.counts, 'every table holds as many rows');
    t.diagnostic(`${Object.keys(counts).length} tables, ${Object.values(counts).reduce((a, b) => a + b, 0)} rows restored`);
    await assertSameServer(original, copy, reads);
  });

  it('names a broken dump and restores nothing', { timeout: SLOW_TEST_MS }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'opd-kit-backup-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const broken = join(dir, 'opdkit-2025-03-05T020000Z.dump');
    await run('bash', ['-c', `head -c 4096 /dev/urandom > '${broken}' && cd '${dir}' && sha256sum opdkit-2025-03-05T020000Z.dump > opdkit-2025-03-05T020000Z.dump.sha256 && echo x >> '${broken}'`]);
    await assert.rejects(script(RESTORE, [broken], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }), /does not match its checksum/);
  });
});

describe('backup and restore on PGlite (deploy/backup, the folder with the server stopped)', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  after(async () => {
    for (const step of cleanups.reverse()) await step().catch(() => {});
  });

  it('refuses to copy a folder in use, then restores a stopped one to the same server', { timeout: SLOW_TEST_MS }, async (t) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'opd-kit-data-'));
    const dir = await mkdtemp(join(tmpdir(), 'opd-kit-backup-'));
    const restored = join(await mkdtemp(join(tmpdir(), 'opd-kit-restored-')), 'data');
    cleanups.push(() => Promise.all([dataDir, dir, join(restored, '..')].map((path) => rm(path, { recursive: true, force: true }))));

    const server = await startTestServer({ store: 'pglite', now, settings: { publicUrl, dataDir } });
    cleanups.push(() => server.close());
    const { reads, original } = await snapshot(server);

    await assert.rejects(script(BACKUP, [], { DATA_DIR: dataDir, BACKUP_DIR: dir }), /a server is running on DATA_DIR .*: stop it first/);
    assert.deepEqual((await readdir(dir)).filter((name) => !name.startsWith('.')), [], 'no backup of a folder in use');

    await server.close();
    const said = await script(BACKUP, [], { DATA_DIR: dataDir, BACKUP_DIR: dir });
    t.diagnostic(said.trim());
    const archive = await onlyBackup(dir, /^opdkit-data-\d{4}-\d\d-\d\dT\d{6}Z\.tar\.gz$/);

    await script(RESTORE, [archive], { DATA_DIR: restored });
    await assert.rejects(script(RESTORE, [archive], { DATA_DIR: restored }), /is not empty: move it aside/);

    const copy = await startTestServer({ store: 'pglite', now, seed: false, settings: { publicUrl, dataDir: restored } });
    cleanups.push(() => copy.close());
    assert.deepEqual(await rowCounts(copy.db as unknown as Kysely<unknown>), original.counts, 'every table holds as many rows');
    await assertSameServer(original, copy, reads);
  });
});

describe('backup retention', () => {
  it('removes backups older than BACKUP_KEEP_DAYS and keeps the newer ones and the new one', { timeout: SLOW_TEST_MS }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'opd-kit-data-'));
    const dir = await mkdtemp(join(tmpdir(), 'opd-kit-backup-'));
    try {
      await run('bash', ['-c', `echo demo > '${dataDir}/file' && cd '${dir}' && for d in 2 5 9; do touch -d "$d days ago" opdkit-data-old-$d.tar.gz opdkit-data-old-$d.tar.gz.sha256; done && touch -d '9 days ago' unrelated.txt`]);
      await script(BACKUP, [], { DATA_DIR: dataDir, BACKUP_DIR: dir, BACKUP_KEEP_DAYS: '4' });
      const left = (await readdir(dir)).sort();
      assert.deepEqual(left.filter((name) => name.includes('-old-')), ['opdkit-data-old-2.tar.gz', 'opdkit-data-old-2.tar.gz.sha256']);
      assert.ok(left.includes('unrelated.txt'), 'files that are not backups stay');
      assert.equal(left.filter((name) => /^opdkit-data-\d{4}.*Z\.tar\.gz$/.test(name)).length, 1, 'the new backup');
      await assert.rejects(script(BACKUP, [], { DATA_DIR: dataDir, BACKUP_DIR: dir, BACKUP_KEEP_DAYS: '0' }), /BACKUP_KEEP_DAYS must be a whole number of days, at least 1, got "0"/);
    } finally {
      await Promise.all([dataDir, dir].map((path) => rm(path, { recursive: true, force: true })));
    }
  });
});
