/**
 * The regency's privacy settings (`regency_settings`, one row): how many days after a case is
 * closed the citizen's name and contact are kept.
 *
 * @module
 */
import type { Kysely, Transaction } from 'kysely';
import type { PrivacySettings } from '../../../src/schemas/index.js';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The privacy settings (contact kept until erased on request when none were set). */
export async function readPrivacySettings(db: Db): Promise<PrivacySettings> {
  const row = await db.selectFrom('regency_settings').select('contact_retention_days').where('id', '=', 1).executeTakeFirst();
  return { contactRetentionDays: row?.contact_retention_days ?? null };
}

/** Sets the privacy settings, naming who did; answers what they were before. */
export async function writePrivacySettings(trx: Transaction<Database>, settings: PrivacySettings, userId: string, now: Date): Promise<PrivacySettings> {
  const before = await trx
    .selectFrom('regency_settings')
    .select('contact_retention_days')
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirst();
  await trx
    .insertInto('regency_settings')
    .values({ id: 1, contact_retention_days: settings.contactRetentionDays, updated_at: now, updated_by: userId })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ contact_retention_days: settings.contactRetentionDays, updated_at: now, updated_by: userId }),
    )
    .execute();
  return { contactRetentionDays: before?.contact_retention_days ?? null };
}
