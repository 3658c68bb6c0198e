/**
 * What an operator sees when `server/src/main.ts` starts, run as a child process the way they
 * run it: a second server on a PGlite `DATA_DIR` already in use is refused (naming the folder
 * and the first server's pid) while the first keeps serving; after a `kill -9` the next start
 * works with no cleanup; every start failure is one line on stderr, exit code 1, no stack trace.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MigrationError } from '../../server/src/db/migrate.js';
import { openDatabase } from '../../server/src/db/open.js';
import { serverModules } from '../../server/src/modules/index.js';
import { notifyDb } from '../../server/src/notify/tables.js';
import { LOCK_FILE, lockDataDir } from '../../server/src/db/data-dir-lock.js';
import { startFailureLine } from '../../server/src/start-errors.js';
import { freePort } from '../helpers/local.js';
import { adminUrl } from '../helpers/postgres.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WAIT_MS = 90_000;
/** A test here starts up to three processes; on a busy 2-core machine one start can take 10 s. */
const TEST_MS = 180_000;

interface Child {
  child: ChildProcess;
  port: number;
  url: string;
  stdout: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: Child[] = [];
const folders: string[] = [];

/** Runs main.ts with the environment an operator would set (nothing inherited that changes its choices). */
async function spawnMain(env: Record<string, string | undefined>): Promise<Child> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const base: Record<string, string | undefined> = { ...process.env };
  // What pg would read on its own: each test sets what it means to.
  for (const name of ['USER', 'USERNAME', 'PGUSER', 'PGHOST', 'PGPORT', 'PGDATABASE', 'PGPASSWORD']) delete base[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...base,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      SEED: 'none',
      SERVE_DEMO: 'false',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const started = { child, port, url: `http://127.0.0.1:${port}`, stdout, stderr, exited };
  children.push(started);
  return started;
}

/** Starts a server and waits for its "listening" line. */
async function startServer(env: Record<string, string | undefined>): Promise<Child> {
  const server = await spawnMain(env);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line after ${WAIT_MS} ms:\n${all(server)}`)), WAIT_MS);
    const check = () => {
      if (/opd-kit listening on http:\/\/\S+ \(.+\), ready in \d+ ms/.test(server.stdout.join(''))) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.child.stdout?.on('data', check);
    void server.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${all(server)}`));
    });
  });
  return server;
}

