/**
 * The `holidays` table: the regency's days off besides weekends, one list per deployment.
 * Reads and writes, and the working-day count that loads what it needs.
 *
 * @module
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Holiday, HolidayKind, IndonesianTimeZone } from '../../../src/schemas/index.js';
import type { Database } from '../db/schema.js';
import { addDays, addWorkingDays, dayIn, endOfDayIn, type CalendarDay } from './working-days.js';

/** A database or a transaction, as the spine sees it (a module's view of it too). */
type Db = Kysely<Database> | Transaction<Database>;

/** `date` as `YYYY-MM-DD` text (the pg driver would make a `date` a local-midnight `Date`). */
const dateText = sql<string>`to_char(date, 'YYYY-MM-DD')`;

function spine<DB extends Database>(db: Kysely<DB> | Transaction<DB>): Db {
  // Every module's view of the database holds the spine's tables.
  return db as unknown as Db;
}

/** The days off from `from` to `to` (both included), in date order. */
export async function holidaysBetween<DB extends Database>(
  db: Kysely<DB> | Transaction<DB>,
  from: CalendarDay,
  to: CalendarDay,
): Promise<Holiday[]> {
  const rows = await spine(db)
    .selectFrom('holidays')
    .select([dateText.as('date'), 'name', 'kind'])
    .where(sql<boolean>`date between ${from}::date and ${to}::date`)
    .orderBy('holidays.date')
    .execute();
  return rows.map((row) => ({ date: row.date, name: row.name, kind: row.kind as HolidayKind }));
}

/** The days off of one year, in date order. */
export async function holidaysOfYear<DB extends Database>(db: Kysely<DB> | Transaction<DB>, year: number): Promise<Holiday[]> {
  return holidaysBetween(db, `${year}-01-01`, `${year}-12-31`);
}

/** The day off on `date`, or undefined; locked for update when `lock` (inside a transaction). */
export async function findHoliday(db: Db, date: CalendarDay, lock = false): Promise<Holiday | undefined> {
  let query = db.selectFrom('holidays').select([dateText.as('date'), 'name', 'kind']).where(sql<boolean>`date = ${date}::date`);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { date: row.date, name: row.name, kind: row.kind as HolidayKind } : undefined;
}

/** Adds the day off, or renames the one on its date. */
export async function putHoliday(db: Db, day: Holiday, actor: string, now: Date): Promise<void> {
  await db
    .insertInto('holidays')
    .values({ date: day.date, name: day.name, kind: day.kind, updated_at: now, updated_by: actor })
    .onConflict((oc) => oc.column('date').doUpdateSet({ name: day.name, kind: day.kind, updated_at: now, updated_by: actor }))
    .execute();
}

/** Removes the day off on `date`; true when there was one. */
export async function removeHoliday(db: Db, date: CalendarDay): Promise<boolean> {
  const result = await db.deleteFrom('holidays').where(sql<boolean>`date = ${date}::date`).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * The end (23:59:59.999 in `zone`) of the day `workingDays` working days after the day
 * `start` falls on in `zone`, skipping weekends and the days off in `holidays`. Loads the
 * days off of the stretch it needs (a longer one after a long run of days off, like Idulfitri).
 */
export async function workingDaysLater<DB extends Database>(
  db: Kysely<DB> | Transaction<DB>,
  start: Date,
  workingDays: number,
  zone: IndonesianTimeZone,
): Promise<Date> {
  const first = dayIn(start, zone);
  // Two weeks per working day and a month more covers any Indonesian year; grow if not.
  for (let span = workingDays * 14 + 31; ; span *= 2) {
    const last = addDays(first, span);
    const off = new Set((await holidaysBetween(db, addDays(first, 1), last)).map((day) => day.date));
    const due = addWorkingDays(first, workingDays, (day) => off.has(day));
    if (due <= last) return endOfDayIn(due, zone);
  }
}
