/**
 * Personal data under UU 27/2022, the spine's part, over real HTTP on both stores: one
 * citizen's data exported (found by e-mail or by phone however written) and erased on request,
 * each audited with the person and never the data; the audit log filtered, paged and exported
 * as CSV (RFC 4180, formula cells defused); the retention setting, and the retention job that
 * erases only contacts of cases closed before the cutoff, once even when two runs race, and
 * purges the spine's housekeeping rows (sign-in failures, sign-ins, idempotency keys) past their use.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import {
  auditEntry,
  consultationStaff,
  listPage,
  personalDataErasure,
  personalDataExport,
  privacySettings,
  type AuditEntryView,
  type ConsultationStaff,
} from '../../../src/schemas/index.js';
import { buildClient } from '../../../src/client.js';
import { ApiError, ValidationError } from '../../../src/errors.js';
import { auth } from '../../../src/namespaces/auth.js';
import { privacy } from '../../../src/namespaces/privacy.js';
import { addUser } from '../../../server/src/auth/users.js';
import type { Database } from '../../../server/src/db/schema.js';
import { silentLogger } from '../../../server/src/log.js';
import { ERASED_NAME } from '../../../server/src/modules/consultations/privacy.js';
import { serverModules } from '../../../server/src/modules/index.js';
import { csvCell, csvRow } from '../../../server/src/privacy/csv.js';
import { RETENTION_LOCK, runRetention, type RetentionRun } from '../../../server/src/privacy/retention.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';
import { DEMO_PASSWORD } from '../../helpers/server.js';
import { siapRequests } from '../../helpers/siap.js';

const DAY = 24 * 60 * 60 * 1000;
const ADMIN = 'admin@lahat.demo';
const BPKAD_STAFF = 'bpkad@lahat.demo';

/** A citizen who asks for their data, then for its erasure. */
const asker = { name: 'Rudi Hartono Peminta Data', email: 'rudi.peminta.data@example.com', phone: '0812-7777-3131', normalizedPhone: '+6281277773131' };
/** Another citizen, whose question nothing here may touch. */
const bystander = { name: 'Wulan Tidak Terlibat', email: 'wulan.tidak.terlibat@example.com' };
/** Citizens of the retention test. */
const longClosed = { name: 'Joko Lama Selesai', email: 'joko.lama.selesai@example.com' };
const recentlyClosed = { name: 'Ani Baru Selesai', email: 'ani.baru.selesai@example.com' };
const stillOpen = { name: 'Dedi Masih Menunggu', email: 'dedi.masih.menunggu@example.com' };
/** A staff member whose name a spreadsheet would run as a formula. */
const FORMULA_NAME = '=HYPERLINK("https://evil.example","klik"),x';
const FORMULA_USER = 'formula.admin@lahat.test';

registerPersonalData({
  module: 'privacy',
  values: [
    asker.name,
    asker.email,
    asker.normalizedPhone,
    bystander.name,
    bystander.email,
    longClosed.name,
    longClosed.email,
    recentlyClosed.name,
    recentlyClosed.email,
    stillOpen.name,
    stillOpen.email,
  ],
});

