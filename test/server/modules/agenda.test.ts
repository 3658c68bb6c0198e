/**
 * e-Agenda, over real HTTP on both stores, as citizens and the Sekretariat DPRD's staff see it:
 * the council and its bodies, the demo agenda (three synthetic months of DPRD Lahat), range
 * queries bounded to 366 days with every bad range a 400 naming its field, filters and pages,
 * staff scheduling, editing, postponing and cancelling — each raising the sequence and written
 * to the public change log, none silent — who may write, the audit log, and closed meetings:
 * listed, as the public may know the council meets, but without their online link and
 * documents. No public read names a staff member.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Kysely } from 'kysely';
import { addUser } from '../../../server/src/auth/users.js';
import type { Database } from '../../../server/src/db/schema.js';
import { DEMO_AGENDA_OPD, DEMO_BODIES, DEMO_CANCELLED, DEMO_EVENTS, DEMO_POSTPONED } from '../../../server/src/modules/agenda/seed.js';
import { agendaEvent, agendaEventList, council, type AgendaEvent } from '../../../src/schemas/agenda.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';
import { DEMO_PASSWORD } from '../../helpers/server.js';

/** Who changes the agenda in these tests: no public read may name them. */
const STAFF = { email: 'dprd@agenda.test', name: 'Petugas Agenda DPRD (uji)', admin: 'admin@lahat.demo', adminName: 'Admin Diskominfo (demo)' };
registerPersonalData({ module: 'agenda', values: [STAFF.email, STAFF.name, STAFF.admin, STAFF.adminName] });

const BASE = `/api/v1/opds/${DEMO_AGENDA_OPD}`;
const DEMO_RANGE = 'from=2026-11-01&to=2027-02-01';

