/**
 * Perjaka's side of personal data under UU 27/2022, for the spine's privacy registry (export
 * and erasure on a citizen's request, and the retention period), as SIAP's: plain functions on
 * the database or a transaction; the spine decides the transaction, the audit entry and the actor.
 *
 * A damage report holds a reporter's first and last name, e-mail, phone and device id (all
 * optional, never public) and what they wrote. A citizen is found by the e-mail address or the
 * phone number they gave (the phone compared by its national digits: `0812…`, `+62812…` and
 * `62 812-…` are one number). Erasing empties the contact and device id and turns every mention
 * of the name, e-mail or phone in the report's description (the original and the moderated
 * public text) into `(dihapus)` (the redactor SIAP uses too, `server/src/privacy/redact.ts`);
 * the report, its place, photo and updates stay, no longer tied to a person. The retention period erases the same from reports closed before its date.
 *
 * @module
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { PersonalDataSubject, PrivacyHooks } from '../../http/module.js';
import { ERASED_NAME, nationalDigits, redactorFor } from '../../privacy/redact.js';
import { roadsDb, type ReportRow, type RoadsDb } from './tables.js';

/** The module name the records carry. */
const MODULE = 'perjaka';

/** Reports redacted per round of queries. */
const BATCH = 200;

/** The reports of the citizen `who` (by e-mail, or by phone's national digits); null when `who` names nobody. */
function matching(db: RoadsDb, who: PersonalDataSubject) {
  const email = who.email?.trim().toLowerCase() || undefined;
  const phone = who.phone?.trim() ? nationalDigits(who.phone) : undefined;
  if (!email && !phone) return null;
  const storedPhone = sql<string>`regexp_replace(regexp_replace(reporter_phone, '[^0-9]', '', 'g'), '^(62|0)', '')`;
  return db.selectFrom('road_reports').where((eb) =>
    eb.or([...(email ? [eb(eb.fn('lower', ['reporter_email']), '=', email)] : []), ...(phone ? [eb(storedPhone, '=', phone)] : [])]),
  );
}

const hasContact = (row: Pick<ReportRow, 'reporter_first_name' | 'reporter_last_name' | 'reporter_email' | 'reporter_phone' | 'reporter_device_id'>) =>
  Boolean(row.reporter_first_name || row.reporter_last_name || row.reporter_email || row.reporter_phone || row.reporter_device_id);

/** Everything Perjaka holds about the citizen: one record per report they filed, with what they wrote and its photo's address. */
async function findPersonalData(db: Kysely<Database> | Transaction<Database>, who: PersonalDataSubject) {
  const query = matching(roadsDb(db as Kysely<Database>), who);
  if (!query) return [];
  const rows = await query.selectAll().orderBy('requested_at').orderBy('id').execute();
  return rows.map((row) => ({
    module: MODULE,
    opd: row.opd_slug,
    subject: String(row.id),
    at: new Date(row.requested_at).toISOString(),
    data: {
      serviceCode: row.service_code,
      firstName: row.reporter_first_name,
      lastName: row.reporter_last_name,
      email: row.reporter_email,
      phone: row.reporter_phone,
      deviceId: row.reporter_device_id,
      consentAt: row.consent_at ? new Date(row.consent_at).toISOString() : null,
      description: row.description,
      address: row.address,
      lat: row.lat,
      long: row.lon,
      photoId: row.photo_id,
      status: row.status,
      resolution: row.resolution,
    },
  }));
}

/** Erases the contact of `rows` and every mention of it in their descriptions; returns how many reports changed. */
async function redact(db: RoadsDb, rows: ReportRow[], now: Date): Promise<number> {
  let changed = 0;
  for (const row of rows) {
    if (!hasContact(row)) continue;
    const first = row.reporter_first_name ?? '';
    const last = row.reporter_last_name ?? '';
    const names = [`${first} ${last}`.trim(), first, last].filter(Boolean);
    const redactText = redactorFor({ names, emails: row.reporter_email ? [row.reporter_email] : [], phones: row.reporter_phone ? [row.reporter_phone] : [] });
    await db
      .updateTable('road_reports')
      .set({
        reporter_first_name: null,
        reporter_last_name: null,
        reporter_email: null,
        reporter_phone: null,
        reporter_device_id: null,
        description: row.description === null ? null : redactText(row.description),
        public_description: row.public_description === null ? null : redactText(row.public_description),
        updated_at: now,
      })
      .where('id', '=', String(row.id))
      .execute();
    changed++;
  }
  return changed;
}

/** Erases the citizen's contact from every report they filed, and mentions of it in what they wrote. */
async function erasePersonalData(trx: Transaction<Database>, who: PersonalDataSubject, now: Date): Promise<number> {
  const db = roadsDb(trx as unknown as Kysely<Database>);
  const query = matching(db, who);
  if (!query) return 0;
  return redact(db, await query.selectAll().execute(), now);
}

/** Erases the contact of every report closed before `closedBefore` (the regency's retention period). */
async function eraseExpiredContacts(trx: Transaction<Database>, { closedBefore }: { closedBefore: Date }, now: Date): Promise<number> {
  const db = roadsDb(trx as unknown as Kysely<Database>);
  let total = 0;
  for (;;) {
    const rows = await db
      .selectFrom('road_reports')
      .selectAll()
      .where('status', '=', 'closed')
      .where('updated_at', '<', closedBefore)
      .where((eb) => eb.or([eb('reporter_first_name', 'is not', null), eb('reporter_last_name', 'is not', null), eb('reporter_email', 'is not', null), eb('reporter_phone', 'is not', null), eb('reporter_device_id', 'is not', null)]))
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return total;
    total += await redact(db, rows, now);
    if (rows.length < BATCH) return total;
  }
}

/** Perjaka's privacy hooks, for the module descriptor. */
export const perjakaPrivacy: PrivacyHooks = {
  find: findPersonalData,
  erase: erasePersonalData,
  expire: eraseExpiredContacts,
};

export { ERASED_NAME };
