/**
 * e-Agenda's loose ends, over real HTTP on both stores: calendar apps that poll with
 * `If-Modified-Since` alone get their 304 (and `If-None-Match` decides when both are sent,
 * as RFC 9110 §13.2.2 says); staff scheduling honours `Idempotency-Key`, so a console that
 * sends again after a lost answer schedules the meeting once; and staff read one event with
 * the online link and documents of a closed meeting, which the public read leaves out.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Kysely } from 'kysely';
import { addUser } from '../../../server/src/auth/users.js';
import type { Database } from '../../../server/src/db/schema.js';
import { DEMO_AGENDA_OPD } from '../../../server/src/modules/agenda/seed.js';
import { agendaEvent, agendaEventList } from '../../../src/schemas/agenda.js';
import { agendaEventStaff } from '../../../src/schemas/agenda-staff.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';
import { DEMO_PASSWORD } from '../../helpers/server.js';

const STAFF = { email: 'dprd.cache@agenda.test', name: 'Petugas Agenda DPRD (uji cache)' };
registerPersonalData({ module: 'agenda', values: [STAFF.email, STAFF.name] });

const BASE = `/api/v1/opds/${DEMO_AGENDA_OPD}`;

/** An HTTP-date `seconds` away from `date` (an HTTP-date). */
const shifted = (date: string, seconds: number) => new Date(Date.parse(date) + seconds * 1000).toUTCString();

