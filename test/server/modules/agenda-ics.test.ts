/**
 * e-Agenda's iCalendar feeds, over real HTTP on both stores, as a calendar app reads them: the
 * council's feed and a body's parsed by a real parser (ical.js, Mozilla's) with every event at
 * the time the agenda gives, in WIB and in WITA; all-day events as dates with an exclusive
 * end; cancelled and postponed events as the RFC says; the feed validated by libical (through
 * `/usr/bin/python3` with Debian's python3-gi and gir1.2-ical-3.0: `.ci/run` installs them),
 * with its iTIP rules for PUBLISH, not only by a lenient parser; octet folding, CRLF and
 * escaping; and ETag / Last-Modified / 304 for cheap polling.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { before, it } from 'node:test';
import ICAL from 'ical.js';
import type { Kysely } from 'kysely';
import { addUser } from '../../../server/src/auth/users.js';
import type { Database } from '../../../server/src/db/schema.js';
import { DEMO_AGENDA_OPD, DEMO_CANCELLED, DEMO_EVENTS, DEMO_POSTPONED, DEMO_UID_DOMAIN } from '../../../server/src/modules/agenda/seed.js';
import { agendaEvent, agendaEventList, type AgendaEvent } from '../../../src/schemas/agenda.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';
import { DEMO_PASSWORD } from '../../helpers/server.js';

const STAFF = { email: 'dprd.ics@agenda.test', name: 'Petugas Agenda DPRD (uji ics)' };
registerPersonalData({ module: 'agenda', values: [STAFF.email, STAFF.name] });

const BASE = `/api/v1/opds/${DEMO_AGENDA_OPD}`;
/** Every demo event lies in this range. */
const DEMO_RANGE = 'from=2026-11-01&to=2027-02-01';

/** A parsed calendar: the component, its events, and its zones registered for ical.js's conversions. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  return { calendar, events };
}

/** libical's verdict on a calendar: parse errors and iTIP (RFC 5546) restriction failures, as `X-LIC-ERROR` lines. */
function libicalErrors(text: string): string[] {
  const script = `
import sys, gi
gi.require_version('ICalGLib', '3.0')
from gi.repository import ICalGLib as I
c = I.Component.new_from_string(sys.stdin.read())
if c is None:
    print('X-LIC-ERROR:unparseable'); sys.exit(0)
c.check_restrictions()
for line in c.as_ical_string().replace('\\r\\n ', '').split('\\r\\n'):
    if line.startswith('X-LIC-ERROR'): print(line)
`;
  const out = execFileSync('/usr/bin/python3', ['-c', script], { input: text, encoding: 'utf8' });
  return out.split('\n').filter((line) => line.length > 0);
}

