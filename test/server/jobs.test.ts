/**
 * Background jobs on both stores: the scheduler runs a job once at a time across instances
 * (two schedulers on one database), gives a killed instance's lease back (at once on PGlite,
 * after the lease on PostgreSQL), aborts a long run on stop; the outbox dispatcher hands each
 * event once to every module's `onEvents` a batch at a time, in order, keeps a failing one for later, and wakes the
 * senders; `/healthz` shows the jobs to signed-in staff only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema.js';
import { emitEvent, type JobDefinition } from '../../server/src/jobs/contract.js';
import { dispatchOutbox, DispatchError, outboxDispatchJob } from '../../server/src/jobs/dispatch.js';
import { LEASE_MS, startScheduler, type Scheduler } from '../../server/src/jobs/scheduler.js';
import { jobsDb } from '../../server/src/jobs/tables.js';
import { defineModule, type ServerModule } from '../../server/src/http/module.js';
import { createLogger, type Logger } from '../../server/src/log.js';
import { STORES } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** A logger that keeps its lines. */
function keptLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: createLogger('debug', (_level, line) => lines.push(line)), lines };
}

/** A job that counts its runs and how many ran at once. */
function countingJob(name: string, ms: number): { job: JobDefinition; runs: () => number; most: () => number } {
  let runs = 0;
  let now = 0;
  let most = 0;
  return {
    job: {
      name,
      everyMs: 60_000,
      async run({ signal }) {
        runs += 1;
        now += 1;
        most = Math.max(most, now);
        try {
          await sleep(ms, undefined, { signal }).catch(() => {});
        } finally {
          now -= 1;
        }
        return { done: 1 };
      },
    },
    runs: () => runs,
    most: () => most,
  };
}

