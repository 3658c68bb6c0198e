/**
 * Webhooks on both stores, against a real receiver (node:http on 127.0.0.1): a subscription
 * gets a signed delivery that `verifyWebhook` (opd-kit/webhooks) accepts, and refuses with a
 * wrong secret or an old timestamp; a receiver answering 500 or down gets retries with the
 * backoff and ends dead; a staff retry delivers it with the same event id; "send test", the
 * secret shown once and rotated; the address rules; who may manage an OPD's webhooks.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { webhookDelivery, webhookSubscription, webhookTestResult, webhookWithSecret } from '../../src/schemas/webhooks.js';
import { verifyWebhook } from '../../src/webhooks.js';
import { accountsModule } from '../../server/src/auth/routes.js';
import { addUser } from '../../server/src/auth/users.js';
import { seedDemo } from '../../server/src/seed.js';
import { tenancyModule } from '../../server/src/tenancy/routes.js';
import type { Database } from '../../server/src/db/schema.js';
import { emitEvent } from '../../server/src/jobs/contract.js';
import { RETRY_BACKOFF_MS, deliverDue } from '../../server/src/webhooks/deliveries.js';
import { isPrivateAddress, sendSigned, urlProblem, USER_AGENT } from '../../server/src/webhooks/send.js';
import { webhooksModule } from '../../server/src/webhooks/index.js';
import { purgeDeliveries } from '../../server/src/webhooks/purge.js';
import { webhooksDb } from '../../server/src/webhooks/tables.js';
import { assertProblem, assertShape, runningClock, STORES, SUITE_START } from '../helpers/api.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/server.js';
import { jobContext, startReceiver, type Receiver } from '../helpers/webhooks.js';

const BAPPEDA_ADMIN = 'admin.bappeda@lahat.demo';
const PUPR_ADMIN = 'admin.pupr@lahat.demo';

for (const store of STORES) {
  describe(`webhooks on ${store}`, () => {
    const clock = runningClock(SUITE_START);
    let server: TestServer;
    let receiver: Receiver;
    let db: Kysely<Database>;

    before(async () => {
      // Only the OPDs and the demo accounts: the modules' demo data is not needed here.
      server = await startTestServer({ store, now: clock.now, seed: false });
      db = server.db as unknown as Kysely<Database>;
      await seedDemo(db, [tenancyModule, accountsModule], clock.now(), server.settings.timeZone);
      receiver = await startReceiver();
      for (const [email, opd] of [
        [BAPPEDA_ADMIN, 'bappeda'],
        [PUPR_ADMIN, 'dinas-pupr'],
      ] as const) {
        await addUser(db, { email, name: `Admin ${opd}`, role: 'opd_admin', opd, password: DEMO_PASSWORD, mustChangePassword: false }, clock.now());
      }
    });
    after(async () => {
      await receiver?.close();
      await server?.close();
    });

    const call = async (email: string, method: string, path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${await server.tokenFor(email)}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    /** Adds a subscription for `opd` as its admin; answers it with its secret. */
    const subscribe = async (opd: string, admin: string, body: Record<string, unknown>) => {
      const response = await call(admin, 'POST', `/api/v1/opds/${opd}/webhooks`, body);
      assert.equal(response.status, 201, await response.clone().text());
      return assertShape(webhookWithSecret, await response.json(), 'new webhook');
    };

    /** Writes an event as a module would, then hands it to the webhooks' onEvents as the dispatcher does. */
    const happen = async (topic: string, payload: Record<string, unknown>) =>
      db.transaction().execute(async (trx) => {
        await emitEvent(trx, topic, payload, clock.now());
        const row = await trx.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
        await webhooksModule.onEvents?.(trx, [{ id: row.id, topic: row.topic, payload: row.payload, createdAt: row.created_at }]);
        return row.id;
      });

    const deliver = (now: () => Date = clock.now) => deliverDue(jobContext(db, server.settings, now));

    it('delivers an event signed, as opd-kit/webhooks verifies it; a wrong secret or an old timestamp fails', async () => {
      const hook = await subscribe('bappeda', BAPPEDA_ADMIN, { url: receiver.url, topics: ['innovation.submitted'], description: 'Sistem Litbang' });
      assert.match(hook.secret, /^whsec_/);
      const outboxId = await happen('innovation.submitted', { opd: 'bappeda', innovationId: 7 });
      await happen('innovation.verified', { opd: 'bappeda', innovationId: 7, reviewer: 'bappeda' });
      const before = receiver.received.length;
      const deliveredFrom = Math.floor(clock.now().getTime() / 1000);
      assert.deepEqual(await deliver(), { delivered: 1, failed: 0, dead: 0 });
      assert.equal(receiver.received.length, before + 1, 'only the topic it asked for');
      const got = receiver.received.at(-1)!;
      assert.equal(got.headers['content-type'], 'application/json');
      assert.equal(got.headers['opd-event-id'], `evt_${outboxId}`);
      assert.equal(got.headers['opd-event-type'], 'innovation.submitted');
      assert.equal(got.headers['user-agent'], USER_AGENT);
      assert.match(USER_AGENT, /^opd-kit-webhooks\/\d+\.\d+\.\d+/);
      const event = JSON.parse(got.raw);
      assert.deepEqual(event, { id: `evt_${outboxId}`, type: 'innovation.submitted', createdAt: event.createdAt, opd: 'bappeda', data: { opd: 'bappeda', innovationId: 7 } });
      const signature = got.headers['opd-signature'] as string;
      assert.match(signature, /^t=\d+,v1=[0-9a-f]{64}$/);

      // Signed when it was delivered: the clock runs, so a second may have begun since.
      const now = clock.now();
      const signedAt = Number(/^t=(\d+),/.exec(signature)![1]);
      assert.ok(signedAt >= deliveredFrom && signedAt <= Math.floor(now.getTime() / 1000), `signed at ${signedAt}, delivered from ${deliveredFrom}`);
      assert.deepEqual(await verifyWebhook(hook.secret, got.raw, signature, { now }), { ok: true, timestamp: signedAt });
      assert.equal((await verifyWebhook(hook.secret, new TextEncoder().encode(got.raw), signature, { now })).ok, true, 'bytes too');
      assert.deepEqual(await verifyWebhook(`${hook.secret}x`, got.raw, signature, { now }), { ok: false, reason: 'signature-mismatch' });
      assert.deepEqual(await verifyWebhook(hook.secret, got.raw.replace('7', '8'), signature, { now }), { ok: false, reason: 'signature-mismatch' }, 'a changed body');
      assert.deepEqual(await verifyWebhook(hook.secret, got.raw, signature, { now: new Date(now.getTime() + 6 * 60_000) }), { ok: false, reason: 'timestamp-outside-tolerance' });
      assert.deepEqual(await verifyWebhook(hook.secret, got.raw, signature, { now: new Date(now.getTime() + 6 * 60_000), toleranceSeconds: 600 }), { ok: true, timestamp: signedAt });
      assert.deepEqual(await verifyWebhook(hook.secret, got.raw, undefined), { ok: false, reason: 'missing-signature' });
      assert.deepEqual(await verifyWebhook(hook.secret, got.raw, 't=abc,v1=zz'), { ok: false, reason: 'malformed-signature' });

      const log = await call(BAPPEDA_ADMIN, 'GET', `/api/v1/opds/bappeda/webhooks/${hook.id}/deliveries`);
      const page = await log.json();
      assert.equal(page.data.length, 1);
      const delivery = assertShape(webhookDelivery, page.data[0], 'delivery');
      assert.equal(delivery.state, 'delivered');
      assert.equal(delivery.statusCode, 204);
      assert.equal(delivery.attempts, 1);
      assert.equal(delivery.eventId, `evt_${outboxId}`);

      // The secret is shown once: never in the list.
      const list = await (await call(BAPPEDA_ADMIN, 'GET', '/api/v1/opds/bappeda/webhooks')).json();
      const listed = list.data.find((w: { id: string }) => w.id === hook.id);
      assertShape(webhookSubscription, listed, 'listed webhook');
      assert.equal('secret' in listed, false);
      assert.equal(JSON.stringify(list).includes(hook.secret), false);
      assert.equal(listed.lastDelivery.state, 'delivered');

      // A handed-over-again event makes no second delivery.
      await db.transaction().execute((trx) =>
        webhooksModule.onEvents!(trx, [{ id: outboxId, topic: 'innovation.submitted', payload: { opd: 'bappeda', innovationId: 7 }, createdAt: clock.now() }]),
      );
      assert.deepEqual(await deliver(), { delivered: 0, failed: 0, dead: 0 });
    });

    it('retries a receiver that answers 500 after 1 min, 5 min, 30 min, 2 h, 12 h and 24 h, then gives up; a staff retry delivers the same event', async () => {
      const failing = await startReceiver(500);
      try {
        const hook = await subscribe('dinas-pupr', PUPR_ADMIN, { url: failing.url, topics: null });
        const outboxId = await happen('road-report.received', { opd: 'dinas-pupr', reportId: '41', serviceCode: 'jalan-rusak', status: 'open', segmentId: null });
        let at = clock.now().getTime();
        const jobNow = () => new Date(at);
        assert.deepEqual(await deliver(jobNow), { delivered: 0, failed: 1, dead: 0 });
        for (const [i, wait] of RETRY_BACKOFF_MS.entries()) {
          at += wait - 1000;
          assert.deepEqual(await deliver(jobNow), { delivered: 0, failed: 0, dead: 0 }, `not before ${wait / 60_000} min`);
          at += 1000;
          const expected = i === RETRY_BACKOFF_MS.length - 1 ? { delivered: 0, failed: 0, dead: 1 } : { delivered: 0, failed: 1, dead: 0 };
          assert.deepEqual(await deliver(jobNow), expected, `attempt ${i + 2}`);
        }
        assert.equal(failing.received.length, 7);
        assert.deepEqual(new Set(failing.received.map((r) => r.headers['opd-event-id'])), new Set([`evt_${outboxId}`]), 'the same event id every time');
        assert.equal(new Set(failing.received.map((r) => r.raw)).size, 1, 'the same body every time');
        at += 48 * 3_600_000;
        assert.deepEqual(await deliver(jobNow), { delivered: 0, failed: 0, dead: 0 }, 'dead stays dead');

        const page = await (await call(PUPR_ADMIN, 'GET', `/api/v1/opds/dinas-pupr/webhooks/${hook.id}/deliveries?state=dead`)).json();
        const dead = assertShape(webhookDelivery, page.data[0], 'dead delivery');
        assert.equal(dead.attempts, 7);
        assert.equal(dead.statusCode, 500);
        assert.equal(dead.error, 'HTTP 500');
        assert.equal(dead.response, 'receiver says no');
        assert.equal(dead.nextAttemptAt, null);

        failing.answer = 200;
        const retried = await call(PUPR_ADMIN, 'POST', `/api/v1/opds/dinas-pupr/webhooks/${hook.id}/deliveries/${dead.id}/retry`);
        assert.equal(retried.status, 200, await retried.clone().text());
        const after = assertShape(webhookDelivery, await retried.json(), 'retried');
        assert.equal(after.state, 'delivered');
        assert.equal(after.attempts, 8);
        assert.equal(failing.received.at(-1)!.headers['opd-event-id'], `evt_${outboxId}`);
        await assertProblem(await call(PUPR_ADMIN, 'POST', `/api/v1/opds/dinas-pupr/webhooks/${hook.id}/deliveries/${dead.id}/retry`), 409, 'conflict');
        await assertProblem(await call(PUPR_ADMIN, 'POST', `/api/v1/opds/dinas-pupr/webhooks/${hook.id}/deliveries/999999/retry`), 404, 'not-found');
        await call(PUPR_ADMIN, 'DELETE', `/api/v1/opds/dinas-pupr/webhooks/${hook.id}`);
      } finally {
        await failing.close();
      }
    });

    it('keeps the delivery log 30 days after a delivery finished, and never deletes one still being tried', async () => {
      const hook = await subscribe('dinas-pupr', PUPR_ADMIN, { url: receiver.url, topics: null });
      const now = clock.now().getTime();
      const DAY = 86_400_000;
      const row = (name: string, state: 'pending' | 'failed' | 'delivered' | 'dead', lastAttemptDaysAgo: number | null, createdDaysAgo: number) => ({
        subscription_id: hook.id,
        event_id: `evt_purge_${name}`,
        topic: 'ping',
        body: '{}',
        state,
        attempts: lastAttemptDaysAgo === null ? 0 : 1,
        last_attempt_at: lastAttemptDaysAgo === null ? null : new Date(now - lastAttemptDaysAgo * DAY),
        next_attempt_at: state === 'failed' || state === 'pending' ? new Date(now + DAY) : null,
        created_at: new Date(now - createdDaysAgo * DAY),
      });
      await webhooksDb(db)
        .insertInto('webhook_deliveries')
        .values([
          row('delivered-31d', 'delivered', 31, 31),
          row('delivered-29d', 'delivered', 29, 40),
          row('dead-31d', 'dead', 31, 33),
          row('dead-never-tried-31d', 'dead', null, 31),
          row('failed-60d', 'failed', 60, 61),
          row('pending-60d', 'pending', null, 60),
        ])
        .execute();
      assert.deepEqual(await purgeDeliveries({ db, now: clock.now }), { purged: 3 });
      const left = await webhooksDb(db).selectFrom('webhook_deliveries').select('event_id').where('event_id', 'like', 'evt_purge_%').orderBy('event_id').execute();
      assert.deepEqual(left.map((r) => r.event_id), ['evt_purge_delivered-29d', 'evt_purge_failed-60d', 'evt_purge_pending-60d']);
      assert.ok(webhooksModule.jobs?.some((job) => job.name === 'webhook-log-purge'), 'the scheduler runs it');
      await call(PUPR_ADMIN, 'DELETE', `/api/v1/opds/dinas-pupr/webhooks/${hook.id}`);
    });

    it('fans a batch of events out in one go: each to its own OPD’s subscriptions that want its topic, once', async () => {
      const submitted = await subscribe('bappeda', BAPPEDA_ADMIN, { url: receiver.url, topics: ['innovation.submitted'] });
      const everything = await subscribe('bappeda', BAPPEDA_ADMIN, { url: receiver.url, topics: null });
      const roads = await subscribe('dinas-pupr', PUPR_ADMIN, { url: receiver.url, topics: ['road-report.received'] });
      const ours = [submitted.id, everything.id, roads.id];
      const at = clock.now();
      const pairs = await db.transaction().execute(async (trx) => {
        await emitEvent(trx, 'innovation.submitted', { opd: 'bappeda', innovationId: 11 }, at);
        await emitEvent(trx, 'innovation.verified', { opd: 'bappeda', innovationId: 11, reviewer: 'bappeda' }, at);
        await emitEvent(trx, 'road-report.received', { opd: 'dinas-pupr', reportId: '51', serviceCode: 'jalan-rusak', status: 'open', segmentId: null }, at);
        await emitEvent(trx, 'road-report.status-changed', { opd: 'dinas-pupr', reportId: '51', status: 'closed', resolution: 'fixed', previousStatus: 'open', previousResolution: null }, at);
        await emitEvent(trx, 'test.internal', { opd: 'bappeda' }, at);
        const rows = (await trx.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(5).execute()).reverse();
        const events = rows.map((row) => ({ id: row.id, topic: row.topic, payload: row.payload, createdAt: row.created_at }));
        await webhooksModule.onEvents!(trx, events);
        await webhooksModule.onEvents!(trx, events);
        const made = await webhooksDb(trx).selectFrom('webhook_deliveries').select(['subscription_id', 'topic']).where('subscription_id', 'in', ours).orderBy('id').execute();
        return made.map((d) => `${ours.indexOf(d.subscription_id)} ${d.topic}`).sort();
      });
      assert.deepEqual(pairs, [
        '0 innovation.submitted',
        '1 innovation.submitted',
        '1 innovation.verified',
        '2 road-report.received',
      ], 'only its own OPD’s events, only the topics it wants, no internal topic, nothing twice');
      // Sent now (with the first test's subscription's copy of the submitted one), so later tests start with none due.
      const sent = await deliver();
      assert.ok((sent.delivered ?? 0) >= 4 && sent.failed === 0, JSON.stringify(sent));
      for (const [id, admin, opd] of [[submitted.id, BAPPEDA_ADMIN, 'bappeda'], [everything.id, BAPPEDA_ADMIN, 'bappeda'], [roads.id, PUPR_ADMIN, 'dinas-pupr']] as const) {
        assert.equal((await call(admin, 'DELETE', `/api/v1/opds/${opd}/webhooks/${id}`)).status, 204);
      }
    });

    it('retries a receiver that is down, and a switched-off webhook gets nothing', async () => {
      const gone = await startReceiver();
      const url = gone.url;
      await gone.close();
      const hook = await subscribe('dinas-pupr', PUPR_ADMIN, { url, topics: ['road-report.status-changed'] });
      await happen('road-report.status-changed', { opd: 'dinas-pupr', reportId: '41', status: 'closed', resolution: 'fixed', previousStatus: 'open', previousResolution: null });
      assert.deepEqual(await deliver(), { delivered: 0, failed: 1, dead: 0 });
      const page = await (await call(PUPR_ADMIN, 'GET', `/api/v1/opds/dinas-pupr/webhooks/${hook.id}/deliveries`)).json();
      const failed = assertShape(webhookDelivery, page.data[0], 'failed delivery');
      assert.equal(failed.state, 'failed');
      assert.equal(failed.statusCode, null);
      assert.equal(failed.error, 'connection refused');
      assert.ok(failed.nextAttemptAt && new Date(failed.nextAttemptAt).getTime() - new Date(failed.lastAttemptAt!).getTime() >= 59_000, 'next in a minute');

      const off = await call(PUPR_ADMIN, 'PATCH', `/api/v1/opds/dinas-pupr/webhooks/${hook.id}`, { active: false });
      assert.equal(assertShape(webhookSubscription, await off.json(), 'switched off').active, false);
      await happen('road-report.status-changed', { opd: 'dinas-pupr', reportId: '42', status: 'closed', resolution: 'fixed', previousStatus: 'open', previousResolution: null });
      const later = new Date(clock.now().getTime() + 3_600_000);
      assert.deepEqual(await deliver(() => later), { delivered: 0, failed: 0, dead: 0 }, 'held while off');
      const count = await (await call(PUPR_ADMIN, 'GET', `/api/v1/opds/dinas-pupr/webhooks/${hook.id}/deliveries`)).json();
      assert.equal(count.data.length, 1, 'no new delivery for a switched-off webhook');
      assert.equal((await call(PUPR_ADMIN, 'DELETE', `/api/v1/opds/dinas-pupr/webhooks/${hook.id}`)).status, 204);
      await assertProblem(await call(PUPR_ADMIN, 'GET', `/api/v1/opds/dinas-pupr/webhooks/${hook.id}/deliveries`), 404, 'not-found');
    });

    it('sends a signed test event now, and signs with the new secret once rotated', async () => {
      const hook = await subscribe('bappeda', BAPPEDA_ADMIN, { url: receiver.url, topics: ['innovation.verified'] });
      const test = assertShape(webhookTestResult, await (await call(BAPPEDA_ADMIN, 'POST', `/api/v1/opds/bappeda/webhooks/${hook.id}/test`)).json(), 'test');
      assert.equal(test.delivered, true);
      assert.equal(test.statusCode, 204);
      const ping = receiver.received.at(-1)!;
      assert.equal(ping.headers['opd-event-type'], 'ping');
      assert.equal(JSON.parse(ping.raw).data.subscriptionId, hook.id);
      assert.equal((await verifyWebhook(hook.secret, ping.raw, ping.headers['opd-signature'] as string, { now: clock.now() })).ok, true);

      const rotated = assertShape(webhookWithSecret, await (await call(BAPPEDA_ADMIN, 'POST', `/api/v1/opds/bappeda/webhooks/${hook.id}/secret`)).json(), 'rotated');
      assert.notEqual(rotated.secret, hook.secret);
      await call(BAPPEDA_ADMIN, 'POST', `/api/v1/opds/bappeda/webhooks/${hook.id}/test`);
      const second = receiver.received.at(-1)!;
      assert.equal((await verifyWebhook(rotated.secret, second.raw, second.headers['opd-signature'] as string, { now: clock.now() })).ok, true);
      assert.equal((await verifyWebhook(hook.secret, second.raw, second.headers['opd-signature'] as string, { now: clock.now() })).ok, false, 'the old secret no longer');

      await call(BAPPEDA_ADMIN, 'PATCH', `/api/v1/opds/bappeda/webhooks/${hook.id}`, { url: 'http://127.0.0.1:9/nobody' });
      const down = assertShape(webhookTestResult, await (await call(BAPPEDA_ADMIN, 'POST', `/api/v1/opds/bappeda/webhooks/${hook.id}/test`)).json(), 'test down');
      assert.equal(down.delivered, false);
      assert.equal(down.error, 'connection refused');
    });

    it('lets only the OPD’s admin or a regency admin manage its webhooks', async () => {
      const hook = await subscribe('bappeda', BAPPEDA_ADMIN, { url: receiver.url, topics: null });
      await assertProblem(await call(PUPR_ADMIN, 'GET', '/api/v1/opds/bappeda/webhooks'), 403, 'forbidden');
      await assertProblem(await call(PUPR_ADMIN, 'POST', `/api/v1/opds/bappeda/webhooks/${hook.id}/test`), 403, 'forbidden');
      await assertProblem(await call(PUPR_ADMIN, 'POST', '/api/v1/opds/bappeda/webhooks', { url: receiver.url, topics: null }), 403, 'forbidden');
      await assertProblem(await call('pupr@lahat.demo', 'GET', '/api/v1/opds/dinas-pupr/webhooks'), 403, 'forbidden');
      await assertProblem(await call(PUPR_ADMIN, 'PATCH', `/api/v1/opds/dinas-pupr/webhooks/${hook.id}`, { active: false }), 404, 'not-found');
      const asRegency = await call('admin@lahat.demo', 'GET', '/api/v1/opds/bappeda/webhooks');
      assert.equal(asRegency.status, 200);
      assert.ok((await asRegency.json()).data.some((w: { id: string }) => w.id === hook.id));
      const unsigned = await fetch(`${server.url}/api/v1/opds/bappeda/webhooks`);
      await assertProblem(unsigned, 401, 'unauthorized');
    });

    it('refuses a bad address or topic naming the field', async () => {
      await assertProblem(await call(BAPPEDA_ADMIN, 'POST', '/api/v1/opds/bappeda/webhooks', { url: 'ftp://files.example/x', topics: null }), 422, 'validation', 'url');
      await assertProblem(await call(BAPPEDA_ADMIN, 'POST', '/api/v1/opds/bappeda/webhooks', { url: 'https://user:pw@example.com/x', topics: null }), 422, 'validation', 'url');
      await assertProblem(await call(BAPPEDA_ADMIN, 'POST', '/api/v1/opds/bappeda/webhooks', { url: receiver.url, topics: ['road-report.eaten'] }), 422, 'validation', 'topics.0');
      await assertProblem(await call(BAPPEDA_ADMIN, 'POST', '/api/v1/opds/bappeda/webhooks', { url: receiver.url, topics: [] }), 422, 'validation', 'topics');
      await assertProblem(await call(BAPPEDA_ADMIN, 'POST', '/api/v1/opds/bappeda/webhooks', { url: receiver.url }), 422, 'validation', 'topics');
    });
  });
}

