/**
 * SIAP's staff console, over real HTTP on both stores, as staff notice it: the consent a
 * question was sent with, the queues and their counters (due today in the regency's time zone),
 * assigning to a colleague, internal notes that no public response shows, who answered, answer
 * templates, editable categories (retired while in use), and the personal-data hooks (export,
 * erasure, retention) leaving no contact behind.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import {
  CONSENT_TEXT_MAX_LENGTH,
  answerTemplate,
  answerTemplateList,
  consultationCategorySettings,
  consultationCounts,
  consultationPublic,
  consultationStaff,
  consultationStaffList,
  opd as opdSchema,
  type ConsultationCounts,
  type ConsultationStaff,
} from '../../../src/schemas/index.js';
import { addUser } from '../../../server/src/auth/users.js';
import type { Database } from '../../../server/src/db/schema.js';
import {
  ERASED_NAME,
  eraseExpiredContacts,
  erasePersonalData,
  findPersonalData,
} from '../../../server/src/modules/consultations/privacy.js';
import { insertConsultation, listPage } from '../../../server/src/modules/consultations/queries.js';
import { DEMO_CONSENT_TEXT, DEMO_TEMPLATES } from '../../../server/src/modules/consultations/seed.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';
import { DEMO_PASSWORD } from '../../helpers/server.js';
import { question, siapRequests } from '../../helpers/siap.js';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

const BPKAD_STAFF = 'bpkad@lahat.demo';
const BPKAD_STAFF_NAME = 'Petugas BPKAD (demo)';
const PUPR_STAFF = 'pupr@lahat.demo';
/** An OPD admin of BPKAD this suite adds (the demo has none). */
const BPKAD_ADMIN = 'kasubbag.bpkad@lahat.test';
/** A BPKAD colleague who left: disabled. */
const LEFT_BPKAD = 'mantan.petugas@lahat.test';

/** A note for colleagues: staff only, never public. */
const internalOnly = 'Catatan internal: Pak Hendra di Bidang Perbendaharaan sedang cuti, tanyakan ke Bu Yanti';

/** A citizen who asks to have their data erased. */
const erasable = {
  name: 'Bambang Hapuskan Penanya',
  email: 'bambang.hapuskan@example.com',
  phone: '0813-9876-5432',
  normalizedPhone: '+6281398765432',
};

/** A citizen whose question is closed and then outlives the retention period. */
const retained = { name: 'Lestari Kedaluwarsa Penanya', email: 'lestari.kedaluwarsa@example.com' };

registerPersonalData({
  module: 'siap-staff',
  // Staff are people too (UU 27/2022): no public response names who answered or handles a question.
  values: [internalOnly, BPKAD_STAFF_NAME, 'Kasubbag Keuangan BPKAD', erasable.name, erasable.email, erasable.normalizedPhone, retained.name, retained.email],
});

