/**
 * SIAP's service level (SP4N-LAPOR practice): the first response is due within
 * {@link FIRST_RESPONSE_WORKING_DAYS} working days after the question arrives, by the end of
 * that day in the regency's time zone (`TIME_ZONE`: 23:59:59.999 WIB, WITA or WIT). Working
 * days are Monday–Friday except the regency's days off (national holidays, cuti bersama,
 * regional days off: the spine's `holidays` table, kept by staff).
 *
 * The due date is fixed when the question is stored (it is on the citizen's receipt); a day
 * off added later does not move it.
 *
 * @module
 */
import {
  DEFAULT_TIME_ZONE,
  FIRST_RESPONSE_WORKING_DAYS,
  type ConsultationStatus,
  type IndonesianTimeZone,
} from '../../../../src/schemas/index.js';
import { workingDaysLater } from '../../calendar/holidays.js';
import { addWorkingDays, dayIn, endOfDayIn, type CalendarDay } from '../../calendar/working-days.js';
import type { Db } from './tables.js';

/** A calendar day in the regency, `YYYY-MM-DD`. */
export type LocalDate = CalendarDay;

/** Options of {@link firstResponseDueAt}. */
export interface DueDateOptions {
  /** Working days to add (default {@link FIRST_RESPONSE_WORKING_DAYS}). */
  workingDays?: number;
  /** The regency's time zone (default Asia/Jakarta). */
  timeZone?: IndonesianTimeZone;
  /** Days off besides weekends (national holidays, cuti bersama), by date in the regency. */
  isHoliday?: (date: LocalDate) => boolean;
}

/**
 * When the first response to a question submitted at `submittedAt` is due: the end of the
 * day, in the regency's zone, that is `workingDays` working days later. A question on Friday
 * evening or on Saturday is due on Wednesday; one on Monday morning is due on Thursday.
 */
export function firstResponseDueAt(submittedAt: Date, options: DueDateOptions = {}): Date {
  const zone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const workingDays = options.workingDays ?? FIRST_RESPONSE_WORKING_DAYS;
  return endOfDayIn(addWorkingDays(dayIn(submittedAt, zone), workingDays, options.isHoliday), zone);
}

/**
 * {@link firstResponseDueAt} with the regency's days off from the `holidays` table, in `db`
 * (or the transaction the question is stored in).
 */
export async function firstResponseDue(db: Db, submittedAt: Date, timeZone: IndonesianTimeZone = DEFAULT_TIME_ZONE): Promise<Date> {
  return workingDaysLater(db, submittedAt, FIRST_RESPONSE_WORKING_DAYS, timeZone);
}

/** What {@link isOverdue} looks at. */
export interface ServiceLevelState {
  status: ConsultationStatus | string;
  firstResponseAt: Date | null;
  dueAt: Date;
}

/**
 * Overdue: no first response yet, not closed, and `now` is past the due time (which already
 * counts the time zone and the days off).
 * `listPage()` in queries.ts filters by the same rule in SQL: change both together.
 */
export function isOverdue(state: ServiceLevelState, now: Date): boolean {
  return state.firstResponseAt === null && state.status !== 'closed' && now.getTime() > state.dueAt.getTime();
}
