/**
 * `Idempotency-Key` for public writes: the same key with the same body answers the stored
 * response again (`Idempotent-Replayed: true`); the same key with another body is a 422
 * `idempotency-conflict` that carries the stored answer as `stored`, so the holder of the key
 * (a device that sent a first version, lost the answer and then changed the text) learns
 * what was stored, e.g. a question's receipt with its tracking code. The key is a secret of
 * the device that made it (the SDK's are random UUIDs); what a write stores with it must be
 * fit for anyone holding the key, as a receipt without personal data is.
 *
 * The key is stored in the same statement as the write (`claimKey`, a CTE of it), and two
 * concurrent requests with one key make one write: the second waits on the key's unique index
 * until the first commits, then claims nothing and replays the first one's answer.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AppEnv } from './env.js';
import { ProblemError, validationProblem } from './problem.js';

/** The longest `Idempotency-Key` accepted. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/**
 * The shortest key an idempotency conflict answers the stored result to: 32 characters, a
 * UUID without its dashes (the SDK sends UUIDs, 36). A shorter key gets a plain conflict.
 */
export const UNGUESSABLE_KEY_LENGTH = 32;

/** A write's outcome as stored and replayed. */
export interface StoredResponse<T> {
  status: number;
  body: T;
  /** True when this answer is a replay of an earlier request with the same key. */
  replayed: boolean;
}

/** The `Idempotency-Key` of the request (checked: 1–255 visible characters), or undefined. */
export function idempotencyKeyOf(c: Context<AppEnv>): string | undefined {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return undefined;
  if (key.length < 1 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw validationProblem(
      [
        {
          path: 'Idempotency-Key',
          message: `Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters`,
          code: 'invalid',
        },
      ],
      undefined,
      400,
    );
  }
  return key;
}

/** SHA-256 of the canonical JSON of `value` (object keys sorted at every level). */
export function requestHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** JSON with object keys sorted, so equal bodies hash alike whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What {@link storedAnswer} needs to know about the request. */
export interface IdempotencyRequest {
  /** Where keys are unique, e.g. `POST /api/v1/opds/bpkad/consultations`. */
  scope: string;
  /** The client's key, or undefined to just run the write. */
  key: string | undefined;
  /** {@link requestHash} of the request body. */
  hash: string;
  /** The time to store with the key. */
  now: Date;
}

/**
 * The answer a key stored, for a request whose own work did not store it: a replay when the
 * body is the same, a 422 `idempotency-conflict` when it is not. With no key stored, `cause`
 * (what stopped the work) is thrown.
 */
export async function storedAnswer<T>(db: Kysely<Database>, request: IdempotencyRequest, cause: unknown): Promise<StoredResponse<T>> {
  const { key, scope, hash } = request;
  const stored = key === undefined
    ? undefined
    : await db
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'response_status', 'response_body'])
        .where('scope', '=', scope)
        .where('key', '=', key)
        .executeTakeFirst();
  // The work failed and no one holds the key: the failure is the answer.
  if (!stored || key === undefined) throw cause;
  if (stored.request_hash !== hash || stored.response_status === null) {
    // What the key stored goes back only to a key nobody could guess (a UUID or longer):
    // with a short key, anyone trying keys would collect other people's receipts.
    const answered = stored.response_status !== null && stored.response_body !== null && key.length >= UNGUESSABLE_KEY_LENGTH;
    throw new ProblemError('idempotency-conflict', {
      detail: answered
        ? 'This Idempotency-Key was already used with a different request body, and that request was stored: `stored` is what it answered. Use a new key for a new request'
        : 'This Idempotency-Key was already used with a different request body; use a new key for a new request',
      errors: [{ path: 'Idempotency-Key', message: 'Already used for a different request', code: 'alreadyUsed' }],
      ...(answered ? { stored: stored.response_body } : {}),
    });
  }
  return { status: stored.response_status, body: stored.response_body as T, replayed: true };
}

/** What a write that claims its key in its own statement needs to know (see {@link claimKey}). */
export interface KeyClaim {
  scope: string;
  key: string;
  /** {@link requestHash} of the request body. */
  hash: string;
  now: Date;
  /** The status stored with the answer. */
  status: number;
}

/** What a one-statement write answers when it did not claim its key: the caller looks the key up. */
export const KEY_NOT_CLAIMED = Symbol('key not claimed');

/**
 * The insert that claims `claim`'s key with `answer`, when `condition` holds: a data-modifying
 * CTE for a write done in one statement (it returns one row when it claimed the key). The
 * statement is its own transaction, so the key and the work commit together or not at all;
 * two requests with one key at once: the second waits on the key's unique index, then claims
 * nothing.
 */
export function claimKey(claim: KeyClaim, answer: unknown, condition: RawBuilder<boolean>): RawBuilder<{ claimed: number }> {
  return sql`insert into idempotency_keys (scope, key, request_hash, created_at, response_status, response_body)
    select ${claim.scope}::text, ${claim.key}::text, ${claim.hash}::text, ${claim.now}::timestamptz,
      ${claim.status}::integer, ${JSON.stringify(answer)}::jsonb
    where ${condition}
    on conflict (scope, key) do nothing
    returning 1 as claimed`;
}

/** Marks a rolled-back transaction whose key another request had claimed. */
class NotClaimed extends Error {}

/**
 * Runs `work` in one transaction of `db` and, with a claim, claims its key with work's answer
 * before the commit, so the key and the work commit together or not at all: for a write of
 * several statements (`claimKey` alone serves a write of one). `KEY_NOT_CLAIMED` when another
 * request holds the key: the transaction is rolled back and the caller replays the stored answer.
 */
export async function claimedInTransaction<D, T>(
  db: Kysely<D>,
  claim: KeyClaim | undefined,
  work: (trx: Transaction<D>) => Promise<T>,
): Promise<T | typeof KEY_NOT_CLAIMED> {
  try {
    return await db.transaction().execute(async (trx) => {
      const answer = await work(trx);
      // A second request with the key waits on its unique index until this commits, then claims nothing.
      if (claim && (await claimKey(claim, answer, sql<boolean>`true`).execute(trx)).rows.length === 0) throw new NotClaimed();
      return answer;
    });
  } catch (error) {
    if (error instanceof NotClaimed) return KEY_NOT_CLAIMED;
    throw error;
  }
}

/** The header of an answer replayed for its Idempotency-Key (`Idempotent-Replayed: true`), else none. */
export function replayHeaders(result: { replayed: boolean }): Record<string, string> {
  return result.replayed ? { 'Idempotent-Replayed': 'true' } : {};
}

/** Whether `claim`'s key is stored (by this request's statement or an earlier one). */
export async function keyStored(db: Kysely<Database> | Transaction<Database>, claim: Pick<KeyClaim, 'scope' | 'key'>): Promise<boolean> {
  const row = await db.selectFrom('idempotency_keys').select('key').where('scope', '=', claim.scope).where('key', '=', claim.key).executeTakeFirst();
  return row !== undefined;
}

/** Removes `claim`'s key: the undo of a claim whose work then stored nothing (a tracking code taken at the same moment). */
export async function releaseKey(db: Kysely<Database> | Transaction<Database>, claim: Pick<KeyClaim, 'scope' | 'key'>): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('scope', '=', claim.scope).where('key', '=', claim.key).execute();
}
