/**
 * SIAP's ninth migration: a citizen's name and contact can be erased (on request, or after
 * the regency's retention period) while the question stays. `contact_erased_at` says when;
 * the check that a consultation has an e-mail address or a phone number now holds until then.
 * Indexes on `email` and `phone` find one citizen's questions for an export or an erasure.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Adds `consultations.contact_erased_at`, relaxes the contact check for erased rows, indexes the contact. */
export const contactErasure: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('consultations').addColumn('contact_erased_at', 'timestamptz').execute();
    await sql`alter table consultations drop constraint if exists consultations_contact_check`.execute(db);
    await sql`alter table consultations add constraint consultations_contact_check
      check (email is not null or phone is not null or contact_erased_at is not null)`.execute(db);
    await db.schema.createIndex('consultations_email_idx').on('consultations').column('email').execute();
    await db.schema.createIndex('consultations_phone_idx').on('consultations').column('phone').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('consultations_phone_idx').execute();
    await db.schema.dropIndex('consultations_email_idx').execute();
    await sql`alter table consultations drop constraint consultations_contact_check`.execute(db);
    await sql`alter table consultations add constraint consultations_contact_check
      check (email is not null or phone is not null) not valid`.execute(db);
    await db.schema.alterTable('consultations').dropColumn('contact_erased_at').execute();
  },
};