describeApi('e-Agenda conditional GETs, idempotent scheduling and the staff read', { publicResponses: 8 }, (api) => {
  before(async () => {
    await addUser(
      api.server.db as unknown as Kysely<Database>,
      { email: STAFF.email, name: STAFF.name, role: 'opd_staff', opd: DEMO_AGENDA_OPD, password: DEMO_PASSWORD, mustChangePassword: false },
      new Date(),
    );
  });

  const send = (path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') =>
    api.as(STAFF.email, path, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const meeting = (title: string) => ({ title, body: 'komisi-3', kind: 'rapat-komisi', startsAt: '2027-01-12T09:00', endsAt: '2027-01-12T11:00', place: 'Ruang Komisi III' });
  /** Moves the server's clock past `lastModified` (the demo's changes are stamped in 2026, later than the suite's clock). */
  const pastLastModified = (lastModified: string) => {
    const gap = Date.parse(lastModified) + 2000 - api.clock.now().getTime();
    if (gap > 0) api.clock.advance(gap);
  };
  const titled = async (title: string) => {
    const list = assertShape(agendaEventList, await (await api.publicRequest(`${BASE}/events?from=2027-01-12&to=2027-01-13&body=komisi-3`)).json(), 'events');
    return list.data.filter((event) => event.title === title);
  };

  it('answers 304 to a calendar app that sends only If-Modified-Since, and the feed again once it changed', async () => {
    const first = await api.publicRequest(`${BASE}/events.ics`);
    assert.equal(first.status, 200);
    await first.arrayBuffer();
    const lastModified = first.headers.get('last-modified')!;
    assert.ok(!Number.isNaN(Date.parse(lastModified)), `Last-Modified is an HTTP-date: ${lastModified}`);

    const same = await api.publicRequest(`${BASE}/events.ics`, { headers: { 'If-Modified-Since': lastModified } });
    assert.equal(same.status, 304, 'the date it has');
    assert.equal(await same.text(), '');
    assert.equal(same.headers.get('last-modified'), lastModified);
    assert.ok(same.headers.get('etag'), 'the 304 carries the ETag to use next time');
    assert.equal((await api.publicRequest(`${BASE}/events.ics`, { headers: { 'If-Modified-Since': shifted(lastModified, 3600) } })).status, 304, 'a later date');
    const older = await api.publicRequest(`${BASE}/events.ics`, { headers: { 'If-Modified-Since': shifted(lastModified, -1) } });
    assert.equal(older.status, 200, 'a date before the last change gets the feed');
    assert.match(await older.text(), /^BEGIN:VCALENDAR\r\n/);
    const garbled = await api.publicRequest(`${BASE}/events.ics`, { headers: { 'If-Modified-Since': 'kemarin sore' } });
    assert.equal(garbled.status, 200, 'a date that does not parse is ignored');
    await garbled.arrayBuffer();

    // A change after it: the app polling with the old date gets the new feed.
    pastLastModified(lastModified);
    const created = await send(`${BASE}/events`, meeting('Rapat Komisi III dengan Dinas PUPR (uji cache)'));
    assert.equal(created.status, 201);
    const changed = await api.publicRequest(`${BASE}/events.ics`, { headers: { 'If-Modified-Since': lastModified } });
    assert.equal(changed.status, 200);
    assert.ok(Date.parse(changed.headers.get('last-modified')!) > Date.parse(lastModified));
    assert.match(await changed.text(), /Rapat Komisi III dengan Dinas PUPR \(uji cache\)/);
  });

  it('lets If-None-Match decide when an app sends both', async () => {
    const first = await api.publicRequest(`${BASE}/events.ics`);
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    const staleTag = await api.publicRequest(`${BASE}/events.ics`, { headers: { 'If-None-Match': '"not-this-one"', 'If-Modified-Since': lastModified } });
    assert.equal(staleTag.status, 200, 'a tag that does not match wins over a date that would');
    await staleTag.arrayBuffer();
    const oldDate = await api.publicRequest(`${BASE}/events.ics`, { headers: { 'If-None-Match': etag, 'If-Modified-Since': shifted(lastModified, -86_400) } });
    assert.equal(oldDate.status, 304, 'a matching tag wins over an old date');
  });

  it('answers 304 on one event’s .ics by its date alone too', async () => {
    const event = assertShape(agendaEventStaff, await (await send(`${BASE}/events`, meeting('Rapat Komisi III dengan Dinas PU (satu .ics)'))).json(), 'event');
    const first = await api.publicRequest(`/api/v1/events/${event.id}.ics`);
    await first.arrayBuffer();
    const lastModified = first.headers.get('last-modified')!;
    assert.equal((await api.publicRequest(`/api/v1/events/${event.id}.ics`, { headers: { 'If-Modified-Since': lastModified } })).status, 304);
    pastLastModified(lastModified);
    assert.equal((await send(`${BASE}/events/${event.id}`, { place: 'Ruang Rapat Paripurna' }, {}, 'PATCH')).status, 200);
    const changed = await api.publicRequest(`/api/v1/events/${event.id}.ics`, { headers: { 'If-Modified-Since': lastModified } });
    assert.equal(changed.status, 200, 'an edit is news to the app');
    const text = (await changed.text()).replace(/\r\n /g, '');
    assert.match(text, /\r\nLOCATION:Ruang Rapat Paripurna\r\n/);
    assert.match(text, /\r\nSEQUENCE:1\r\n/);
  });

  it('schedules once for one Idempotency-Key: the same answer again, marked as replayed', async () => {
    const key = crypto.randomUUID();
    const input = meeting('Rapat Kerja Komisi III dengan BPBD (sekali)');
    const first = await send(`${BASE}/events`, input, { 'Idempotency-Key': key });
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const event = assertShape(agendaEventStaff, await first.json(), 'event');
    assert.equal(first.headers.get('location'), `${BASE}/events/${event.id}`);
    const again = await send(`${BASE}/events`, input, { 'Idempotency-Key': key });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(assertShape(agendaEventStaff, await again.json(), 'event').id, event.id);
    assert.equal((await titled(input.title)).length, 1, 'one meeting on the agenda');
    // The same key with another meeting is refused, naming the key; without a key, two writes are two events.
    await assertProblem(await send(`${BASE}/events`, { ...input, place: 'Aula' }, { 'Idempotency-Key': key }), 422, 'idempotency-conflict');
    const unkeyed = meeting('Rapat Komisi III tanpa kunci');
    assert.equal((await send(`${BASE}/events`, unkeyed)).status, 201);
    assert.equal((await send(`${BASE}/events`, unkeyed)).status, 201);
    assert.equal((await titled(unkeyed.title)).length, 2);
  });

  it('refuses a malformed Idempotency-Key with a 400 naming it, and stores nothing for a refused event', async () => {
    const problem = await assertProblem(await send(`${BASE}/events`, meeting('Rapat kunci rusak'), { 'Idempotency-Key': 'ada spasi' }), 400, 'validation');
    assert.equal(problem.errors?.[0]?.path, 'Idempotency-Key');
    const key = crypto.randomUUID();
    const refused = await send(`${BASE}/events`, { ...meeting('Rapat jam terbalik'), endsAt: '2027-01-12T08:00' }, { 'Idempotency-Key': key });
    assert.equal(refused.status, 422);
    // The key was not spent on the refusal: the corrected meeting goes through with it.
    assert.equal((await send(`${BASE}/events`, meeting('Rapat jam terbalik'), { 'Idempotency-Key': key })).status, 201);
  });

  it('lets staff read a closed meeting with its link and documents, which the public read leaves out', async () => {
    const created = await send(`${BASE}/events`, {
      ...meeting('Rapat Tertutup Badan Kehormatan (baca staf)'),
      body: 'bk',
      kind: 'rapat-kerja',
      openToPublic: false,
      onlineUrl: 'https://rapat.lahat.demo/bk-tertutup',
      documents: [{ title: 'Undangan', url: 'https://contoh.lahat.demo/bk/undangan.pdf' }],
    });
    const id = assertShape(agendaEventStaff, await created.json(), 'event').id;
    const staff = await api.as(STAFF.email, `${BASE}/agenda/events/${id}`);
    assert.equal(staff.status, 200);
    assert.match(staff.headers.get('cache-control') ?? '', /no-store/);
    const read = assertShape(agendaEventStaff, await staff.json(), 'event');
    assert.equal(read.onlineUrl, 'https://rapat.lahat.demo/bk-tertutup');
    assert.deepEqual(read.documents, [{ title: 'Undangan', url: 'https://contoh.lahat.demo/bk/undangan.pdf' }]);
    assert.equal(read.changes[0]?.kind, 'scheduled');
    const pub = assertShape(agendaEvent, await (await api.publicRequest(`${BASE}/events/${id}`)).json(), 'event');
    assert.deepEqual([pub.onlineUrl, pub.documents], [null, []]);

    await assertProblem(await api.publicRequest(`${BASE}/agenda/events/${id}`), 401, 'unauthorized');
    await assertProblem(await api.as('bpkad@lahat.demo', `${BASE}/agenda/events/${id}`), 403, 'forbidden');
    await assertProblem(await api.as(STAFF.email, `${BASE}/agenda/events/999999`), 404, 'not-found');
  });
});
