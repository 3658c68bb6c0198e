/**
 * What the server acknowledged survives a crash: `server/src/main.ts` runs as a child
 * process, is killed with SIGKILL right after it answers, and is started again on the same
 * data. Also: SIGTERM lets a request in flight finish, then the process exits 0.
 * Cold-start times are reported as test diagnostics.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { freePort } from '../helpers/local.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { signIn } from '../helpers/server.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 90_000;
/** Each test starts up to three server processes; on a busy 2-core machine a start can take 10 s or more. */
const SLOW_TEST_MS = 240_000;

interface Running {
  child: ChildProcess;
  url: string;
  port: number;
  /** Process start → listening, as the server logs it. */
  readyMs: number;
  /** Spawn → listening line seen, as the test measures it. */
  wallMs: number;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startMain(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SEED: 'demo',
      SERVE_DEMO: 'false',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<{ readyMs: number; wallMs: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line after ${START_TIMEOUT_MS} ms:\n${output.join('')}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /opd-kit listening on http:\/\/\S+ \((.+)\), ready in (\d+) ms/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve({ readyMs: Number(match[2]), wallMs: Math.round(performance.now() - spawnedAt) });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output.join('')}`));
    });
  });
  const { readyMs, wallMs } = await ready;
  return { child, url: `http://127.0.0.1:${port}`, port, readyMs, wallMs, output, exited };
}

const question = {
  name: 'Penguji Ketahanan (demo)',
  email: 'ketahanan@example.com',
  category: 'aset-daerah',
  subject: 'Apakah data ini selamat?',
  message: 'Pertanyaan ini harus tetap ada setelah server dimatikan paksa.',
  consent: true,
};

/** POSTs a question, SIGKILLs the server the moment the 201 arrives, and returns the tracking code. */
async function askThenCrash(server: Running): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/opds/bpkad/consultations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(question),
  });
  server.child.kill('SIGKILL');
  assert.equal(response.status, 201);
  const code = response.headers.get('location')?.split('/').at(-1);
  assert.match(code ?? '', /^SIAP-/);
  assert.equal((await server.exited).signal, 'SIGKILL');
  return code!;
}

/** Answers a question as staff, SIGKILLs the server the moment the 200 arrives. */
async function answerThenCrash(server: Running, code: string, text: string): Promise<void> {
  const { token } = await signIn(server.url, 'bpkad@lahat.demo');
  const response = await fetch(`${server.url}/api/v1/opds/bpkad/consultations/${code}/answer`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ text }),
  });
  server.child.kill('SIGKILL');
  assert.equal(response.status, 200);
  assert.equal((await server.exited).signal, 'SIGKILL');
}

async function track(server: Running, code: string): Promise<{ status: string; answer: { text: string } | null }> {
  const response = await fetch(`${server.url}/api/v1/consultations/${code}`);
  assert.equal(response.status, 200, `the question ${code} is still there`);
  return (await response.json()) as { status: string; answer: { text: string } | null };
}

describe('durability and shutdown of main.ts', () => {
  const running: Running[] = [];
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => {
    for (const server of running) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    for (const cleanup of cleanups) await cleanup().catch(() => {});
  });
  const start = async (env: Record<string, string>) => {
    const server = await startMain(env);
    running.push(server);
    return server;
  };

  let pgliteDir = '';

  it('keeps an acknowledged question and answer through kill -9 on PGlite', { timeout: SLOW_TEST_MS }, async (t) => {
    pgliteDir = await mkdtemp(join(tmpdir(), 'opd-kit-durability-'));
    cleanups.push(() => rm(pgliteDir, { recursive: true, force: true }));

    const fresh = await start({ DATA_DIR: pgliteDir });
    t.diagnostic(`PGlite cold start, fresh DATA_DIR (initdb + migrate + seed): ${fresh.readyMs} ms in-process, ${fresh.wallMs} ms from spawn`);
    const code = await askThenCrash(fresh);

    const restarted = await start({ DATA_DIR: pgliteDir });
    t.diagnostic(`PGlite cold start, existing DATA_DIR after kill -9: ${restarted.readyMs} ms in-process, ${restarted.wallMs} ms from spawn`);
    assert.equal((await track(restarted, code)).status, 'received');
    await answerThenCrash(restarted, code, 'Ya, selamat.');

    const again = await start({ DATA_DIR: pgliteDir });
    const view = await track(again, code);
    assert.equal(view.status, 'answered');
    assert.equal(view.answer?.text, 'Ya, selamat.');
    again.child.kill('SIGKILL');
    await again.exited;
  });

  it('keeps an acknowledged question and answer through kill -9 on PostgreSQL', { timeout: SLOW_TEST_MS }, async (t) => {
    const database: TestDatabase = await createTestDatabase('opdkit_durability');
    cleanups.push(() => database.drop());

    const first = await start({ DATABASE_URL: database.url });
    t.diagnostic(`PostgreSQL cold start, empty database (migrate + seed): ${first.readyMs} ms in-process, ${first.wallMs} ms from spawn`);
    const code = await askThenCrash(first);

    const restarted = await start({ DATABASE_URL: database.url });
    t.diagnostic(`PostgreSQL cold start, existing database: ${restarted.readyMs} ms in-process, ${restarted.wallMs} ms from spawn`);
    assert.equal((await track(restarted, code)).status, 'received');
    await answerThenCrash(restarted, code, 'Ya, selamat juga.');

    const again = await start({ DATABASE_URL: database.url });
    assert.equal((await track(again, code)).answer?.text, 'Ya, selamat juga.');
    again.child.kill('SIGKILL');
    await again.exited;
  });

  it('on SIGTERM stops taking connections, finishes the request in flight, closes the database and exits 0', { timeout: SLOW_TEST_MS }, async () => {
    assert.ok(pgliteDir, 'runs after the PGlite test');
    const server = await start({ DATA_DIR: pgliteDir });
    const body = JSON.stringify({ ...question, subject: 'Dikirim saat server berhenti' });

    // Send the headers and half the body, then ask the server to stop.
    let status = 0;
    const finished = new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/v1/opds/bpkad/consultations',
          agent: false,
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        },
        (res) => {
          status = res.statusCode ?? 0;
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 40));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(async () => {
          // The listener is closed by now: a new connection is refused.
          await assert.rejects(fetch(`${server.url}/healthz`));
          req.end(body.slice(40));
        }, 500);
      }, 200);
    });
    await finished;
    assert.equal(status, 201, 'the request in flight got its answer');
    const exit = await server.exited;
    assert.equal(exit.code, 0);
    const log = server.output.join('');
    assert.match(log, /SIGTERM: shutting down/);
    assert.match(log, /stopped/);
  });
});
