/**
 * The HTTP contract of the shared backend, as a citizen, an OPD website and staff see it,
 * run against both stores (PGlite and PostgreSQL) over real HTTP.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { z } from 'zod/mini';
import {
  TRACKING_CODE_PATTERN,
  consultationPublic,
  consultationReceipt,
  consultationStaff,
  consultationStaffList,
  opd as opdSchema,
  opdList,
  problem as problemSchema,
  type ConsultationStaff,
} from '../../src/schemas/index.js';
import { createApp } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/schema.js';
import { firstResponseDueAt } from '../../server/src/modules/consultations/service-level.js';
import { insertConsultation } from '../../server/src/modules/consultations/queries.js';
import { DEMO_CONSULTATIONS } from '../../server/src/modules/consultations/seed.js';
import { serverModules } from '../../server/src/modules/index.js';
import { seedDemo } from '../../server/src/seed.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const DAY = 24 * 60 * 60 * 1000;

/** A citizen whose name and contact must never show up in a public response. */
const citizen = {
  name: 'Siti Rahmawati Penanya',
  email: 'siti.rahmawati.penanya@example.com',
  phone: '0812-3456-7890',
  normalizedPhone: '+6281234567890',
};

function question(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: citizen.name,
    email: citizen.email,
    category: 'sp2d-pencairan',
    subject: 'Kapan SP2D belanja modal terbit?',
    message: 'SPM kami sudah diajukan tanggal 2 Oktober 2023. Berapa lama biasanya SP2D terbit?',
    consent: true,
    ...overrides,
  };
}

function assertShape<S extends z.core.$ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = z.safeParse(schema, value);
  assert.ok(result.success, `${what} should match its schema: ${result.success ? '' : JSON.stringify(result.error.issues)}`);
  return result.data;
}

