/**
 * kill -9 under load loses nothing acknowledged: `main.ts` runs as a child process, eight
 * writers cycle through every module's public and staff writes (`writes.ts`), every write
 * the server answered with 2xx is recorded, the process is SIGKILLed while writes are in
 * flight, started again on the same data, and every recorded write is looked up: acknowledged
 * N, lost 0, per module, on PGlite and on PostgreSQL.
 *
 * `RELIABILITY_WRITES` (default 96) is how many acknowledged writes to wait for before the
 * kill; `RELIABILITY_WRITERS` (default 8) how many write at once.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it, type TestContext } from 'node:test';
import { createTestDatabase } from '../../helpers/postgres.js';
import { startMain, type MainProcess } from './main-process.js';
import { adminToken, Unacknowledged, WRITES, type Acknowledged } from './writes.js';

const TARGET = Number(process.env.RELIABILITY_WRITES ?? 96);
const WRITERS = Number(process.env.RELIABILITY_WRITERS ?? 8);
const SLOW_TEST_MS = 600_000;

interface Run {
  acknowledged: Acknowledged[];
  /** Answers that were not 2xx, by status: a refusal is not a loss, but a 5xx other than 503 is a bug. */
  refused: Map<number, number>;
  /** Requests cut off by the kill (no answer: not acknowledged, so not counted). */
  cut: number;
}

/** Writes with `WRITERS` writers until `TARGET` are acknowledged, SIGKILLs the server mid-flight, and waits for every writer. */
async function writeThenKill(server: MainProcess): Promise<Run> {
  const token = await adminToken(server.url);
  const run: Run = { acknowledged: [], refused: new Map(), cut: 0 };
  let next = 0;
  let killed = false;
  const kill = () => {
    if (killed) return;
    killed = true;
    server.child.kill('SIGKILL');
  };
  const writer = async (w: number) => {
    for (let i = w; !killed; i++) {
      const write = WRITES[i % WRITES.length]!;
      const n = next++;
      try {
        const ack = await write.run({ base: server.url, token, n });
        // An answer that arrived after the kill was still sent by the server before it died: it counts.
        if (ack) run.acknowledged.push(ack);
        if (run.acknowledged.length >= TARGET) kill();
      } catch (error) {
        if (error instanceof Unacknowledged) run.refused.set(error.status, (run.refused.get(error.status) ?? 0) + 1);
        else if (killed) run.cut++;
        else throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  assert.equal((await server.exited).signal, 'SIGKILL');
  return run;
}

/** Looks up every acknowledged write on the restarted server; answers the counts per module and write. */
async function countLost(server: MainProcess, run: Run): Promise<{ table: Map<string, { acknowledged: number; lost: string[] }> }> {
  const token = await adminToken(server.url);
  const table = new Map<string, { acknowledged: number; lost: string[] }>();
  for (const write of WRITES) table.set(`${write.module} ${write.write}`, { acknowledged: 0, lost: [] });
  // One at a time: the checks are reads and must not themselves be the load.
  for (const ack of run.acknowledged) {
    const row = table.get(`${ack.module} ${ack.write}`)!;
    row.acknowledged++;
    if (!(await ack.check(server.url, token))) row.lost.push(ack.id);
  }
  return { table };
}

function report(t: TestContext, store: string, run: Run, table: Map<string, { acknowledged: number; lost: string[] }>) {
  for (const [name, row] of table) t.diagnostic(`${store} ${name}: acknowledged ${row.acknowledged}, lost ${row.lost.length}`);
  const total = [...table.values()].reduce((sum, row) => sum + row.acknowledged, 0);
  const lost = [...table.values()].reduce((sum, row) => sum + row.lost.length, 0);
  t.diagnostic(`${store} total: acknowledged ${total}, lost ${lost}; cut off by the kill ${run.cut}; refused ${JSON.stringify(Object.fromEntries(run.refused))}`);
}

async function survive(t: TestContext, store: string, env: Record<string, string>, running: MainProcess[]) {
  const first = await startMain({ env });
  running.push(first);
  const run = await writeThenKill(first);
  assert.ok(run.acknowledged.length >= TARGET, `${run.acknowledged.length} writes acknowledged before the kill`);

  const restarted = await startMain({ env });
  running.push(restarted);
  const health = await fetch(`${restarted.url}/healthz`);
  assert.equal(health.status, 200);
  const { table } = await countLost(restarted, run);
  report(t, store, run, table);
  await restarted.kill();

  for (const [name, row] of table) {
    assert.ok(row.acknowledged > 0, `${name}: some writes acknowledged before the kill (each module's writes are in the run)`);
    assert.deepEqual(row.lost, [], `${name}: acknowledged writes lost after kill -9`);
  }
  // A refusal is honest (not acknowledged); a 500 under concurrent writes is a bug.
  const failures = [...run.refused].filter(([status]) => status >= 500 && status !== 503);
  assert.deepEqual(failures, [], 'no write answered 5xx under concurrent writers');
}

describe('kill -9 under concurrent writes to every module', () => {
  const running: MainProcess[] = [];
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => {
    for (const server of running) await server.kill();
    for (const cleanup of cleanups) await cleanup().catch(() => {});
  });

  it(`loses no acknowledged write on PGlite (${WRITERS} writers, kill after ${TARGET})`, { timeout: SLOW_TEST_MS }, async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'opd-kit-kill-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await survive(t, 'PGlite', { DATA_DIR: dir }, running);
  });

  it(`loses no acknowledged write on PostgreSQL (${WRITERS} writers, kill after ${TARGET})`, { timeout: SLOW_TEST_MS }, async (t) => {
    const database = await createTestDatabase('opdkit_kill');
    cleanups.push(() => database.drop());
    await survive(t, 'PostgreSQL', { DATABASE_URL: database.url }, running);
  });
});
