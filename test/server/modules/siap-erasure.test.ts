/**
 * Erasing a citizen from SIAP under UU 27/2022, as the security review found it wanting: the
 * citizen's name, e-mail address, phone number (however written) and NIK are taken out of
 * every free text too (subject, question, answer, the timeline's public and internal notes, the
 * internal notes), on request and at the end of the retention period, so no table, no public
 * or staff view and no audit entry holds them; the export has the notes; the staff list's audit
 * entry records a search's length, never its text; answered questions left so expire too.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import {
  consultationPublic,
  consultationStaff,
  consultationStaffList,
  personalDataErasure,
  personalDataExport,
  type ConsultationStaff,
} from '../../../src/schemas/index.js';
import type { Database } from '../../../server/src/db/schema.js';
import { silentLogger } from '../../../server/src/log.js';
import { auditSearchLength } from '../../../server/src/modules/consultations/migrations/0010-audit-search-length.js';
import { ERASED_NAME, looksLikeNik, redactorFor } from '../../../server/src/modules/consultations/privacy.js';
import { serverModules } from '../../../server/src/modules/index.js';
import { runRetention } from '../../../server/src/privacy/retention.js';
import { assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';
import { question, siapRequests } from '../../helpers/siap.js';

const DAY = 24 * 60 * 60 * 1000;
const ADMIN = 'admin@lahat.demo';
const BPKAD_STAFF = 'bpkad@lahat.demo';

/** The reviewer's citizen. */
const budi = { name: 'Budi Santoso', email: 'budi.santoso@contoh.id', phone: '0812 9999 7777', normalizedPhone: '+6281299997777' };
const NIK = '1671010101800001';

/** What the citizen sent and what staff wrote, each mentioning them, and what each reads after the erasure. */
const texts = {
  subject: ['SP2D atas nama BUDI  SANTOSO', 'SP2D atas nama (dihapus)'],
  message: [
    `Saya Budi Santoso (NIK ${NIK}) sudah mengajukan SPM tanggal 2 Oktober. Kabari ke budi.santoso@contoh.id atau 0812-9999-7777. Kapan SP2D terbit?`,
    'Saya (dihapus) (NIK (dihapus)) sudah mengajukan SPM tanggal 2 Oktober. Kabari ke (dihapus) atau (dihapus). Kapan SP2D terbit?',
  ],
  note: ['Bapak Budi Santoso, kami cek dulu.', 'Bapak (dihapus), kami cek dulu.'],
  internalNote: ['Budi menelpon dari 081299997777', '(dihapus) menelpon dari (dihapus)'],
  staffNote: ['Email beliau budi.santoso@contoh.id', 'Email beliau (dihapus)'],
  answer: [
    'Yth. Bapak Budi Santoso, SP2D Bapak terbit besok. Salinannya kami kirim ke +62 812-9999-7777.',
    'Yth. Bapak (dihapus), SP2D Bapak terbit besok. Salinannya kami kirim ke (dihapus).',
  ],
} as const;

/** Another citizen, whose question the erasure must not touch. */
const bystander = { name: 'Wulan Sekar Penanya Lain', email: 'wulan.sekar.lain@example.com' };

/** Citizens of the retention test: answered long ago (expires), answered lately, reopened lately, still waiting. */
const answeredLongAgo = { name: 'Sari Lama Terjawab', email: 'sari.lama.terjawab@example.com', phone: '0813-1111-2222' };
const answeredLately = { name: 'Rina Baru Terjawab', email: 'rina.baru.terjawab@example.com' };
const reopenedLately = { name: 'Tono Dibuka Lagi', email: 'tono.dibuka.lagi@example.com' };
const waitingLong = { name: 'Yanto Masih Menunggu', email: 'yanto.masih.menunggu@example.com' };

registerPersonalData({
  module: 'siap-erasure',
  values: [
    budi.name,
    'Santoso',
    budi.email,
    budi.phone,
    budi.normalizedPhone,
    '081299997777',
    NIK,
    bystander.name,
    bystander.email,
    ...[answeredLongAgo, answeredLately, reopenedLately, waitingLong].flatMap((c) => [c.name, c.email]),
    '+6281311112222',
  ],
});