describeApi('SIAP staff console', { publicResponses: 12 }, (api) => {
  const { ask, newConsultation } = siapRequests(api);
  /** The database as the spine's account functions take it. */
  const spineDb = () => api.server.db as unknown as Kysely<Database>;

  /** A JSON request with a body as `email`. */
  const send = (email: string, method: string, path: string, body?: unknown) =>
    api.as(email, path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const userId = async (email: string) =>
    (await api.server.db.selectFrom('staff_users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const staffView = async (code: string, email = BPKAD_STAFF): Promise<ConsultationStaff> =>
    assertShape(consultationStaff, await (await api.as(email, `/api/v1/opds/bpkad/consultations/${code}`)).json(), 'staff view');
  const publicText = async (code: string) => {
    const response = await api.publicRequest(`/api/v1/consultations/${code}`);
    assert.equal(response.status, 200);
    const text = await response.text();
    assertShape(consultationPublic, JSON.parse(text), 'public view');
    return text;
  };
  const counts = async (email = BPKAD_STAFF, opd = 'bpkad'): Promise<ConsultationCounts> => {
    const response = await api.as(email, `/api/v1/opds/${opd}/consultations/counts`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store', 'polled: never cached');
    return assertShape(consultationCounts, await response.json(), 'counts');
  };
  const list = async (query: string, email = BPKAD_STAFF) => {
    const response = await api.as(email, `/api/v1/opds/bpkad/consultations?limit=100&${query}`);
    assert.equal(response.status, 200, query);
    return assertShape(consultationStaffList, await response.json(), query).data;
  };
  /** Runs `check` with the server's clock at `moment`, then puts it back. */
  const at = async (moment: string, check: () => Promise<void>) => {
    const moved = Date.parse(moment) - api.clock.now().getTime();
    api.clock.advance(moved);
    try {
      await check();
    } finally {
      api.clock.advance(-moved);
    }
  };

  it('stores the consent sentence the form showed and shows it to staff, with when; null for a form that sent none', async () => {
    const sentence = '  Saya setuju data saya diproses untuk menjawab pertanyaan ini sesuai UU 27/2022.  ';
    const response = await ask(question({ consentText: sentence }));
    assert.equal(response.status, 201);
    const receipt = (await response.json()) as { trackingCode: string; submittedAt: string };
    const view = await staffView(receipt.trackingCode);
    assert.deepEqual(view.consent, { text: sentence.trim(), at: receipt.submittedAt });

    const older = await staffView(await newConsultation());
    assert.equal(older.consent.text, null, 'a form from before consent texts');
    assert.equal((await staffView('SIAP-DEM0-0001')).consent.text, DEMO_CONSENT_TEXT);

    await assertProblem(await ask(question({ consentText: 'x'.repeat(CONSENT_TEXT_MAX_LENGTH + 1) })), 422, 'validation', 'consentText');
    assert.ok(!(await publicText(receipt.trackingCode)).includes('consent'), 'the public view stays as it was');
  });

  it('counts the queues in one cheap read: a new question shows up, an answered one moves on, another OPD’s does not count', async () => {
    const before = await counts();
    const pupr = await counts(PUPR_STAFF, 'dinas-pupr');
    const response = await ask(question({ subject: 'Pertanyaan baru untuk antrean' }));
    const receipt = (await response.json()) as { trackingCode: string; submittedAt: string };
    const arrived = await counts();
    assert.equal(arrived.total, before.total + 1);
    assert.equal(arrived.byStatus.received, before.byStatus.received + 1);
    assert.equal(arrived.unassigned, before.unassigned + 1);
    assert.equal(arrived.latestSubmittedAt, receipt.submittedAt, 'the console sees something new arrived');
    assert.deepEqual(await counts(PUPR_STAFF, 'dinas-pupr'), pupr, 'another agency’s counters are unchanged');

    await send(BPKAD_STAFF, 'POST', `/api/v1/opds/bpkad/consultations/${receipt.trackingCode}/answer`, { text: 'Sudah kami jawab.' });
    const answered = await counts();
    assert.equal(answered.byStatus.received, before.byStatus.received);
    assert.equal(answered.byStatus.answered, before.byStatus.answered + 1);
    assert.equal(answered.unassigned, before.unassigned, 'answered: no longer waiting for anyone');

    // Each counter is the length of the list the console opens from it.
    assert.equal(answered.byStatus.received, (await list('status=received')).length);
    assert.equal(answered.overdue, (await list('due=overdue')).length);
    assert.equal(answered.overdue, (await list('overdue=true')).length);
    assert.equal(answered.dueToday, (await list('due=today')).length);
    assert.equal(answered.unassigned, (await list('due=open&assignee=none')).length);
    assert.equal(answered.assignedToMe, (await list('due=open&assignee=me')).length);

    const audited = await api.server.db.selectFrom('audit_log').select('id').where('action', 'like', '%count%').execute();
    assert.deepEqual(audited, [], 'polling the counters fills no audit log: they show no personal data');
    await assertProblem(await api.as(PUPR_STAFF, '/api/v1/opds/bpkad/consultations/counts'), 403, 'forbidden');
  });

  it('puts a question in “due today” on its due day in the regency’s time zone, and in overdue once that day ends there', async () => {
    const code = await newConsultation({ subject: 'Jatuh tempo hari Senin' }); // Wednesday 10:00 WIB: due Monday 10 March
    const inToday = async () => (await list(`due=today&q=${code}`)).map((c) => c.trackingCode);
    const inOverdue = async () => (await list(`due=overdue&q=${code}`)).map((c) => c.trackingCode);

    await at('2025-03-07T02:00:00.000Z', async () => {
      assert.deepEqual(await inToday(), [], 'Friday: not due yet');
    });
    await at('2025-03-10T01:00:00.000Z', async () => {
      assert.deepEqual(await inToday(), [code], 'Monday 08:00 WIB');
      assert.ok((await counts()).dueToday >= 1);
    });
    await at('2025-03-10T16:30:00.000Z', async () => {
      assert.deepEqual(await inToday(), [code], 'Monday 23:30 WIB: still today');
    });
    await at('2025-03-10T17:30:00.000Z', async () => {
      // In UTC it is still Monday; in Lahat it is Tuesday 00:30, and the first response is late.
      assert.deepEqual(await inToday(), []);
      assert.deepEqual(await inOverdue(), [code]);
    });
  });

  it('counts “today” in the zone the regency runs in: WIT’s Tuesday starts while WIB’s Monday runs', async () => {
    const db = api.server.db;
    // Asked Thursday 6 March 12:00 WIT: due at the end of Tuesday 11 March in WIT (14:59:59.999Z).
    const row = await db.transaction().execute((trx) =>
      insertConsultation(
        trx,
        'bpkad',
        { name: 'X', email: 'x.wit@example.com', category: 'lainnya', subject: 'WIT', message: 'Zona WIT', consent: true },
        new Date('2025-03-06T03:00:00.000Z'),
        { newCode: () => 'SIAP-W1T0-0001', timeZone: 'Asia/Jayapura' },
      ),
    );
    assert.ok(row, 'stored');
    assert.equal(row.due_at.toISOString(), '2025-03-11T14:59:59.999Z');
    const mondayNightWib = new Date('2025-03-10T15:30:00.000Z'); // Monday 22:30 WIB = Tuesday 00:30 WIT
    const dueToday = async (zone: 'Asia/Jakarta' | 'Asia/Jayapura') =>
      (await listPage(db, 'bpkad', { due: 'today', q: row.tracking_code, trackingCode: row.tracking_code }, mondayNightWib, zone, 10, undefined)).map(
        (r) => r.tracking_code,
      );
    assert.deepEqual(await dueToday('Asia/Jayapura'), ['SIAP-W1T0-0001'], 'in Papua it is Tuesday, the due day');
    assert.deepEqual(await dueToday('Asia/Jakarta'), [], 'in Lahat it is still Monday');
  });

  it('assigns a question to a colleague of the agency, shows them by name, and refuses someone of another agency', async () => {
    const code = await newConsultation({ subject: 'Untuk ditangani petugas BPKAD' });
    const me = await userId(BPKAD_STAFF);
    const assign = (body: unknown, email = BPKAD_STAFF) => send(email, 'POST', `/api/v1/opds/bpkad/consultations/${code}/assign`, body);
    const mineBefore = (await counts()).assignedToMe;

    const assigned = assertShape(consultationStaff, await (await assign({ userId: me })).json(), 'assigned');
    assert.deepEqual(assigned.assignee, { id: me, name: BPKAD_STAFF_NAME });
    assert.ok((await list('due=open&assignee=me')).some((c) => c.trackingCode === code), 'in my queue');
    assert.ok(!(await list('assignee=none')).some((c) => c.trackingCode === code), 'no longer unassigned');
    assert.ok((await list(`assignee=${me}`)).some((c) => c.trackingCode === code));
    assert.equal((await counts()).assignedToMe, mineBefore + 1);
    assert.ok(!(await list('assignee=me', 'admin@lahat.demo')).some((c) => c.trackingCode === code), '“me” is whoever is signed in');

    const pupr = await assertProblem(await assign({ userId: await userId(PUPR_STAFF) }), 422, 'validation', 'userId');
    assert.match(pupr.errors?.[0]?.message ?? '', /colleague of /);
    await assertProblem(await assign({ userId: 'usr_nobody' }), 422, 'validation', 'userId');
    await addUser(
      spineDb(),
      { email: LEFT_BPKAD, name: 'Mantan Petugas', role: 'opd_staff', opd: 'bpkad', password: DEMO_PASSWORD, mustChangePassword: false },
      api.clock.now(),
    );
    await api.server.db.updateTable('staff_users').set({ disabled_at: api.clock.now() }).where('email', '=', LEFT_BPKAD).execute();
    await assertProblem(await assign({ userId: await userId(LEFT_BPKAD) }), 422, 'validation', 'userId');
    await assertProblem(await assign({}), 422, 'validation', 'userId');
    assert.equal((await staffView(code)).assignee?.id, me, 'a refused assignment changes nothing');

    const admin = await userId('admin@lahat.demo');
    assert.equal(assertShape(consultationStaff, await (await assign({ userId: admin })).json(), 'to admin').assignee?.id, admin, 'a regency admin may be given one');
    const none = assertShape(consultationStaff, await (await assign({ userId: null })).json(), 'unassigned');
    assert.equal(none.assignee, null);
    assert.ok((await list('assignee=none')).some((c) => c.trackingCode === code));

    const entries = await api.server.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('subject', '=', code)
      .where('action', '=', 'consultation.assign')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      entries.map((e) => e.detail),
      [{ from: null, to: me }, { from: me, to: admin }, { from: admin, to: null }],
      'every assignment audited, the refused ones not',
    );
    assert.ok(entries.every((e) => e.actor_id === me));
    await assertProblem(await assign({ userId: me }, PUPR_STAFF), 403, 'forbidden');
  });

  it('names the staff member who answered in staff views and stores their id; the public view names only the agency', async () => {
    const code = await newConsultation();
    await send(BPKAD_STAFF, 'POST', `/api/v1/opds/bpkad/consultations/${code}/status`, { status: 'in_progress', note: 'Kami periksa.' });
    await send(BPKAD_STAFF, 'POST', `/api/v1/opds/bpkad/consultations/${code}/assign`, { userId: await userId(BPKAD_STAFF) });
    const answered = assertShape(
      consultationStaff,
      await (await send(BPKAD_STAFF, 'POST', `/api/v1/opds/bpkad/consultations/${code}/answer`, { text: 'SP2D terbit besok.' })).json(),
      'answered',
    );
    assert.equal(answered.answer?.answeredBy, BPKAD_STAFF_NAME);
    assert.deepEqual(answered.timeline.map((s) => s.by), ['citizen', BPKAD_STAFF_NAME, BPKAD_STAFF_NAME]);
    const row = await api.server.db.selectFrom('consultations').select('answered_by').where('tracking_code', '=', code).executeTakeFirstOrThrow();
    assert.equal(row.answered_by, await userId(BPKAD_STAFF), 'stored by id: a renamed colleague shows their new name');

    const text = await publicText(code);
    const view = assertShape(consultationPublic, JSON.parse(text), 'public view');
    assert.equal(view.opd.slug, 'bpkad', 'which agency answered is public');
    assert.ok(!text.includes(BPKAD_STAFF_NAME) && !text.includes(await userId(BPKAD_STAFF)), 'no staff name or id in public');
    assert.equal((await staffView('SIAP-DEM0-0003')).answer?.answeredBy, BPKAD_STAFF_NAME, 'the demo answers name the demo account');
  });

  it('adds internal notes that change nothing else and never appear in a public response', async () => {
    const code = await newConsultation();
    const before = await staffView(code);
    const response = await send(BPKAD_STAFF, 'POST', `/api/v1/opds/bpkad/consultations/${code}/notes`, { text: `  ${internalOnly}  ` });
    assert.equal(response.status, 200);
    const noted = assertShape(consultationStaff, await response.json(), 'noted');
    assert.equal(noted.notes.length, 1);
    assert.deepEqual({ by: noted.notes[0]?.by, text: noted.notes[0]?.text }, { by: BPKAD_STAFF_NAME, text: internalOnly });
    assert.equal(noted.status, before.status, 'the status stays');
    assert.equal(noted.firstResponseAt, null, 'a note is no response to the citizen');
    assert.deepEqual(noted.timeline, before.timeline, 'the timeline stays');
    await send(BPKAD_STAFF, 'POST', `/api/v1/opds/bpkad/consultations/${code}/notes`, { text: 'Kedua.' });
    assert.deepEqual((await staffView(code)).notes.map((n) => n.text), [internalOnly, 'Kedua.'], 'oldest first');
    assert.equal((await list(`q=${code}`))[0]?.notes.length, 2, 'the list carries them too');

    const text = await publicText(code);
    assert.ok(!text.includes(internalOnly) && !text.includes('Kedua.') && !text.includes('notes'));
    await assertProblem(await send(BPKAD_STAFF, 'POST', `/api/v1/opds/bpkad/consultations/${code}/notes`, { text: '   ' }), 422, 'validation', 'text');
    const audit = await api.server.db.selectFrom('audit_log').select('detail').where('subject', '=', code).where('action', '=', 'consultation.note').execute();
    assert.equal(audit.length, 2);
    assert.ok(!JSON.stringify(audit).includes(internalOnly), 'the audit says a note was added, not what it says');
    // The sweep at the end checks every public response of the suite for the note too.
  });

  it('keeps answer templates per agency: list, add, change, delete, titles unique', async () => {
    const path = '/api/v1/opds/bpkad/answer-templates';
    const seeded = assertShape(answerTemplateList, await (await api.as(BPKAD_STAFF, path)).json(), 'templates');
    assert.deepEqual(seeded.data.map((t) => t.title), [...(DEMO_TEMPLATES.bpkad ?? [])].map((t) => t.title).sort((a, b) => a.localeCompare(b)));
    assert.equal(seeded.nextCursor, null);

    const created = await send(BPKAD_STAFF, 'POST', path, { title: ' Pinjam pakai aset ', text: 'Ajukan surat permohonan kepada Bupati melalui BPKAD.' });
    assert.equal(created.status, 201);
    const template = assertShape(answerTemplate, await created.json(), 'template');
    assert.equal(template.title, 'Pinjam pakai aset');
    assert.equal(template.updatedBy, BPKAD_STAFF_NAME);
    assert.equal(created.headers.get('location'), `${path}/${template.id}`);
    await assertProblem(await send(BPKAD_STAFF, 'POST', path, { title: 'PINJAM PAKAI ASET', text: 'Lagi.' }), 409, 'conflict', 'title');
    await assertProblem(await send(BPKAD_STAFF, 'POST', path, { title: '', text: 'Tanpa judul.' }), 422, 'validation', 'title');

    const changed = await send('admin@lahat.demo', 'PATCH', `${path}/${template.id}`, { text: 'Surat permohonan dari kepala desa kepada Bupati melalui BPKAD (Bidang Aset).' });
    assert.equal(changed.status, 200);
    const after = assertShape(answerTemplate, await changed.json(), 'changed');
    assert.equal(after.title, 'Pinjam pakai aset');
    assert.match(after.text, /Bidang Aset/);
    assert.equal(after.updatedBy, 'Admin Diskominfo (demo)');
    await assertProblem(await send(BPKAD_STAFF, 'PATCH', `${path}/${template.id}`, { title: 'SP2D sudah terbit' }), 409, 'conflict', 'title');

    const pupr = assertShape(answerTemplateList, await (await api.as(PUPR_STAFF, '/api/v1/opds/dinas-pupr/answer-templates')).json(), 'pupr');
    assert.deepEqual(pupr.data, [], 'another agency sees none of BPKAD’s');
    await assertProblem(await api.as(PUPR_STAFF, path), 403, 'forbidden');
    await assertProblem(await send(PUPR_STAFF, 'PATCH', `/api/v1/opds/dinas-pupr/answer-templates/${template.id}`, { text: 'x' }), 404, 'not-found');

    assert.equal((await send(BPKAD_STAFF, 'DELETE', `${path}/${template.id}`)).status, 204);
    await assertProblem(await send(BPKAD_STAFF, 'DELETE', `${path}/${template.id}`), 404, 'not-found');
    const left = assertShape(answerTemplateList, await (await api.as(BPKAD_STAFF, path)).json(), 'templates');
    assert.equal(left.data.length, seeded.data.length);
    const actions = await api.server.db.selectFrom('audit_log').select('action').where('subject', '=', template.id).orderBy('id').execute();
    assert.deepEqual(actions.map((a) => a.action), ['answer-template.create', 'answer-template.update', 'answer-template.delete']);
  });

  it('lets the agency’s admin set the categories; one still in use is retired (off the form, still named), not lost', async () => {
    await addUser(
      spineDb(),
      { email: BPKAD_ADMIN, name: 'Kasubbag Keuangan BPKAD', role: 'opd_admin', opd: 'bpkad', password: DEMO_PASSWORD, mustChangePassword: false },
      api.clock.now(),
    );
    const path = '/api/v1/opds/bpkad/consultation-categories';
    const original = assertShape(consultationCategorySettings, await (await api.as(BPKAD_STAFF, path)).json(), 'categories');
    assert.ok((original.categories.find((c) => c.id === 'aset-daerah')?.consultations ?? 0) >= 1, 'a demo question uses aset-daerah');
    const unused = original.categories.find((c) => c.consultations === 0 && c.id !== 'lainnya');
    const next = [
      { id: 'sp2d-pencairan', name: 'SP2D dan pencairan dana', nameEn: 'SP2D and disbursement' },
      { id: 'pajak-daerah', name: 'Pajak daerah (PBB-P2, BPHTB)' },
      ...original.categories.filter((c) => !['sp2d-pencairan', 'aset-daerah', unused?.id].includes(c.id)).map(({ id, name, nameEn }) => ({ id, name, ...(nameEn ? { nameEn } : {}) })),
    ];

    await assertProblem(await send(BPKAD_STAFF, 'PUT', path, { categories: next }), 403, 'forbidden');
    const saved = await send(BPKAD_ADMIN, 'PUT', path, { categories: next });
    assert.equal(saved.status, 200);
    const settings = assertShape(consultationCategorySettings, await saved.json(), 'saved');
    assert.deepEqual(settings.categories.map((c) => c.id), next.map((c) => c.id), 'in the order given');
    assert.deepEqual(settings.retired.map((c) => c.id), ['aset-daerah']);
    if (unused) assert.ok(![...settings.categories, ...settings.retired].some((c) => c.id === unused.id), 'an unused one is simply gone');

    const form = assertShape(opdSchema, await (await api.publicRequest('/api/v1/opds/bpkad')).json(), 'opd');
    assert.deepEqual(form.consultationCategories.map((c) => c.id), next.map((c) => c.id), 'the form offers the new list');
    assert.equal(form.consultationCategories[0]?.name, 'SP2D dan pencairan dana');
    await assertProblem(await ask(question({ category: 'aset-daerah' })), 422, 'validation', 'category');
    assert.equal((await staffView('SIAP-DEM0-0003')).category.name, 'Aset daerah', 'older questions keep the name');
    assert.equal(assertShape(consultationPublic, JSON.parse(await publicText('SIAP-DEM0-0003')), 'public').category.name, 'Aset daerah');
    await newConsultation({ category: 'pajak-daerah' }); // a new category can be asked about (201)

    const twice = await assertProblem(await send(BPKAD_ADMIN, 'PUT', path, { categories: [next[0], next[0]] }), 422, 'validation', 'categories.1.id');
    assert.match(twice.errors?.[0]?.message ?? '', /sp2d-pencairan/);
    await assertProblem(await send(BPKAD_ADMIN, 'PUT', path, { categories: [] }), 422, 'validation', 'categories');
    await assertProblem(await send(BPKAD_ADMIN, 'PUT', path, { categories: [{ id: 'Bad Id', name: 'X' }] }), 422, 'validation', 'categories.0.id');
    await assertProblem(await send(BPKAD_ADMIN, 'PUT', '/api/v1/opds/dinas-pupr/consultation-categories', { categories: next }), 403, 'forbidden');

    // Back as it was: the retired one listed again returns, the new one (now in use) is retired.
    const restore = original.categories.map(({ id, name, nameEn }) => ({ id, name, ...(nameEn ? { nameEn } : {}) }));
    const back = assertShape(consultationCategorySettings, await (await send(BPKAD_ADMIN, 'PUT', path, { categories: restore })).json(), 'restored');
    assert.deepEqual(back.categories.map((c) => c.id), original.categories.map((c) => c.id));
    assert.deepEqual(back.retired.map((c) => c.id), ['pajak-daerah']);
    const audit = await api.server.db
      .selectFrom('audit_log')
      .select(['detail', 'actor_email'])
      .where('action', '=', 'consultation-categories.set')
      .orderBy('id')
      .execute();
    assert.deepEqual(audit.map((a) => a.actor_email), [BPKAD_ADMIN, BPKAD_ADMIN]);
    assert.deepEqual(
      audit.map((a) => ({ retired: a.detail.retired, restored: a.detail.restored })),
      [{ retired: ['aset-daerah'], restored: [] }, { retired: ['pajak-daerah'], restored: ['aset-daerah'] }],
    );
  });

  it('finds a citizen’s data by e-mail or phone, and erasure leaves their questions without name or contact', async () => {
    const first = await newConsultation({ name: erasable.name, email: erasable.email, phone: erasable.phone, consentText: DEMO_CONSENT_TEXT });
    const second = await newConsultation({ name: erasable.name, email: undefined, phone: erasable.phone });
    const db = api.server.db;

    const byEmail = await findPersonalData(db, { email: ` ${erasable.email.toUpperCase()} ` });
    assert.deepEqual(byEmail.map((r) => r.subject), [first]);
    assert.deepEqual(byEmail[0]?.data, {
      ...byEmail[0]?.data,
      name: erasable.name,
      email: erasable.email,
      phone: erasable.normalizedPhone,
      consentText: DEMO_CONSENT_TEXT,
    });
    assert.equal(byEmail[0]?.module, 'siap');
    assert.equal(byEmail[0]?.opd, 'bpkad');
    const byPhone = await findPersonalData(db, { phone: erasable.phone });
    assert.deepEqual(byPhone.map((r) => r.subject).sort(), [first, second].sort(), 'the phone as typed finds both');
    assert.deepEqual(await findPersonalData(db, {}), [], 'nobody named, nothing found');

    const erasedAt = api.clock.now();
    assert.equal(await db.transaction().execute((trx) => erasePersonalData(trx, { email: erasable.email, phone: erasable.normalizedPhone }, erasedAt)), 2);
    for (const code of [first, second]) {
      const view = await staffView(code);
      assert.equal(view.name, ERASED_NAME);
      assert.equal(view.email, null);
      assert.equal(view.phone, null);
      assert.equal(view.contactErasedAt, erasedAt.toISOString());
      assert.ok(view.message.length > 0, 'the question stays');
    }
    assert.deepEqual(await findPersonalData(db, { email: erasable.email, phone: erasable.phone }), []);
    const left = await db
      .selectFrom('consultations')
      .select('tracking_code')
      .where((eb) => eb.or([eb('name', '=', erasable.name), eb('email', '=', erasable.email), eb('phone', '=', erasable.normalizedPhone)]))
      .execute();
    assert.deepEqual(left, [], 'no row holds their name or contact');
    assert.equal(await db.transaction().execute((trx) => erasePersonalData(trx, { email: erasable.email }, erasedAt)), 0, 'nothing left to erase');
  });

  it('erases the contact of questions closed before the retention date, and only of those', async () => {
    const db = api.server.db;
    const closed = await newConsultation({ name: retained.name, email: retained.email });
    const open = await newConsultation({ name: retained.name, email: retained.email });
    await send(BPKAD_STAFF, 'POST', `/api/v1/opds/bpkad/consultations/${closed}/status`, { status: 'closed', note: 'Selesai.' });
    const closedAt = Date.parse((await staffView(closed)).timeline.at(-1)?.at ?? '');

    const erasedAt = api.clock.now();
    const expire = (closedBefore: number) => db.transaction().execute((trx) => eraseExpiredContacts(trx, { closedBefore: new Date(closedBefore) }, erasedAt));
    const earlier = await expire(closedAt - MINUTE); // the demo question closed days ago, not this one
    assert.equal((await staffView(closed)).email, retained.email, 'closed after the date: kept');
    const erased = await expire(closedAt + HOUR);
    assert.ok(erased >= 1);
    const view = await staffView(closed);
    assert.deepEqual([view.name, view.email, view.phone, view.contactErasedAt], [ERASED_NAME, null, null, erasedAt.toISOString()]);
    assert.equal((await staffView(open)).email, retained.email, 'a question still open keeps its contact');
    const erasedRows = await db.selectFrom('consultations').select('status').where('contact_erased_at', '=', erasedAt).execute();
    assert.equal(erasedRows.length, earlier + erased);
    // Closed ones, and answered ones left so since the date (nothing closes an answered question by itself).
    assert.ok(erasedRows.every((r) => r.status === 'closed' || r.status === 'answered'), 'only closed or answered ones');
    assert.equal(await expire(closedAt + HOUR), 0, 'run again, nothing more');
  });
});
