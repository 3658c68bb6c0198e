/**
 * `opd-kit/agenda` (e-Agenda's `agenda` and `citizenAgenda` namespaces) against a real server
 * in this process, seeded with the synthetic DPRD Lahat agenda (2 November 2026 – 29 January
 * 2027): a citizen pages through a month and subscribes, staff schedule, postpone and cancel,
 * and the errors a caller branches on.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import * as z from 'zod/mini';
import { ApiError, buildClient, ValidationError } from '../../src/index.js';
import { agenda, citizenAgenda, type AgendaEvent } from '../../src/agenda.js';
import { agendaEventParams, agendaEventQuery, eventPeriod } from '../../src/schemas/agenda.js';
import { timestamp, toFieldErrors } from '../../src/schemas/common.js';
import { DEMO_AGENDA_OPD, DEMO_EVENTS } from '../../server/src/modules/agenda/seed.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;

before(async () => {
  // The demo's "today": 2 December 2026, 15.00 WIB.
  server = await startTestServer({ now: () => new Date('2026-12-02T08:00:00Z') });
});

after(async () => {
  await server?.close();
});

/** A citizen's client: the public half only, as the calendar widget will build it. */
const citizen = () => buildClient({ baseUrl: server.url, opd: DEMO_AGENDA_OPD }, { agenda: citizenAgenda });
/** The regency admin's client with the staff calls. */
const staff = () => buildClient({ baseUrl: server.url, opd: DEMO_AGENDA_OPD, token: server.staffToken }, { agenda });

/** A fetch that records every URL it is asked for. */
function countingFetch() {
  const urls: string[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    urls.push(request.url);
    return fetch(request);
  };
  return { fetch: wrapped, urls };
}

describe('a citizen reading the council agenda through the SDK', () => {
  it('pages through December with for await, in start order, each event once', async () => {
    const { fetch: counted, urls } = countingFetch();
    const client = buildClient({ baseUrl: server.url, opd: DEMO_AGENDA_OPD, fetch: counted }, { agenda: citizenAgenda });
    const seen: AgendaEvent[] = [];
    for await (const event of client.agenda.events.list({ from: '2026-12-01', to: '2027-01-01', limit: 5 })) seen.push(event);
    const december = DEMO_EVENTS.filter((event) => event.day.startsWith('2026-12')).length;
    assert.equal(seen.length, december);
    assert.ok(urls.length >= 3, `${december} events in pages of 5 take several requests (${urls.length})`);
    assert.equal(new Set(seen.map((event) => event.id)).size, seen.length, 'no event twice across pages');
    const starts = seen.map((event) => event.startsAt);
    assert.deepEqual(starts, [...starts].sort(), 'in start order');
    const passed = seen.filter((event) => event.status === 'passed').map((event) => event.title);
    assert.deepEqual(passed, ['Rapat Dengar Pendapat tentang Jalan Rusak di Kecamatan Merapi Barat'], 'only 1 December has passed on 2 December');
    assert.ok(seen.some((event) => event.status === 'cancelled'), 'the cancelled meeting is listed as cancelled');
  });

  it('filters by body and kind', async () => {
    const client = citizen();
    const komisi3 = await client.agenda.events.list({ from: '2026-11-01', to: '2027-02-01', body: 'komisi-3' }).toArray();
    assert.ok(komisi3.length > 0 && komisi3.every((event) => event.body.id === 'komisi-3'));
    const plenaries = await client.agenda.events.list({ from: '2026-11-01', to: '2027-02-01', kind: 'rapat-paripurna' }).toArray();
    assert.equal(plenaries.length, DEMO_EVENTS.filter((event) => event.kind === 'rapat-paripurna').length);
  });

  it('reads the council with its bodies and a webcal: link, and the feed that link points at parses', async () => {
    const client = citizen();
    const council = await client.agenda.council();
    assert.equal(council.name, 'DPRD Kabupaten Lahat');
    assert.equal(council.bodies.length, 10);
    assert.match(council.feed.webcal, /^webcal:\/\/127\.0\.0\.1:\d+\/api\/v1\/opds\/sekretariat-dprd\/events\.ics$/);
    const text = await client.agenda.feed();
    const calendar = new ICAL.Component(ICAL.parse(text));
    assert.equal(calendar.getAllSubcomponents('vevent').length, DEMO_EVENTS.length);
    const one = await client.agenda.ics(council.bodies.length);
    assert.match(one, /^BEGIN:VCALENDAR\r\n/);
  });

  it('has no staff calls on the citizen half', () => {
    const client = citizen() as unknown as { agenda: { events: Record<string, unknown>; bodies?: unknown } };
    assert.equal(client.agenda.events.create, undefined);
    assert.equal(client.agenda.events.cancel, undefined);
    assert.equal(client.agenda.bodies, undefined);
  });
});

