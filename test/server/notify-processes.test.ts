/**
 * E-mail across real server processes (`server/src/main.ts` spawned, as in production): a
 * server killed with SIGKILL while the mail is on its way (committed, handed to the SMTP
 * server, not yet accepted) sends it exactly once after the restart; two instances on one
 * PostgreSQL send each of 50 questions' mails once, and the delivery latency (the 201 answer
 * to the SMTP server's acceptance) is reported as a diagnostic.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { ParsedMail } from 'mailparser';
import { freePort } from '../helpers/local.js';
import { startMailCatcher } from '../helpers/mail.js';
import { createTestDatabase } from '../helpers/postgres.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 90_000;
const SLOW_TEST_MS = 240_000;
const MAIL_FROM = 'layanan@lahatkab.go.id';

/** The mails to addresses matching `pattern` (the demo seed's question due today also brings its staff a reminder). */
const toCitizen = (pattern: RegExp) => (mail: ParsedMail) => pattern.test(mail.to && !Array.isArray(mail.to) ? mail.to.text : '');

interface Running {
  child: ChildProcess;
  url: string;
  output: string[];
  exited: Promise<unknown>;
}

/** Spawns `main.ts` with `env` and waits for its listening line. */
async function startMain(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED: 'demo', SERVE_DEMO: 'false', DATABASE_URL: '', RATE_LIMIT_PER_MINUTE: '1000', MAIL_FROM, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line:\n${output.join('')}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (/opd-kit listening on/.test(output.join(''))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening:\n${output.join('')}`));
    });
  });
  return { child, url: `http://127.0.0.1:${port}`, output, exited };
}

async function stopMain(server: Running): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

/** Asks a question of BPKAD from `email`; answers its tracking code and when the 201 came. */
async function ask(server: Running, email: string): Promise<{ code: string; answeredAt: number }> {
  const response = await fetch(`${server.url}/api/v1/opds/bpkad/consultations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: 'Penguji Surat (demo)',
      email,
      category: 'aset-daerah',
      subject: 'Apakah surat ini sampai sekali?',
      message: 'Surat tanda terima harus sampai tepat satu kali.',
      consent: true,
    }),
  });
  const answeredAt = performance.now();
  assert.equal(response.status, 201);
  const { trackingCode } = (await response.json()) as { trackingCode: string };
  return { code: trackingCode, answeredAt };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

describe('e-mail across server processes', { timeout: SLOW_TEST_MS * 2 }, () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  });

  it('sends the mail exactly once after a SIGKILL between commit and the SMTP server’s acceptance', { timeout: SLOW_TEST_MS }, async () => {
    const catcher = await startMailCatcher('hold');
    cleanups.push(() => catcher.close());
    const dataDir = await mkdtemp(join(tmpdir(), 'opd-kit-mail-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const env = { DATA_DIR: dataDir, SMTP_URL: catcher.url };

    const first = await startMain(env);
    const { code } = await ask(first, 'sekali@contoh.id');
    // The mail is committed and on its way: the SMTP server has its data and says nothing.
    for (const until = performance.now() + 30_000; catcher.held === 0; await sleep(20)) {
      if (performance.now() > until) assert.fail(`the mail never reached the SMTP server:\n${first.output.join('')}`);
    }
    first.child.kill('SIGKILL');
    await first.exited;
    assert.equal(catcher.mails.length, 0);

    catcher.mode = 'accept';
    const second = await startMain(env);
    cleanups.push(() => stopMain(second));
    const citizen = toCitizen(/^sekali@contoh\.id$/);
    const [mail] = await catcher.waitFor(1, citizen, 60_000);
    assert.match(mail?.subject ?? '', new RegExp(code));
    // Another run or two of the sender: nothing more arrives.
    await sleep(6000);
    assert.equal(catcher.mails.filter(citizen).length, 1, 'exactly one mail');
    assert.match(second.output.join(''), /job mail-send sent=\d+ failed=0 dead=0 resumed=[1-9]/, 'the mail left sending by the killed run was taken up');
  });

  it('two instances on one PostgreSQL send each mail once; delivery latency under 50 concurrent questions', { timeout: SLOW_TEST_MS }, async (t) => {
    const catcher = await startMailCatcher();
    cleanups.push(() => catcher.close());
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const env = { DATABASE_URL: database.url, SMTP_URL: catcher.url };
    // One first, so the two do not race the demo seed.
    const one = await startMain(env);
    cleanups.push(() => stopMain(one));
    const two = await startMain(env);
    cleanups.push(() => stopMain(two));

    const asked = await Promise.all(
      Array.from({ length: 50 }, (_, n) => ask(n % 2 === 0 ? one : two, `banyak.${n}@contoh.id`)),
    );
    const citizens = toCitizen(/^banyak\.\d+@contoh\.id$/);
    const mails = await catcher.waitFor(50, citizens, 90_000);
    await sleep(6000);
    assert.equal(catcher.mails.filter(citizens).length, 50, 'no mail twice');
    const subjects = mails.map((mail) => mail.subject ?? '');
    for (const { code } of asked) assert.equal(subjects.filter((subject) => subject.includes(code)).length, 1, `one mail for ${code}`);
    assert.equal(new Set(mails.map((mail) => mail.messageId)).size, 50);
    const sentBy = [one, two].map((server) => [...server.output.join('').matchAll(/job mail-send sent=(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0));
    assert.equal(sentBy[0]! + sentBy[1]!, catcher.mails.length, `the instances' logs count every mail sent once (${sentBy.join(' + ')})`);

    const latency = mails
      .map((mail) => {
        const code = /\((SIAP-[^)]+)\)/.exec(mail.subject ?? '')?.[1];
        const question = asked.find((entry) => entry.code === code);
        return (catcher.arrivedAt.get(mail.messageId ?? '') ?? Number.NaN) - (question?.answeredAt ?? Number.NaN);
      })
      .sort((a, b) => a - b);
    t.diagnostic(`commit → SMTP accept, 50 concurrent questions on 2 instances: p50 ${Math.round(percentile(latency, 50))} ms, p99 ${Math.round(percentile(latency, 99))} ms (sent ${sentBy.join(' + ')})`);
  });
});
