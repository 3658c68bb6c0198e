/**
 * What the spine does for every module's routes, over real HTTP on both stores (shown on
 * SIAP's, the routes that write): the body limit, JSON only, Idempotency-Key replays,
 * conflicts and races, per-client rate limits across instances, staff sign-in, unknown
 * routes, health, and a 500 that tells nothing but a request id.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createApp } from '../../../server/src/app.js';
import type { Database } from '../../../server/src/db/schema.js';
import { consultationReceipt } from '../../../src/schemas/index.js';
import { SUITE_START, assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { question, siapRequests } from '../../helpers/siap.js';

describeApi('spine requests', { publicResponses: 20 }, (api) => {
  const { ask, countConsultations } = siapRequests(api);

  it('refuses a body over 64 KB with 413 and stores nothing', async () => {
    const before = await countConsultations();
    await assertProblem(await ask(question({ message: 'x'.repeat(70 * 1024) })), 413, 'payload-too-large');
    assert.equal(await countConsultations(), before);
  });

  /** A POST whose body comes in pieces with no Content-Length (`Transfer-Encoding: chunked`), as a stream sends it. */
  const askInPieces = (pieces: string[]) =>
    api.publicRequest('/api/v1/opds/bpkad/consultations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (const piece of pieces) controller.enqueue(new TextEncoder().encode(piece));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);

  it('counts a body sent without Content-Length as it comes: over 64 KB is 413, under it a question, a byte order mark as Request.text() reads it', async () => {
    const before = await countConsultations();
    const long = JSON.stringify(question({ message: 'x'.repeat(70 * 1024) }));
    await assertProblem(await askInPieces([long.slice(0, 40_000), long.slice(40_000)]), 413, 'payload-too-large');
    assert.equal(await countConsultations(), before);
    const body = JSON.stringify(question({ message: 'Kapan SP2D terbit? Terima kasih, ibu/bapak.' }));
    assert.equal((await askInPieces(['\uFEFF', body.slice(0, 30), body.slice(30)])).status, 201);
    assert.equal(await countConsultations(), before + 1);
  });

  it('answers 400 for malformed JSON and 415 for a form post', async () => {
    await assertProblem(await ask('{"name": "Siti",'), 400, 'validation');
    const form = await api.publicRequest('/api/v1/opds/bpkad/consultations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'name=Siti&consent=true',
    });
    await assertProblem(form, 415, 'unsupported-media-type');
  });

  it('answers the first receipt again for a repeated Idempotency-Key, without a second question', async () => {
    const key = `retry-${api.store}-${Date.now()}`;
    const first = await ask(question(), { 'Idempotency-Key': key });
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const firstBody = await first.json();
    const count = await countConsultations();

    // Same content, keys in another order: still the same request.
    const reordered = Object.fromEntries(Object.entries(question()).reverse());
    const again = await ask(reordered, { 'Idempotency-Key': key });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), firstBody);
    assert.equal(again.headers.get('location'), first.headers.get('location'));
    assert.equal(await countConsultations(), count);
  });

  it('answers the stored receipt to a retry whose category was retired meanwhile, not a 422 that reads as a lost question', async () => {
    const key = randomUUID();
    const first = await ask(question({ category: 'aset-daerah' }), { 'Idempotency-Key': key });
    assert.equal(first.status, 201);
    const retire = (at: Date | null) =>
      api.server.db.updateTable('consultation_categories').set({ retired_at: at }).where('opd_slug', '=', 'bpkad').where('id', '=', 'aset-daerah').execute();
    await retire(api.clock.now());
    try {
      const count = await countConsultations();
      const retry = await ask(question({ category: 'aset-daerah' }), { 'Idempotency-Key': key });
      assert.equal(retry.status, 201);
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(await retry.json(), await first.json());
      assert.equal(await countConsultations(), count);
      // A new question in that category is refused, naming the field.
      await assertProblem(await ask(question({ category: 'aset-daerah' }), { 'Idempotency-Key': randomUUID() }), 422, 'validation', 'category');
      assert.equal(await countConsultations(), count);
    } finally {
      await retire(null);
    }
  });

  it('refuses the same Idempotency-Key with a different question (422 idempotency-conflict), telling the key’s holder what it stored', async () => {
    const key = randomUUID(); // as the SDK and the form send it
    const first = await ask(question(), { 'Idempotency-Key': key });
    assert.equal(first.status, 201);
    const receipt = assertShape(consultationReceipt, await first.json(), 'receipt');
    const count = await countConsultations();
    // The answer was lost, the citizen edited the text, the resend reuses the key: every resend learns the first receipt.
    for (const subject of ['Pertanyaan lain', 'Pertanyaan lain lagi']) {
      const body = await assertProblem(
        await ask(question({ subject }), { 'Idempotency-Key': key }),
        422,
        'idempotency-conflict',
        'Idempotency-Key',
      );
      assert.deepEqual(body.stored, receipt, 'the problem carries the stored receipt');
      assert.deepEqual(body.errors, [
        { path: 'Idempotency-Key', message: 'Already used for a different request', code: 'alreadyUsed' },
      ]);
      assert.match(body.detail ?? '', /`stored`/);
    }
    assert.equal(await countConsultations(), count);
    // The receipt holds no personal data: the sweep checks these responses too.
    assert.deepEqual(Object.keys(receipt).sort(), ['dueAt', 'opd', 'status', 'submittedAt', 'trackingCode']);
  });

  it('tells nothing of what a short, guessable key stored: a plain conflict', async () => {
    const key = `k-${api.store}-${Date.now() % 100000}`;
    assert.equal((await ask(question(), { 'Idempotency-Key': key })).status, 201);
    const body = await assertProblem(
      await ask(question({ subject: 'Menebak kunci orang lain' }), { 'Idempotency-Key': key }),
      422,
      'idempotency-conflict',
      'Idempotency-Key',
    );
    assert.equal(body.stored, undefined, 'no receipt for a key someone could guess');
    assert.doesNotMatch(body.detail ?? '', /`stored`/);
  });

  it('keeps no key for a write it refused, so the same key then stores the corrected question', async () => {
    const key = `refused-${api.store}-${Date.now()}`;
    await assertProblem(await ask(question({ category: 'bukan-kategori' }), { 'Idempotency-Key': key }), 422, 'validation', 'category');
    // A refused write keeps no key: the same key with a good question is a first request.
    const stored = await ask(question(), { 'Idempotency-Key': key });
    assert.equal(stored.status, 201);
    assert.equal(stored.headers.get('idempotent-replayed'), null);
  });

  it('creates one question when the same request with one key arrives five times at once', async () => {
    const key = `concurrent-${api.store}-${Date.now()}`;
    const count = await countConsultations();
    const responses = await Promise.all(Array.from({ length: 5 }, () => ask(question(), { 'Idempotency-Key': key })));
    assert.deepEqual(responses.map((r) => r.status), [201, 201, 201, 201, 201]);
    const codes = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as { trackingCode: string }).trackingCode)));
    assert.equal(codes.size, 1);
    assert.equal(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 4);
    assert.equal(await countConsultations(), count + 1);
  });

  it('rejects an Idempotency-Key longer than 255 characters', async () => {
    await assertProblem(await ask(question(), { 'Idempotency-Key': 'k'.repeat(256) }), 400, 'validation', 'Idempotency-Key');
  });

  it('answers 429 with Retry-After once one client passes the per-minute limit, across server instances', async () => {
    // Two app instances on one database, as behind a load balancer, trusting the proxy's X-Forwarded-For.
    // Their clock is stopped half-way through a minute, so all four requests fall in one window.
    const stopped = new Date(SUITE_START.getTime() + 30_000);
    const now = () => stopped;
    const settings = { ...api.server.settings, rateLimitPerMinute: 3, trustProxy: true };
    const first = createApp({ db: api.server.db, settings, now });
    const second = createApp({ db: api.server.db, settings, now });
    const from = (app: typeof first, ip: string) =>
      app.request('/api/v1/opds/bpkad/consultations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `203.0.113.9, ${ip}` },
        body: JSON.stringify(question()),
      });
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    assert.equal((await from(first, ip)).status, 201);
    assert.equal((await from(second, ip)).status, 201);
    assert.equal((await from(first, ip)).status, 201);
    const limited = await from(second, ip);
    const body = await assertProblem(limited, 429, 'rate-limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal(retryAfter, 30, 'the seconds left in the window');
    assert.match(body.detail ?? '', /3 per minute/);
    api.seen.add('429 from a second instance', JSON.stringify(body));
    assert.equal((await from(first, '192.0.2.77')).status, 201, 'another client is not limited');
  });

  it('keeps staff routes closed without the right token (401 with WWW-Authenticate)', async () => {
    const paths = ['/api/v1/opds/bpkad/consultations', '/api/v1/opds/bpkad/consultations/SIAP-DEM0-0001'];
    for (const path of paths) {
      const none = await api.publicRequest(path);
      await assertProblem(none, 401, 'unauthorized');
      assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
      const wrong = await api.publicRequest(path, { headers: { Authorization: 'Bearer not-the-token' } });
      await assertProblem(wrong, 401, 'unauthorized');
    }
    const answer = await api.publicRequest('/api/v1/opds/bpkad/consultations/SIAP-DEM0-0001/answer', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'Jawaban tanpa izin' }),
    });
    await assertProblem(answer, 401, 'unauthorized');
    const row = await api.server.db
      .selectFrom('consultations')
      .select('answer_text')
      .where('tracking_code', '=', 'SIAP-DEM0-0001')
      .executeTakeFirstOrThrow();
    assert.equal(row.answer_text, null);
  });

  it('answers a 404 problem for an unknown route', async () => {
    await assertProblem(await api.publicRequest('/api/v1/nothing-here'), 404, 'not-found');
  });

  it('reports health, and answers 503 with Retry-After and only a request id when the database is gone', async () => {
    const health = await api.publicRequest('/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });

    const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    const broken = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      const app = createApp({ db: broken, settings: api.server.settings });
      const unhealthy = await app.request('/healthz');
      assert.equal(unhealthy.status, 503);
      const failed = await app.request('/api/v1/opds');
      const body = await assertProblem(failed, 503, 'internal');
      assert.equal(failed.headers.get('retry-after'), '5', 'the client is told when to try again');
      assert.deepEqual(Object.keys(body).sort(), ['detail', 'requestId', 'status', 'title', 'type']);
      assert.doesNotMatch(JSON.stringify(body), /ECONNREFUSED|at .*\.ts|Error:/);
      api.seen.add('503 without a database', JSON.stringify(body));
    } finally {
      await broken.destroy();
    }
  });

  it('answers 4xx, never 5xx, for crafted cursors, times and characters no database stores', async () => {
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const crafted of [
      cursor(['2026-01-01T00:00:00.000Z', 9007199254740991]),
      cursor(['0000-01-01T00:00:00Z', 1]),
      cursor(['+275760-09-13T00:00:00.000Z', 1]),
      cursor(['2026-01-01T00:00:00.000Z', -1]),
    ]) {
      await assertProblem(await api.staff(`/api/v1/opds/bpkad/consultations?cursor=${crafted}`), 400, 'validation', 'cursor');
      await assertProblem(await api.staff(`/api/v1/audit?cursor=${crafted}`), 400, 'validation', 'cursor');
    }
    for (const crafted of [cursor(['a\u0000b', 'x']), cursor(['\ud800', 'usr_x'])]) {
      await assertProblem(await api.staff(`/api/v1/users?cursor=${crafted}`), 400, 'validation', 'cursor');
      await assertProblem(await api.staff(`/api/v1/opds/bpkad/users?cursor=${crafted}`), 400, 'validation', 'cursor');
    }
    await assertProblem(await api.staff('/api/v1/audit?from=0000-01-01T00:00:00Z'), 400, 'validation', 'from');
    await assertProblem(await api.staff('/api/v1/audit.csv?to=0000-01-01T00:00:00Z'), 400, 'validation', 'to');
    await assertProblem(await api.staff('/api/v1/users/usr_%00x', { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{}' }), 404, 'not-found');
    // Half a surrogate pair, as JSON may carry it: refused naming the field, nothing stored.
    const broken = await api.staff('/api/v1/opds/bpkad/answer-templates', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"title":"Templat \\ud800","text":"ok"}',
    });
    await assertProblem(broken, 422, 'validation', 'title');
  });
});
