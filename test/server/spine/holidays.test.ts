/**
 * The regency's days off, over real HTTP on both stores: staff list them per year (2025 and
 * 2026 come filled in from the SKB), add, rename and remove one, each change in the audit
 * log; a question asked after a day off was added is due a working day later, and is not
 * overdue before then (receipt, public view and the staff list's `overdue` filter agree).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { consultationPublic, consultationReceipt, consultationStaffList, holiday, holidayList } from '../../../src/schemas/index.js';
import { INDONESIAN_HOLIDAYS_2025_2026 } from '../../../server/src/db/migrations/0003-holidays.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { question, siapRequests } from '../../helpers/siap.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** A day off the tests add: Friday 7 March 2025, two days after the suite's clock starts. */
const REGIONAL_DAY = '2025-03-07';

describeApi('holidays', { publicResponses: 4 }, (api) => {
  const { ask } = siapRequests(api);
  const put = (date: string, body: unknown) =>
    api.staff(`/api/v1/holidays/${date}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const remove = (date: string) => api.staff(`/api/v1/holidays/${date}`, { method: 'DELETE' });
  const year = async (y: number) => {
    const response = await api.staff(`/api/v1/holidays?year=${y}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    return assertShape(holidayList, await response.json(), 'holiday list');
  };
  const auditOf = (date: string) =>
    api.server.db
      .selectFrom('audit_log')
      .select(['actor', 'actor_email', 'action', 'detail'])
      .where('subject', '=', `holiday:${date}`)
      .orderBy('id')
      .execute();

  it('lists the national holidays and cuti bersama of 2025 and 2026 from the SKB, in date order', async () => {
    const list2026 = await year(2026);
    assert.equal(list2026.nextCursor, null);
    assert.deepEqual(
      list2026.data,
      INDONESIAN_HOLIDAYS_2025_2026.filter((day) => day.date.startsWith('2026')),
    );
    assert.equal(list2026.data.length, 25);
    assert.deepEqual(list2026.data.find((day) => day.date === '2026-03-20'), {
      date: '2026-03-20',
      name: 'Cuti bersama Idulfitri 1447 Hijriah',
      kind: 'cuti-bersama',
    });
    assert.equal((await year(2025)).data.length, 28);
    assert.deepEqual((await year(2027)).data, [], 'a year no one filled in yet is empty');
  });

  it('lets only staff read or change the list, and says which year to give', async () => {
    await assertProblem(await api.publicRequest('/api/v1/holidays?year=2026'), 401, 'unauthorized');
    await assertProblem(
      await api.publicRequest(`/api/v1/holidays/${REGIONAL_DAY}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'X', kind: 'regional' }),
      }),
      401,
      'unauthorized',
    );
    await assertProblem(await api.publicRequest(`/api/v1/holidays/2026-01-01`, { method: 'DELETE' }), 401, 'unauthorized');
    // OPD staff read the days off (their due dates skip them); only a regency admin changes them.
    assert.equal((await api.as('bpkad@lahat.demo', '/api/v1/holidays?year=2026')).status, 200);
    const refused = await assertProblem(
      await api.as('bpkad@lahat.demo', `/api/v1/holidays/2026-01-01`, { method: 'DELETE' }),
      403,
      'forbidden',
    );
    assert.match(refused.detail ?? '', /only a regency admin may do this/);
    await assertProblem(await api.staff('/api/v1/holidays'), 400, 'validation', 'year');
    await assertProblem(await api.staff('/api/v1/holidays?year=1999'), 400, 'validation', 'year');
    await assertProblem(await api.staff('/api/v1/holidays?year=dua-ribu'), 400, 'validation', 'year');
    assert.equal((await year(2026)).data.length, 25, 'nothing changed');
  });

  it('adds a day off, renames it, and records both in the audit log with what was there before', async () => {
    const added = await put(REGIONAL_DAY, { name: '  Libur daerah (contoh)  ', kind: 'regional' });
    assert.equal(added.status, 200);
    assert.deepEqual(assertShape(holiday, await added.json(), 'holiday'), {
      date: REGIONAL_DAY,
      name: 'Libur daerah (contoh)',
      kind: 'regional',
    });
    const renamed = await put(REGIONAL_DAY, { name: 'Hari libur daerah (contoh)', kind: 'regional' });
    assert.equal(renamed.status, 200);
    const in2025 = (await year(2025)).data;
    assert.equal(in2025.length, 29);
    assert.deepEqual(in2025.find((day) => day.date === REGIONAL_DAY), {
      date: REGIONAL_DAY,
      name: 'Hari libur daerah (contoh)',
      kind: 'regional',
    });
    assert.deepEqual(await auditOf(REGIONAL_DAY), [
      {
        actor: 'Admin Diskominfo (demo)',
        actor_email: 'admin@lahat.demo',
        action: 'holiday.put',
        detail: { name: 'Libur daerah (contoh)', kind: 'regional', before: null },
      },
      {
        actor: 'Admin Diskominfo (demo)',
        actor_email: 'admin@lahat.demo',
        action: 'holiday.put',
        detail: { name: 'Hari libur daerah (contoh)', kind: 'regional', before: { name: 'Libur daerah (contoh)', kind: 'regional' } },
      },
    ]);
  });

  it('refuses a day off without a name or with an unknown kind, and a date that does not exist', async () => {
    await assertProblem(await put('2025-03-10', { name: ' ', kind: 'regional' }), 422, 'validation', 'name');
    await assertProblem(await put('2025-03-10', { name: 'Libur', kind: 'holiday' }), 422, 'validation', 'kind');
    const notADay = await assertProblem(await put('2025-02-29', { name: 'Libur', kind: 'regional' }), 404, 'not-found');
    assert.match(notADay.detail ?? '', /2025-02-29 is not a day: write it as YYYY-MM-DD/);
    await assertProblem(await put('10-03-2025', { name: 'Libur', kind: 'regional' }), 404, 'not-found');
    // Days the database cannot hold (year 0) or the list never shows (outside 2000–2100): 404, not 500.
    for (const day of ['0000-01-01', '1999-12-31', '2101-01-01']) {
      await assertProblem(await put(day, { name: 'Libur', kind: 'regional' }), 404, 'not-found');
      await assertProblem(await remove(day), 404, 'not-found');
    }
    assert.ok(!(await year(2025)).data.some((day) => day.date === '2025-03-10'));
    assert.deepEqual(await auditOf('2025-03-10'), []);
  });

  it('removes a day off (204, audited) and answers 404 for a day that is not one', async () => {
    const date = '2025-03-14';
    assert.equal((await put(date, { name: 'Libur sementara (contoh)', kind: 'regional' })).status, 200);
    const removed = await remove(date);
    assert.equal(removed.status, 204);
    assert.equal(await removed.text(), '');
    assert.ok(!(await year(2025)).data.some((day) => day.date === date));
    const again = await assertProblem(await remove(date), 404, 'not-found');
    assert.match(again.detail ?? '', /2025-03-14 is not a day off here/);
    assert.deepEqual(
      (await auditOf(date)).map((entry) => [entry.action, entry.detail]),
      [
        ['holiday.put', { name: 'Libur sementara (contoh)', kind: 'regional', before: null }],
        ['holiday.remove', { before: { name: 'Libur sementara (contoh)', kind: 'regional' } }],
      ],
    );
  });

  it('gives a question asked after a day off was added one more working day, and keeps it off the overdue list until then', async () => {
    // Asked on Wednesday 5 March (10:00 WIB); Friday 7 March is now a day off: due at the end of Tuesday 11 March.
    const response = await ask(question());
    assert.equal(response.status, 201);
    const receipt = assertShape(consultationReceipt, await response.json(), 'receipt');
    assert.equal(receipt.dueAt, new Date('2025-03-11T23:59:59.999+07:00').toISOString());

    const overdueCodes = async () => {
      const list = assertShape(
        consultationStaffList,
        await (await api.staff('/api/v1/opds/bpkad/consultations?overdue=true&limit=100')).json(),
        'staff list',
      );
      return list.data.map((item) => item.trackingCode);
    };
    const publicOverdue = async () =>
      assertShape(consultationPublic, await (await api.publicRequest(`/api/v1/consultations/${receipt.trackingCode}`)).json(), 'view')
        .overdue;

    // Tuesday 11 March, 10:00 WIB: three working days counted without the day off, but not with it.
    api.clock.advance(6 * DAY);
    assert.equal(await publicOverdue(), false);
    assert.ok(!(await overdueCodes()).includes(receipt.trackingCode));

    // Wednesday 12 March, 10:00 WIB: overdue.
    api.clock.advance(DAY);
    assert.equal(await publicOverdue(), true);
    assert.ok((await overdueCodes()).includes(receipt.trackingCode));
    api.clock.advance(-7 * DAY);
  });

  it('leaves a due date already given as it was when the day off is removed, and counts the day again for new questions', async () => {
    const before = assertShape(consultationReceipt, await (await ask(question())).json(), 'receipt');
    assert.equal(before.dueAt, new Date('2025-03-11T23:59:59.999+07:00').toISOString());
    assert.equal((await remove(REGIONAL_DAY)).status, 204);
    const tracked = assertShape(
      consultationPublic,
      await (await api.publicRequest(`/api/v1/consultations/${before.trackingCode}`)).json(),
      'view',
    );
    assert.equal(tracked.dueAt, before.dueAt, 'the receipt’s promise stands');
    const after = assertShape(consultationReceipt, await (await ask(question())).json(), 'receipt');
    assert.equal(after.dueAt, new Date('2025-03-10T23:59:59.999+07:00').toISOString());
  });
});
