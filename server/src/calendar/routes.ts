/**
 * The regency's days off, kept by staff: list a year, add or rename a day, remove a day.
 * One list per deployment (a regency runs one backend), read by every module's service level.
 * Every change lands in the audit log, in the transaction that makes it.
 *
 * @module
 */
import { holiday, holidayEndpoints as endpoints, holidayInput, holidayList } from '../../../src/schemas/index.js';
import { audit } from '../db/audit.js';
import { defineModule, route } from '../http/module.js';
import { ProblemError } from '../http/problem.js';
import { findHoliday, holidaysOfYear, putHoliday, removeHoliday } from './holidays.js';

const NO_STORE = { 'Cache-Control': 'no-store' };

const dateDocs = {
  description: 'The day, `YYYY-MM-DD` (a day in the regency, no time), e.g. `2026-03-20`.',
  schema: { type: 'string', format: 'date' },
};

const notADate = (_: string, value: string) =>
  `${value.slice(0, 40)} is not a day: write it as YYYY-MM-DD, like 2026-03-20`;

const list = route({
  endpoint: endpoints.list,
  summary: 'List the days off of a year (staff)',
  description:
    'The regency’s days off besides Saturday and Sunday in one year: national holidays, cuti bersama and regional days off, in date order. Service levels (SIAP’s first response) do not count them as working days. 2025 and 2026 come filled in from the SKB of three ministers; staff keep the list from then on. One page holds the year.',
  returns: 'The days off of the year.',
  docs: { year: 'The year, e.g. `2026`.' },
  async handler({ query, deps }) {
    return { body: { data: await holidaysOfYear(deps.db, query.year), nextCursor: null }, headers: NO_STORE };
  },
});

const put = route({
  endpoint: endpoints.put,
  summary: 'Add or rename a day off (regency admin)',
  description:
    'Makes the day a day off (`national`, `cuti-bersama` or `regional`), or changes the name or kind of the day off on that date. A due date already given to a citizen stays as it was; questions asked from now on skip the day. Recorded in the audit log.',
  returns: 'The day off.',
  docs: { date: dateDocs },
  notFound: notADate,
  async handler({ params, body, deps, now, actor }) {
    const day = { date: params.date, name: body.name, kind: body.kind };
    await deps.db.transaction().execute(async (trx) => {
      const before = await findHoliday(trx, day.date, true);
      await putHoliday(trx, day, actor.email, now);
      await audit(
        trx,
        {
          actor,
          action: 'holiday.put',
          subject: `holiday:${day.date}`,
          detail: { name: day.name, kind: day.kind, before: before ? { name: before.name, kind: before.kind } : null },
        },
        now,
      );
    });
    deps.log.info('day off set', { date: day.date, kind: day.kind });
    return { body: day, headers: NO_STORE };
  },
});

const remove = route({
  endpoint: endpoints.remove,
  summary: 'Remove a day off (regency admin)',
  description:
    'The day becomes a working day again (unless it is a Saturday or Sunday). A due date already given to a citizen stays as it was. Recorded in the audit log.',
  returns: 'Removed.',
  docs: { date: dateDocs },
  notFound: notADate,
  async handler({ params, deps, now, actor }) {
    await deps.db.transaction().execute(async (trx) => {
      const before = await findHoliday(trx, params.date, true);
      if (!before || !(await removeHoliday(trx, params.date))) {
        throw new ProblemError('not-found', { detail: `${params.date} is not a day off here` });
      }
      await audit(
        trx,
        { actor, action: 'holiday.remove', subject: `holiday:${params.date}`, detail: { before: { name: before.name, kind: before.kind } } },
        now,
      );
    });
    deps.log.info('day off removed', { date: params.date });
    return { body: undefined };
  },
});

/** The regency's calendar, a spine part every OPD shares: its days off, kept by staff. Not switched per OPD. */
export const calendarModule = defineModule({
  id: 'calendar',
  perOpd: false,
  routes: [list, put, remove],
  openapi: {
    tag: { name: 'Calendar', description: 'The regency’s days off (national holidays, cuti bersama), which every service level skips.' },
    schemas: {
      Holiday: { schema: holiday, io: 'output', description: 'A day off of the regency besides Saturday and Sunday.' },
      HolidayList: { schema: holidayList, io: 'output', description: 'The days off of one year, in date order.' },
      HolidayInput: { schema: holidayInput, io: 'input', description: 'The name and kind of a day off.' },
    },
  },
});