describe('webhook address rules', () => {
  it('allows http and loopback outside production only', () => {
    assert.equal(urlProblem('http://127.0.0.1:8080/x', false), null);
    assert.match(urlProblem('http://sistem.lahatkab.go.id/x', true) ?? '', /https/);
    assert.equal(urlProblem('https://sistem.lahatkab.go.id/hooks?token=1', true), null);
    for (const url of ['https://localhost/x', 'https://127.0.0.1/x', 'https://10.1.2.3/x', 'https://192.168.1.5/x', 'https://169.254.169.254/latest', 'https://[::1]/x', 'https://[fd00::1]/x', 'https://[::ffff:10.0.0.1]/x', 'https://printer.local/x']) {
      assert.ok(urlProblem(url, true), `${url} is refused in production`);
    }
  });

  it('knows private addresses, IPv4-mapped ones included', () => {
    for (const address of ['127.0.0.1', '10.0.0.1', '172.20.1.1', '192.168.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd12::1', '::ffff:127.0.0.1']) {
      assert.equal(isPrivateAddress(address), true, address);
    }
    for (const address of ['103.10.20.30', '8.8.8.8', '2001:4860:4860::8888', '::ffff:103.10.20.30']) assert.equal(isPrivateAddress(address), false, address);
  });

  it('refuses to send to a private address in production, without connecting', async () => {
    const receiver = await startReceiver();
    try {
      const url = receiver.url.replace('http:', 'https:');
      const outcome = await sendSigned({ url, secret: 's', eventId: 'evt_1', topic: 'ping', body: '{}' }, new Date(), true);
      assert.equal(outcome.ok, false);
      assert.match(outcome.error ?? '', /^refused/);
      assert.equal(receiver.received.length, 0);
    } finally {
      await receiver.close();
    }
  });
});
