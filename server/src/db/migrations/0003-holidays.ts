/**
 * The spine's third migration: the regency's days off (`holidays`), which every module's
 * service level skips (SIAP's first response today; Perjaka's follow-ups and Layanan's
 * service times next), filled with Indonesia's national holidays and cuti bersama of 2025
 * and 2026. Staff keep the list from then on (`PUT`/`DELETE /api/v1/holidays/{date}`): a new
 * year's SKB, a change like 18 August 2025, the regency's own days off.
 *
 * Sources (the SKB of the Minister of Religious Affairs, the Minister of Manpower and the
 * Minister of Administrative and Bureaucratic Reform, as published by Kemenko PMK and
 * Sekretariat Kabinet):
 * - 2025: SKB Nomor 1017 Tahun 2024, Nomor 2 Tahun 2024, Nomor 2 Tahun 2024 (17 national
 *   holidays, 10 days of cuti bersama), changed by SKB Nomor 933 Tahun 2025, Nomor 1 Tahun
 *   2025, Nomor 3 Tahun 2025 (7 August 2025: 18 August 2025 added as cuti bersama, HUT RI ke-80);
 * - 2026: SKB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (17 national
 *   holidays, 8 days of cuti bersama), announced 19 September 2025.
 * The SKB gives Idulfitri as two days (both national holidays); this list does the same.
 *
 * This list is what the migration writes, once; never change it here (a database that ran it
 * keeps its rows, edited by staff). Later years go in through the holiday endpoints.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { HolidayKind } from '../../../../src/schemas/index.js';
import type { ModuleMigration } from '../migrate.js';

/** The actor of rows this migration wrote. */
export const HOLIDAY_SEED_ACTOR = 'migration:0003-holidays';