describe('staff keeping the agenda through the SDK', () => {
  it('schedules, postpones and cancels an event; the sequence and the public log follow', async () => {
    const client = staff();
    const created = await client.agenda.events.create({
      title: 'Rapat Kerja Komisi II dengan Bapenda',
      body: 'komisi-2',
      kind: 'rapat-kerja',
      startsAt: '2026-12-16T09:00',
      endsAt: '2026-12-16T11:00',
      place: 'Ruang Rapat Komisi II',
    });
    assert.equal(created.sequence, 0);
    assert.equal(created.startsAt, '2026-12-16T02:00:00.000Z');
    const moved = await client.agenda.events.postpone(created.id, { startsAt: '2026-12-17T13:00', reason: 'Kepala Bapenda dinas luar' });
    assert.equal(moved.sequence, 1);
    assert.equal(moved.endsAt, '2026-12-17T08:00:00.000Z', 'a new start alone keeps the two hours');
    const cancelled = await client.agenda.events.cancel(created.id, 'digabung dengan rapat Banggar');
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.sequence, 2);
    const seen = await citizen().agenda.events.get(created.id);
    assert.deepEqual(seen.changes.map((change) => change.kind), ['scheduled', 'postponed', 'cancelled']);
    assert.equal(seen.changes[2]!.text, 'Dibatalkan: digabung dengan rapat Banggar');
  });
});

describe('errors a caller of the agenda can branch on', () => {
  it('answers an ApiError 400 naming to for a range over 366 days', async () => {
    await assert.rejects(citizen().agenda.events.list({ from: '2026-01-01', to: '2027-06-01' }).toArray(), (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 400);
      assert.deepEqual(error.fieldErrors.map((e) => e.path), ['to']);
      return true;
    });
  });

  it('rejects a range written as no date before sending anything, naming from', async () => {
    const { fetch: counted, urls } = countingFetch();
    const client = buildClient({ baseUrl: server.url, opd: DEMO_AGENDA_OPD, fetch: counted }, { agenda: citizenAgenda });
    await assert.rejects(client.agenda.events.list({ from: 'besok' }).toArray(), (error) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.fieldErrors.map((e) => e.path), ['from']);
      return true;
    });
    assert.deepEqual(urls, []);
  });

  it('answers an ApiError 404 for an event there is not, and module-disabled for an OPD without e-Agenda', async () => {
    await assert.rejects(citizen().agenda.events.get(999_999), (error) => error instanceof ApiError && error.status === 404 && error.code === 'not-found');
    await assert.rejects(citizen().agenda.council({ opd: 'bpkad' }), (error) => error instanceof ApiError && error.code === 'module-disabled');
  });

  it('answers a 409 for a change to a cancelled event', async () => {
    const client = staff();
    const event = await client.agenda.events.create({ title: 'Rapat yang dibatalkan', body: 'bamus', kind: 'rapat-kerja', startsAt: '2026-12-18T09:00', endsAt: '2026-12-18T10:00' });
    await client.agenda.events.cancel(event.id, 'tidak kuorum');
    await assert.rejects(client.agenda.events.edit(event.id, { place: 'Aula' }), (error) => error instanceof ApiError && error.status === 409 && error.code === 'conflict');
  });
});

describe("the agenda's own checks say what zod's would (they keep zod's larger classes out of the calendar's bundle)", () => {
  const verdict = (schema: z.ZodMiniType, value: unknown) => {
    const result = schema.safeParse(value, { reportInput: true } as never);
    return result.success ? { ok: result.data } : toFieldErrors(result.error.issues).map(({ path, code }) => ({ path, code }));
  };

  it('reads an instant as z.iso.datetime({ offset: true }) does, accepting and refusing the same', () => {
    const instants = ['2026-12-07T03:00:00.000Z', '2026-12-07T10:00:00+07:00', '2028-02-29T00:00:00Z', '2026-02-29T00:00:00Z', '2026-12-07T03:00Z', '2026-12-07', '2026-12-07T24:00:00Z', '2026-12-07T10:00:00+0700', 12, null];
    for (const value of instants) {
      const period = { startsAt: value, endsAt: '2026-12-07T05:00:00Z', startDate: null, endDate: null };
      assert.deepEqual(verdict(eventPeriod, period), verdict(z.object({ ...eventPeriod.shape, startsAt: timestamp }), period), String(value));
    }
  });

  it('reads an event id and a page size as z.int() with z.minimum and z.maximum would, and describes them alike', () => {
    const zodsId = z.object({ ...agendaEventParams.shape, id: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(2_147_483_647)) });
    for (const id of ['1', '12', '2147483647', '2147483648', '0', '-1', '1.5', 'abc', '', '1e3', 7, 7.5]) {
      assert.deepEqual(verdict(agendaEventParams, { opd: DEMO_AGENDA_OPD, id }), verdict(zodsId, { opd: DEMO_AGENDA_OPD, id }), `id ${id}`);
    }
    const zodsLimit = z.object({ limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))) });
    for (const limit of ['1', '100', '101', '0', '50.5', 'abc', undefined]) {
      assert.deepEqual(verdict(agendaEventQuery, { limit }), verdict(zodsLimit, { limit }), `limit ${limit}`);
    }
    assert.deepEqual(z.toJSONSchema(agendaEventParams.shape.id, { io: 'input' }), z.toJSONSchema(zodsId.shape.id, { io: 'input' }));
    assert.deepEqual(z.toJSONSchema(eventPeriod.shape.startsAt), z.toJSONSchema(timestamp));
  });
});