for (const store of STORES) {
  describe(`jobs on ${store}`, () => {
    let server: TestServer;
    /** The test server's database as the spine sees it. */
    const db = () => server.db as unknown as Kysely<Database>;
    const schedulers: Scheduler[] = [];
    const start = (modules: readonly ServerModule[], log: Logger = keptLog().log, runAtStart = false) => {
      const scheduler = startScheduler({ db: db(), settings: server.settings, log, now: () => new Date(), modules, runAtStart });
      schedulers.push(scheduler);
      return scheduler;
    };

    before(async () => {
      server = await startTestServer({ store });
    });
    after(async () => {
      for (const scheduler of schedulers) await scheduler.stop();
      await server.close();
    });

    it('runs a job once at a time across two instances on one database', async () => {
      const counted = countingJob('test-once', 300);
      const modules = [defineModule({ id: 'test-jobs', perOpd: false, jobs: [counted.job] })];
      const one = start(modules);
      const two = start(modules);
      const runs = await Promise.all([one.runNow('test-once'), two.runNow('test-once')]);
      assert.deepEqual(runs.map((run) => run.outcome).sort(), ['busy', 'ran']);
      assert.equal(counted.most(), 1, 'never two runs at once');
      // The lease was given back: the next run goes ahead on either instance.
      assert.equal((await two.runNow('test-once')).outcome, 'ran');
      assert.equal(counted.runs(), 2);
    });

    it('takes over the lease a killed instance left: at once on PGlite, once the lease ends on PostgreSQL', async () => {
      const counted = countingJob('test-orphan', 1);
      await jobsDb(db())
        .insertInto('job_leases')
        .values({ name: 'test-orphan', holder: 'gone-1234', lease_until: sql<Date>`clock_timestamp() + interval '1 hour'` })
        .execute();
      const scheduler = start([defineModule({ id: 'test-orphans', perOpd: false, jobs: [counted.job] })]);
      const run = await scheduler.runNow('test-orphan');
      if (store === 'pglite') {
        assert.equal(run.outcome, 'ran', 'one process per PGlite folder: a lease of another process is stale');
      } else {
        assert.equal(run.outcome, 'busy', 'another instance may still be running it');
        await jobsDb(db())
          .updateTable('job_leases')
          .set({ lease_until: sql<Date>`clock_timestamp() - interval '1 millisecond'` })
          .where('name', '=', 'test-orphan')
          .execute();
        assert.equal((await scheduler.runNow('test-orphan')).outcome, 'ran', 'the lease ended: taken over');
      }
      assert.ok(LEASE_MS <= 15_000, 'a killed instance holds a job up for seconds, not minutes');
    });

    it('aborts a long run when it stops, and gives the lease back', async () => {
      const counted = countingJob('test-long', 60_000);
      const scheduler = start([defineModule({ id: 'test-long', perOpd: false, jobs: [counted.job] })]);
      const running = scheduler.runNow('test-long');
      await sleep(100);
      const stoppedAt = performance.now();
      await scheduler.stop();
      assert.ok(performance.now() - stoppedAt < 5000, 'stop does not wait out the run');
      assert.equal((await running).outcome, 'ran');
      const lease = await jobsDb(db())
        .selectFrom('job_leases')
        .select(sql<boolean>`lease_until <= clock_timestamp()`.as('free'))
        .where('name', '=', 'test-long')
        .executeTakeFirstOrThrow();
      assert.equal(lease.free, true);
    });

    it('hands each batch to a module’s onEvents in one call, in order, once, and keeps a failing event for later', async () => {
      // Whatever the demo seed and earlier tests left is dispatched first.
      await dispatchOutbox(db(), [], new Date(), 10_000);
      const calls: string[][] = [];
      let failOn: string | undefined = 'test.fails';
      const modules = [
        defineModule({
          id: 'test-events',
          perOpd: false,
          async onEvents(trx, events) {
            calls.push(events.map((event) => event.topic));
            for (const event of events) {
              if (event.topic === failOn) throw new Error('not today');
              if (event.topic !== 'test.follow-up') await emitEvent(trx, 'test.follow-up', { of: event.id }, new Date());
            }
          },
        }),
      ];
      const at = new Date();
      const ids = await db().transaction().execute(async (trx) => {
        for (const n of [1, 2, 3]) await emitEvent(trx, n === 2 ? 'test.fails' : `test.${n}`, { n }, at);
        const rows = await trx.selectFrom('outbox').select('id').orderBy('id', 'desc').limit(3).execute();
        return rows.map((row) => row.id).reverse();
      });
      /** The events whose follow-up was committed, as many times as it was. */
      const followedUp = async () =>
        (await db().selectFrom('outbox').select('payload').where('topic', '=', 'test.follow-up').orderBy('id').execute())
          .map((row) => Number(row.payload.of))
          .filter((of) => ids.includes(of));

      await assert.rejects(dispatchOutbox(db(), modules, new Date()), (error: unknown) => {
        assert.ok(error instanceof DispatchError);
        assert.equal(error.eventId, ids[1]);
        assert.match(error.message, /test-events\.onEvents failed: not today/);
        return true;
      });
      assert.deepEqual(
        calls,
        [['test.1', 'test.fails', 'test.3'], ['test.1'], ['test.fails']],
        'the batch in one call; when it throws, one event at a time up to the failing one',
      );
      assert.deepEqual(await followedUp(), [ids[0]], 'the work of the batch that threw is rolled back; the event before the failing one is kept');

      failOn = undefined;
      calls.length = 0;
      let dispatched = 0;
      for (let round = 0; round < 3; round += 1) dispatched += await dispatchOutbox(db(), modules, new Date());
      assert.deepEqual(calls, [
        ['test.fails', 'test.3', 'test.follow-up'],
        ['test.follow-up', 'test.follow-up'],
      ]);
      assert.deepEqual(await followedUp(), ids, 'each event’s work once, in order');
      assert.equal(dispatched, 5);
      assert.equal(await dispatchOutbox(db(), modules, new Date()), 0, 'nothing left');
    });

    it('two dispatchers at once hand out each event once', async () => {
      await dispatchOutbox(db(), [], new Date(), 10_000);
      const ids: number[] = [];
      const modules = [
        defineModule({
          id: 'test-twice',
          perOpd: false,
          async onEvents(_trx, events) {
            ids.push(...events.map((event) => event.id));
          },
        }),
      ];
      for (let n = 0; n < 40; n += 1) await emitEvent(db(), 'test.many', { n }, new Date());
      const counts = await Promise.all([1, 2, 3, 4].map(() => dispatchOutbox(db(), modules, new Date(), 10)));
      let more = 0;
      while ((more = await dispatchOutbox(db(), modules, new Date())) > 0) counts.push(more);
      assert.equal(ids.length, 40);
      assert.equal(new Set(ids).size, 40, 'no event twice');
    });

    it('wakes the senders right after the dispatcher handed out events, and logs the schedule', async () => {
      await dispatchOutbox(db(), [], new Date(), 10_000);
      let woken = 0;
      const sender: JobDefinition = {
        name: 'test-sender',
        everyMs: 3_600_000,
        wakeOnEvent: true,
        async run() {
          woken += 1;
          return { sent: 0 };
        },
      };
      const { log, lines } = keptLog();
      const modules = [
        defineModule({ id: 'test-wake', perOpd: false, jobs: [{ ...outboxDispatchJob, everyMs: 100 }, sender], async onEvents() {} }),
      ];
      start(modules, log, true);
      assert.match(lines[0] ?? '', /^jobs: outbox-dispatch every 100 ms, test-sender every 1 h and on new events$/);
      await waitFor(() => woken === 1, 'the first run at start');
      await emitEvent(db(), 'test.wake', {}, new Date());
      await waitFor(() => woken === 2, 'woken by the event');
      assert.ok(lines.some((line) => /^job outbox-dispatch dispatched=1 ms=\d+$/.test(line)), lines.join('\n'));
      assert.ok(lines.some((line) => /^debug: job test-sender sent=0/.test(line)), 'a run that did nothing logs at debug');
    });

    it('shows the jobs in /healthz to signed-in staff only', async () => {
      const counted = countingJob('test-health', 1);
      const failing: JobDefinition = {
        name: 'test-health-fails',
        everyMs: 60_000,
        async run() {
          throw new Error('the mail server said no');
        },
      };
      const modules = [defineModule({ id: 'test-health', perOpd: false, jobs: [counted.job, failing] })];
      const scheduler = start(modules);
      await scheduler.runNow('test-health');
      await scheduler.runNow('test-health-fails');
      assert.equal(scheduler.status().find((job) => job.name === 'test-health-fails')?.lastError, 'the mail server said no');

      const open = await fetch(`${server.url}/healthz`);
      assert.deepEqual(await open.json(), { status: 'ok' });
      const wrong = await fetch(`${server.url}/healthz`, { headers: { Authorization: 'Bearer not-a-token' } });
      assert.deepEqual(await wrong.json(), { status: 'ok' });

      const staff = await fetch(`${server.url}/healthz`, { headers: { Authorization: `Bearer ${await server.tokenFor('bpkad@lahat.demo')}` } });
      const body = (await staff.json()) as { status: string; jobs: Array<Record<string, unknown>> };
      assert.equal(body.status, 'ok');
      const names = body.jobs.map((job) => job.name);
      assert.deepEqual(names.slice(0, 3), ['outbox-dispatch', 'retention', 'rate-limit-sweep'], 'the server’s own jobs');
      // The app lists the registry's jobs; the test jobs ran on the same database.
      const leases = await jobsDb(db()).selectFrom('job_leases').selectAll().where('name', 'like', 'test-health%').orderBy('name').execute();
      assert.deepEqual(
        leases.map((row) => [row.name, row.last_outcome, row.last_error]),
        [
          ['test-health', 'ok', null],
          ['test-health-fails', 'failed', 'the mail server said no'],
        ],
      );
      assert.ok(leases.every((row) => row.next_run_at && row.last_duration_ms !== null));
    });
  });
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > until) assert.fail(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