/** Indonesia's national holidays and cuti bersama of 2025 and 2026, by the SKBs named above. */
export const INDONESIAN_HOLIDAYS_2025_2026: ReadonlyArray<{ date: string; name: string; kind: HolidayKind }> = [
  // 2025
  { date: '2025-01-01', name: 'Tahun Baru 2025 Masehi', kind: 'national' },
  { date: '2025-01-27', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'national' },
  { date: '2025-01-28', name: 'Cuti bersama Tahun Baru Imlek 2576 Kongzili', kind: 'cuti-bersama' },
  { date: '2025-01-29', name: 'Tahun Baru Imlek 2576 Kongzili', kind: 'national' },
  { date: '2025-03-28', name: 'Cuti bersama Hari Suci Nyepi (Tahun Baru Saka 1947)', kind: 'cuti-bersama' },
  { date: '2025-03-29', name: 'Hari Suci Nyepi (Tahun Baru Saka 1947)', kind: 'national' },
  { date: '2025-03-31', name: 'Idulfitri 1446 Hijriah', kind: 'national' },
  { date: '2025-04-01', name: 'Idulfitri 1446 Hijriah', kind: 'national' },
  { date: '2025-04-02', name: 'Cuti bersama Idulfitri 1446 Hijriah', kind: 'cuti-bersama' },
  { date: '2025-04-03', name: 'Cuti bersama Idulfitri 1446 Hijriah', kind: 'cuti-bersama' },
  { date: '2025-04-04', name: 'Cuti bersama Idulfitri 1446 Hijriah', kind: 'cuti-bersama' },
  { date: '2025-04-07', name: 'Cuti bersama Idulfitri 1446 Hijriah', kind: 'cuti-bersama' },
  { date: '2025-04-18', name: 'Wafat Yesus Kristus', kind: 'national' },
  { date: '2025-04-20', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'national' },
  { date: '2025-05-01', name: 'Hari Buruh Internasional', kind: 'national' },
  { date: '2025-05-12', name: 'Hari Raya Waisak 2569 BE', kind: 'national' },
  { date: '2025-05-13', name: 'Cuti bersama Hari Raya Waisak 2569 BE', kind: 'cuti-bersama' },
  { date: '2025-05-29', name: 'Kenaikan Yesus Kristus', kind: 'national' },
  { date: '2025-05-30', name: 'Cuti bersama Kenaikan Yesus Kristus', kind: 'cuti-bersama' },
  { date: '2025-06-01', name: 'Hari Lahir Pancasila', kind: 'national' },
  { date: '2025-06-06', name: 'Iduladha 1446 Hijriah', kind: 'national' },
  { date: '2025-06-09', name: 'Cuti bersama Iduladha 1446 Hijriah', kind: 'cuti-bersama' },
  { date: '2025-06-27', name: '1 Muharam Tahun Baru Islam 1447 Hijriah', kind: 'national' },
  { date: '2025-08-17', name: 'Proklamasi Kemerdekaan', kind: 'national' },
  { date: '2025-08-18', name: 'Cuti bersama HUT ke-80 Kemerdekaan RI', kind: 'cuti-bersama' },
  { date: '2025-09-05', name: 'Maulid Nabi Muhammad SAW', kind: 'national' },
  { date: '2025-12-25', name: 'Kelahiran Yesus Kristus', kind: 'national' },
  { date: '2025-12-26', name: 'Cuti bersama Kelahiran Yesus Kristus', kind: 'cuti-bersama' },
  // 2026
  { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'national' },
  { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'national' },
  { date: '2026-02-16', name: 'Cuti bersama Tahun Baru Imlek 2577 Kongzili', kind: 'cuti-bersama' },
  { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili', kind: 'national' },
  { date: '2026-03-18', name: 'Cuti bersama Hari Suci Nyepi (Tahun Baru Saka 1948)', kind: 'cuti-bersama' },
  { date: '2026-03-19', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)', kind: 'national' },
  { date: '2026-03-20', name: 'Cuti bersama Idulfitri 1447 Hijriah', kind: 'cuti-bersama' },
  { date: '2026-03-21', name: 'Idulfitri 1447 Hijriah', kind: 'national' },
  { date: '2026-03-22', name: 'Idulfitri 1447 Hijriah', kind: 'national' },
  { date: '2026-03-23', name: 'Cuti bersama Idulfitri 1447 Hijriah', kind: 'cuti-bersama' },
  { date: '2026-03-24', name: 'Cuti bersama Idulfitri 1447 Hijriah', kind: 'cuti-bersama' },
  { date: '2026-04-03', name: 'Wafat Yesus Kristus', kind: 'national' },
  { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'national' },
  { date: '2026-05-01', name: 'Hari Buruh Internasional', kind: 'national' },
  { date: '2026-05-14', name: 'Kenaikan Yesus Kristus', kind: 'national' },
  { date: '2026-05-15', name: 'Cuti bersama Kenaikan Yesus Kristus', kind: 'cuti-bersama' },
  { date: '2026-05-27', name: 'Iduladha 1447 Hijriah', kind: 'national' },
  { date: '2026-05-28', name: 'Cuti bersama Iduladha 1447 Hijriah', kind: 'cuti-bersama' },
  { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE', kind: 'national' },
  { date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: 'national' },
  { date: '2026-06-16', name: '1 Muharam Tahun Baru Islam 1448 Hijriah', kind: 'national' },
  { date: '2026-08-17', name: 'Proklamasi Kemerdekaan', kind: 'national' },
  { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW', kind: 'national' },
  { date: '2026-12-24', name: 'Cuti bersama Kelahiran Yesus Kristus', kind: 'cuti-bersama' },
  { date: '2026-12-25', name: 'Kelahiran Yesus Kristus', kind: 'national' },
];

/** Creates `holidays` and writes the 2025 and 2026 days off. */
export const holidaysTable: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('holidays')
      .addColumn('date', 'date', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('national', 'cuti-bersama', 'regional')`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();
    const rows = INDONESIAN_HOLIDAYS_2025_2026.map(
      (day) => sql`(${day.date}::date, ${day.name}, ${day.kind}, now(), ${HOLIDAY_SEED_ACTOR})`,
    );
    await sql`insert into holidays (date, name, kind, updated_at, updated_by) values ${sql.join(rows)}`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('holidays').execute();
  },
};
