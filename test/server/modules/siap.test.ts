/**
 * SIAP (consultations), over real HTTP on both stores, as a citizen and staff see it:
 * asking, tracking by code, the staff list and its filters, answering, status changes,
 * overdue questions, the audit of staff reads and writes, and tracking code collisions.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  TRACKING_CODE_PATTERN,
  consultationStatuses,
  consultationTransitions,
  consultationPublic,
  consultationReceipt,
  consultationStaff,
  consultationStaffList,
  type ConsultationStaff,
  type ConsultationStatus,
} from '../../../src/schemas/index.js';
import { insertConsultation } from '../../../server/src/modules/consultations/queries.js';
import { firstResponseDueAt } from '../../../server/src/modules/consultations/service-level.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { citizen, internalRemark, question, siapRequests } from '../../helpers/siap.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** A question asked at the suites' start (Wednesday 10:00 in Jakarta) is due at the end of Monday there. */
const DUE_AT = '2025-03-10T16:59:59.999Z';

describeApi('SIAP', { publicResponses: 27 }, (api) => {
  const { ask, newConsultation, countConsultations } = siapRequests(api);
  const { staff, staffPost } = api;

  it('gives a valid question a readable tracking code, a due date 3 working days on, and a Location to track it', async () => {
    const before = await countConsultations();
    const response = await ask(question());
    assert.equal(response.status, 201);
    const receipt = assertShape(consultationReceipt, await response.json(), 'receipt');
    assert.match(receipt.trackingCode, TRACKING_CODE_PATTERN);
    assert.equal(receipt.status, 'received');
    assert.equal(receipt.dueAt, firstResponseDueAt(new Date(receipt.submittedAt)).toISOString());
    assert.equal(receipt.dueAt, DUE_AT, 'asked on Wednesday, due at the end of Monday');
    assert.equal(await countConsultations(), before + 1);

    const location = response.headers.get('location');
    assert.equal(location, `/api/v1/consultations/${receipt.trackingCode}`);
    const tracked = await api.publicRequest(location);
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
    const response = await api.publicRequest(`/api/v1/consultations/${encodeURIComponent(typed)}`);
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

  it('tells a missing value (required) from a wrong one (invalid, notAllowed)', async () => {
    const problem = await assertProblem(await ask({ ...question(), name: 5, subject: undefined }), 422, 'validation');
    const codes = Object.fromEntries((problem.errors ?? []).map((e) => [e.path, e.code]));
    assert.equal(codes.name, 'invalid', 'a number where a name goes is wrong, not missing');
    assert.equal(codes.subject, 'required');
    const status = await assertProblem(
      await staffPost('/api/v1/opds/bpkad/consultations/SIAP-DEM0-0001/status', { status: 'done' }),
      422,
      'validation',
      'status',
    );
    assert.equal(status.errors?.[0]?.code, 'notAllowed');
    const missing = await assertProblem(await staffPost('/api/v1/opds/bpkad/consultations/SIAP-DEM0-0001/status', {}), 422, 'validation', 'status');
    assert.equal(missing.errors?.[0]?.code, 'required');
  });

  it('refuses an invisible NUL character naming the field, instead of failing in the database', async () => {
    const before = await countConsultations();
    await assertProblem(await ask(question({ subject: 'Tanya\u0000' })), 422, 'validation', 'subject');
    assert.equal(await countConsultations(), before);
    await assertProblem(await staff('/api/v1/opds/bpkad/consultations?q=%00'), 400, 'validation', 'q');
    await assertProblem(await staff('/api/v1/opds/bpkad/consultations/SIAP%00'), 404, 'not-found');
    await assertProblem(await api.publicRequest('/api/v1/consultations/%00'), 404, 'not-found');
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

  it('answers 404 problems for an unknown tracking code and one that is not a code', async () => {
    const unknown = await assertProblem(await api.publicRequest('/api/v1/consultations/SIAP-ZZZZ-ZZZZ'), 404, 'not-found');
    assert.match(unknown.detail ?? '', /SIAP-ZZZZ-ZZZZ/);
    await assertProblem(await api.publicRequest('/api/v1/consultations/not-a-code'), 404, 'not-found');
  });

  it('names the agency first when a staff address has both a wrong agency and a wrong code', async () => {
    const unknownOpd = await assertProblem(await staff('/api/v1/opds/dinas-tidak-ada/consultations/xx'), 404, 'not-found');
    assert.match(unknownOpd.detail ?? '', /no agency \(OPD\) "dinas-tidak-ada"/);
    await assertProblem(await staff('/api/v1/opds/sekretariat-dprd/consultations/xx'), 404, 'module-disabled');
    const badCode = await assertProblem(await staff('/api/v1/opds/bpkad/consultations/xx'), 404, 'not-found');
    assert.match(badCode.detail ?? '', /No consultation has the tracking code xx\. Check the code on your receipt\./);
  });

  it('stops showing an OPD’s questions by tracking code once the OPD switches SIAP off', async () => {
    const code = await newConsultation({ subject: 'Pertanyaan sebelum SIAP dimatikan' });
    assert.equal((await api.publicRequest(`/api/v1/consultations/${code}`)).status, 200);
    const { db } = api.server;
    await db.updateTable('opds').set({ modules: JSON.stringify([]) }).where('slug', '=', 'bpkad').execute();
    try {
      await assertProblem(await api.publicRequest(`/api/v1/consultations/${code}`), 404, 'module-disabled');
    } finally {
      await db.updateTable('opds').set({ modules: JSON.stringify(['siap']) }).where('slug', '=', 'bpkad').execute();
    }
    assert.equal((await api.publicRequest(`/api/v1/consultations/${code}`)).status, 200, 'back on, shown again');
  });

  it('lists staff consultations newest first, page by page with an opaque cursor', async () => {
    const total = Number(
      (
        await api.server.db
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

    const seen = assertShape(consultationPublic, await (await api.publicRequest(`/api/v1/consultations/${code}`)).json(), 'public view');
    assert.equal(seen.status, 'answered');
    assert.equal(seen.answer?.text, text);

    const outbox = await api.server.db.selectFrom('outbox').selectAll().where('topic', '=', 'consultation.answered').execute();
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
    const status = (opd: string, body: unknown) => staffPost(`/api/v1/opds/${opd}/consultations/${code}/status`, body);
    await assertProblem(await status('bpkad', { status: 'answered' }), 409, 'conflict', 'status');
    const closed = await status('bpkad', { status: 'closed' });
    assert.equal(closed.status, 200);
    assert.equal(((await closed.json()) as { status: string }).status, 'closed');
    await assertProblem(await status('bpkad', { status: 'in_progress' }), 409, 'conflict', 'status');
    await assertProblem(await status('bpkad', { status: 'lost' }), 422, 'validation', 'status');
    await assertProblem(await status('dinas-pupr', { status: 'closed' }), 404, 'not-found');
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
    const seen = assertShape(consultationPublic, await (await api.publicRequest(`/api/v1/consultations/${code2}`)).json(), 'public view');
    assert.equal(seen.timeline.at(-1)?.note, note);
  });

  it('keeps an internal note to staff views: the public timeline shows only the note to the citizen', async () => {
    const code = await newConsultation();
    const note = 'Berkas Anda sedang kami periksa.';
    const changed = await staffPost(`/api/v1/opds/bpkad/consultations/${code}/status`, {
      status: 'in_progress',
      note,
      internalNote: internalRemark,
    });
    assert.equal(changed.status, 200);
    const view = assertShape(consultationStaff, await changed.json(), 'staff view');
    assert.deepEqual(view.timeline.at(-1), {
      status: 'in_progress',
      at: view.timeline.at(-1)?.at,
      note,
      internalNote: internalRemark,
      by: 'Admin Diskominfo (demo)',
    });
    const read = assertShape(consultationStaff, await (await staff(`/api/v1/opds/bpkad/consultations/${code}`)).json(), 'staff view');
    assert.equal(read.timeline.at(-1)?.internalNote, internalRemark, 'staff read it back');
    const listed = assertShape(consultationStaffList, await (await staff(`/api/v1/opds/bpkad/consultations?q=${code}`)).json(), 'staff list');
    assert.equal(listed.data[0]?.timeline.at(-1)?.internalNote, internalRemark, 'and in the list');

    const tracked = await api.publicRequest(`/api/v1/consultations/${code}`);
    const text = await tracked.text();
    const seen = assertShape(consultationPublic, JSON.parse(text), 'public view');
    assert.deepEqual(seen.timeline.at(-1), { status: 'in_progress', at: view.timeline.at(-1)?.at, note });
    assert.ok(!text.includes(internalRemark) && !text.includes('internalNote'), 'no internal note in the public view');
    // The sweep at the end of the suite checks every public response for it too.
  });

  it('does not count an internal note alone as the first response', async () => {
    const code = await newConsultation();
    const view = assertShape(
      consultationStaff,
      await (await staffPost(`/api/v1/opds/bpkad/consultations/${code}/status`, { status: 'in_progress', internalNote: 'Diteruskan ke bidang aset.' })).json(),
      'staff view',
    );
    assert.equal(view.firstResponseAt, null, 'the citizen was told nothing');
    const audit = await api.server.db.selectFrom('audit_log').select('detail').where('subject', '=', code).where('action', '=', 'consultation.status').executeTakeFirstOrThrow();
    assert.deepEqual(audit.detail, { from: 'received', to: 'in_progress', withNote: false, withInternalNote: true }, 'the audit says which notes, not their text');
  });

  it('advises in every 409 only what is allowed from the current status', async () => {
    const answerable: readonly ConsultationStatus[] = ['received', 'in_progress'];
    /** A new question brought to `status` by allowed steps. */
    const at = async (status: ConsultationStatus) => {
      const code = await newConsultation();
      const post = (path: string, body: unknown) => staffPost(`/api/v1/opds/bpkad/consultations/${code}/${path}`, body);
      if (status === 'in_progress' || status === 'answered') assert.equal((await post('status', { status: 'in_progress' })).status, 200);
      if (status === 'answered') assert.equal((await post('answer', { text: 'Jawaban.' })).status, 200);
      if (status === 'closed') assert.equal((await post('status', { status: 'closed' })).status, 200);
      return post;
    };
    const named = (text: string) => text.match(/\b(received|in_progress|answered|closed)\b/g) ?? [];
    let refusals = 0;
    for (const from of consultationStatuses) {
      const post = await at(from);
      const allowed = new Set<string>([from, ...consultationTransitions[from], ...(answerable.includes(from) ? ['answered'] : [])]);
      const attempts: Array<[string, unknown]> = consultationStatuses
        .filter((to) => !consultationTransitions[from].includes(to))
        .map((to) => ['status', { status: to }]);
      if (!answerable.includes(from)) attempts.push(['answer', { text: 'Jawaban lagi.' }]);
      for (const [path, body] of attempts) {
        const problem = await assertProblem(await post(path, body), 409, 'conflict', 'status');
        refusals += 1;
        const advice = [problem.detail?.split('; ').slice(1).join('; ') ?? '', ...(problem.errors ?? []).map((e) => e.message)];
        assert.ok(advice[0], `the detail advises something: ${problem.detail}`);
        for (const text of advice) {
          const refused = named(text).filter((status) => !allowed.has(status));
          assert.deepEqual(refused, [], `from ${from}, ${path} ${JSON.stringify(body)} advises a refused step: "${text}"`);
        }
      }
    }
    assert.equal(refusals, 13, 'every refused change and answer of every status was tried');
  });

  it('says what is allowed for a wrong status or page size, and refuses a body that is no question without failing', async () => {
    const code = await newConsultation();
    const wrong = await assertProblem(await staffPost(`/api/v1/opds/bpkad/consultations/${code}/status`, { status: 'done' }), 422, 'validation', 'status');
    assert.deepEqual(wrong.errors, [{ path: 'status', message: 'Use one of: received, in_progress, answered, closed', code: 'notAllowed' }]);
    const big = await assertProblem(await staff('/api/v1/opds/bpkad/consultations?limit=1000'), 400, 'validation', 'limit');
    assert.deepEqual(big.errors, [{ path: 'limit', message: 'Use a number from 1 to 100', code: 'tooLarge' }]);
    const filter = await assertProblem(await staff('/api/v1/opds/bpkad/consultations?overdue=yes'), 400, 'validation', 'overdue');
    assert.deepEqual(filter.errors?.map((e) => [e.code, e.message]), [['notAllowed', 'Use one of: true, false']]);
    for (const body of ['null', '[]', '"tanya"', '42']) {
      const refused = await assertProblem(await ask(body), 422, 'validation');
      assert.deepEqual(refused.errors?.map((e) => e.path), [''], body);
    }
  });

  it('flags a question overdue once 3 working days pass without a response, and not once it is answered', async () => {
    const code = await newConsultation();
    const track = async () =>
      assertShape(consultationPublic, await (await api.publicRequest(`/api/v1/consultations/${code}`)).json(), 'public view');
    assert.equal((await track()).overdue, false);
    let moved = 0;
    const advance = (ms: number) => {
      api.clock.advance(ms);
      moved += ms;
    };
    try {
      advance(5 * DAY + 13 * HOUR); // Monday 23:00 in Jakarta: due by the end of today, not late yet
      assert.equal((await track()).overdue, false);
      advance(11 * HOUR); // Tuesday 10:00: 3 working days have passed
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
      api.clock.advance(-moved);
    }
  });

  it('records every staff read and write in the audit log', async () => {
    const code = await newConsultation();
    const startedAt = new Date(api.clock.now().getTime() - 1000);
    await staff(`/api/v1/opds/bpkad/consultations?q=${code}`);
    await staff(`/api/v1/opds/bpkad/consultations/${code}`);
    await staffPost(`/api/v1/opds/bpkad/consultations/${code}/status`, { status: 'in_progress', note: 'Diproses.' });
    await staffPost(`/api/v1/opds/bpkad/consultations/${code}/answer`, { text: 'Sudah kami jawab.' });
    const entries = await api.server.db
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
    const admin = await api.server.db.selectFrom('staff_users').select(['id', 'email', 'name']).where('email', '=', 'admin@lahat.demo').executeTakeFirstOrThrow();
    assert.ok(
      mine.every((e) => e.actor === admin.name && e.actor_id === admin.id && e.actor_email === admin.email && e.opd_slug === 'bpkad'),
      'each names the person who signed in, and the OPD',
    );
  });

  it('draws a new tracking code when the first one drawn is already taken', async () => {
    const drawn = ['SIAP-DEM0-0001', 'SIAP-DEM0-0001', 'SIAP-TEST-C0DE'];
    const row = await api.server.db.transaction().execute((trx) =>
      insertConsultation(
        trx,
        'bpkad',
        { name: 'X', email: 'x@example.com', category: 'lainnya', subject: 'S', message: 'M', consent: true },
        api.clock.now(),
        { newCode: () => drawn.shift()! },
      ),
    );
    assert.equal(row?.tracking_code, 'SIAP-TEST-C0DE');
    assert.equal(drawn.length, 0);
  });

  it('claims an Idempotency-Key only with the question it stores: a taken code leaves no key behind', async () => {
    const drawn = ['SIAP-DEM0-0001', 'SIAP-TEST-C0D2'];
    const claim = { scope: 'POST /api/v1/opds/bpkad/consultations', key: `claim-${api.store}-${Date.now()}`, hash: 'h', now: api.clock.now(), status: 201 };
    const row = await insertConsultation(
      api.server.db,
      'bpkad',
      { name: 'X', email: 'x@example.com', category: 'lainnya', subject: 'S', message: 'M', consent: true },
      api.clock.now(),
      { newCode: () => drawn.shift()! },
      claim,
    );
    assert.ok(row && typeof row === 'object');
    assert.equal(row.tracking_code, 'SIAP-TEST-C0D2');
    const keys = await api.server.db.selectFrom('idempotency_keys').select(['response_status', 'response_body']).where('key', '=', claim.key).execute();
    assert.equal(keys.length, 1);
    assert.equal(keys[0]?.response_status, 201);
    assert.equal((keys[0]?.response_body as { trackingCode: string }).trackingCode, 'SIAP-TEST-C0D2', 'the receipt of the code stored');
    // The same key again stores nothing and says so.
    const again = await insertConsultation(
      api.server.db,
      'bpkad',
      { name: 'X', email: 'x@example.com', category: 'lainnya', subject: 'S', message: 'M', consent: true },
      api.clock.now(),
      {},
      claim,
    );
    assert.equal(typeof again, 'symbol');
    assert.equal(Number((await api.server.db.selectFrom('consultations').select((eb) => eb.fn.countAll().as('n')).where('tracking_code', '=', 'SIAP-TEST-C0D2').executeTakeFirstOrThrow()).n), 1);
  });
});