describe('CSV cells', () => {
  it('quotes as RFC 4180 says and defuses cells a spreadsheet would run as formulas', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(42), '42');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\r\nlines'), '"two\r\nlines"');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) assert.equal(csvCell(`${start}1+1`).replace(/^"|"$/g, ''), `'${start}1+1`);
    assert.equal(csvCell('=SUM(A1,A2)'), `"'=SUM(A1,A2)"`);
    assert.equal(csvCell('a=b'), 'a=b', 'only at the start');
    assert.equal(csvRow(['a', null, 'b,c']), 'a,,"b,c"\r\n');
  });
});

/** The records of an RFC 4180 text (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  assert.equal(cell, '', 'the text ends with a line end');
  return rows;
}

describeApi('privacy', { publicResponses: 8 }, (api) => {
  const { newConsultation } = siapRequests(api);
  const spineDb = () => api.server.db as unknown as Kysely<Database>;
  const send = (email: string, method: string, path: string, body?: unknown) =>
    api.as(email, path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const staffView = async (code: string): Promise<ConsultationStaff> =>
    assertShape(consultationStaff, await (await api.as(BPKAD_STAFF, `/api/v1/opds/bpkad/consultations/${code}`)).json(), 'staff view');
  const close = async (code: string) => {
    const response = await send(BPKAD_STAFF, 'POST', `/api/v1/opds/bpkad/consultations/${code}/status`, { status: 'closed', note: 'Selesai.' });
    assert.equal(response.status, 200, await response.clone().text());
  };
  const auditList = async (query: string, email = ADMIN): Promise<{ data: AuditEntryView[]; nextCursor: string | null }> => {
    const response = await api.as(email, `/api/v1/audit?${query}`);
    assert.equal(response.status, 200, `${query}: ${await response.clone().text()}`);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    return assertShape(listPage(auditEntry), await response.json(), query);
  };
  /** Every entry of a filter, page by page. */
  const allEntries = async (query: string, limit = 100): Promise<AuditEntryView[]> => {
    const entries: AuditEntryView[] = [];
    let cursor: string | null = null;
    do {
      const page = await auditList(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      entries.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    return entries;
  };
  const adminId = async () => (await api.server.db.selectFrom('staff_users').select('id').where('email', '=', ADMIN).executeTakeFirstOrThrow()).id;

  const codes: { both?: string; phoneOnly?: string; other?: string } = {};

  it('exports a citizen’s questions found by e-mail or by phone however written, audited with the person and never the data', async () => {
    codes.both = await newConsultation({ name: asker.name, email: asker.email, phone: asker.phone });
    codes.phoneOnly = await newConsultation({ name: asker.name, email: undefined, phone: '+62 812 7777 3131', subject: 'Pertanyaan kedua' });
    codes.other = await newConsultation({ name: bystander.name, email: bystander.email });

    const exported = async (subject: Record<string, string>) => {
      const response = await send(ADMIN, 'POST', '/api/v1/personal-data/export', subject);
      assert.equal(response.status, 200, await response.clone().text());
      assert.equal(response.headers.get('cache-control'), 'no-store');
      return assertShape(personalDataExport, await response.json(), 'export');
    };
    const byEmail = await exported({ email: `  ${asker.email.toUpperCase()} ` });
    assert.deepEqual(byEmail.records.map((r) => r.subject), [codes.both]);
    const [record] = byEmail.records;
    assert.equal(record?.module, 'siap');
    assert.equal(record?.opd, 'bpkad');
    assert.equal(record?.data.name, asker.name);
    assert.equal(record?.data.email, asker.email);
    assert.equal(record?.data.phone, asker.normalizedPhone);
    const byPhone = await exported({ phone: '081277773131' });
    assert.deepEqual(byPhone.records.map((r) => r.subject), [codes.both, codes.phoneOnly], 'oldest first');
    assert.deepEqual((await exported({ email: asker.email, phone: asker.phone })).records.length, 2);
    assert.deepEqual((await exported({ email: 'nobody.here@example.com' })).records, []);

    await assertProblem(await send(ADMIN, 'POST', '/api/v1/personal-data/export', {}), 422, 'validation', 'email');
    await assertProblem(await send(BPKAD_STAFF, 'POST', '/api/v1/personal-data/export', { email: asker.email }), 403, 'forbidden');

    const entries = await api.server.db.selectFrom('audit_log').selectAll().where('action', '=', 'personal-data.export').orderBy('id').execute();
    const id = await adminId();
    assert.ok(entries.every((e) => e.actor_id === id && e.actor_email === ADMIN), 'each names who asked');
    const text = JSON.stringify(entries);
    for (const value of [asker.name, asker.email, asker.normalizedPhone, '7777', 'nobody.here']) {
      assert.ok(!text.includes(value), `the audit log holds no ${value}`);
    }
    const requests = entries.filter((e) => e.subject === 'personal-data');
    assert.deepEqual(
      requests.map((e) => e.detail),
      [
        { by: ['email'], records: { perjaka: 0, siap: 1, layanan: 0, notify: 0 } },
        { by: ['phone'], records: { perjaka: 0, siap: 2, layanan: 0, notify: 0 } },
        { by: ['email', 'phone'], records: { perjaka: 0, siap: 2, layanan: 0, notify: 0 } },
        { by: ['email'], records: { perjaka: 0, siap: 0, layanan: 0, notify: 0 } },
      ],
    );
    const perCase = entries.filter((e) => e.subject !== 'personal-data');
    assert.deepEqual(
      perCase.map((e) => e.subject),
      [codes.both, codes.both, codes.phoneOnly, codes.both, codes.phoneOnly],
      'a case’s history shows every export of it',
    );
    assert.ok(perCase.every((e) => e.opd_slug === 'bpkad' && e.detail.module === 'siap'));
  });

  it('erases a citizen’s contact everywhere: the staff view keeps the question but no contact, and the erasure is audited', async () => {
    const response = await send(ADMIN, 'POST', '/api/v1/personal-data/erase', { email: asker.email, phone: asker.phone });
    assert.equal(response.status, 200, await response.clone().text());
    const erased = assertShape(personalDataErasure, await response.json(), 'erasure');
    assert.deepEqual(erased.erased, { perjaka: 0, siap: 2, layanan: 0, notify: 0 });

    for (const code of [codes.both, codes.phoneOnly] as string[]) {
      const view = await staffView(code);
      assert.equal(view.name, ERASED_NAME);
      assert.equal(view.email, null);
      assert.equal(view.phone, null);
      assert.equal(view.contactErasedAt, erased.erasedAt);
      const text = JSON.stringify(view);
      for (const value of [asker.name, asker.email, asker.normalizedPhone]) assert.ok(!text.includes(value), `no ${value} in the staff view`);
    }
    assert.equal((await staffView(codes.both as string)).subject, 'Kapan SP2D belanja modal terbit?', 'the question stays');
    for (const code of Object.values(codes)) {
      const tracked = await api.publicRequest(`/api/v1/consultations/${code}`);
      assert.equal(tracked.status, 200, 'the citizen still tracks it (the sweep checks it shows no contact)');
    }
    assert.equal((await staffView(codes.other as string)).email, bystander.email, 'another citizen keeps theirs');

    const again = await send(ADMIN, 'POST', '/api/v1/personal-data/export', { email: asker.email, phone: asker.phone });
    assert.deepEqual(assertShape(personalDataExport, await again.json(), 'export after').records, []);
    const twice = assertShape(personalDataErasure, await (await send(ADMIN, 'POST', '/api/v1/personal-data/erase', { email: asker.email })).json(), 'again');
    assert.deepEqual(twice.erased, { perjaka: 0, siap: 0, layanan: 0, notify: 0 });

    const entries = await api.server.db.selectFrom('audit_log').selectAll().where('action', '=', 'personal-data.erase').orderBy('id').execute();
    assert.deepEqual(
      entries.map((e) => [e.subject, e.actor_email, e.detail]),
      [
        [codes.both, ADMIN, { module: 'siap', by: ['email', 'phone'] }],
        [codes.phoneOnly, ADMIN, { module: 'siap', by: ['email', 'phone'] }],
        ['personal-data', ADMIN, { by: ['email', 'phone'], records: { perjaka: 0, siap: 2, layanan: 0, notify: 0 } }],
        ['personal-data', ADMIN, { by: ['email'], records: { perjaka: 0, siap: 0, layanan: 0, notify: 0 } }],
      ],
    );
    await assertProblem(await send(BPKAD_STAFF, 'POST', '/api/v1/personal-data/erase', { email: bystander.email }), 403, 'forbidden');
    assert.equal((await staffView(codes.other as string)).email, bystander.email);
  });

  it('lists the audit log newest first with filters that combine, in cursor pages', async () => {
    const id = await adminId();
    const all = await allEntries('actor=ADMIN@lahat.demo');
    assert.ok(all.length >= 12, `${all.length} entries by the admin`);
    assert.ok(all.every((e) => e.actor.id === id && e.actor.email === ADMIN && e.actor.name === 'Admin Diskominfo (demo)'));
    for (let i = 1; i < all.length; i++) {
      const [newer, older] = [all[i - 1] as AuditEntryView, all[i] as AuditEntryView];
      assert.ok(newer.at > older.at || (newer.at === older.at && Number(newer.id) > Number(older.id)), 'newest first');
    }
    assert.deepEqual(await allEntries(`actor=${id}`, 3), all, 'by id, in pages of 3, the same entries');

    const erasures = await allEntries('action=personal-data.erase');
    assert.equal(erasures.length, 4);
    const personal = await allEntries('action=personal-data.');
    assert.equal(personal.length, erasures.length + 10, 'a prefix: exports and erasures');
    assert.deepEqual(await allEntries('action=personal-data.erase&subject=personal-data'), erasures.filter((e) => e.subject === 'personal-data'));
    const ofCase = await allEntries(`subject=${codes.both}`);
    assert.ok(ofCase.some((e) => e.action === 'personal-data.erase') && ofCase.some((e) => e.action === 'personal-data.export'));
    assert.ok(ofCase.some((e) => e.action === 'consultation.view' && e.actor.email === BPKAD_STAFF), 'staff reads of it too');
    assert.deepEqual(await allEntries('action=%25'), [], 'a % is a character, not a wildcard');

    const bpkad = await allEntries('opd=bpkad');
    assert.ok(bpkad.length > 0 && bpkad.every((e) => e.opd === 'bpkad'));
    const [newest] = erasures;
    const at = newest?.at as string;
    const upTo = await allEntries(`action=personal-data.erase&to=${encodeURIComponent(at)}`);
    assert.deepEqual(upTo, erasures.filter((e) => e.at < at), '`to` is exclusive');
    const since = await allEntries(`action=personal-data.erase&from=${encodeURIComponent(at)}`);
    assert.deepEqual(since, erasures.filter((e) => e.at >= at), '`from` is inclusive');
    assert.deepEqual(await allEntries('action=personal-data.&from=1970-01-01T00:00:00Z&to=9999-12-31T23:59:59Z'), personal);

    await assertProblem(await api.staff('/api/v1/audit?cursor=nonsense'), 400, 'validation', 'cursor');
    await assertProblem(await api.staff('/api/v1/audit?from=yesterday'), 400, 'validation', 'from');
    await assertProblem(await api.staff('/api/v1/audit?opd=Not%20A%20Slug'), 400, 'validation', 'opd');
    await assertProblem(await api.staff('/api/v1/audit?limit=101'), 400, 'validation', 'limit');
    await assertProblem(await api.as(BPKAD_STAFF, '/api/v1/audit'), 403, 'forbidden');
  });

  it('exports the audit log as CSV: every matching entry, a header row, RFC 4180 quoting, formula cells defused; the export audited', async () => {
    await addUser(
      spineDb(),
      { email: FORMULA_USER, name: FORMULA_NAME, role: 'opd_admin', opd: 'bpkad', password: DEMO_PASSWORD, mustChangePassword: false },
      api.clock.now(),
    );
    // Signing in is audited under the person's name; so is a change.
    const renamed = await send(FORMULA_USER, 'PATCH', '/api/v1/opds/bpkad', { nameEn: 'Regional Finance, "Assets" and\nMore' });
    assert.equal(renamed.status, 200, await renamed.clone().text());

    const response = await api.staff(`/api/v1/audit.csv?actor=${FORMULA_USER}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="audit-log-2025-03-\d\d\.csv"$/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const text = await response.text();
    assert.ok(text.includes(`"'=HYPERLINK(""https://evil.example"",""klik""),x"`), 'the name: defused, then quoted');
    const rows = parseCsv(text);
    assert.deepEqual(rows[0], ['id', 'at', 'actor_id', 'actor_email', 'actor_name', 'action', 'subject', 'opd', 'detail']);
    const body = rows.slice(1);
    assert.deepEqual(body.map((r) => r[5]), ['opd.update', 'auth.login'], 'newest first');
    assert.ok(body.every((r) => r.length === 9 && r[4] === `'${FORMULA_NAME}` && r[3] === FORMULA_USER));
    const detail = JSON.parse(body[0]?.[8] ?? '') as { nameEn: { to: string } };
    assert.equal(detail.nameEn.to, 'Regional Finance, "Assets" and\nMore', 'a JSON cell with quotes, commas and a line break survives');
    assert.equal(body[0]?.[7], 'bpkad');

    // Every matching entry, not a page: the same as the list walked to its end.
    const everything = parseCsv(await (await api.staff('/api/v1/audit.csv?action=personal-data.&limit=1')).text()).slice(1);
    const listed = await allEntries('action=personal-data.');
    assert.deepEqual(everything.map((r) => r[0]), listed.map((e) => e.id));

    const exports = await api.server.db.selectFrom('audit_log').selectAll().where('action', '=', 'audit.export').orderBy('id').execute();
    assert.deepEqual(
      exports.map((e) => [e.actor_email, e.detail]),
      [
        [ADMIN, { filters: { actor: FORMULA_USER }, rows: 2 }],
        [ADMIN, { filters: { action: 'personal-data.' }, rows: listed.length }],
      ],
    );
    await assertProblem(await api.as(FORMULA_USER, '/api/v1/audit.csv'), 403, 'forbidden');
    const restored = await send(ADMIN, 'PATCH', '/api/v1/opds/bpkad', { nameEn: 'Regional Finance and Asset Management Agency (BPKAD)' });
    assert.equal(restored.status, 200);
  });

  it('keeps the retention period, and erases only contacts of cases closed before the cutoff, once even when two runs race', async () => {
    const deps = { db: spineDb(), now: api.clock.now, log: silentLogger, modules: serverModules };
    const settings = async () => assertShape(privacySettings, await (await api.staff('/api/v1/privacy')).json(), 'settings');
    assert.deepEqual(await settings(), { contactRetentionDays: null });
    assert.equal((await runRetention(deps)).outcome, 'off', 'no period set: nothing erased');

    await assertProblem(await send(ADMIN, 'PUT', '/api/v1/privacy', { contactRetentionDays: 7 }), 422, 'validation', 'contactRetentionDays');
    await assertProblem(await send(ADMIN, 'PUT', '/api/v1/privacy', { contactRetentionDays: 30.5 }), 422, 'validation', 'contactRetentionDays');
    await assertProblem(await send(BPKAD_STAFF, 'PUT', '/api/v1/privacy', { contactRetentionDays: 30 }), 403, 'forbidden');
    const set = await send(ADMIN, 'PUT', '/api/v1/privacy', { contactRetentionDays: 30 });
    assert.equal(set.status, 200);
    assert.deepEqual(await set.json(), { contactRetentionDays: 30 });
    assert.deepEqual(await settings(), { contactRetentionDays: 30 });
    const changed = await api.server.db.selectFrom('audit_log').selectAll().where('action', '=', 'privacy.settings').execute();
    assert.deepEqual(changed.map((e) => [e.actor_email, e.detail]), [[ADMIN, { contactRetentionDays: { from: null, to: 30 } }]]);

    const old = await newConsultation({ name: longClosed.name, email: longClosed.email });
    const waiting = await newConsultation({ name: stillOpen.name, email: stillOpen.email });
    await close(old);
    api.clock.advance(20 * DAY);
    const recent = await newConsultation({ name: recentlyClosed.name, email: recentlyClosed.email });
    await close(recent);
    api.clock.advance(15 * DAY); // the cutoff is now 5 days after `old` was closed, 15 before `recent` was

    const erasedCount = async () =>
      Number(
        (
          await api.server.db
            .selectFrom('consultations')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .where('contact_erased_at', 'is not', null)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await erasedCount();
    const runs: RetentionRun[] = await Promise.all([runRetention(deps), runRetention(deps)]);
    const erased = runs.reduce((sum, run) => sum + (run.erased.siap ?? 0), 0);
    assert.ok(erased >= 1, 'the long-closed question at least');
    assert.equal(erased, (await erasedCount()) - before, 'each contact erased once');
    assert.ok(runs.every((run) => run.outcome === 'ran' || run.outcome === 'busy'));

    const oldView = await staffView(old);
    assert.equal(oldView.email, null);
    assert.equal(oldView.name, ERASED_NAME);
    assert.equal((await staffView(recent)).email, recentlyClosed.email, 'closed after the cutoff: kept');
    assert.equal((await staffView(waiting)).email, stillOpen.email, 'not closed: kept, however old');
    for (const code of [old, recent]) assert.equal((await api.publicRequest(`/api/v1/consultations/${code}`)).status, 200);
    assert.equal((await staffView(codes.other as string)).email, bystander.email, 'open, kept');

    const [entry, ...more] = await allEntries('actor=retention');
    assert.equal(more.length, 0, 'one audit entry for the erasing run');
    assert.deepEqual(entry?.actor, { id: null, email: null, name: 'retention' });
    assert.equal(entry?.action, 'retention.erase');
    assert.equal(entry?.detail.contactRetentionDays, 30);
    assert.deepEqual(entry?.detail.erased, { perjaka: 0, siap: erased, layanan: 0, notify: 0 });
    // What the erasing run purged besides (sign-ins of the first days, expired a month ago) is in its entry.
    const erasing = runs.find((run) => (run.erased.siap ?? 0) > 0);
    assert.deepEqual(entry?.detail.purged, erasing?.purged);
    assert.ok((erasing?.purged.staffTokens ?? 0) > 0, 'the sign-ins of day 0 expired 34 days ago');
    const cutoff = Date.parse(String(entry?.detail.closedBefore));
    assert.ok(Math.abs(cutoff - (api.clock.now().getTime() - 30 * DAY)) < 60_000, 'the cutoff is 30 days back');

    const next = await runRetention(deps);
    assert.deepEqual([next.outcome, next.erased], ['ran', { perjaka: 0, siap: 0, layanan: 0, notify: 0 }], 'a later run finds nothing more');
    assert.equal((await allEntries('actor=retention')).length, 1, 'and writes no entry');

    if (api.store === 'postgres') {
      // Another instance holding the lock: this one skips the run rather than wait.
      await spineDb()
        .transaction()
        .execute(async (trx) => {
          await sql`select pg_advisory_xact_lock(${RETENTION_LOCK})`.execute(trx);
          assert.equal((await runRetention(deps)).outcome, 'busy');
        });
    }

    const off = await send(ADMIN, 'PUT', '/api/v1/privacy', { contactRetentionDays: null });
    assert.deepEqual(await off.json(), { contactRetentionDays: null });
    assert.equal((await runRetention(deps)).outcome, 'off');
  });

  it('purges what only grows: spent sign-in failures, sign-ins a month past their end, idempotency keys after a week', async () => {
    const deps = { db: spineDb(), now: api.clock.now, log: silentLogger, modules: serverModules };
    await runRetention(deps); // whatever earlier tests left for it
    const now = api.clock.now().getTime();
    const at = (ms: number) => new Date(now + ms);
    const MIN = 60_000;
    const HOUR = 60 * MIN;
    const db = spineDb();

    // Sign-in failures: the window is 15 minutes from the first failure; a lock has its own end.
    await db
      .insertInto('login_failures')
      .values([
        { email: 'purge.window-long-gone@lahat.test', failures: 2, first_failed_at: at(-3 * DAY), locked_until: null },
        { email: 'purge.window-ended-a-day-ago@lahat.test', failures: 1, first_failed_at: at(-DAY - 20 * MIN), locked_until: null },
        { email: 'purge.lock-ended-2-days-ago@lahat.test', failures: 5, first_failed_at: at(-2 * DAY - HOUR), locked_until: at(-2 * DAY) },
        { email: 'keep.window-ended-under-a-day-ago@lahat.test', failures: 1, first_failed_at: at(-DAY - 10 * MIN), locked_until: null },
        { email: 'keep.lock-ended-under-a-day-ago@lahat.test', failures: 5, first_failed_at: at(-3 * DAY), locked_until: at(-23 * HOUR) },
        { email: 'keep.counting-now@lahat.test', failures: 3, first_failed_at: at(-5 * MIN), locked_until: null },
      ])
      .execute();
    // Sign-ins: one expired 31 days ago, one 29; one revoked 31 days ago, one 29 (both still before their expiry); a live one.
    const userId = await adminId();
    const token = (id: string, expires: number, revoked: number | null) => ({
      id,
      token_hash: `hash-of-${id}`,
      user_id: userId,
      kind: 'bearer',
      created_at: at(Math.min(expires, revoked ?? expires) - 12 * HOUR),
      expires_at: at(expires),
      last_used_at: at(Math.min(expires, revoked ?? expires) - HOUR),
      revoked_at: revoked === null ? null : at(revoked),
    });
    await db
      .insertInto('staff_tokens')
      .values([
        token('tok_purge_expired_31d', -31 * DAY, null),
        token('tok_purge_revoked_31d', 2 * HOUR, -31 * DAY),
        token('tok_keep_expired_29d', -29 * DAY, null),
        token('tok_keep_revoked_29d', 2 * HOUR, -29 * DAY),
        token('tok_keep_live', 6 * HOUR, null),
      ])
      .execute();
    // Idempotency keys: 8 days old and 6.
    const key = (name: string, age: number) => ({
      scope: 'purge-test',
      key: name,
      request_hash: 'h',
      response_status: 201,
      response_body: JSON.stringify({ ok: true }),
      created_at: at(-age),
    });
    await db.insertInto('idempotency_keys').values([key('purge-8-days', 8 * DAY), key('keep-6-days', 6 * DAY)]).execute();
    // Outbox events: dispatched 8 days ago and 6; one never dispatched, 30 days old.
    const event = (name: string, created: number, sent: number | null) => ({ topic: `purge-test.${name}`, payload: JSON.stringify({}), created_at: at(created), sent_at: sent === null ? null : at(sent) });
    await db.insertInto('outbox').values([event('purge-sent-8d', -8 * DAY - HOUR, -8 * DAY), event('keep-sent-6d', -6 * DAY - HOUR, -6 * DAY), event('keep-unsent', -30 * DAY, null)]).execute();

    const entriesBefore = (await allEntries('actor=retention')).length;
    const run = await runRetention(deps);
    assert.equal(run.outcome, 'off', 'no retention period set: the housekeeping runs all the same');
    assert.deepEqual(run.purged, { loginFailures: 3, staffTokens: 2, idempotencyKeys: 1, outboxEvents: 1 });

    const failures = await db.selectFrom('login_failures').select('email').where('email', 'like', '%@lahat.test').execute();
    assert.deepEqual(
      failures.map((f) => f.email).sort(),
      ['keep.counting-now@lahat.test', 'keep.lock-ended-under-a-day-ago@lahat.test', 'keep.window-ended-under-a-day-ago@lahat.test'],
    );
    const tokens = await db.selectFrom('staff_tokens').select('id').where('token_hash', 'like', 'hash-of-%').execute();
    assert.deepEqual(
      tokens.map((t) => t.id).sort(),
      ['tok_keep_expired_29d', 'tok_keep_live', 'tok_keep_revoked_29d'],
    );
    const keys = await db.selectFrom('idempotency_keys').select('key').where('scope', '=', 'purge-test').execute();
    assert.deepEqual(keys.map((k) => k.key), ['keep-6-days']);
    const events = await db.selectFrom('outbox').select('topic').where('topic', 'like', 'purge-test.%').orderBy('topic').execute();
    assert.deepEqual(events.map((e) => e.topic), ['purge-test.keep-sent-6d', 'purge-test.keep-unsent'], 'an event not yet dispatched is never deleted');
    assert.equal((await allEntries('actor=retention')).length, entriesBefore, 'housekeeping alone writes no audit entry');

    const again = await runRetention(deps);
    assert.deepEqual(again.purged, { loginFailures: 0, staffTokens: 0, idempotencyKeys: 0, outboxEvents: 0 }, 'a run right after finds nothing more');
    await db.deleteFrom('outbox').where('topic', 'like', 'purge-test.%').execute();
    await db.deleteFrom('staff_tokens').where('token_hash', 'like', 'hash-of-%').execute();
    await db.deleteFrom('login_failures').where('email', 'like', 'keep.%@lahat.test').execute();
  });

  it('is in the SDK as client.privacy, for the regency admin', async () => {
    const client = buildClient({ baseUrl: api.server.url, retries: 0 }, { auth, privacy });
    await client.auth.login(ADMIN, DEMO_PASSWORD);
    const erasures = await client.privacy.audit({ action: 'personal-data.erase', limit: 1 }).toArray();
    assert.deepEqual(erasures, await allEntries('action=personal-data.erase'), 'pages followed by the iterator');
    const csv = await client.privacy.auditCsv({ action: 'personal-data.erase' });
    assert.equal(parseCsv(csv).length, erasures.length + 1);
    assert.deepEqual(await client.privacy.settings.set({ contactRetentionDays: 365 }), { contactRetentionDays: 365 });
    assert.deepEqual(await client.privacy.settings.get(), { contactRetentionDays: 365 });
    const exported = await client.privacy.exportPersonalData({ email: bystander.email });
    assert.deepEqual(exported.records.map((r) => r.subject), [codes.other]);
    await assert.rejects(client.privacy.erasePersonalData({}), ValidationError, 'checked before sending');
    assert.deepEqual((await client.privacy.erasePersonalData({ email: 'nobody.here@example.com' })).erased, { perjaka: 0, siap: 0, layanan: 0, notify: 0 });

    const staff = buildClient({ baseUrl: api.server.url, retries: 0 }, { auth, privacy });
    await staff.auth.login(BPKAD_STAFF, DEMO_PASSWORD);
    await assert.rejects(staff.privacy.settings.get(), (error: unknown) => error instanceof ApiError && error.status === 403 && error.code === 'forbidden');
  });
});
