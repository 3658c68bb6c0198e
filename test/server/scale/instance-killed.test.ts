/**
 * One of two instances killed under load loses nothing acknowledged (issue 22, scale-out): 8
 * writers send questions through the proxy, each with an `Idempotency-Key` of its own, and on a
 * connection error or a 502 send the same request again (the proxy then picks the other
 * instance, as a load balancer would); A is killed with SIGKILL mid-run. Afterwards every
 * question that was answered 201 is readable through B, each is stored once (no retry stored it
 * twice), and nothing but 201 (and the proxy's 502 for a request cut off by the kill) was answered.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { startCluster, type Cluster } from '../../helpers/instances.js';

const WRITERS = 8;
/** Load before the kill, and after it. */
const BEFORE_KILL_MS = 4000;
const AFTER_KILL_MS = 4000;
/** Tries of one question before the writer gives up on it (it is then not acknowledged). */
const MAX_TRIES = 30;

interface Acknowledged {
  code: string;
  subject: string;
  /** Sent more than once (a connection error or a 502 first). */
  retried: boolean;
  /** The 201 was a replay: an earlier try, cut off, had been stored. */
  replayed: boolean;
}

describe('an instance killed under load', { timeout: 300_000 }, () => {
  let cluster: Cluster;
  before(async () => {
    cluster = await startCluster({
      instances: 2,
      start: 'one-first',
      proxy: { forwardedFor: 'pass' },
      env: { RATE_LIMIT_PER_MINUTE: '100000' },
    });
  });
  after(() => cluster?.close());

  it('loses no acknowledged question: every 201 is readable through B afterwards, each stored once', async (t) => {
    const acknowledged: Acknowledged[] = [];
    const attempted: string[] = [];
    const statuses: Record<string, number> = {};
    let connectionErrors = 0;
    let givenUp = 0;
    let stop = false;
    let killedAt = 0;

    const writer = async (index: number) => {
      for (let n = 0; !stop; n++) {
        const key = randomUUID();
        const subject = `Tahan mati ${index}-${n} ${key.slice(0, 8)}`;
        attempted.push(subject);
        const body = JSON.stringify({
          name: 'Penguji Gagal Server (demo)',
          email: 'gagal.server@example.com',
          category: 'aset-daerah',
          subject,
          message: 'Pertanyaan ini harus tetap ada walau satu server mati.',
          consent: true,
        });
        for (let tries = 1; ; tries++) {
          let status: number | 'error';
          let answer = '';
          let replayed = false;
          try {
            const response = await fetch(`${cluster.proxy.url}/api/v1/opds/bpkad/consultations`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, 'X-Forwarded-For': `10.66.0.${index + 1}` },
              body,
              signal: AbortSignal.timeout(15_000),
            });
            status = response.status;
            replayed = response.headers.get('idempotent-replayed') === 'true';
            answer = await response.text();
          } catch {
            status = 'error';
            connectionErrors += 1;
          }
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status === 201) {
            acknowledged.push({ code: (JSON.parse(answer) as { trackingCode: string }).trackingCode, subject, retried: tries > 1, replayed });
            break;
          }
          if (status !== 'error' && status !== 502) assert.fail(`writer ${index}: ${status} ${answer.slice(0, 300)}`);
          if (tries >= MAX_TRIES) {
            givenUp += 1;
            break;
          }
          await sleep(50);
        }
      }
    };

    const running = Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(index)));
    await sleep(BEFORE_KILL_MS);
    const beforeKill = acknowledged.length;
    await cluster.instances[0]!.kill();
    killedAt = acknowledged.length;
    await sleep(AFTER_KILL_MS);
    stop = true;
    await running;

    assert.ok(beforeKill > 0, 'questions were acknowledged before the kill');
    assert.ok(acknowledged.length > killedAt, 'and after it, by B');
    assert.equal(givenUp, 0, 'every question was acknowledged in the end');

    // Every acknowledged question, read back through the proxy (A is dead: B answers).
    const lost: string[] = [];
    for (const { code } of acknowledged) {
      const response = await fetch(`${cluster.proxy.url}/api/v1/consultations/${code}`);
      await response.arrayBuffer();
      if (response.status !== 200) lost.push(`${code}: ${response.status}`);
      assert.equal(response.headers.get('x-upstream'), '1', 'read through B');
    }
    assert.deepEqual(lost, [], 'no acknowledged question lost');

    const db = new pg.Client({ connectionString: cluster.database.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ subject: string; n: number }>(
        'select subject, count(*)::int as n from consultations where subject = any($1::text[]) group by subject',
        [attempted],
      );
      const twice = rows.filter((row) => row.n > 1);
      assert.deepEqual(twice, [], 'no question stored twice');
      const stored = new Set(rows.map((row) => row.subject));
      assert.ok(acknowledged.every((entry) => stored.has(entry.subject)), 'each acknowledged question is in the database');
    } finally {
      await db.end();
    }
    const retried = acknowledged.filter((entry) => entry.retried).length;
    const replayed = acknowledged.filter((entry) => entry.replayed).length;
    t.diagnostic(
      `${WRITERS} writers, A killed after ${beforeKill} acknowledged: acknowledged ${acknowledged.length}, lost 0, ` +
        `${retried} acknowledged after a retry (${replayed} of them replays of what A had stored before it died); answers ${JSON.stringify(statuses)}, connection errors ${connectionErrors}, ` +
        `refused connections the proxy sent to B ${cluster.proxy.retried}`,
    );
  });
});
