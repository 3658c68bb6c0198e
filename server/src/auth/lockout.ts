/**
 * The sign-in lockout: after {@link MAX_FAILURES} wrong passwords for one e-mail address
 * within {@link LOCK_MINUTES} minutes, that address cannot sign in for {@link LOCK_MINUTES}
 * minutes. Counted per address whether or not anyone has it, so the lockout says nothing
 * about who has an account; kept in the database, so it holds across server instances.
 *
 * Every attempt is counted *before* its password is checked, in one statement, so requests
 * sent in parallel cannot check more than {@link MAX_FAILURES} passwords between them; a right
 * password clears the count, and a running lock is never lifted by another attempt.
 *
 * @module
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** Wrong passwords allowed in a row. */
export const MAX_FAILURES = 5;

/** How long the lock lasts, and the window the failures are counted in. */
export const LOCK_MINUTES = 15;

const WINDOW_MS = LOCK_MINUTES * 60_000;

type Db = Kysely<Database> | Transaction<Database>;

/** An attempt as counted: its number within the window, and the lock's end if the address is locked. */
export interface Attempt {
  /** 1 for the first attempt of a window; above {@link MAX_FAILURES}, it must not be checked. */
  count: number;
  /** When the address is locked until, if it is locked now. */
  lockedUntil: Date | null;
}

/** Counts an attempt for the address before its password is checked. */
export async function countAttempt(db: Db, email: string, now: Date): Promise<Attempt> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  // A new count starts after the window, or once a lock has ended; a running lock stays.
  const fresh = sql<boolean>`(login_failures.first_failed_at < ${windowStart} or (login_failures.locked_until is not null and login_failures.locked_until <= ${now}))`;
  const row = await db
    .insertInto('login_failures')
    .values({ email, failures: 1, first_failed_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({
        failures: sql<number>`case when ${fresh} then 1 else login_failures.failures + 1 end`,
        first_failed_at: sql<Date>`case when ${fresh} then ${now}::timestamptz else login_failures.first_failed_at end`,
        locked_until: sql<Date | null>`case when login_failures.locked_until > ${now} then login_failures.locked_until else null end`,
      }),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirstOrThrow();
  return { count: row.failures, lockedUntil: row.locked_until && row.locked_until > now ? row.locked_until : null };
}

/** Locks the address for {@link LOCK_MINUTES} minutes (a running lock keeps its end); answers the end. */
export async function lock(db: Db, email: string, now: Date): Promise<Date> {
  const until = new Date(now.getTime() + WINDOW_MS);
  const row = await db
    .updateTable('login_failures')
    .set({ locked_until: sql<Date>`case when locked_until > ${now} then locked_until else ${until}::timestamptz end` })
    .where('email', '=', email)
    .returning('locked_until')
    .executeTakeFirst();
  return row?.locked_until ?? until;
}

/** Forgets the attempts of an address (after a right password, or a password reset). */
export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).execute();
}