describeApi('e-Agenda', { publicResponses: 20 }, (api) => {
  before(async () => {
    await addUser(
      api.server.db as unknown as Kysely<Database>,
      { email: STAFF.email, name: STAFF.name, role: 'opd_staff', opd: DEMO_AGENDA_OPD, password: DEMO_PASSWORD, mustChangePassword: false },
      new Date(),
    );
  });

  const send = (path: string, body: unknown, method = 'POST', email = STAFF.email) =>
    api.as(email, path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const list = async (query: string) => assertShape(agendaEventList, await (await api.publicRequest(`${BASE}/events?${query}`)).json(), 'events');
  const demo = async () => (await list(DEMO_RANGE)).data;
  const create = async (body: Record<string, unknown>): Promise<AgendaEvent> => {
    const response = await send(`${BASE}/events`, { title: 'Rapat uji', body: 'komisi-1', kind: 'rapat-komisi', startsAt: '2026-12-29T09:00', endsAt: '2026-12-29T11:00', ...body });
    assert.equal(response.status, 201, await response.clone().text());
    return assertShape(agendaEvent, await response.json(), 'event');
  };

  it('shows the council with its ten bodies in order, every kind and feeds to subscribe to, marked as synthetic', async () => {
    const body = assertShape(council, await (await api.publicRequest(`${BASE}/agenda`)).json(), 'council');
    assert.equal(body.name, 'DPRD Kabupaten Lahat');
    assert.equal(body.timeZone, 'Asia/Jakarta');
    assert.deepEqual(body.bodies.map((b) => b.name), DEMO_BODIES.map(([, name]) => name));
    assert.ok(body.kinds.some((kind) => kind.id === 'rapat-dengar-pendapat' && kind.name === 'Rapat dengar pendapat'));
    assert.match(body.feed.ics, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/opds\/sekretariat-dprd\/events\.ics$/);
    assert.equal(body.feed.webcal, body.feed.ics.replace(/^http:/, 'webcal:'));
    assert.ok(body.bodyFeeds.some((feed) => feed.body === 'banggar' && feed.feed.ics.endsWith('events.ics?body=banggar')));
    assert.equal(body.synthetic, true);
    assert.match(body.note ?? '', /sintetis/);
  });

  it('lists three months of the demo agenda: plenaries, hearings, the Banggar on the APBD, a reses week, one postponed, one cancelled', async () => {
    const events = await demo();
    assert.equal(events.length, DEMO_EVENTS.length);
    const kinds = new Set(events.map((event) => event.kind));
    for (const kind of ['rapat-paripurna', 'rapat-dengar-pendapat', 'rapat-kerja', 'kunjungan-kerja', 'reses', 'konsultasi']) assert.ok(kinds.has(kind as never), kind);
    assert.ok(events.some((event) => event.body.id === 'banggar' && /APBD/.test(event.title)));
    const reses = events.find((event) => event.kind === 'reses')!;
    assert.deepEqual([reses.allDay, reses.startDate, reses.endDate], [true, '2026-12-14', '2026-12-19']);
    assert.equal(reses.startsAt, '2026-12-13T17:00:00.000Z', 'from midnight WIB of its first day');
    assert.equal(reses.endsAt, '2026-12-19T17:00:00.000Z', 'to midnight WIB after its last');
    const postponed = events.filter((event) => event.changes.some((change) => change.kind === 'postponed'));
    assert.equal(postponed.length, 1);
    assert.equal(postponed[0]!.startsAt, '2026-12-09T06:00:00.000Z');
    assert.equal(postponed[0]!.sequence, 1);
    assert.equal(
      postponed[0]!.changes.at(-1)!.text,
      `Diundur dari Senin, 7 Desember 2026 pukul 10.00–12.00 WIB ke Rabu, 9 Desember 2026 pukul 13.00–15.00 WIB: ${DEMO_POSTPONED.reason}`,
    );
    const cancelled = events.filter((event) => event.status === 'cancelled');
    assert.equal(cancelled.length, 1);
    assert.equal(cancelled[0]!.cancelReason, DEMO_CANCELLED.reason);
    assert.equal(cancelled[0]!.changes.at(-1)!.text, `Dibatalkan: ${DEMO_CANCELLED.reason}`);
    assert.ok(events.every((event) => /Data sintetis untuk demo/.test(event.description ?? '')), 'every event says it is synthetic');
    const makassar = events.find((event) => event.timeZone === 'Asia/Makassar')!;
    assert.equal(makassar.startsAt, '2026-12-10T01:00:00.000Z', '09.00 WITA');
  });

  it('answers a month as [from, to), an event across its edge included, in start order', async () => {
    const december = await list('from=2026-12-01&to=2027-01-01');
    assert.equal(december.from, '2026-11-30T17:00:00.000Z', 'a day is its first moment in WIB');
    assert.equal(december.to, '2026-12-31T17:00:00.000Z');
    assert.equal(december.data.length, DEMO_EVENTS.filter((event) => event.day.startsWith('2026-12')).length);
    const starts = december.data.map((event) => event.startsAt);
    assert.deepEqual(starts, [...starts].sort());
    // The reses week (14–19 December) overlaps a range of 16–17 December.
    const midReses = await list('from=2026-12-16&to=2026-12-17');
    assert.deepEqual(midReses.data.map((event) => event.kind), ['reses']);
    // An instant and a local time are read as such.
    const morning = await list('from=2026-11-02T09:00&to=2026-11-02T03:30:00Z');
    assert.deepEqual(morning.data.map((event) => event.title.slice(0, 27)), ['Penyampaian Nota Keuangan d']);
  });

  it('refuses a range it cannot answer with a 400 naming the field', async () => {
    await assertProblem(await api.publicRequest(`${BASE}/events?from=2026-01-01&to=2027-01-03`), 400, 'validation', 'to');
    const reversed = await assertProblem(await api.publicRequest(`${BASE}/events?from=2026-12-10&to=2026-12-01`), 400, 'validation', 'to');
    assert.match(reversed.errors![0]!.message, /must come after its start/);
    await assertProblem(await api.publicRequest(`${BASE}/events?from=2026-12-01&to=2026-12-01`), 400, 'validation', 'to');
    await assertProblem(await api.publicRequest(`${BASE}/events?from=besok`), 400, 'validation', 'from');
    await assertProblem(await api.publicRequest(`${BASE}/events?from=2026-02-30`), 400, 'validation', 'from');
    await assertProblem(await api.publicRequest(`${BASE}/events?to=2026-12-01T25:00`), 400, 'validation', 'to');
    await assertProblem(await api.publicRequest(`${BASE}/events?kind=rapat-rahasia`), 400, 'validation', 'kind');
    await assertProblem(await api.publicRequest(`${BASE}/events?body=komisi-9`), 400, 'validation', 'body');
    await assertProblem(await api.publicRequest(`${BASE}/events?cursor=bukan-kursor`), 400, 'validation', 'cursor');
    await assertProblem(await api.publicRequest(`${BASE}/events?limit=500`), 400, 'validation', 'limit');
    // 366 days is the most: a leap-year-long range is answered.
    assert.equal((await api.publicRequest(`${BASE}/events?from=2026-06-01&to=2027-06-02`)).status, 200);
  });

  it('filters by body and kind, and pages through a range each event once', async () => {
    const komisi3 = await list(`${DEMO_RANGE}&body=komisi-3`);
    assert.ok(komisi3.data.length >= 3 && komisi3.data.every((event) => event.body.id === 'komisi-3'));
    assert.ok(komisi3.feed.ics.endsWith('/events.ics?body=komisi-3'), 'the list carries the feed of the same body');
    const hearings = await list(`${DEMO_RANGE}&kind=rapat-dengar-pendapat`);
    assert.equal(hearings.data.length, DEMO_EVENTS.filter((event) => event.kind === 'rapat-dengar-pendapat').length);
    const both = await list(`${DEMO_RANGE}&body=komisi-4&kind=rapat-dengar-pendapat`);
    assert.ok(both.data.length >= 1 && both.data.every((event) => event.body.id === 'komisi-4' && event.kind === 'rapat-dengar-pendapat'));
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`${DEMO_RANGE}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.data.length <= 7);
      ids.push(...page.data.map((event) => event.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(ids.length, DEMO_EVENTS.length);
    assert.equal(new Set(ids).size, ids.length, 'no event twice across pages');
  });

  it('schedules an event: 201, sequence 0, a log that starts with its scheduling, on the agenda and in the audit log', async () => {
    const event = await create({ title: 'Rapat Komisi I dengan Inspektorat', place: 'Ruang Rapat Komisi I', documents: [{ title: 'Undangan', url: 'https://contoh.lahat.demo/undangan.pdf' }] });
    assert.equal(event.status, 'confirmed');
    assert.equal(event.sequence, 0);
    assert.equal(event.startsAt, '2026-12-29T02:00:00.000Z', '09.00 WIB, the council’s zone');
    assert.deepEqual(event.changes.map((change) => [change.kind, change.text]), [['scheduled', 'Dijadwalkan: Selasa, 29 Desember 2026 pukul 09.00–11.00 WIB.']]);
    const shown = (await list('from=2026-12-29&to=2026-12-30')).data.find((item) => item.id === event.id);
    assert.ok(shown, 'citizens see it');
    assert.deepEqual(shown.documents, [{ title: 'Undangan', url: 'https://contoh.lahat.demo/undangan.pdf' }]);
    const entry = await api.server.db.selectFrom('audit_log').select(['actor', 'action', 'opd_slug']).where('subject', '=', `agenda-event:${event.id}`).executeTakeFirst();
    assert.deepEqual(entry, { actor: STAFF.name, action: 'agenda.schedule', opd_slug: DEMO_AGENDA_OPD });
  });

  it('refuses an event it cannot place in time, naming the field', async () => {
    const post = (body: Record<string, unknown>) => send(`${BASE}/events`, { title: 'Rapat uji', body: 'komisi-1', kind: 'rapat-komisi', ...body });
    await assertProblem(await post({ startsAt: '2026-12-29T11:00', endsAt: '2026-12-29T09:00' }), 422, 'validation', 'endsAt');
    await assertProblem(await post({ endsAt: '2026-12-29T09:00' }), 422, 'validation', 'startsAt');
    await assertProblem(await post({ startsAt: '2026-12-29', endsAt: '2026-12-29T09:00' }), 422, 'validation', 'startsAt');
    await assertProblem(await post({ startsAt: '2026-12-29T09:00', endsAt: '2027-02-28T09:00' }), 422, 'validation', 'endsAt');
    await assertProblem(await post({ allDay: true }), 422, 'validation', 'startDate');
    await assertProblem(await post({ allDay: true, startDate: '2026-12-20', endDate: '2026-12-18' }), 422, 'validation', 'endDate');
    await assertProblem(await post({ startDate: '2026-12-20', startsAt: '2026-12-20T09:00', endsAt: '2026-12-20T10:00' }), 422, 'validation', 'startDate');
    await assertProblem(await post({ startsAt: '2026-12-29T09:00', endsAt: '2026-12-29T10:00', timeZone: 'Europe/London' }), 422, 'validation', 'timeZone');
    await assertProblem(await post({ startsAt: '2026-12-29T09:00', endsAt: '2026-12-29T10:00', onlineUrl: 'zoom kami' }), 422, 'validation', 'onlineUrl');
    const body = await assertProblem(await post({ body: 'komisi-9', startsAt: '2026-12-29T09:00', endsAt: '2026-12-29T10:00' }), 422, 'validation', 'body');
    assert.match(body.errors![0]!.message, /use one of: paripurna, pimpinan, bamus, komisi-1/);
  });

  it('records an edit in the log and raises the sequence; an edit that changes nothing is no change', async () => {
    const event = await create({ place: 'Ruang Rapat Komisi I', status: 'tentative' });
    const edited = await send(`${BASE}/events/${event.id}`, { place: 'Aula Gedung DPRD', status: 'confirmed' }, 'PATCH');
    assert.equal(edited.status, 200);
    const after = assertShape(agendaEvent, await edited.json(), 'event');
    assert.equal(after.sequence, 1);
    assert.equal(after.status, 'confirmed');
    assert.equal(after.changes.at(-1)!.text, 'Diubah: tempat; jadwal dipastikan.');
    assert.deepEqual(after.changes.at(-1)!.fields, ['place', 'status']);
    const same = assertShape(agendaEvent, await (await send(`${BASE}/events/${event.id}`, { place: 'Aula Gedung DPRD' }, 'PATCH')).json(), 'event');
    assert.equal(same.sequence, 1, 'nothing changed, nothing logged');
    assert.equal(same.changes.length, 2);
    const retimed = assertShape(agendaEvent, await (await send(`${BASE}/events/${event.id}`, { startsAt: '2026-12-29T13:00' }, 'PATCH')).json(), 'event');
    assert.equal(retimed.sequence, 2);
    assert.equal(retimed.endsAt, '2026-12-29T08:00:00.000Z', 'a new start alone keeps its two hours');
    assert.match(retimed.changes.at(-1)!.text, /^Diubah: waktu dari Selasa, 29 Desember 2026 pukul 09\.00–11\.00 WIB ke Selasa, 29 Desember 2026 pukul 13\.00–15\.00 WIB\.$/);
  });

  it('postpones with the reason, the status staying and the sequence growing, and says "dimajukan" for a move earlier', async () => {
    const event = await create({ status: 'tentative' });
    const later = await send(`${BASE}/events/${event.id}/postpone`, { startsAt: '2026-12-30T09:00', endsAt: '2026-12-30T12:00', reason: 'Ketua Komisi I dinas luar' });
    assert.equal(later.status, 200);
    const moved = assertShape(agendaEvent, await later.json(), 'event');
    assert.equal(moved.status, 'tentative', 'a postponement keeps the status');
    assert.equal(moved.sequence, 1);
    const change = moved.changes.at(-1)!;
    assert.equal(change.kind, 'postponed');
    assert.equal(change.reason, 'Ketua Komisi I dinas luar');
    assert.equal(change.text, 'Diundur dari Selasa, 29 Desember 2026 pukul 09.00–11.00 WIB ke Rabu, 30 Desember 2026 pukul 09.00–12.00 WIB: Ketua Komisi I dinas luar');
    assert.deepEqual([change.from?.startsAt, change.to?.startsAt], ['2026-12-29T02:00:00.000Z', '2026-12-30T02:00:00.000Z']);
    const earlier = assertShape(agendaEvent, await (await send(`${BASE}/events/${event.id}/postpone`, { startsAt: '2026-12-28T09:00', reason: 'menyesuaikan jadwal Banggar' })).json(), 'event');
    assert.equal(earlier.sequence, 2);
    assert.equal(earlier.changes.at(-1)!.kind, 'brought-forward');
    assert.match(earlier.changes.at(-1)!.text, /^Dimajukan dari Rabu, 30 Desember 2026/);
    await assertProblem(await send(`${BASE}/events/${event.id}/postpone`, { startsAt: '2026-12-28T09:00', reason: 'tanpa perubahan' }), 422, 'validation', 'startsAt');
    await assertProblem(await send(`${BASE}/events/${event.id}/postpone`, { startsAt: '2026-12-31T09:00' }), 422, 'validation', 'reason');
    const entry = await api.server.db.selectFrom('audit_log').select(['action']).where('subject', '=', `agenda-event:${event.id}`).where('action', '=', 'agenda.postpone').execute();
    assert.equal(entry.length, 2);
  });

  it('cancels with the reason: still listed, as cancelled, and not changed again (409)', async () => {
    const event = await create({});
    const response = await send(`${BASE}/events/${event.id}/cancel`, { reason: 'bertepatan dengan kunjungan Gubernur' });
    assert.equal(response.status, 200);
    const cancelled = assertShape(agendaEvent, await response.json(), 'event');
    assert.deepEqual([cancelled.status, cancelled.sequence, cancelled.cancelReason], ['cancelled', 1, 'bertepatan dengan kunjungan Gubernur']);
    assert.equal(cancelled.changes.at(-1)!.text, 'Dibatalkan: bertepatan dengan kunjungan Gubernur');
    const listed = (await list('from=2026-12-29&to=2026-12-30')).data.find((item) => item.id === event.id);
    assert.equal(listed?.status, 'cancelled', 'cancelled events are shown as cancelled, not hidden');
    await assertProblem(await send(`${BASE}/events/${event.id}`, { place: 'Aula' }, 'PATCH'), 409, 'conflict');
    await assertProblem(await send(`${BASE}/events/${event.id}/postpone`, { startsAt: '2027-01-05T09:00', reason: 'dijadwalkan ulang' }), 409, 'conflict');
    await assertProblem(await send(`${BASE}/events/${event.id}/cancel`, { reason: 'sekali lagi' }), 409, 'conflict');
  });

  it('lists a closed meeting with its time and place, but not its online link or documents; staff see them', async () => {
    const event = await create({
      title: 'Rapat Tertutup Badan Kehormatan',
      body: 'bk',
      openToPublic: false,
      onlineUrl: 'https://rapat.lahat.demo/bk-rahasia',
      documents: [{ title: 'Berkas pemeriksaan', url: 'https://contoh.lahat.demo/bk/berkas.pdf' }],
    });
    assert.equal(event.onlineUrl, 'https://rapat.lahat.demo/bk-rahasia', 'staff see the link');
    assert.equal(event.documents.length, 1);
    const listed = (await list('from=2026-12-29&to=2026-12-30&body=bk')).data.find((item) => item.id === event.id)!;
    assert.deepEqual([listed.openToPublic, listed.onlineUrl, listed.documents, listed.place], [false, null, [], null]);
    const detail = assertShape(agendaEvent, await (await api.publicRequest(`${BASE}/events/${event.id}`)).json(), 'event');
    assert.deepEqual([detail.onlineUrl, detail.documents], [null, []]);
    const ics = await (await api.publicRequest(`/api/v1/events/${event.id}.ics`)).text();
    assert.ok(!ics.includes('bk-rahasia') && !ics.includes('berkas.pdf'), 'nor does its .ics');
    assert.match(ics.replace(/\r\n /g, ''), /Rapat tertutup untuk umum\./);
    const demoClosed = (await demo()).filter((item) => !item.openToPublic);
    assert.ok(demoClosed.length >= 2, 'the demo has closed meetings of the Badan Kehormatan and the Pimpinan');
  });

  it('lets the council add a body (OPD admins only), and events then use it', async () => {
    await assertProblem(await send(`${BASE}/agenda/bodies/komisi-5`, { name: 'Komisi V' }, 'PUT'), 403, 'forbidden');
    const put = await send(`${BASE}/agenda/bodies/komisi-5`, { name: 'Komisi V', description: 'Lingkungan hidup', position: 65 }, 'PUT', STAFF.admin);
    assert.equal(put.status, 200);
    assert.deepEqual(await put.json(), { id: 'komisi-5', name: 'Komisi V', description: 'Lingkungan hidup' });
    const bodies = assertShape(council, await (await api.publicRequest(`${BASE}/agenda`)).json(), 'council').bodies.map((b) => b.id);
    assert.equal(bodies.indexOf('komisi-5'), bodies.indexOf('komisi-4') + 1, 'placed by its position');
    const event = await create({ body: 'komisi-5' });
    assert.equal(event.body.name, 'Komisi V');
    await send(`${BASE}/agenda/bodies/komisi-5`, { name: 'Komisi V', active: false }, 'PUT', STAFF.admin);
    await assertProblem(await send(`${BASE}/events`, { title: 'Rapat uji', body: 'komisi-5', kind: 'rapat-komisi', startsAt: '2026-12-29T09:00', endsAt: '2026-12-29T10:00' }), 422, 'validation', 'body');
  });

  it('keeps staff writes to their own OPD, asks for a sign-in, and answers 404 for an OPD without e-Agenda', async () => {
    const body = { title: 'Rapat uji', body: 'komisi-1', kind: 'rapat-komisi', startsAt: '2026-12-29T09:00', endsAt: '2026-12-29T10:00' };
    await assertProblem(await send(`${BASE}/events`, body, 'POST', 'bpkad@lahat.demo'), 403, 'forbidden');
    await assertProblem(await fetch(`${api.server.url}${BASE}/events`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }), 401, 'unauthorized');
    await assertProblem(await api.publicRequest('/api/v1/opds/dinas-pupr/events'), 404, 'module-disabled');
    await assertProblem(await api.publicRequest('/api/v1/opds/dinas-pupr/events.ics'), 404, 'module-disabled');
    await assertProblem(await api.publicRequest(`${BASE}/events/999999`), 404, 'not-found');
    await assertProblem(await api.publicRequest(`${BASE}/events/abc`), 404, 'not-found');
  });

  it('shows an event that has ended as passed, a cancelled one staying cancelled', async () => {
    // The suite's clock is at 5 March 2025: an event of the day before has passed.
    const event = await create({ startsAt: '2025-03-04T09:00', endsAt: '2025-03-04T11:00' });
    assert.equal(event.status, 'passed');
    const shown = (await list('from=2025-03-01&to=2025-03-08')).data.find((item) => item.id === event.id);
    assert.equal(shown?.status, 'passed');
    const stored = await api.server.db.withTables<{ agenda_events: { id: number; status: string } }>().selectFrom('agenda_events').select('status').where('id', '=', event.id).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'confirmed', 'passed is never stored');
    const cancelled = assertShape(agendaEvent, await (await send(`${BASE}/events/${event.id}/cancel`, { reason: 'dicatat terlambat' })).json(), 'event');
    assert.equal(cancelled.status, 'cancelled');
  });
});
