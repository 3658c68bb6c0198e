/**
 * Layanan's side of personal data under UU 27/2022, for the spine's privacy registry (export
 * and erasure on a citizen's request, and the retention period), as SIAP's and Perjaka's.
 *
 * A survey response holds no name or contact by design (the service, the day, the scores), but
 * its optional suggestion is free text a citizen may have put their name, e-mail address or
 * phone number in ("hubungi saya di 0813…"). Staff read suggestions; the public never does.
 *
 * - find: the responses whose suggestion mentions the citizen's e-mail address (any case) or
 *   phone number (however written: `0812…`, `+62 812-…`), one record each with the service,
 *   the day, the suggestion and the scores;
 * - erase: each such mention, and any number shaped like a NIK, becomes `(dihapus)` (the
 *   redactor every module uses, `server/src/privacy/redact.ts`); the response and its scores
 *   stay, so the index does not move;
 * - expire: a suggestion answered before the retention cutoff is screened once: every e-mail
 *   address, Indonesian phone number and NIK-shaped number in it becomes `(dihapus)`, whoever it
 *   belongs to (there is no known citizen to look for). A name alone cannot be told from the
 *   rest of the text and stays.
 *
 * @module
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { PersonalDataSubject, PrivacyHooks } from '../../http/module.js';
import { ERASED_NAME, nationalDigits, redactorFor } from '../../privacy/redact.js';
import { servicesDb, type ServicesDb } from './tables.js';

/** The module name the records carry. */
const MODULE = 'layanan';

/** Suggestions screened per round of queries. */
const BATCH = 200;

/** Any e-mail address. */
const ANY_EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/**
 * Any Indonesian phone number as people write it: `0` and at least 7 more digits (`0813 5555
 * 2468`, `(0731) 321 456`), or `+62`/`62 8…` (a `62` without `+` only before a mobile `8`, so
 * an amount such as `625.000` is not taken for one); spaces, dots, dashes and brackets between.
 */
const ANY_PHONE = /(?<![\p{N}+])(?:\(?\+\s*62\)?|62(?=[\s.()-]*8)|\(?0)[\s.()-]*[1-9](?:[\s.()-]*\d){6,12}(?!\p{N})/gu;

/** Takes every e-mail address, phone number and NIK-shaped number out of a text. */
export function redactContacts(text: string): string {
  return redactorFor({ names: [], emails: [], phones: [] })(text.replace(ANY_EMAIL, ERASED_NAME).replace(ANY_PHONE, ERASED_NAME));
}

/** The responses with a suggestion that may mention `who` (a broad match, narrowed by {@link mentions}); null when `who` names nobody. */
function candidates(db: ServicesDb, who: PersonalDataSubject) {
  const email = who.email?.trim().toLowerCase() || undefined;
  const phone = who.phone?.trim() ? nationalDigits(who.phone) : undefined;
  if (!email && !phone) return null;
  return db
    .selectFrom('survey_responses as r')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .select(['r.id', 'r.suggestion', 's.opd_slug', 's.slug', sql<string>`to_char(r.answered_on, 'YYYY-MM-DD')`.as('answered_on')])
    .where('r.suggestion', 'is not', null)
    .where((eb) =>
      eb.or([
        ...(email ? [eb(sql`strpos(lower(r.suggestion), ${email})`, '>', 0)] : []),
        ...(phone ? [eb(sql`strpos(regexp_replace(r.suggestion, '[^0-9]', '', 'g'), ${phone})`, '>', 0)] : []),
      ]),
    );
}

/** A whole e-mail address in a text (any case), not the end of a longer one (`hidayat@…` is not in `rahmat.hidayat@…`). */
function emailPattern(email: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}._%+-])${email.trim().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\p{L}\\p{N}-]|\\.[\\p{L}\\p{N}])`, 'giu');
}

/** The redactor of `who`'s mentions (their e-mail address, their phone number however written, NIK-shaped numbers), and whether a text mentions them. */
function mentions(who: PersonalDataSubject) {
  const email = who.email?.trim() ? emailPattern(who.email) : undefined;
  const phones = redactorFor({ names: [], emails: [], phones: who.phone ? [who.phone] : [] });
  const withoutPhone = redactorFor({ names: [], emails: [], phones: [] });
  const redact = (text: string) => phones(email ? text.replace(email, ERASED_NAME) : text);
  // Mentioned: the address or the number is in it (a NIK alone says nothing about whose).
  return { redact, has: (text: string) => withoutPhone(text) !== redact(text) };
}

/** The responses whose suggestion mentions `who`. */
async function mentioning(db: ServicesDb, who: PersonalDataSubject) {
  const query = candidates(db, who);
  if (!query) return [];
  const { has } = mentions(who);
  return (await query.orderBy('r.answered_on').orderBy('r.id').execute()).filter((row) => has(row.suggestion!));
}

/** Every survey response whose suggestion mentions the citizen: the service, the day, the suggestion and the scores. */
async function findPersonalData(db: Kysely<Database> | Transaction<Database>, who: PersonalDataSubject) {
  const layanan = servicesDb(db as Kysely<Database>);
  const rows = await mentioning(layanan, who);
  if (rows.length === 0) return [];
  const scores = await layanan.selectFrom('survey_scores').select(['response_id', 'element_id', 'score']).where('response_id', 'in', rows.map((r) => r.id)).execute();
  return rows.map((row) => ({
    module: MODULE,
    opd: row.opd_slug,
    subject: `survey-response:${row.id}`,
    at: new Date(`${row.answered_on}T00:00:00Z`).toISOString(),
    data: {
      service: row.slug,
      answeredOn: row.answered_on,
      suggestion: row.suggestion,
      scores: Object.fromEntries(scores.filter((s) => s.response_id === row.id).map((s) => [s.element_id, s.score])),
    },
  }));
}

/** Erases every mention of the citizen in the suggestions; returns how many responses changed. */
async function erasePersonalData(trx: Transaction<Database>, who: PersonalDataSubject): Promise<number> {
  const db = servicesDb(trx);
  const { redact } = mentions(who);
  const rows = await mentioning(db, who);
  for (const row of rows) await db.updateTable('survey_responses').set({ suggestion: redact(row.suggestion!) }).where('id', '=', row.id).execute();
  return rows.length;
}

/** Screens each suggestion answered before the cutoff's day once, taking every contact out of it; returns how many changed. */
async function screenExpiredSuggestions(trx: Transaction<Database>, { closedBefore }: { closedBefore: Date }): Promise<number> {
  const db = servicesDb(trx);
  const day = closedBefore.toISOString().slice(0, 10);
  let changed = 0;
  for (;;) {
    const rows = await db
      .selectFrom('survey_responses')
      .select(['id', 'suggestion'])
      .where('suggestion', 'is not', null)
      .where('suggestion_screened', '=', false)
      .where(sql<boolean>`answered_on < ${day}::date`)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const screened = redactContacts(row.suggestion!);
      if (screened !== row.suggestion) changed++;
      await db.updateTable('survey_responses').set({ suggestion: screened, suggestion_screened: true }).where('id', '=', row.id).execute();
    }
    if (rows.length < BATCH) return changed;
  }
}

/** Layanan's privacy hooks, for the module descriptor. */
export const layananPrivacy: PrivacyHooks = {
  find: findPersonalData,
  erase: erasePersonalData,
  expire: screenExpiredSuggestions,
};
