/**
 * SIAP's second migration: an OPD's consultation categories move from the spine's `opds` row
 * (a `consultation_categories` JSON column, in databases made before modules had their own
 * migrations) into SIAP's own table, keeping their order.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Creates `consultation_categories`, moving any categories kept on `opds`. */
export const categoriesTable: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('consultation_categories')
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('opds.slug').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('consultation_categories_pkey', ['opd_slug', 'id'])
      .execute();
    const { rows } = await sql`
      select 1 from information_schema.columns
      where table_schema = current_schema() and table_name = 'opds' and column_name = 'consultation_categories'`.execute(db);
    if (rows.length === 0) return;
    await sql`
      insert into consultation_categories (opd_slug, id, name, position)
      select o.slug, c.value ->> 'id', c.value ->> 'name', c.position
      from opds o, jsonb_array_elements(o.consultation_categories) with ordinality as c(value, position)
      on conflict do nothing`.execute(db);
    await sql`alter table opds drop column consultation_categories`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('consultation_categories').execute();
  },
};
