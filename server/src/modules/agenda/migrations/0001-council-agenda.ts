/**
 * e-Agenda's first migration: the council each Sekretariat DPRD publishes the agenda of (its
 * time zone and the domain of its events' UIDs), the council's bodies (configurable per
 * council), the events and their public change log.
 *
 * An event's instants are stored for every event; an all-day event also keeps its days
 * (`start_on`, `end_on`, the last included) so its iCalendar `DTSTART;VALUE=DATE` is the day
 * staff chose whatever zone reads it. The status is never `passed` in the table: that follows
 * from `ends_at`. `sequence` grows with each change, as iCalendar's `SEQUENCE` must.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Creates `agenda_councils`, `agenda_bodies`, `agenda_events` and `agenda_event_changes`. */
export const councilAgendaTables: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('agenda_councils')
      .addColumn('opd_slug', 'text', (c) => c.primaryKey().references('opds.slug').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) =>
        c.notNull().check(sql`time_zone in ('Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura')`),
      )
      .addColumn('uid_domain', 'text')
      .addColumn('email', 'text')
      .addColumn('event_url', 'text')
      .addColumn('note', 'text')
      .addColumn('synthetic', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('agenda_bodies')
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('agenda_councils.opd_slug').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('agenda_bodies_pkey', ['opd_slug', 'id'])
      .execute();

    await db.schema
      .createTable('agenda_events')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('opd_slug', 'text', (c) => c.notNull())
      .addColumn('body_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('tentative', 'confirmed', 'cancelled')`))
      .addColumn('open_to_public', 'boolean', (c) => c.notNull().defaultTo(true))
      .addColumn('all_day', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
      .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
      .addColumn('start_on', 'date')
      .addColumn('end_on', 'date')
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('place', 'text')
      .addColumn('online_url', 'text')
      .addColumn('description', 'text')
      .addColumn('documents', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0).check(sql`sequence >= 0`))
      .addColumn('cancel_reason', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('updated_by', 'text')
      .addForeignKeyConstraint('agenda_events_body_fkey', ['opd_slug', 'body_id'], 'agenda_bodies', ['opd_slug', 'id'])
      .addCheckConstraint('agenda_events_period_check', sql`ends_at > starts_at`)
      .addCheckConstraint(
        'agenda_events_days_check',
        sql`(all_day and start_on is not null and end_on >= start_on) or (not all_day and start_on is null and end_on is null)`,
      )
      .execute();
    await db.schema.createIndex('agenda_events_opd_start_idx').on('agenda_events').columns(['opd_slug', 'starts_at', 'id']).execute();

    await db.schema
      .createTable('agenda_event_changes')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('event_id', 'integer', (c) => c.notNull().references('agenda_events.id').onDelete('cascade'))
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('sequence', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('fields', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('from_period', 'jsonb')
      .addColumn('to_period', 'jsonb')
      .addColumn('actor_id', 'text')
      .execute();
    await db.schema.createIndex('agenda_event_changes_event_idx').on('agenda_event_changes').columns(['event_id', 'sequence']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('agenda_event_changes').execute();
    await db.schema.dropTable('agenda_events').execute();
    await db.schema.dropTable('agenda_bodies').execute();
    await db.schema.dropTable('agenda_councils').execute();
  },
};
