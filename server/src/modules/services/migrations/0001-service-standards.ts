/**
 * Layanan's first migration: services (an OPD's service, its slug), the versions of their
 * standards (the components of PermenPAN-RB 15/2014, in force from an effective day), the
 * directory's search column and vocabulary, the units' service pledges (*maklumat
 * pelayanan*) and the compliance checklist as data, with its default.
 *
 * Search is the innovation catalogue's way (`server/src/db/indonesian-search.ts`): the
 * `simple` configuration over `unaccent(lower(…))`, filled by a trigger (`unaccent()` is not
 * immutable, so it cannot sit in a generated column), the name weighted A, requirements and
 * product B, the summary C; every word of 3–40 letters goes into `service_words` for typos.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/**
 * The default checklist: the components the Ombudsman RI looks for when it assesses a unit's
 * compliance with the service standard (UU 25/2009 art. 21; PermenPAN-RB 15/2014) — the six
 * published components, the service pledge, the opening hours, facilities for users with
 * special needs and the staff's competence. A regency admin may change it.
 */
export const OMBUDSMAN_CHECKLIST = {
  name: 'Kepatuhan standar pelayanan publik (Ombudsman RI)',
  source:
    'Komponen standar pelayanan yang dinilai Ombudsman RI dalam Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik, menurut UU 25/2009 Pasal 21 dan PermenPAN-RB 15/2014 (susunan daftar ini bacaan kami atas komponen yang dipublikasikan, bukan salinan instrumen penilaian).',
  items: [
    { component: 'requirements', name: 'Persyaratan' },
    { component: 'procedure', name: 'Sistem, mekanisme dan prosedur' },
    { component: 'duration', name: 'Jangka waktu penyelesaian' },
    { component: 'cost', name: 'Biaya/tarif dan dasar hukumnya' },
    { component: 'product', name: 'Produk pelayanan' },
    { component: 'complaints', name: 'Penanganan pengaduan, saran dan masukan' },
    { component: 'pledge', name: 'Maklumat pelayanan' },
    { component: 'hours', name: 'Waktu pelayanan' },
    { component: 'facilitiesDisability', name: 'Sarana bagi pengguna berkebutuhan khusus' },
    { component: 'competence', name: 'Kompetensi pelaksana' },
  ],
};

/** Creates the module's standard tables, the search trigger and indexes, and the default checklist. */
export const serviceStandardTables: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create extension if not exists unaccent`.execute(db);

    await db.schema
      .createTable('services')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('opds.slug').onDelete('cascade'))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addUniqueConstraint('services_opd_slug_key', ['opd_slug', 'slug'])
      .execute();

    await db.schema
      .createTable('service_versions')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('effective_on', 'date', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      .addColumn('online', 'boolean', (c) => c.notNull())
      .addColumn('offline', 'boolean', (c) => c.notNull())
      .addColumn('online_url', 'text')
      .addColumn('requirements', 'jsonb', (c) => c.notNull())
      .addColumn('procedure', 'jsonb', (c) => c.notNull())
      .addColumn('duration_text', 'text', (c) => c.notNull())
      .addColumn('duration_days', 'integer')
      .addColumn('cost_free', 'boolean', (c) => c.notNull())
      .addColumn('cost_amount', 'integer', (c) => c.check(sql`cost_amount >= 0`))
      .addColumn('cost_note', 'text')
      .addColumn('cost_basis', 'text')
      .addColumn('product', 'text', (c) => c.notNull())
      .addColumn('complaints', 'jsonb', (c) => c.notNull())
      .addColumn('hours', 'jsonb', (c) => c.notNull())
      .addColumn('hours_note', 'text')
      .addColumn('location_name', 'text', (c) => c.notNull())
      .addColumn('location_address', 'text')
      .addColumn('legal_basis', 'jsonb', (c) => c.notNull())
      .addColumn('facilities', 'text')
      .addColumn('facilities_disability', 'text')
      .addColumn('competence', 'text')
      .addColumn('internal_oversight', 'text')
      .addColumn('staff_count', 'integer')
      .addColumn('service_guarantee', 'text')
      .addColumn('security_guarantee', 'text')
      .addColumn('performance_evaluation', 'text')
      .addColumn('change_note', 'text')
      .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('search_doc', sql`tsvector`)
      .addUniqueConstraint('service_versions_number_key', ['service_id', 'number'])
      .execute();
    await db.schema.createIndex('service_versions_in_force_idx').on('service_versions').columns(['service_id', 'effective_on']).execute();

    await db.schema.createTable('service_words').addColumn('word', 'text', (c) => c.primaryKey()).execute();
    await sql`create index service_words_trgm_idx on service_words using gin (word gin_trgm_ops)`.execute(db);

    await sql`
      create function service_versions_search_fill() returns trigger language plpgsql as $$
      begin
        new.search_doc :=
          setweight(to_tsvector('simple', unaccent(lower(new.name))), 'A') ||
          setweight(to_tsvector('simple', unaccent(lower(
            coalesce((select string_agg(item, ' ') from jsonb_array_elements_text(new.requirements) as item), '') || ' ' || new.product))), 'B') ||
          setweight(to_tsvector('simple', unaccent(lower(coalesce(new.summary, '')))), 'C');
        insert into service_words (word)
          select distinct lexeme from unnest(tsvector_to_array(new.search_doc)) as lexeme
          where length(lexeme) between 3 and 40
          on conflict do nothing;
        return new;
      end $$`.execute(db);
    await sql`
      create trigger service_versions_search before insert or update of name, requirements, product, summary on service_versions
      for each row execute function service_versions_search_fill()`.execute(db);
    await sql`create index service_versions_search_doc_idx on service_versions using gin (search_doc)`.execute(db);

    await db.schema
      .createTable('service_pledges')
      .addColumn('opd_slug', 'text', (c) => c.primaryKey().references('opds.slug').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('pledged_by', 'text', (c) => c.notNull())
      .addColumn('pledged_on', 'date')
      .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('service_checklists')
      .addColumn('id', 'text', (c) => c.primaryKey().check(sql`id = 'regency'`))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('items', 'jsonb', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz')
      .execute();
    await sql`insert into service_checklists (id, name, source, items, updated_at)
      values ('regency', ${OMBUDSMAN_CHECKLIST.name}, ${OMBUDSMAN_CHECKLIST.source}, ${JSON.stringify(OMBUDSMAN_CHECKLIST.items)}::jsonb, null)`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('service_checklists').execute();
    await db.schema.dropTable('service_pledges').execute();
    await db.schema.dropTable('service_versions').execute();
    await sql`drop function if exists service_versions_search_fill()`.execute(db);
    await db.schema.dropTable('service_words').execute();
    await db.schema.dropTable('services').execute();
  },
};
