/**
 * Three fields of the IID proposal form (*Form Isian Proposal Inovasi Daerah*) the registry did
 * not hold: who started the innovation (*inisiator*: kepala daerah, anggota DPRD, OPD, ASN,
 * masyarakat), whether it is about the COVID-19 pandemic (*Covid-19 / Non Covid-19*) and its
 * goal (*tujuan*). All three may be empty: innovations registered before this migration have
 * none of them, and the export leaves their cells empty until the OPD fills them in.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Adds `initiator`, `covid19` and `goal` to `innovations`. */
export const innovationInitiatorCovidGoal: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('innovations')
      .addColumn('initiator', 'text', (c) => c.check(sql`initiator in ('kepala-daerah', 'anggota-dprd', 'opd', 'asn', 'masyarakat')`))
      .execute();
    await db.schema.alterTable('innovations').addColumn('covid19', 'boolean').execute();
    await db.schema.alterTable('innovations').addColumn('goal', 'text').execute();
  },
};
