/**
 * Sign-in tokens: random, shown once, stored only as their SHA-256, each with an expiry and
 * revocable. A bearer token (API, SDK) and the console's cookie are the same kind of thing;
 * `kind` records which.
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, StaffUserRow } from '../db/schema.js';

/** How long a sign-in lasts: a working day. */
export const SIGN_IN_HOURS = 12;

/** The prefix of every token, so a leaked one is recognisable (e.g. by secret scanners). */
export const TOKEN_PREFIX = 'opdk_';

/** Where the console's sign-in lives. */
export const SESSION_COOKIE = 'opd_session';

/** The stored form of a token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random id with a prefix, e.g. `usr_3k9x…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

/** Issues a sign-in for `userId`; answers the token (never stored) and when it expires. */
export async function issueToken(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
  kind: 'bearer' | 'cookie',
  now: Date,
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = newId('tok');
  const expiresAt = new Date(now.getTime() + SIGN_IN_HOURS * 3600_000);
  await db
    .insertInto('staff_tokens')
    .values({ id, token_hash: tokenHash(token), user_id: userId, kind, created_at: now, expires_at: expiresAt, last_used_at: now })
    .execute();
  return { token, id, expiresAt };
}

/** The user a token signs in, when the token is live (not expired, not revoked) and the user is not disabled. */
export async function userOfToken(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<{ user: StaffUserRow; tokenId: string; lastUsedAt: Date } | undefined> {
  const row = await db
    .selectFrom('staff_tokens as t')
    .innerJoin('staff_users as u', 'u.id', 't.user_id')
    .selectAll('u')
    .select(['t.id as token_id', 't.last_used_at as token_last_used_at'])
    .where('t.token_hash', '=', tokenHash(token))
    .where('t.revoked_at', 'is', null)
    .where('t.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { token_id, token_last_used_at, ...user } = row;
  return { user, tokenId: token_id, lastUsedAt: token_last_used_at };
}

/** Notes that a token was used (at most once a minute per token, to keep reads from writing). */
export async function touchToken(db: Kysely<Database>, tokenId: string, lastUsedAt: Date, now: Date): Promise<void> {
  if (now.getTime() - lastUsedAt.getTime() < 60_000) return;
  await db.updateTable('staff_tokens').set({ last_used_at: now }).where('id', '=', tokenId).execute();
}

/** Ends sign-ins: one token, or every token of a user (optionally but one). */
export async function revokeTokens(
  db: Kysely<Database> | Transaction<Database>,
  which: { tokenId: string } | { userId: string; except?: string },
  now: Date,
): Promise<void> {
  let query = db.updateTable('staff_tokens').set({ revoked_at: now }).where('revoked_at', 'is', null);
  if ('tokenId' in which) query = query.where('id', '=', which.tokenId);
  else {
    query = query.where('user_id', '=', which.userId);
    if (which.except) query = query.where('id', '!=', which.except);
  }
  await query.execute();
}