describe('redacting a citizen out of a text', () => {
  const redact = redactorFor({ names: ['Budi Santoso'], emails: ['budi.santoso@contoh.id'], phones: ['+6281299997777'] });

  it('takes out the phone number however it is written, and only that number', () => {
    for (const phone of ['081299997777', '0812 9999 7777', '0812-9999-7777', '+6281299997777', '+62 812-9999-7777', '6281299997777', '(0812) 9999.7777']) {
      assert.equal(redact(`HP ${phone}, ya`), `HP ${ERASED_NAME}, ya`, phone);
    }
    assert.equal(redact('HP 081299997778'), 'HP 081299997778', 'another number stays');
    assert.equal(redact('no 1081299997777'), 'no 1081299997777', 'not inside a longer number');
  });

  it('takes out the name in any case and spacing, and its parts on their own, but not titles or other words', () => {
    assert.equal(redact('Yth. Bapak budi   santoso,'), `Yth. Bapak ${ERASED_NAME},`);
    assert.equal(redact('BudiSantoso dan Budi\nSantoso'), `${ERASED_NAME} dan ${ERASED_NAME}`);
    assert.equal(redact('Pak Budi menelpon; Bu Santoso juga'), `Pak ${ERASED_NAME} menelpon; Bu ${ERASED_NAME} juga`);
    assert.equal(redact('Budiman dan Santosoan tetap'), 'Budiman dan Santosoan tetap', 'whole words only');
    assert.equal(redact('E-mail BUDI.SANTOSO@CONTOH.ID.'), `E-mail ${ERASED_NAME}.`);
    const titled = redactorFor({ names: ['Hj. Siti Aminah binti Umar'], emails: [], phones: [] });
    assert.equal(titled('Ibu Siti; Aminah; Umar; binti; Hj. Siti Aminah binti Umar'), `Ibu ${ERASED_NAME}; ${ERASED_NAME}; ${ERASED_NAME}; binti; ${ERASED_NAME}`);
  });

  it('takes out numbers shaped like a NIK, written in one run, in fours or 6-6-4; other long numbers stay', () => {
    assert.ok(looksLikeNik(NIK));
    assert.ok(looksLikeNik('3201024507900003'), 'a woman: day + 40');
    assert.ok(!looksLikeNik('0812999977771234'), 'no province 08');
    assert.ok(!looksLikeNik('1671013201800001'), 'no 32nd day');
    assert.ok(!looksLikeNik('1671010113800001'), 'no 13th month');
    assert.ok(!looksLikeNik('1671010101800000'), 'no serial 0000');
    for (const written of [NIK, '1671 0101 0180 0001', '1671-0101-0180-0001', '167101.010180.0001']) {
      assert.equal(redact(`NIK: ${written}.`), `NIK: ${ERASED_NAME}.`, written);
    }
    assert.equal(redact('VA 8808123456789012'), 'VA 8808123456789012', 'a virtual account is no NIK');
    assert.equal(redact(`${NIK}9`), `${NIK}9`, '17 digits are no NIK');
    assert.equal(redactorFor({ names: [], emails: [], phones: [] })(`Tanpa nama, NIK ${NIK}`), `Tanpa nama, NIK ${ERASED_NAME}`);
  });
});

