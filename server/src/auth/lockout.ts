/**
 * The sign-in lockout: after {@link MAX_FAILURES} wrong passwords for one e-mail address
 * within {@link LOCK_MINUTES} minutes, that address cannot sign in for {@link LOCK_MINUTES}
 * minutes. Counted per address whether or not anyone has it, so the lockout says nothing
 * about who has an account; kept in the database, so it holds across server instances.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Wrong passwords allowed in a row. */
export const MAX_FAILURES = 5;

/** How long the lock lasts, and the window the failures are counted in. */
export const LOCK_MINUTES = 15;

const WINDOW_MS = LOCK_MINUTES * 60_000;

/** When the address is locked until, if it is locked now. */
export async function lockedUntil(db: Kysely<Database>, email: string, now: Date): Promise<Date | undefined> {
  const row = await db.selectFrom('login_failures').select('locked_until').where('email', '=', email).executeTakeFirst();
  return row?.locked_until && row.locked_until > now ? row.locked_until : undefined;
}

/** Counts a wrong password; answers the attempts left before the lock, and the lock's end once locked. */
export async function recordFailure(
  db: Kysely<Database>,
  email: string,
  now: Date,
): Promise<{ attemptsLeft: number; lockedUntil?: Date }> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  // A failure after the window (or after a lock ended) starts a new count.
  const row = await db
    .insertInto('login_failures')
    .values({ email, failures: 1, first_failed_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({
        failures: sql<number>`case when login_failures.first_failed_at < ${windowStart} or login_failures.locked_until is not null then 1 else login_failures.failures + 1 end`,
        first_failed_at: sql<Date>`case when login_failures.first_failed_at < ${windowStart} or login_failures.locked_until is not null then ${now} else login_failures.first_failed_at end`,
        locked_until: null,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  if (row.failures < MAX_FAILURES) return { attemptsLeft: MAX_FAILURES - row.failures };
  const until = new Date(now.getTime() + WINDOW_MS);
  await db.updateTable('login_failures').set({ locked_until: until }).where('email', '=', email).execute();
  return { attemptsLeft: 0, lockedUntil: until };
}

/** Forgets the failures of an address (after a right password, or a password reset). */
export async function clearFailures(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).execute();
}
