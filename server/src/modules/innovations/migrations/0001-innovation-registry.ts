/**
 * One OPD One Innovation's first migration: the settings (reviewer OPD, deadline, assessment
 * year), the scoring models per assessment year with their indicators (data, never code), the
 * innovations with their search columns, the review log and the evidence files (stored in the
 * database, so every instance serves every file).
 *
 * Search works alike on PGlite (PostgreSQL 18) and PostgreSQL 15: `pg_trgm` and `unaccent`
 * (both bundled with PGlite, both contrib on PostgreSQL and trusted, so an owner without
 * superuser may create them), the `simple` text-search configuration (every PostgreSQL has it;
 * a stemmer would make "perbaikan" and "baik" one word), filled by a trigger because
 * `unaccent()` is not immutable and cannot sit in a generated column or an index expression.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Creates the module's tables, the search trigger and indexes. */
export const innovationRegistryTables: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create extension if not exists unaccent`.execute(db);

    await db.schema
      .createTable('innovation_settings')
      .addColumn('id', 'text', (c) => c.primaryKey().check(sql`id = 'regency'`))
      .addColumn('reviewer_opd', 'text', (c) => c.notNull())
      .addColumn('deadline', 'date')
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('innovation_models')
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('government_share', 'numeric', (c) => c.notNull())
      .addColumn('innovation_share', 'numeric', (c) => c.notNull())
      .addColumn('categories', 'jsonb', (c) => c.notNull())
      .addColumn('note', 'text')
      .execute();

    await db.schema
      .createTable('innovation_indicators')
      .addColumn('year', 'integer', (c) => c.notNull().references('innovation_models.year').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('part', 'text', (c) => c.notNull().check(sql`part in ('government', 'innovation')`))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('weight', 'numeric', (c) => c.notNull().check(sql`weight >= 0`))
      .addColumn('evidence', 'boolean', (c) => c.notNull())
      .addPrimaryKeyConstraint('innovation_indicators_pkey', ['year', 'id'])
      .execute();

    await db.schema
      .createTable('innovations')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('opds.slug').onDelete('cascade'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('pelayanan-publik', 'tata-kelola', 'lainnya')`))
      .addColumn('digital', 'boolean', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('inisiatif', 'uji-coba', 'penerapan')`))
      .addColumn('initiative_on', 'date')
      .addColumn('trial_on', 'date')
      .addColumn('applied_on', 'date')
      .addColumn('started_on', 'date')
      .addColumn('problem', 'text', (c) => c.notNull())
      .addColumn('solution', 'text', (c) => c.notNull())
      .addColumn('benefits', 'text')
      .addColumn('results', 'text')
      .addColumn('budget_source', 'text')
      .addColumn('contact_name', 'text')
      .addColumn('contact_phone', 'text')
      .addColumn('contact_email', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted', 'verified', 'returned')`))
      .addColumn('review_comment', 'text')
      .addColumn('submitted_at', 'timestamptz')
      .addColumn('verified_at', 'timestamptz')
      .addColumn('synthetic', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('updated_by', 'text')
      .addColumn('search_doc', sql`tsvector`)
      .addColumn('search_text', 'text')
      .execute();

    // Name first (A), then the problem and the solution (B); accents folded, lower case.
    await sql`
      create function innovations_search_fill() returns trigger language plpgsql as $$
      begin
        new.search_doc :=
          setweight(to_tsvector('simple', unaccent(lower(new.name))), 'A') ||
          setweight(to_tsvector('simple', unaccent(lower(new.problem))), 'B') ||
          setweight(to_tsvector('simple', unaccent(lower(new.solution))), 'B');
        new.search_text := unaccent(lower(new.name || ' ' || new.problem || ' ' || new.solution));
        return new;
      end $$`.execute(db);
    await sql`
      create trigger innovations_search before insert or update of name, problem, solution on innovations
      for each row execute function innovations_search_fill()`.execute(db);
    await sql`create index innovations_search_doc_idx on innovations using gin (search_doc)`.execute(db);
    await sql`create index innovations_search_trgm_idx on innovations using gin (search_text gin_trgm_ops)`.execute(db);
    await db.schema.createIndex('innovations_status_idx').on('innovations').columns(['status', 'year', 'opd_slug']).execute();
    await db.schema.createIndex('innovations_opd_idx').on('innovations').columns(['opd_slug', 'id']).execute();

    await db.schema
      .createTable('innovation_reviews')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('innovation_id', 'integer', (c) => c.notNull().references('innovations.id').onDelete('cascade'))
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('submitted', 'verified', 'returned')`))
      .addColumn('comment', 'text')
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('innovation_reviews_innovation_idx').on('innovation_reviews').columns(['innovation_id', 'id']).execute();

    await db.schema
      .createTable('innovation_evidence')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('innovation_id', 'integer', (c) => c.notNull().references('innovations.id').onDelete('cascade'))
      .addColumn('indicator_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull().check(sql`media_type in ('application/pdf', 'image/jpeg', 'image/png')`))
      .addColumn('byte_size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('data', 'bytea', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();
    await db.schema.createIndex('innovation_evidence_innovation_idx').on('innovation_evidence').columns(['innovation_id', 'indicator_id']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('innovation_evidence').execute();
    await db.schema.dropTable('innovation_reviews').execute();
    await db.schema.dropTable('innovations').execute();
    await sql`drop function if exists innovations_search_fill()`.execute(db);
    await db.schema.dropTable('innovation_indicators').execute();
    await db.schema.dropTable('innovation_models').execute();
    await db.schema.dropTable('innovation_settings').execute();
  },
};