async function assertProblem(
  response: Response,
  status: number,
  type: string,
  field?: string,
): Promise<z.output<typeof problemSchema>> {
  assert.equal(response.status, status, `status of ${response.url}`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = assertShape(problemSchema, await response.json(), 'problem');
  assert.equal(body.type, `/problems/${type}`);
  assert.equal(body.status, status);
  assert.ok(body.requestId, 'a problem carries the request id');
  assert.equal(body.requestId, response.headers.get('x-request-id'));
  if (field) {
    assert.ok(
      body.errors?.some((e) => e.path === field),
      `errors should name ${field}: ${JSON.stringify(body.errors)}`,
    );
  }
  return body;
}

for (const store of ['pglite', 'postgres'] as const) {
  describe(`API on ${store}`, () => {
    let server: TestServer;
    let offsetMs = 0;
    const now = () => new Date(Date.now() + offsetMs);
    /** Every body a public (no-token) route answered, to check for personal data at the end. */
    const publicBodies: string[] = [];

    before(async () => {
      server = await startTestServer({ store, now, settings: { corsOrigins: [] } });
    });
    after(async () => {
      await server?.close();
    });

    const staffHeaders = () => ({ Authorization: `Bearer ${server.staffToken}` });

    async function publicRequest(path: string, init: RequestInit = {}): Promise<Response> {
      const response = await fetch(`${server.url}${path}`, init);
      const text = await response.clone().text();
      publicBodies.push(text);
      return response;
    }

    function ask(body: unknown, headers: Record<string, string> = {}, opd = 'bpkad'): Promise<Response> {
      return publicRequest(`/api/v1/opds/${opd}/consultations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    }

    async function staff(path: string, init: RequestInit = {}): Promise<Response> {
      return fetch(`${server.url}${path}`, { ...init, headers: { ...staffHeaders(), ...(init.headers ?? {}) } });
    }

    async function staffPost(path: string, body: unknown): Promise<Response> {
      return staff(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    }

    async function countConsultations(): Promise<number> {
      const row = await server.db
        .selectFrom('consultations')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }

    async function newConsultation(overrides: Record<string, unknown> = {}): Promise<string> {
      const response = await ask(question(overrides));
      assert.equal(response.status, 201);
      return ((await response.json()) as { trackingCode: string }).trackingCode;
    }

    it('lists every OPD with its modules, and shows one with its consultation categories', async () => {
      const list = assertShape(opdList, await (await publicRequest('/api/v1/opds')).json(), 'OPD list');
      assert.equal(list.nextCursor, null);
      const bpkad = list.data.find((o) => o.slug === 'bpkad');
      assert.deepEqual(bpkad?.modules, ['siap']);
      assert.deepEqual(list.data.find((o) => o.slug === 'dinas-pupr')?.modules, ['perjaka', 'siap']);

      const one = assertShape(opdSchema, await (await publicRequest('/api/v1/opds/bpkad')).json(), 'OPD');
      assert.ok(one.consultationCategories.some((c) => c.name === 'SP2D dan pencairan'));
    });

    it('gives a valid question a readable tracking code, a due date 3 working days on, and a Location to track it', async () => {
      const before = await countConsultations();
      const response = await ask(question());
      assert.equal(response.status, 201);
      const receipt = assertShape(consultationReceipt, await response.json(), 'receipt');
      assert.match(receipt.trackingCode, TRACKING_CODE_PATTERN);
      assert.equal(receipt.status, 'received');
      assert.equal(receipt.dueAt, firstResponseDueAt(new Date(receipt.submittedAt)).toISOString());
      assert.equal(await countConsultations(), before + 1);

      const location = response.headers.get('location');
      assert.equal(location, `/api/v1/consultations/${receipt.trackingCode}`);
      const tracked = await publicRequest(location);
      assert.equal(tracked.status, 200);
      assert.equal(tracked.headers.get('cache-control'), 'no-store');
      const view = assertShape(consultationPublic, await tracked.json(), 'public view');
      assert.equal(view.status, 'received');
      assert.equal(view.category.name, 'SP2D dan pencairan');
      assert.equal(view.opd.slug, 'bpkad');
      assert.deepEqual(view.timeline.map((s) => s.status), ['received']);
      assert.equal(view.answer, null);
      assert.equal(view.overdue, false);
    });

    it('finds a question by its tracking code typed in lower case, with spaces and look-alike letters', async () => {
      const code = await newConsultation();
      const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
      const response = await publicRequest(`/api/v1/consultations/${encodeURIComponent(typed)}`);
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { trackingCode: string }).trackingCode, code);
    });

    it('rejects a wrong e-mail address naming email, and stores nothing', async () => {
      const before = await countConsultations();
      const problem = await assertProblem(await ask(question({ email: 'siti@' })), 422, 'validation', 'email');
      assert.equal(problem.errors?.find((e) => e.path === 'email')?.code, 'format');
      assert.equal(await countConsultations(), before);
    });

    it('asks for a way to answer when neither e-mail nor phone is given', async () => {
      const problem = await assertProblem(await ask(question({ email: undefined })), 422, 'validation', 'email');
      assert.equal(problem.errors?.find((e) => e.path === 'email')?.code, 'required');
    });

    it('names every missing field of an empty form, including consent', async () => {
      const problem = await assertProblem(await ask({}), 422, 'validation');
      const paths = new Set(problem.errors?.map((e) => e.path));
      for (const field of ['name', 'category', 'subject', 'message', 'consent']) assert.ok(paths.has(field), field);
    });

    it('refuses an invisible NUL character naming the field, instead of failing in the database', async () => {
      const before = await countConsultations();
      await assertProblem(await ask(question({ subject: 'Tanya\u0000' })), 422, 'validation', 'subject');
      assert.equal(await countConsultations(), before);
      await assertProblem(await staff('/api/v1/opds/bpkad/consultations?q=%00'), 400, 'validation', 'q');
      await assertProblem(await staff('/api/v1/opds/bpkad/consultations/SIAP%00'), 404, 'not-found');
      await assertProblem(await publicRequest('/api/v1/consultations/%00'), 404, 'not-found');
    });

    it('rejects a category the OPD does not offer, naming category', async () => {
      const before = await countConsultations();
      await assertProblem(await ask(question({ category: 'jalan-jembatan' })), 422, 'validation', 'category');
      assert.equal(await countConsultations(), before);
    });

    it('accepts a mobile number written the Indonesian way and shows it normalized to staff', async () => {
      const code = await newConsultation({ email: undefined, phone: citizen.phone });
      const view = assertShape(
        consultationStaff,
        await (await staff(`/api/v1/opds/bpkad/consultations/${code}`)).json(),
        'staff view',
      );
      assert.equal(view.phone, citizen.normalizedPhone);
      assert.equal(view.email, null);
      assert.equal(view.name, citizen.name);
    });

    it('refuses a body over 64 KB with 413 and stores nothing', async () => {
      const before = await countConsultations();
      await assertProblem(await ask(question({ message: 'x'.repeat(70 * 1024) })), 413, 'payload-too-large');
      assert.equal(await countConsultations(), before);
    });

    it('answers 400 for malformed JSON and 415 for a form post', async () => {
      await assertProblem(await ask('{"name": "Siti",'), 400, 'validation');
      const form = await publicRequest('/api/v1/opds/bpkad/consultations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'name=Siti&consent=true',
      });
      await assertProblem(form, 415, 'unsupported-media-type');
    });

    it('answers the first receipt again for a repeated Idempotency-Key, without a second question', async () => {
      const key = `retry-${store}-${Date.now()}`;
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

    it('refuses the same Idempotency-Key with a different question (422 idempotency-conflict)', async () => {
      const key = `conflict-${store}-${Date.now()}`;
      assert.equal((await ask(question(), { 'Idempotency-Key': key })).status, 201);
      const count = await countConsultations();
      await assertProblem(
        await ask(question({ subject: 'Pertanyaan lain' }), { 'Idempotency-Key': key }),
        422,
        'idempotency-conflict',
        'Idempotency-Key',
      );
      assert.equal(await countConsultations(), count);
    });

    it('creates one question when the same request with one key arrives five times at once', async () => {
      const key = `concurrent-${store}-${Date.now()}`;
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

    it('answers 404 module-disabled for an OPD without SIAP and 404 not-found for an unknown OPD', async () => {
      await assertProblem(await ask(question(), {}, 'sekretariat-dprd'), 404, 'module-disabled');
      await assertProblem(await ask(question(), {}, 'dinas-tidak-ada'), 404, 'not-found');
      await assertProblem(await publicRequest('/api/v1/opds/dinas-tidak-ada'), 404, 'not-found');
    });

    it('answers 404 problems for an unknown tracking code and an unknown route', async () => {
      const unknown = await assertProblem(await publicRequest('/api/v1/consultations/SIAP-ZZZZ-ZZZZ'), 404, 'not-found');
      assert.match(unknown.detail ?? '', /SIAP-ZZZZ-ZZZZ/);
      await assertProblem(await publicRequest('/api/v1/consultations/not-a-code'), 404, 'not-found');
      await assertProblem(await publicRequest('/api/v1/nothing-here'), 404, 'not-found');
    });

    it('keeps staff routes closed without the right token (401 with WWW-Authenticate)', async () => {
      const paths = ['/api/v1/opds/bpkad/consultations', '/api/v1/opds/bpkad/consultations/SIAP-DEM0-0001'];
      for (const path of paths) {
        const none = await publicRequest(path);
        await assertProblem(none, 401, 'unauthorized');
        assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
        const wrong = await publicRequest(path, { headers: { Authorization: 'Bearer not-the-token' } });
        await assertProblem(wrong, 401, 'unauthorized');
      }
      const answer = await publicRequest('/api/v1/opds/bpkad/consultations/SIAP-DEM0-0001/answer', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'Jawaban tanpa izin' }),
      });
      await assertProblem(answer, 401, 'unauthorized');
      const row = await server.db.selectFrom('consultations').select('answer_text').where('tracking_code', '=', 'SIAP-DEM0-0001').executeTakeFirstOrThrow();
      assert.equal(row.answer_text, null);
    });

    it('lists staff consultations newest first, page by page with an opaque cursor', async () => {
      const total = Number(
        (
          await server.db
            .selectFrom('consultations')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .where('opd_slug', '=', 'bpkad')
            .executeTakeFirstOrThrow()
        ).n,
      );
      const seen: ConsultationStaff[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await staff(`/api/v1/opds/bpkad/consultations?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        assert.equal(response.status, 200);
        const page = assertShape(consultationStaffList, await response.json(), 'staff list');
        assert.ok(page.data.length <= 3);
        seen.push(...page.data);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 50);
      assert.equal(seen.length, total);
      assert.equal(new Set(seen.map((c) => c.trackingCode)).size, total, 'no consultation twice');
      const times = seen.map((c) => Date.parse(c.submittedAt));
      assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
      assert.ok(seen.every((c) => c.opd === 'bpkad'), 'only this OPD');

      await assertProblem(await staff('/api/v1/opds/bpkad/consultations?cursor=bm9wZQ'), 400, 'validation', 'cursor');
      await assertProblem(await staff('/api/v1/opds/bpkad/consultations?limit=101'), 400, 'validation', 'limit');
    });

    it('filters the staff list by status, category, overdue and search text', async () => {
      const list = async (query: string) =>
        assertShape(consultationStaffList, await (await staff(`/api/v1/opds/bpkad/consultations?${query}`)).json(), query).data;

      const answered = await list('status=answered&limit=100');
      assert.ok(answered.length > 0 && answered.every((c) => c.status === 'answered'));
      const assets = await list('category=aset-daerah&limit=100');
      assert.ok(assets.length > 0 && assets.every((c) => c.category.id === 'aset-daerah'));
      const overdue = await list('overdue=true&limit=100');
      assert.ok(overdue.some((c) => c.trackingCode === 'SIAP-DEM0-0004'), 'the demo overdue question is flagged');
      assert.ok(overdue.every((c) => c.overdue));
      const notOverdue = await list('overdue=false&limit=100');
      assert.ok(notOverdue.every((c) => !c.overdue));

      const code = await newConsultation({ subject: 'Retribusi sewa kios pasar Lematang', category: 'aset-daerah' });
      const bySubject = await list('q=kios%20pasar');
      assert.deepEqual(bySubject.map((c) => c.trackingCode), [code]);
      const byCode = await list(`q=${encodeURIComponent(code.toLowerCase())}`);
      assert.deepEqual(byCode.map((c) => c.trackingCode), [code]);
      assert.deepEqual(await list('q=100%25'), [], 'a % in the search text is taken literally');
      await assertProblem(await staff('/api/v1/opds/bpkad/consultations?status=lost'), 400, 'validation', 'status');
    });

    it('answers a question: status answered, first response recorded, the citizen sees the answer, a notification is queued', async () => {
      const code = await newConsultation();
      const text = 'SP2D terbit paling lama 2 hari kerja setelah SPM lengkap diterima. Status dapat dicek di loket BPKAD.';
      const response = await staffPost(`/api/v1/opds/bpkad/consultations/${code}/answer`, { text });
      assert.equal(response.status, 200);
      const view = assertShape(consultationStaff, await response.json(), 'answered staff view');
      assert.equal(view.status, 'answered');
      assert.equal(view.answer?.text, text);
      assert.ok(view.firstResponseAt);
      assert.deepEqual(view.timeline.map((s) => s.status), ['received', 'answered']);

      const seen = assertShape(consultationPublic, await (await publicRequest(`/api/v1/consultations/${code}`)).json(), 'public view');
      assert.equal(seen.status, 'answered');
      assert.equal(seen.answer?.text, text);

      const outbox = await server.db.selectFrom('outbox').selectAll().where('topic', '=', 'consultation.answered').execute();
      const message = outbox.find((m) => m.payload.trackingCode === code);
      assert.ok(message, 'an outbox message for the answer');
      assert.equal(message.sent_at, null);
      assert.ok(!JSON.stringify(message.payload).includes(citizen.email), 'the message carries no contact');

      // Answering twice is a conflict: reopen first.
      await assertProblem(await staffPost(`/api/v1/opds/bpkad/consultations/${code}/answer`, { text: 'lagi' }), 409, 'conflict', 'status');
      await assertProblem(await staffPost(`/api/v1/opds/bpkad/consultations/${code}/answer`, { text: '  ' }), 422, 'validation', 'text');
    });

    it('refuses a status change the workflow does not allow (409 naming status)', async () => {
      const code = await newConsultation();
      await assertProblem(await staffPost(`/api/v1/opds/bpkad/consultations/${code}/status`, { status: 'answered' }), 409, 'conflict', 'status');
      const closed = await staffPost(`/api/v1/opds/bpkad/consultations/${code}/status`, { status: 'closed' });
      assert.equal(closed.status, 200);
      assert.equal(((await closed.json()) as { status: string }).status, 'closed');
      await assertProblem(await staffPost(`/api/v1/opds/bpkad/consultations/${code}/status`, { status: 'in_progress' }), 409, 'conflict', 'status');
      await assertProblem(await staffPost(`/api/v1/opds/bpkad/consultations/${code}/status`, { status: 'lost' }), 422, 'validation', 'status');
      await assertProblem(await staffPost(`/api/v1/opds/dinas-pupr/consultations/${code}/status`, { status: 'closed' }), 404, 'not-found');
    });

    it('counts a note with in_progress as the first response, and shows the note on the public timeline', async () => {
      const code = await newConsultation();
      const silent = assertShape(
        consultationStaff,
        await (await staffPost(`/api/v1/opds/bpkad/consultations/${code}/status`, { status: 'in_progress' })).json(),
        'staff view',
      );
      assert.equal(silent.firstResponseAt, null, 'a bare status change is not a response');
      const code2 = await newConsultation();
      const note = 'Sedang kami periksa bersama Bidang Perbendaharaan.';
      const noted = assertShape(
        consultationStaff,
        await (await staffPost(`/api/v1/opds/bpkad/consultations/${code2}/status`, { status: 'in_progress', note })).json(),
        'staff view',
      );
      assert.ok(noted.firstResponseAt);
      const seen = assertShape(consultationPublic, await (await publicRequest(`/api/v1/consultations/${code2}`)).json(), 'public view');
      assert.equal(seen.timeline.at(-1)?.note, note);
    });

    it('flags a question overdue once 3 working days pass without a response, and not once it is answered', async () => {
      const code = await newConsultation();
      const track = async () =>
        assertShape(consultationPublic, await (await publicRequest(`/api/v1/consultations/${code}`)).json(), 'public view');
      assert.equal((await track()).overdue, false);
      offsetMs = 6 * DAY; // at least 3 working days later, whatever today is
      try {
        assert.equal((await track()).overdue, true);
        const flagged = assertShape(
          consultationStaffList,
          await (await staff('/api/v1/opds/bpkad/consultations?overdue=true&limit=100')).json(),
          'staff list',
        );
        assert.ok(flagged.data.some((c) => c.trackingCode === code));
        await staffPost(`/api/v1/opds/bpkad/consultations/${code}/answer`, { text: 'Maaf terlambat; jawabannya: ya.' });
        assert.equal((await track()).overdue, false);
      } finally {
        offsetMs = 0;
      }
    });

    it('records every staff read and write in the audit log', async () => {
      const code = await newConsultation();
      const startedAt = new Date(Date.now() - 1000);
      await staff(`/api/v1/opds/bpkad/consultations?q=${code}`);
      await staff(`/api/v1/opds/bpkad/consultations/${code}`);
      await staffPost(`/api/v1/opds/bpkad/consultations/${code}/status`, { status: 'in_progress', note: 'Diproses.' });
      await staffPost(`/api/v1/opds/bpkad/consultations/${code}/answer`, { text: 'Sudah kami jawab.' });
      const entries = await server.db
        .selectFrom('audit_log')
        .selectAll()
        .where('at', '>=', startedAt)
        .orderBy('id')
        .execute();
      const mine = entries.filter(
        (e) => e.subject === code || (e.action === 'consultation.list' && JSON.stringify(e.detail).includes(code)),
      );
      assert.deepEqual(
        mine.map((e) => e.action),
        ['consultation.list', 'consultation.view', 'consultation.status', 'consultation.answer'],
      );
      assert.ok(mine.every((e) => e.actor === 'staff'));
    });

    it('lets only the OPD’s own websites read its responses across origins (CORS)', async () => {
      const allowed = 'http://localhost:8080';
      const stranger = 'https://phishing.example';
      const post = (origin: string) =>
        ask(question(), { Origin: origin });

      const ok = await post(allowed);
      assert.equal(ok.status, 201);
      assert.equal(ok.headers.get('access-control-allow-origin'), allowed);
      assert.match(ok.headers.get('access-control-expose-headers') ?? '', /Idempotent-Replayed/);
      const denied = await publicRequest('/api/v1/opds/bpkad', { headers: { Origin: stranger } });
      assert.equal(denied.headers.get('access-control-allow-origin'), null);

      const preflight = await fetch(`${server.url}/api/v1/opds/bpkad/consultations`, {
        method: 'OPTIONS',
        headers: {
          Origin: allowed,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type, idempotency-key',
        },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), allowed);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
      const strangerPreflight = await fetch(`${server.url}/api/v1/opds/bpkad/consultations`, {
        method: 'OPTIONS',
        headers: { Origin: stranger, 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(strangerPreflight.headers.get('access-control-allow-origin'), null);

      // An origin of another OPD only: allowed on routes not about one OPD, not on this OPD's routes.
      const otherSite = 'https://dinkes.lahatkab.go.id';
      await server.db
        .updateTable('opds')
        .set({ allowed_origins: JSON.stringify(['http://localhost:8080', otherSite]) })
        .where('slug', '=', 'dinas-kesehatan')
        .execute();
      const tracked = await publicRequest('/api/v1/consultations/SIAP-DEM0-0001', { headers: { Origin: otherSite } });
      assert.equal(tracked.headers.get('access-control-allow-origin'), otherSite);
      const bpkad = await publicRequest('/api/v1/opds/bpkad/consultations', { method: 'OPTIONS', headers: { Origin: otherSite, 'Access-Control-Request-Method': 'POST' } });
      assert.equal(bpkad.headers.get('access-control-allow-origin'), null);

      // CORS_ORIGINS adds an origin for every OPD.
      const portal = 'https://portal.lahatkab.go.id';
      const app = createApp({ db: server.db, settings: { ...server.settings, corsOrigins: [portal] } });
      const viaPortal = await app.request('/api/v1/opds/bpkad', { headers: { Origin: portal } });
      assert.equal(viaPortal.headers.get('access-control-allow-origin'), portal);
    });

    it('marks even same-origin answers as varying by Origin, so a cached copy never breaks an embedding site', async () => {
      const sameOrigin = await publicRequest('/api/v1/opds/bpkad');
      assert.equal(sameOrigin.status, 200);
      assert.match(sameOrigin.headers.get('cache-control') ?? '', /max-age/);
      assert.match(sameOrigin.headers.get('vary') ?? '', /Origin/);
    });

    it('answers 429 with Retry-After once one client passes the per-minute limit, across server instances', async () => {
      // Two app instances on one database, as behind a load balancer, trusting the proxy's X-Forwarded-For.
      const settings = { ...server.settings, rateLimitPerMinute: 3, trustProxy: true };
      const first = createApp({ db: server.db, settings, now });
      const second = createApp({ db: server.db, settings, now });
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
      assert.match(body.detail ?? '', /3 per minute/);
      publicBodies.push(JSON.stringify(body));
      assert.equal((await from(first, '192.0.2.77')).status, 201, 'another client is not limited');
    });

    it('adds nothing when the demo seed runs again', async () => {
      const count = await countConsultations();
      assert.deepEqual(await seedDemo(server.db, serverModules, now()), { tenancy: { opds: 0 }, siap: { consultations: 0 } });
      assert.equal(await countConsultations(), count);
      const demo = await server.db.selectFrom('opds').select(['slug', 'is_demo']).execute();
      assert.ok(demo.length >= 8 && demo.every((o) => o.is_demo));
    });

    it('draws a new tracking code when the first one drawn is already taken', async () => {
      const drawn = ['SIAP-DEM0-0001', 'SIAP-DEM0-0001', 'SIAP-TEST-C0DE'];
      const row = await server.db.transaction().execute((trx) =>
        insertConsultation(
          trx,
          'bpkad',
          { name: 'X', email: 'x@example.com', category: 'lainnya', subject: 'S', message: 'M', consent: true },
          now(),
          () => drawn.shift()!,
        ),
      );
      assert.equal(row.tracking_code, 'SIAP-TEST-C0DE');
      assert.equal(drawn.length, 0);
    });

    it('reports health, and answers 500 with only a request id when the database is gone', async () => {
      const health = await publicRequest('/healthz');
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok' });

      const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
      const broken = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
      try {
        const app = createApp({ db: broken, settings: server.settings });
        const unhealthy = await app.request('/healthz');
        assert.equal(unhealthy.status, 503);
        const failed = await app.request('/api/v1/opds');
        const body = await assertProblem(failed, 500, 'internal');
        assert.deepEqual(Object.keys(body).sort(), ['detail', 'requestId', 'status', 'title', 'type']);
        assert.doesNotMatch(JSON.stringify(body), /ECONNREFUSED|at .*\.ts|Error:/);
      } finally {
        await broken.destroy();
      }
    });

    it('never shows a citizen’s name, e-mail or phone in a public response, not even in errors', async () => {
      assert.ok(publicBodies.length > 30, `checked ${publicBodies.length} public responses`);
      const secrets = [citizen.name, citizen.email, citizen.phone, citizen.normalizedPhone];
      for (const demo of DEMO_CONSULTATIONS) {
        secrets.push(demo.name);
        if (demo.email) secrets.push(demo.email);
        if (demo.phone) secrets.push(demo.phone);
      }
      // The demo questions are public through their codes; make sure those were looked at too.
      for (const demo of DEMO_CONSULTATIONS) {
        await publicRequest(`/api/v1/consultations/${demo.trackingCode}`);
      }
      for (const body of publicBodies) {
        for (const secret of secrets) assert.ok(!body.includes(secret), `a public response contains ${secret}`);
      }
    });
  });
}
