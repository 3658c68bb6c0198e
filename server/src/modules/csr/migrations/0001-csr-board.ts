/**
 * SIP BENAR's first migration: the OPD's fields (*bidang*; none stored means the defaults),
 * the companies with their contact person (staff-only), the programmes with their committed
 * budget, place and the double-funding flag with its written reason, the spending entries and
 * their evidence files (bytes in the database, so every instance serves every file), and the
 * village proposals with the CSR forum's decision.
 *
 * Money is `bigint` whole rupiah (never `numeric` with a fraction, never a float), checked
 * non-negative (a spending entry positive) by the database as well as by the API. Every row
 * has `is_demo`, true for the demo seed's.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Creates the module's tables and indexes. */
export const csrBoardTables: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('csr_fields')
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('opds.slug').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('csr_fields_pkey', ['opd_slug', 'id'])
      .execute();

    await db.schema
      .createTable('csr_companies')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('opds.slug').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sector', 'text', (c) => c.notNull().check(sql`sector in ('pertambangan', 'perkebunan', 'energi', 'perbankan', 'telekomunikasi', 'manufaktur', 'perdagangan', 'lainnya')`))
      .addColumn('contact_name', 'text')
      .addColumn('contact_phone', 'text')
      .addColumn('contact_email', 'text')
      .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('updated_by', 'text')
      .execute();
    await sql`create unique index csr_companies_name_idx on csr_companies (opd_slug, lower(name))`.execute(db);

    await db.schema
      .createTable('csr_proposals')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('opds.slug').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('kecamatan', 'text', (c) => c.notNull())
      .addColumn('desa', 'text', (c) => c.notNull())
      .addColumn('lon', 'double precision')
      .addColumn('lat', 'double precision')
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('estimated_cost', 'bigint', (c) => c.check(sql`estimated_cost > 0`))
      .addColumn('beneficiaries', 'integer', (c) => c.check(sql`beneficiaries >= 0`))
      .addColumn('proposer', 'text', (c) => c.notNull())
      .addColumn('contact_name', 'text')
      .addColumn('contact_phone', 'text')
      .addColumn('submitted_on', 'date', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('submitted', 'approved', 'rejected', 'funded')`))
      .addColumn('decision_note', 'text')
      .addColumn('decided_at', 'timestamptz')
      .addColumn('decided_by', 'text')
      .addColumn('company_id', 'integer', (c) => c.references('csr_companies.id'))
      .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('updated_by', 'text')
      .addCheckConstraint('csr_proposals_point_check', sql`(lon is null) = (lat is null)`)
      .execute();
    await db.schema.createIndex('csr_proposals_opd_idx').on('csr_proposals').columns(['opd_slug', 'status', 'id']).execute();

    await db.schema
      .createTable('csr_programs')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('opds.slug').onDelete('cascade'))
      .addColumn('company_id', 'integer', (c) => c.notNull().references('csr_companies.id'))
      .addColumn('proposal_id', 'integer', (c) => c.references('csr_proposals.id').unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('kecamatan', 'text', (c) => c.notNull())
      .addColumn('desa', 'text', (c) => c.notNull())
      .addColumn('lon', 'double precision')
      .addColumn('lat', 'double precision')
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('committed', 'bigint', (c) => c.notNull().check(sql`committed >= 0`))
      .addColumn('beneficiaries', 'integer', (c) => c.check(sql`beneficiaries >= 0`))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('proposed', 'approved', 'running', 'done', 'postponed', 'cancelled')`))
      .addColumn('rpjmd_priority', 'text')
      .addColumn('sdg', 'integer', (c) => c.check(sql`sdg between 1 and 17`))
      .addColumn('double_funding_with', 'jsonb')
      .addColumn('double_funding_reason', 'text')
      .addColumn('double_funding_by', 'text')
      .addColumn('double_funding_at', 'timestamptz')
      .addColumn('over_budget_reason', 'text')
      .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('updated_by', 'text')
      .addCheckConstraint('csr_programs_point_check', sql`(lon is null) = (lat is null)`)
      .execute();
    await db.schema.createIndex('csr_programs_opd_idx').on('csr_programs').columns(['opd_slug', 'year', 'id']).execute();
    await sql`create index csr_programs_place_idx on csr_programs (opd_slug, field, year, lower(kecamatan), lower(desa))`.execute(db);

    await db.schema
      .createTable('csr_spending')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('program_id', 'integer', (c) => c.notNull().references('csr_programs.id').onDelete('cascade'))
      .addColumn('spent_on', 'date', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('over_budget_reason', 'text')
      .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_by_name', 'text')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('csr_spending_program_idx').on('csr_spending').columns(['program_id', 'spent_on']).execute();

    await db.schema
      .createTable('csr_evidence')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('spending_id', 'integer', (c) => c.notNull().references('csr_spending.id').onDelete('cascade'))
      .addColumn('media_type', 'text', (c) => c.notNull().check(sql`media_type in ('application/pdf', 'image/jpeg', 'image/png')`))
      .addColumn('byte_size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('data', 'bytea', (c) => c.notNull())
      .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();
    await db.schema.createIndex('csr_evidence_spending_idx').on('csr_evidence').column('spending_id').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['csr_evidence', 'csr_spending', 'csr_programs', 'csr_proposals', 'csr_companies', 'csr_fields']) await db.schema.dropTable(table).execute();
  },
};
