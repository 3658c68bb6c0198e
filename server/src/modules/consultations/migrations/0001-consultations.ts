/**
 * SIAP's first migration: consultations and their timeline.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Creates `consultations` and `consultation_events`. */
export const consultationsTables: ModuleMigration = {
  // Databases made before modules had migrations got these tables from the spine's 0001-foundation.
  legacy: '0001-foundation',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('consultations')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('opds.slug'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('category_id', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('consent_at', 'timestamptz', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('received', 'in_progress', 'answered', 'closed')`),
      )
      .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
      .addColumn('due_at', 'timestamptz', (c) => c.notNull())
      .addColumn('first_response_at', 'timestamptz')
      .addColumn('answer_text', 'text')
      .addColumn('answered_at', 'timestamptz')
      .addColumn('answered_by', 'text')
      .addCheckConstraint('consultations_contact_check', sql`email is not null or phone is not null`)
      .execute();
    await db.schema
      .createIndex('consultations_opd_submitted_idx')
      .on('consultations')
      .columns(['opd_slug', 'submitted_at desc', 'id desc'])
      .execute();

    await db.schema
      .createTable('consultation_events')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('consultation_id', 'integer', (c) =>
        c.notNull().references('consultations.id').onDelete('cascade'),
      )
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consultation_events_consultation_idx')
      .on('consultation_events')
      .columns(['consultation_id', 'at', 'id'])
      .execute();

  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('consultation_events').execute();
    await db.schema.dropTable('consultations').execute();
  },
};
