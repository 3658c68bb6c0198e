/**
 * Rate limits hold across two instances behind a proxy (issue 22, scale-out): with a limit of
 * N a minute, N + 1 public writes (questions) and N + 1 sign-ins from one address, alternating
 * A, B, A, …, answer N times as usual and the N + 1st 429 with `Retry-After`. Counted in
 * PostgreSQL (`rate_limits`), and in Redis when `REDIS_URL` is set (this machine runs one at
 * 127.0.0.1:6379; the suite is skipped when it does not answer).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startCluster, type Cluster } from '../../helpers/instances.js';

/** The limit every class gets in these clusters. */
const LIMIT = 5;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A client address no other run uses (Redis outlives the test). */
const address = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${(randomBytes(1)[0]! % 250) + 1}`;

/** Waits, when needed, until at least 20 s of the minute's window are left, so N + 1 requests fall in one window. */
async function freshWindow(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 20_000) await sleep(left + 200);
}

/** True when something listens at the URL's host and port. */
function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const question = (n: number) => ({
  name: 'Penguji Batas (demo)',
  email: 'batas@example.com',
  category: 'aset-daerah',
  subject: `Batas bersama ${n}`,
  message: 'Batas permintaan berlaku untuk semua server sekaligus.',
  consent: true,
});

/** Sends `LIMIT + 1` requests through the proxy (so A, B, A, …) and answers their statuses, upstreams and the last answer. */
async function overTheLimit(cluster: Cluster, send: (n: number) => Promise<Response>) {
  await freshWindow();
  const statuses: number[] = [];
  const upstreams: string[] = [];
  let last: Response | undefined;
  for (let n = 0; n <= LIMIT; n++) {
    const response = await send(n);
    statuses.push(response.status);
    upstreams.push(response.headers.get('x-upstream') ?? '?');
    if (n < LIMIT) await response.arrayBuffer();
    else last = response;
  }
  assert.ok(upstreams.every((upstream, n) => upstream !== '?' && (n === 0 || upstream !== upstreams[n - 1])), `the requests alternated between A and B: ${upstreams.join(' ')}`);
  return { statuses, last: last! };
}

async function assertLimited(last: Response): Promise<void> {
  assert.equal(last.status, 429);
  assert.match(last.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.match(last.headers.get('retry-after') ?? '', /^\d+$/);
  const problem = (await last.json()) as { status: number };
  assert.equal(problem.status, 429);
}

for (const store of ['postgres', 'redis'] as const) {
  describe(`rate limits across two instances, counted in ${store === 'redis' ? 'Redis' : 'PostgreSQL'}`, { timeout: 300_000 }, () => {
    const prefix = `opd-kit-test-${randomBytes(4).toString('hex')}:`;
    let cluster: Cluster | undefined;
    let skip: string | false = false;
    before(async () => {
      if (store === 'redis') {
        const supported = existsSync(fileURLToPath(new URL('../../../server/src/http/redis-counter.ts', import.meta.url)));
        if (!supported) skip = 'this server has no REDIS_URL support';
        else if (!(await reachable(REDIS_URL))) skip = `no Redis at ${REDIS_URL}`;
        if (skip) return;
      }
      cluster = await startCluster({
        instances: 2,
        start: 'one-first',
        proxy: { forwardedFor: 'pass' },
        env: {
          RATE_LIMIT_PER_MINUTE: String(LIMIT),
          RATE_LIMIT_SIGN_IN_PER_MINUTE: String(LIMIT),
          ...(store === 'redis' ? { REDIS_URL, REDIS_KEY_PREFIX: prefix } : {}),
        },
      });
    });
    after(() => cluster?.close());

    it(`the ${LIMIT + 1}th question from one address, alternating A and B, answers 429`, async (t) => {
      if (skip) return t.skip(skip);
      const client = address();
      const { statuses, last } = await overTheLimit(cluster!, (n) =>
        fetch(`${cluster!.proxy.url}/api/v1/opds/bpkad/consultations`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': client },
          body: JSON.stringify(question(n)),
        }),
      );
      assert.deepEqual(statuses.slice(0, LIMIT), Array(LIMIT).fill(201), 'the first N are stored');
      await assertLimited(last);
      // Another address is not held up by this one.
      const other = await fetch(`${cluster!.proxy.url}/api/v1/opds/bpkad/consultations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address() },
        body: JSON.stringify(question(99)),
      });
      assert.equal(other.status, 201);

      // Where the count was kept: PostgreSQL's table, or not (Redis).
      const db = new pg.Client({ connectionString: cluster!.database.url });
      await db.connect();
      try {
        const { rows } = await db.query<{ count: number }>('select max(count)::int as count from rate_limits where bucket like $1', [`%${client}`]);
        if (store === 'postgres') assert.equal(rows[0]?.count, LIMIT + 1, 'counted in rate_limits');
        else assert.equal(rows[0]?.count ?? null, null, 'not counted in PostgreSQL while Redis answers');
      } finally {
        await db.end();
      }
    });

    it(`the ${LIMIT + 1}th sign-in from one address, alternating A and B, answers 429`, async (t) => {
      if (skip) return t.skip(skip);
      const client = address();
      // Another e-mail address each time: the per-address lockout (auth/lockout.ts) stays out of it.
      const { statuses, last } = await overTheLimit(cluster!, (n) =>
        fetch(`${cluster!.proxy.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': client },
          body: JSON.stringify({ email: `tidak.ada.${n}.${client}@lahat.demo`, password: 'salah-sandi-123' }),
        }),
      );
      assert.deepEqual(statuses.slice(0, LIMIT), Array(LIMIT).fill(401), 'the first N are refused as wrong passwords');
      await assertLimited(last);
    });
  });
}