/** Starts a server that must not start; returns the one line it printed on stderr. */
async function failToStart(env: Record<string, string | undefined>): Promise<string> {
  const server = await spawnMain(env);
  const timer = setTimeout(() => server.child.kill('SIGKILL'), WAIT_MS);
  const { code } = await server.exited;
  clearTimeout(timer);
  const output = all(server);
  assert.equal(code, 1, `exit code 1, got ${code}:\n${output}`);
  assert.doesNotMatch(output, /listening on/, 'it never listened');
  assert.doesNotMatch(output, /^\s+at /m, 'no stack trace');
  const lines = server.stderr.join('').trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${server.stderr.join('')}`);
  assert.match(lines[0]!, /^opd-kit cannot start: \S/);
  return lines[0]!.slice('opd-kit cannot start: '.length);
}

/** `host:port` of the test PostgreSQL. */
function localWhere(): string {
  const url = new URL(adminUrl());
  return `${url.hostname}:${url.port || '5432'}`;
}

function all(server: Child): string {
  return `${server.stdout.join('')}${server.stderr.join('')}`;
}

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'opd-kit-start-'));
  folders.push(folder);
  return folder;
}

/** A database URL on the local server with another path (the user stays the test user). */
function localUrl(change: (url: URL) => void): string {
  const url = new URL(adminUrl());
  change(url);
  return url.toString();
}

const question = {
  name: 'Penguji Kunci (demo)',
  email: 'kunci@example.com',
  category: 'aset-daerah',
  subject: 'Apakah server pertama tetap melayani?',
  message: 'Pertanyaan ini dikirim setelah server kedua ditolak.',
  consent: true,
};

after(async () => {
  for (const server of children) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await Promise.all(children.map((server) => server.exited));
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('starting main.ts on PGlite: one server per DATA_DIR', () => {
  let dataDir = '';
  let first: Child | undefined;
  let trackingCode = '';

  it('refuses a second server on the same DATA_DIR, naming the folder and the first one’s pid, while the first keeps serving', { timeout: TEST_MS }, async () => {
    dataDir = await tempFolder();
    first = await startServer({ DATA_DIR: dataDir, SEED: 'demo' });
    assert.ok(existsSync(join(dataDir, LOCK_FILE)), 'the first server holds the lock file');

    const refused = await failToStart({ DATA_DIR: dataDir });
    assert.match(refused, new RegExp(`^DATA_DIR ${escape(dataDir)} is in use by another opd-kit server \\(pid ${first.child.pid}\\)`));
    assert.match(refused, /DATABASE_URL/, 'it says what to do for several servers');

    // The first is untouched: it answers, takes a question and gives it back.
    assert.equal((await fetch(`${first.url}/healthz`)).status, 200);
    const created = await fetch(`${first.url}/api/v1/opds/bpkad/consultations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(question),
    });
    assert.equal(created.status, 201);
    trackingCode = created.headers.get('location')?.split('/').at(-1) ?? '';
    assert.match(trackingCode, /^SIAP-/);
    assert.equal((await fetch(`${first.url}/api/v1/consultations/${trackingCode}`)).status, 200);
  });

  it('starts on the same DATA_DIR after kill -9 of the first, with no cleanup; a clean stop gives the lock back', { timeout: TEST_MS }, async () => {
    assert.ok(first && trackingCode, 'runs after the test above');
    first.child.kill('SIGKILL');
    assert.equal((await first.exited).signal, 'SIGKILL');
    assert.ok(existsSync(join(dataDir, LOCK_FILE)), 'kill -9 leaves the lock file behind');

    const next = await startServer({ DATA_DIR: dataDir });
    assert.equal((await fetch(`${next.url}/api/v1/consultations/${trackingCode}`)).status, 200, 'the question is still there');

    next.child.kill('SIGTERM');
    assert.equal((await next.exited).code, 0);
    assert.ok(!existsSync(join(dataDir, LOCK_FILE)), 'a clean stop removes the lock file');
  });

  it('names the port when it is in use, and gives the DATA_DIR lock back', { timeout: TEST_MS }, async () => {
    assert.ok(dataDir, 'runs after the tests above (an existing DATA_DIR starts faster)');
    const port = await freePort();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    try {
      const line = await failToStart({ DATA_DIR: dataDir, PORT: String(port) });
      assert.equal(line, `port ${port} on 127.0.0.1 is in use by another process: stop it, or set PORT to a free port.`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
    assert.ok(!existsSync(join(dataDir, LOCK_FILE)), 'the lock was given back before exiting');
  });

  it('with JOBS=false serves and stores but dispatches, mails and delivers nothing (a restore drill’s copy)', { timeout: TEST_MS }, async () => {
    assert.ok(dataDir, 'runs after the tests above');
    const copy = await startServer({ DATA_DIR: dataDir, JOBS: 'false' });
    const output = copy.stdout.join('');
    assert.match(output, /jobs: off \(JOBS=false\)/);
    assert.doesNotMatch(output, /jobs: outbox-dispatch every/, 'no schedule');
    const created = await fetch(`${copy.url}/api/v1/opds/bpkad/consultations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...question, subject: 'Ditanyakan pada salinan tanpa pekerjaan latar' }),
    });
    assert.equal(created.status, 201);
    const code = created.headers.get('location')?.split('/').at(-1) ?? '';
    // The dispatcher would have run twice by now.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    copy.child.kill('SIGTERM');
    assert.equal((await copy.exited).code, 0);
    const database = await openDatabase({ dataDir, databaseUrl: undefined }, { modules: serverModules, migrate: false });
    try {
      const events = await database.db.selectFrom('outbox').select(['sent_at', 'payload']).where('topic', '=', 'consultation.received').execute();
      const its = events.filter((event) => event.payload.trackingCode === code);
      assert.equal(its.length, 1);
      assert.equal(its[0]!.sent_at, null, 'its event waits for an instance that runs the jobs');
      const mails = await notifyDb(database.db).selectFrom('mail_messages').select('id').where('about', '=', code).execute();
      assert.deepEqual(mails, [], 'no mail made for it');
    } finally {
      await database.close();
    }
  });

  it('names a DATA_DIR that is a file', { timeout: TEST_MS }, async () => {
    const file = join(await tempFolder(), 'data');
    await writeFile(file, 'not a folder');
    assert.equal(
      await failToStart({ DATA_DIR: file }),
      `DATA_DIR ${file} is not a folder (a file is in the way): remove it or set DATA_DIR to a folder.`,
    );
  });
});

describe('starting main.ts on PostgreSQL: a wrong DATABASE_URL is named in one line', () => {
  it('a URL without a user name while $USER is unset', { timeout: TEST_MS }, async () => {
    const line = await failToStart({ DATABASE_URL: 'postgres://127.0.0.1:5432/test' });
    assert.equal(
      line,
      'DATABASE_URL names no user and $USER is unset, so there is no one to connect as: put the user in DATABASE_URL, e.g. postgres://opdkit@127.0.0.1:5432/test',
    );
  });

  it('a PostgreSQL that is not there (127.0.0.1:1)', { timeout: TEST_MS }, async () => {
    const line = await failToStart({ DATABASE_URL: 'postgres://opdkit@127.0.0.1:1/opdkit' });
    assert.equal(line, 'cannot reach PostgreSQL at 127.0.0.1:1: connection refused. Is it running there, and is DATABASE_URL right?');
  });

  it('a database that does not exist', { timeout: TEST_MS }, async () => {
    const name = `opdkit_no_such_${process.pid}`;
    const line = await failToStart({ DATABASE_URL: localUrl((url) => (url.pathname = `/${name}`)) });
    assert.match(line, new RegExp(`^database "${name}" does not exist on PostgreSQL at ${escape(localWhere())}: create it \\(createdb --owner \\S+ ${name}\\) or fix DATABASE_URL\\.$`));
  });

  it('a user PostgreSQL refuses, named without its password', { timeout: TEST_MS }, async () => {
    const line = await failToStart({
      DATABASE_URL: localUrl((url) => {
        url.username = 'opdkit_no_such_role';
        url.password = 's3cret-password';
      }),
    });
    assert.ok(line.startsWith(`PostgreSQL at ${localWhere()} refused user "opdkit_no_such_role": `), line);
    assert.doesNotMatch(line, /s3cret/);
  });
});

describe('the DATA_DIR lock when servers start at the same moment', () => {
  it('lets exactly one of many take a folder whose last holder was killed, and leaves nothing behind', { timeout: TEST_MS }, async () => {
    for (let round = 0; round < 20; round++) {
      const folder = await tempFolder();
      // A lock file whose holder was killed: bound by a process that then SIGKILLs itself.
      const script = `require('net').createServer().listen(${JSON.stringify(join(folder, LOCK_FILE))}, () => process.kill(process.pid, 'SIGKILL'))`;
      assert.equal(spawnSync(process.execPath, ['-e', script]).signal, 'SIGKILL');
      assert.ok(existsSync(join(folder, LOCK_FILE)));

      const tries = await Promise.allSettled(Array.from({ length: 12 }, () => lockDataDir(folder)));
      const held = tries.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
      assert.equal(held.length, 1, `round ${round}: one holder`);
      for (const attempt of tries) {
        if (attempt.status === 'rejected') assert.match(String(attempt.reason), new RegExp(`is in use by another opd-kit server \\(pid ${process.pid}\\)`));
      }
      await held[0]!.release();
      assert.deepEqual(await readdir(folder), [], `round ${round}: no file left`);
    }
  });
});

describe('the one line of other start failures', () => {
  it('a failed migration: which one and the database’s message', () => {
    const error = new MigrationError('siap/0001-consultations', new Error('relation "consultations" already exists'));
    assert.equal(startFailureLine(error), 'migration siap/0001-consultations failed: relation "consultations" already exists');
  });

  it('anything unforeseen: its first line and where to see more', () => {
    assert.equal(startFailureLine(new Error('boom\nsecond line')), 'boom (LOG_LEVEL=debug shows where)');
    assert.match(startFailureLine(new Error('boom'), true), /^boom\nError: boom\n\s+at /);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