/** `HH:MM` of an ical.js time as written (its own zone's local time). */
const hhmm = (time: ICAL.Time) => `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;

describeApi('e-Agenda iCalendar feeds', { publicResponses: 6 }, (api) => {
  let json: AgendaEvent[] = [];

  before(async () => {
    await addUser(
      api.server.db as unknown as Kysely<Database>,
      { email: STAFF.email, name: STAFF.name, role: 'opd_staff', opd: DEMO_AGENDA_OPD, password: DEMO_PASSWORD, mustChangePassword: false },
      new Date(),
    );
    const list = assertShape(agendaEventList, await (await api.publicRequest(`${BASE}/events?${DEMO_RANGE}`)).json(), 'events');
    json = list.data;
  });

  const staffJson = (path: string, body: unknown, method = 'POST') =>
    api.as(STAFF.email, path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('imports into a real parser with every event of the agenda at the time the agenda gives, in WIB and WITA', async () => {
    const response = await api.publicRequest(`${BASE}/events.ics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/calendar; charset=utf-8/);
    const { calendar, events } = parseCalendar(await response.text());
    assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.equal(events.length, DEMO_EVENTS.length, 'every demo event, the cancelled one too');
    assert.equal(json.length, DEMO_EVENTS.length);
    const byUid = new Map(events.map((event) => [event.uid, event]));
    for (const item of json) {
      const event = byUid.get(`${item.id}@${DEMO_UID_DOMAIN}`);
      assert.ok(event, `event ${item.id} (${item.title}) is in the feed under its UID`);
      assert.equal(event.summary.replace(/^\[Dibatalkan\] /, ''), item.title);
      assert.equal(event.sequence, item.sequence);
      if (item.allDay) {
        assert.ok(event.startDate.isDate, `${item.title}: a date`);
        assert.equal(event.startDate.toString(), item.startDate);
      } else {
        assert.equal(event.startDate.zone?.tzid, item.timeZone, `${item.title}: in its own zone`);
        assert.equal(event.startDate.toJSDate().toISOString(), item.startsAt, `${item.title}: starts when the agenda says`);
        assert.equal(event.endDate.toJSDate().toISOString(), item.endsAt, `${item.title}: ends when the agenda says`);
      }
    }
    // The agenda's own words, read back in the zone of each: 10.00 WIB is 03:00 UTC, 09.00 WITA is 01:00 UTC.
    const nota = events.find((event) => event.summary.startsWith('Penyampaian Nota Keuangan'))!;
    assert.deepEqual([nota.startDate.zone?.tzid, hhmm(nota.startDate), nota.startDate.toJSDate().toISOString()], ['Asia/Jakarta', '10:00', '2026-11-02T03:00:00.000Z']);
    const makassar = events.find((event) => event.summary.includes('Kota Makassar'))!;
    assert.deepEqual(
      [makassar.startDate.zone?.tzid, hhmm(makassar.startDate), makassar.startDate.toJSDate().toISOString(), hhmm(makassar.endDate)],
      ['Asia/Makassar', '09:00', '2026-12-10T01:00:00.000Z', '15:00'],
    );
    const zones = calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'));
    assert.deepEqual(zones.sort(), ['Asia/Jakarta', 'Asia/Makassar'], 'one VTIMEZONE per zone used');
  });

  it('writes the reses week as dates with the day after its last as DTEND, and each event with UID, DTSTAMP and its page in URL and DESCRIPTION', async () => {
    const text = await (await api.publicRequest(`${BASE}/events.ics`)).text();
    const { events } = parseCalendar(text);
    const reses = events.find((event) => event.summary.startsWith('Reses'))!;
    assert.ok(reses.startDate.isDate && reses.endDate.isDate);
    assert.equal(reses.startDate.toString(), '2026-12-14');
    assert.equal(reses.endDate.toString(), '2026-12-20', 'DTEND is exclusive: the reses ends on Saturday 19 December');
    assert.match(text, /DTSTART;VALUE=DATE:20261214\r\nDTEND;VALUE=DATE:20261220\r\n/);
    for (const event of events) {
      const component = event.component;
      assert.ok(component.getFirstPropertyValue('dtstamp'), `${event.uid} has DTSTAMP`);
      const url = String(component.getFirstPropertyValue('url'));
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/opds\/sekretariat-dprd\/events\/\d+$/);
      assert.ok(event.description.includes(url), `${event.uid}: the page link is in DESCRIPTION too, for apps that ignore URL`);
      assert.match(String(component.getFirstPropertyValue('organizer')), /^mailto:/);
    }
  });

  it('marks the cancelled event STATUS:CANCELLED with the reason, and the postponed one at its new time with SEQUENCE 1', async () => {
    const { events } = parseCalendar(await (await api.publicRequest(`${BASE}/events.ics`)).text());
    const cancelled = events.find((event) => event.component.getFirstPropertyValue('status') === 'CANCELLED');
    assert.ok(cancelled);
    assert.equal(events.filter((event) => event.component.getFirstPropertyValue('status') === 'CANCELLED').length, 1);
    assert.match(cancelled.summary, /^\[Dibatalkan\] Rapat Kerja dengan Dinas Kesehatan/);
    assert.equal(cancelled.sequence, 1);
    assert.ok(cancelled.description.includes(DEMO_CANCELLED.reason));
    const postponed = events.find((event) => event.summary.startsWith('Penetapan Propemperda'))!;
    assert.equal(postponed.sequence, 1);
    assert.equal(postponed.component.getFirstPropertyValue('status'), 'CONFIRMED', 'postponing keeps the status');
    assert.deepEqual([postponed.startDate.toString(), hhmm(postponed.endDate)], [`${DEMO_POSTPONED.startsAt}:00`, '15:00']);
    assert.match(postponed.description, /Diundur dari Senin, 7 Desember 2026 pukul 10\.00–12\.00 WIB ke Rabu, 9 Desember 2026 pukul 13\.00–15\.00 WIB/);
    const tentative = events.filter((event) => event.component.getFirstPropertyValue('status') === 'TENTATIVE');
    assert.equal(tentative.length, DEMO_EVENTS.filter((event) => event.status === 'tentative').length);
  });

  it('validates clean in libical, iTIP’s PUBLISH rules included, and libical does catch a broken feed', async () => {
    const text = await (await api.publicRequest(`${BASE}/events.ics`)).text();
    assert.deepEqual(libicalErrors(text), []);
    const one = await (await api.publicRequest(`/api/v1/events/${json[0]!.id}.ics`)).text();
    assert.deepEqual(libicalErrors(one), []);
    // The same feed without DTSTAMP and with a broken DTSTART: libical names both.
    const broken = text.replace(/DTSTAMP:[^\r]*\r\n/, '').replace(/DTSTART;TZID=Asia\/Jakarta:20261102T100000/, 'DTSTART;TZID=Asia/Jakarta:2026-11-02 10:00');
    const errors = libicalErrors(broken);
    assert.ok(errors.some((line) => /DTSTAMP/.test(line)), errors.join('\n'));
    assert.ok(errors.some((line) => /DATE-TIME/.test(line)), errors.join('\n'));
  });

  it('ends every line with CRLF, folds at 75 octets without splitting a character, and escapes text', async () => {
    const created = await staffJson(`${BASE}/events`, {
      title: 'Rapat dengar pendapat: warga, camat; dan “Perumda” \\ air bersih',
      body: 'komisi-3',
      kind: 'rapat-dengar-pendapat',
      startsAt: '2026-12-15T09:00',
      endsAt: '2026-12-15T11:00',
      place: 'Ruang Rapat Komisi III, Gedung DPRD',
      description: 'Baris pertama.\nBaris kedua dengan kata yang panjang sekali: pengelolaan, pemeliharaan; penyelenggaraan — sistem penyediaan air minum (SPAM) Kecamatan Tanjung Sakti Pumi dan Tanjung Sakti Pumu ✓.',
    });
    assert.equal(created.status, 201);
    const event = assertShape(agendaEvent, await created.json(), 'event');
    const text = await (await api.publicRequest(`/api/v1/events/${event.id}.ics`)).text();
    assert.ok(!/[^\r]\n/.test(text) && !/\r(?!\n)/.test(text), 'every line ends with CRLF');
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `at most 75 octets: ${line}`);
    assert.ok(lines.some((line) => line.startsWith(' ')), 'long lines are folded');
    assert.ok(!text.includes('\uFFFD'));
    assert.match(text.replace(/\r\n /g, ''), /SUMMARY:Rapat dengar pendapat: warga\\, camat\\; dan “Perumda” \\\\ air bersih\r\n/);
    const { events } = parseCalendar(text);
    assert.equal(events[0]!.summary, 'Rapat dengar pendapat: warga, camat; dan “Perumda” \\ air bersih');
    assert.equal(events[0]!.location, 'Ruang Rapat Komisi III, Gedung DPRD');
    assert.ok(events[0]!.description.startsWith('Baris pertama.\nBaris kedua dengan kata yang panjang sekali: pengelolaan, pemeliharaan; penyelenggaraan — sistem'));
    assert.ok(events[0]!.description.includes('Tanjung Sakti Pumu ✓.'), 'multi-byte characters survive folding');
    assert.deepEqual(libicalErrors(text), []);
  });

  it('gives one body’s feed with ?body=, and names an unknown body', async () => {
    const { calendar, events } = parseCalendar(await (await api.publicRequest(`${BASE}/events.ics?body=komisi-3`)).text());
    assert.ok(events.length > 0);
    assert.ok(events.every((event) => event.component.getFirstProperty('categories')?.getValues().includes('Komisi III')), 'only Komisi III');
    const expected = json.filter((item) => item.body.id === 'komisi-3').length;
    assert.ok(events.length >= expected, `${events.length} events of Komisi III (${expected} in the demo)`);
    assert.match(String(calendar.getFirstPropertyValue('x-wr-calname')), /^Komisi III — DPRD Kabupaten Lahat$/);
    await assertProblem(await api.publicRequest(`${BASE}/events.ics?body=komisi-9`), 400, 'validation', 'body');
  });

  it('answers 304 to an app that has the feed, and a new ETag and a higher SEQUENCE after a change', async () => {
    const first = await api.publicRequest(`${BASE}/events.ics`);
    const etag = first.headers.get('etag');
    const lastModified = first.headers.get('last-modified');
    assert.ok(etag && /^"[^"]+"$/.test(etag), `a strong ETag: ${etag}`);
    assert.ok(lastModified && !Number.isNaN(Date.parse(lastModified)));
    await first.arrayBuffer();
    const again = await api.publicRequest(`${BASE}/events.ics`, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    // Gzip's tag matches too: an app that was sent the compressed copy asks with its tag.
    const zipped = await api.publicRequest(`${BASE}/events.ics`, { headers: { 'Accept-Encoding': 'gzip' } });
    await zipped.arrayBuffer();
    assert.equal((await api.publicRequest(`${BASE}/events.ics`, { headers: { 'If-None-Match': zipped.headers.get('etag')! } })).status, 304);

    const target = json.find((item) => item.title.startsWith('Penyampaian Laporan Hasil Reses'))!;
    const moved = await staffJson(`${BASE}/events/${target.id}/postpone`, { startsAt: '2026-12-22T10:00', reason: 'menyesuaikan jadwal Bupati' });
    assert.equal(moved.status, 200);
    const changed = await api.publicRequest(`${BASE}/events.ics`, { headers: { 'If-None-Match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    assert.ok(Date.parse(changed.headers.get('last-modified')!) >= Date.parse(lastModified));
    const event = parseCalendar(await changed.text()).events.find((e) => e.uid === `${target.id}@${DEMO_UID_DOMAIN}`)!;
    assert.equal(event.sequence, target.sequence + 1);
    assert.equal(event.startDate.toJSDate().toISOString(), '2026-12-22T03:00:00.000Z');
  });

  it('gives one event as .ics with the same UID as the feed, as a download, and 404 for an event there is not', async () => {
    const item = json.find((event) => event.allDay)!;
    const response = await api.publicRequest(item.icsUrl.replace(/^http:\/\/[^/]+/, ''));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="agenda-\d+\.ics"/);
    const { calendar, events } = parseCalendar(await response.text());
    assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
    assert.equal(events.length, 1);
    assert.equal(events[0]!.uid, `${item.id}@${DEMO_UID_DOMAIN}`);
    await assertProblem(await api.publicRequest('/api/v1/events/999999.ics'), 404, 'not-found');
    await assertProblem(await api.publicRequest('/api/v1/events/abc.ics'), 404, 'not-found');
  });

  it('writes times in the council’s own zone when it is in WITA', async () => {
    // A council in a WITA regency: staff write local times, the feed says them in WITA.
    await api.server.db.withTables<{ agenda_councils: { opd_slug: string; time_zone: string } }>().updateTable('agenda_councils').set({ time_zone: 'Asia/Makassar' }).where('opd_slug', '=', DEMO_AGENDA_OPD).execute();
    try {
      const created = await staffJson(`${BASE}/events`, { title: 'Rapat Badan Musyawarah (WITA)', body: 'bamus', kind: 'rapat-kerja', startsAt: '2027-01-05T09:00', endsAt: '2027-01-05T10:30' });
      assert.equal(created.status, 201);
      const event = assertShape(agendaEvent, await created.json(), 'event');
      assert.equal(event.timeZone, 'Asia/Makassar');
      assert.equal(event.startsAt, '2027-01-05T01:00:00.000Z', '09.00 WITA is 01:00 UTC');
      const text = await (await api.publicRequest(`/api/v1/events/${event.id}.ics`)).text();
      assert.match(text, /DTSTART;TZID=Asia\/Makassar:20270105T090000\r\n/);
      assert.match(text, /TZOFFSETTO:\+0800\r\nTZNAME:WITA/);
      const parsed = parseCalendar(text).events[0]!;
      assert.equal(parsed.startDate.toJSDate().toISOString(), '2027-01-05T01:00:00.000Z');
      assert.match(parsed.description, /Selasa, 5 Januari 2027 pukul 09\.00–10\.30 WITA/);
    } finally {
      await api.server.db.withTables<{ agenda_councils: { opd_slug: string; time_zone: string } }>().updateTable('agenda_councils').set({ time_zone: 'Asia/Jakarta' }).where('opd_slug', '=', DEMO_AGENDA_OPD).execute();
    }
  });
});
