/**
 * Survey tokens and responses. A token is 12 characters of Crockford's base32 (60 random
 * bits; no I, L, O or U, so it reads aloud and types without mix-ups), printed on a slip at
 * the counter as `XXXX-XXXX-XXXX`; only its SHA-256 is stored, bound to one service, with an
 * expiry. A response spends its token in the same transaction as it is stored (a second use,
 * even at the same moment, finds it used: 409), and keeps nothing that leads back to it: not
 * the token, not the time of day, not the address — the service, the model, the day, the
 * scores and the suggestion if any.
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SurveyModel } from '../../../../src/schemas/services.js';
import type { FieldError } from '../../../../src/schemas/index.js';
import { ProblemError, validationProblem } from '../../http/problem.js';
import type { ServicesDb } from './tables.js';

/** Crockford's base32 alphabet. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A token's length in characters. */
export const TOKEN_LENGTH = 12;

/** A new token, `XXXX-XXXX-XXXX`. */
export function newToken(random: (n: number) => Uint8Array = randomBytes): string {
  const bytes = random(TOKEN_LENGTH);
  let text = '';
  for (const byte of bytes) text += ALPHABET[byte & 31];
  return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8)}`;
}

/** A token as typed, read: case and hyphens or spaces do not matter, O is 0 and I or L is 1; null when it cannot be one. */
export function normalizeToken(typed: string): string | null {
  const text = typed.toUpperCase().replace(/[\s-]+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return text.length === TOKEN_LENGTH && [...text].every((ch) => ALPHABET.includes(ch)) ? text : null;
}

/** The stored form of a token. */
export function tokenHash(normalized: string): string {
  return createHash('sha256').update(`skm:${normalized}`).digest('hex');
}

/** Checks a response's scores against the model: one whole score on the scale for every element, no other keys (422 naming each). */
export function checkScores(model: SurveyModel, scores: Record<string, number>): void {
  const errors: FieldError[] = [];
  const min = Math.min(...model.scale.map((s) => s.value));
  const max = Math.max(...model.scale.map((s) => s.value));
  const ids = new Set(model.elements.map((e) => e.id));
  for (const element of model.elements) {
    const score = scores[element.id];
    if (score === undefined) errors.push({ path: `scores.${element.id}`, message: `Score “${element.name}” from ${min} to ${max}`, code: 'required' });
    else if (!Number.isInteger(score) || score < min || score > max) errors.push({ path: `scores.${element.id}`, message: `Score “${element.name}” with a whole number from ${min} to ${max}`, code: score < min ? 'tooSmall' : score > max ? 'tooLarge' : 'invalid' });
  }
  for (const key of Object.keys(scores)) {
    if (!ids.has(key)) errors.push({ path: `scores.${key}`, message: `“${key}” is not an element of the survey: use ${[...ids].join(', ')}`, code: 'notAllowed' });
  }
  if (errors.length > 0) throw validationProblem(errors, 'Answer every question of the survey with a score');
}

/**
 * Spends a token for `serviceId` at `now`, in the caller's transaction: 422 naming `token`
 * when it is no token of ours or one of another service, 409 when used, 410 when expired.
 */
export async function spendToken(trx: ServicesDb, typed: string, serviceId: number, now: Date): Promise<void> {
  const normalized = normalizeToken(typed);
  if (!normalized) throw validationProblem([{ path: 'token', message: 'A survey code has 12 letters and digits, e.g. 7KQ2-M9XD-4TRA: type it as your slip shows it', code: 'format' }]);
  const hash = tokenHash(normalized);
  const spent = await trx
    .updateTable('survey_tokens')
    .set({ used: true })
    .where('hash', '=', hash)
    .where('service_id', '=', serviceId)
    .where('used', '=', false)
    .where('expires_at', '>', now)
    .returning('hash')
    .executeTakeFirst();
  if (spent) return;
  const token = await trx.selectFrom('survey_tokens').select(['service_id', 'used', 'expires_at']).where('hash', '=', hash).executeTakeFirst();
  if (!token) throw validationProblem([{ path: 'token', message: 'We do not know this survey code: check it against your slip', code: 'notAllowed' }]);
  if (token.service_id !== serviceId) throw validationProblem([{ path: 'token', message: 'This survey code is for another service: rate the service you were given it for', code: 'notAllowed' }]);
  if (token.used) throw new ProblemError('survey-token-used', { detail: 'This survey code has already been used: each code counts once' });
  throw new ProblemError('survey-token-expired', { detail: `This survey code expired on ${token.expires_at.toISOString().slice(0, 10)}: ask the counter for a new one` });
}
