/**
 * SIAP's service level (SP4N-LAPOR practice): the first response is due within
 * {@link FIRST_RESPONSE_WORKING_DAYS} working days (Monday–Friday, Asia/Jakarta) after the
 * question arrives, by the end of that day in Jakarta (23:59:59.999 +07:00).
 *
 * @module
 */
import { FIRST_RESPONSE_WORKING_DAYS, type ConsultationStatus } from '../../../../src/schemas/index.js';

/** Asia/Jakarta (WIB) is UTC+7 all year, no daylight saving. */
const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date in Jakarta, `YYYY-MM-DD`. */
export type JakartaDate = string;

/** Options of {@link firstResponseDueAt}. */
export interface DueDateOptions {
  /** Working days to add (default {@link FIRST_RESPONSE_WORKING_DAYS}). */
  workingDays?: number;
  /** Days off besides weekends (national holidays, cuti bersama), by Jakarta date. */
  isHoliday?: (date: JakartaDate) => boolean;
}

/**
 * When the first response to a question submitted at `submittedAt` is due: the end of the
 * Jakarta day that is `workingDays` working days later. A question on Friday evening or on
 * Saturday is due on Wednesday; one on Monday morning is due on Thursday.
 */
export function firstResponseDueAt(submittedAt: Date, options: DueDateOptions = {}): Date {
  const workingDays = options.workingDays ?? FIRST_RESPONSE_WORKING_DAYS;
  const isHoliday = options.isHoliday ?? (() => false);
  // Shift into Jakarta wall-clock time and work on the UTC fields of the shifted value.
  const local = new Date(submittedAt.getTime() + JAKARTA_OFFSET_MS);
  let day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  let counted = 0;
  while (counted < workingDays) {
    day += DAY_MS;
    const date = new Date(day);
    const weekday = date.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (isHoliday(date.toISOString().slice(0, 10))) continue;
    counted += 1;
  }
  // End of that Jakarta day, back in real time.
  return new Date(day + DAY_MS - 1 - JAKARTA_OFFSET_MS);
}

/** What {@link isOverdue} looks at. */
export interface ServiceLevelState {
  status: ConsultationStatus | string;
  firstResponseAt: Date | null;
  dueAt: Date;
}

/**
 * Overdue: no first response yet, not closed, and `now` is past the due time.
 * `listPage()` in queries.ts filters by the same rule in SQL: change both together.
 */
export function isOverdue(state: ServiceLevelState, now: Date): boolean {
  return state.firstResponseAt === null && state.status !== 'closed' && now.getTime() > state.dueAt.getTime();
}