describeApi('SIAP erasure', { publicResponses: 5 }, (api) => {
  const { newConsultation } = siapRequests(api);
  const spineDb = () => api.server.db as unknown as Kysely<Database>;
  const send = async (email: string, method: string, path: string, body?: unknown) => {
    const response = await api.as(email, path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    assert.ok(response.status < 300, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
    return response;
  };
  const path = (code: string, step = '') => `/api/v1/opds/bpkad/consultations/${code}${step}`;
  const staffView = async (code: string, email = BPKAD_STAFF): Promise<ConsultationStaff> =>
    assertShape(consultationStaff, await (await api.as(email, path(code))).json(), 'staff view');
  /** The public view, not recorded for the sweep: before an erasure it may show what staff wrote publicly. */
  const unrecordedPublicText = async (code: string) => (await fetch(`${api.server.url}/api/v1/consultations/${code}`)).text();
  /** Everything the database holds, table by table, as text (password hashes left out: random letters). */
  const everyTable = async (): Promise<Map<string, string>> => {
    const { rows: tables } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(spineDb());
    const byTable = new Map<string, string>();
    for (const { name } of tables) {
      const { rows } = await sql<{ row: string }>`select (to_jsonb(t) - 'password_hash')::text as row from ${sql.table(name)} t`.execute(spineDb());
      byTable.set(name, rows.map((r) => r.row).join('\n'));
    }
    return byTable;
  };
  /**
   * What of Budi a text still holds: his name or its parts (any case, as words: random ids and
   * hashes may hold any letters), e-mail, phone (any form) or NIK.
   */
  const budiIn = (text: string): string[] => {
    const digits = text.replace(/[\s.()+-]/g, '');
    return [
      ...['budi', 'santoso'].filter((word) => new RegExp(`(?<![a-z0-9])${word}(?![a-z0-9])`, 'i').test(text)),
      ...(text.toLowerCase().includes('contoh.id') ? ['contoh.id'] : []),
      ...['81299997777', NIK].filter((number) => digits.includes(number)),
    ];
  };

  let code = '';
  let other = '';

  it('reproduces the review: the citizen is in the subject, question, notes and answer, and the public view shows the note', async () => {
    code = await newConsultation({ name: budi.name, email: budi.email, phone: budi.phone, subject: texts.subject[0], message: texts.message[0] });
    other = await newConsultation({ name: bystander.name, email: bystander.email });
    await send(BPKAD_STAFF, 'POST', path(code, '/status'), { status: 'in_progress', note: texts.note[0], internalNote: texts.internalNote[0] });
    await send(BPKAD_STAFF, 'POST', path(code, '/notes'), { text: texts.staffNote[0] });
    await send(BPKAD_STAFF, 'POST', path(code, '/answer'), { text: texts.answer[0] });

    const found = await api.staff(`/api/v1/opds/bpkad/consultations?q=${encodeURIComponent('Budi Santoso')}`);
    assert.equal(found.status, 200);
    assert.deepEqual(assertShape(consultationStaffList, await found.json(), 'search').data.map((c) => c.trackingCode), [code]);
    await send(BPKAD_STAFF, 'POST', path(code, '/status'), { status: 'closed', note: 'Selesai.' });

    assert.ok((await unrecordedPublicText(code)).includes(texts.note[0]), 'before the erasure, anyone with the code reads the note');
    const view = await staffView(code);
    assert.deepEqual(
      [view.subject, view.message, view.timeline[1]?.note, view.timeline[1]?.internalNote, view.notes[0]?.text, view.answer?.text],
      [texts.subject[0], texts.message[0], texts.note[0], texts.internalNote[0], texts.staffNote[0], texts.answer[0]],
    );
  });

  it('records that staff searched and how long the search was, never its text', async () => {
    const entries = await api.server.db.selectFrom('audit_log').select('detail').where('action', '=', 'consultation.list').execute();
    const searches = entries.map((e) => (e.detail as { filters?: { q?: unknown } }).filters?.q).filter((q) => q !== undefined);
    assert.deepEqual(searches, [{ length: 'Budi Santoso'.length }]);
    assert.deepEqual(budiIn(JSON.stringify(entries)), []);
  });

  it('rewrites the search texts audit entries written before to their length (migration 0010)', async () => {
    const written = async (detail: Record<string, unknown>, action = 'consultation.list') =>
      (
        await spineDb()
          .insertInto('audit_log')
          .values({ at: api.clock.now(), actor: 'Petugas lama', action, subject: 'opd:bpkad', opd_slug: 'bpkad', detail: JSON.stringify(detail) })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const old = await written({ filters: { status: 'received', q: 'Budi Santoso' }, trackingCodes: [] });
    const without = await written({ filters: { status: 'closed' }, trackingCodes: [] });
    const otherAction = await written({ filters: { q: 'tetap' } }, 'something.else');
    await auditSearchLength.up(spineDb() as unknown as Kysely<unknown>);
    const details = await spineDb().selectFrom('audit_log').select(['id', 'detail']).where('id', 'in', [old, without, otherAction]).orderBy('id').execute();
    assert.deepEqual(
      details.map((row) => row.detail),
      [
        { filters: { status: 'received', q: { length: 12 } }, trackingCodes: [] },
        { filters: { status: 'closed' }, trackingCodes: [] },
        { filters: { q: 'tetap' } },
      ],
    );
    await auditSearchLength.up(spineDb() as unknown as Kysely<unknown>);
    assert.deepEqual((await spineDb().selectFrom('audit_log').select('detail').where('id', '=', old).executeTakeFirstOrThrow()).detail, details[0]?.detail, 'again: nothing changes');
    await spineDb().deleteFrom('audit_log').where('id', 'in', [without, otherAction]).execute();
  });

  it('exports the notes staff wrote about the citizen’s question with the rest', async () => {
    const response = await send(ADMIN, 'POST', '/api/v1/personal-data/export', { email: budi.email });
    const { records } = assertShape(personalDataExport, await response.json(), 'export');
    assert.deepEqual(records.map((r) => r.subject), [code]);
    const data = records[0]?.data as Record<string, unknown>;
    assert.deepEqual([data.name, data.email, data.phone, data.subject, data.message, data.answer], [
      budi.name,
      budi.email,
      budi.normalizedPhone,
      texts.subject[0],
      texts.message[0],
      texts.answer[0],
    ]);
    const timelineNotes = data.timelineNotes as Array<Record<string, unknown>>;
    assert.deepEqual(
      timelineNotes.map(({ status, note, internalNote }) => ({ status, note, internalNote })),
      [
        { status: 'in_progress', note: texts.note[0], internalNote: texts.internalNote[0] },
        { status: 'closed', note: 'Selesai.', internalNote: undefined },
      ],
    );
    assert.ok(timelineNotes.every((n) => typeof n.at === 'string' && !('by' in n)), 'when, not who');
    assert.deepEqual((data.notes as Array<{ text: string }>).map((n) => n.text), [texts.staffNote[0]]);
  });

  it('erases the citizen from every table, every view and the audit log; the question stays, anonymous; a second erasure finds nothing', async () => {
    const response = await send(ADMIN, 'POST', '/api/v1/personal-data/erase', { email: budi.email, phone: budi.phone });
    assert.deepEqual(assertShape(personalDataErasure, await response.json(), 'erasure').erased, { siap: 1, perjaka: 0, layanan: 0, notify: 0 });

    for (const [table, text] of await everyTable()) assert.deepEqual(budiIn(text), [], `table ${table}`);

    const row = await api.server.db.selectFrom('consultations').selectAll().where('tracking_code', '=', code).executeTakeFirstOrThrow();
    assert.deepEqual([row.name, row.email, row.phone, row.subject, row.message, row.answer_text], [
      ERASED_NAME,
      null,
      null,
      texts.subject[1],
      texts.message[1],
      texts.answer[1],
    ]);
    const events = await api.server.db
      .selectFrom('consultation_events')
      .select(['status', 'note', 'internal_note'])
      .where('consultation_id', '=', row.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(events, [
      { status: 'received', note: null, internal_note: null },
      { status: 'in_progress', note: texts.note[1], internal_note: texts.internalNote[1] },
      { status: 'answered', note: null, internal_note: null },
      { status: 'closed', note: 'Selesai.', internal_note: null },
    ]);
    const notes = await api.server.db.selectFrom('consultation_notes').select('text').where('consultation_id', '=', row.id).execute();
    assert.deepEqual(notes, [{ text: texts.staffNote[1] }]);

    const tracked = await api.publicRequest(`/api/v1/consultations/${code}`);
    assert.equal(tracked.status, 200);
    const publicView = assertShape(consultationPublic, await tracked.json(), 'public view');
    assert.deepEqual(publicView.timeline.map((step) => step.status), ['received', 'in_progress', 'answered', 'closed'], 'the timeline stays');
    assert.equal(publicView.timeline[1]?.note, texts.note[1]);
    assert.equal(publicView.answer?.text, texts.answer[1]);
    for (const email of [BPKAD_STAFF, ADMIN]) {
      const view = await staffView(code, email);
      assert.deepEqual(budiIn(JSON.stringify(view)), [], `the staff view of ${email}`);
      assert.equal(view.status, 'closed');
    }
    for (const q of ['Budi', 'Santoso', NIK, '0812']) {
      const list = await api.staff(`/api/v1/opds/bpkad/consultations?q=${encodeURIComponent(q)}`);
      const found = assertShape(consultationStaffList, await list.json(), q).data.filter((c) => c.trackingCode === code);
      assert.deepEqual(found, [], `a search for ${q} no longer finds it`);
    }
    const audit = await api.server.db.selectFrom('audit_log').selectAll().execute();
    assert.deepEqual(budiIn(JSON.stringify(audit)), [], 'no Budi in the audit log');

    const bystanderView = await staffView(other);
    assert.deepEqual([bystanderView.name, bystanderView.email, bystanderView.subject], [bystander.name, bystander.email, question().subject]);

    const again = await send(ADMIN, 'POST', '/api/v1/personal-data/erase', { email: budi.email, phone: budi.phone });
    assert.deepEqual(assertShape(personalDataErasure, await again.json(), 'again').erased, { siap: 0, perjaka: 0, layanan: 0, notify: 0 });
    const exported = await send(ADMIN, 'POST', '/api/v1/personal-data/export', { email: budi.email, phone: budi.normalizedPhone });
    assert.deepEqual(assertShape(personalDataExport, await exported.json(), 'export after').records, []);

    const counts = await api.as(BPKAD_STAFF, '/api/v1/opds/bpkad/consultations/counts');
    assert.equal(counts.status, 200, 'the statistics still count it');
    assert.ok(((await counts.json()) as { byStatus: { closed: number } }).byStatus.closed >= 1);
  });

  it('expires answered questions left so for the retention period, their free text too; recent, reopened and waiting ones keep theirs', async () => {
    const deps = { db: spineDb(), now: api.clock.now, log: silentLogger, modules: serverModules };
    await send(ADMIN, 'PUT', '/api/v1/privacy', { contactRetentionDays: 30 });

    const old = await newConsultation({ name: answeredLongAgo.name, email: answeredLongAgo.email, phone: answeredLongAgo.phone });
    await send(BPKAD_STAFF, 'POST', path(old, '/answer'), { text: 'Ibu Sari, SP2D sudah terbit. Info lanjut: 0813 1111 2222.' });
    const reopened = await newConsultation({ name: reopenedLately.name, email: reopenedLately.email });
    await send(BPKAD_STAFF, 'POST', path(reopened, '/answer'), { text: 'Sudah terbit.' });
    const waiting = await newConsultation({ name: waitingLong.name, email: waitingLong.email });
    assert.ok((await unrecordedPublicText(old)).includes('Ibu Sari'), 'before the period ends, the answer names her');

    api.clock.advance(20 * DAY);
    await send(BPKAD_STAFF, 'POST', path(reopened, '/status'), { status: 'in_progress', internalNote: 'Tono bertanya lagi.' });
    await send(BPKAD_STAFF, 'POST', path(reopened, '/answer'), { text: 'Sudah kami cek lagi: terbit.' });
    const lately = await newConsultation({ name: answeredLately.name, email: answeredLately.email });
    await send(BPKAD_STAFF, 'POST', path(lately, '/answer'), { text: 'Ibu Rina, sudah terbit.' });
    api.clock.advance(15 * DAY); // 35 days after `old` was answered, 15 after the others' last step

    const run = await runRetention(deps);
    assert.equal(run.outcome, 'ran');
    assert.ok((run.erased.siap ?? 0) >= 1);

    const expired = await staffView(old);
    assert.deepEqual([expired.name, expired.email, expired.phone, expired.status], [ERASED_NAME, null, null, 'answered']);
    assert.equal(expired.answer?.text, `Ibu ${ERASED_NAME}, SP2D sudah terbit. Info lanjut: ${ERASED_NAME}.`);
    assert.ok(expired.contactErasedAt);
    const tracked = await api.publicRequest(`/api/v1/consultations/${old}`);
    assert.equal(tracked.status, 200, 'the sweep checks it holds nothing of hers');
    for (const [kept, who] of [
      [reopened, reopenedLately],
      [lately, answeredLately],
      [waiting, waitingLong],
    ] as const) {
      const view = await staffView(kept);
      assert.deepEqual([view.name, view.email, view.contactErasedAt], [who.name, who.email, null], `${who.name} keeps theirs`);
    }
    assert.equal((await staffView(lately)).answer?.text, 'Ibu Rina, sudah terbit.');

    const next = await runRetention(deps);
    assert.deepEqual(next.erased, { siap: 0, perjaka: 0, layanan: 0, notify: 0 }, 'a later run finds nothing more');
    await send(ADMIN, 'PUT', '/api/v1/privacy', { contactRetentionDays: null });
  });
});
