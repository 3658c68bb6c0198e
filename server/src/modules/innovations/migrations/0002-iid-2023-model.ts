/**
 * The IID 2023 scoring model as data (Kemendagri's regional innovation index): 36 indicators
 * in 2 aspects — the regional government part (Satuan Pemerintah Daerah, indicators 1–15,
 * 25.2 %) and the innovation part (Satuan Inovasi Daerah: indicators 16–35 scored per
 * innovation with evidence, and 36, the number of innovations; 74.8 %) — and the categories
 * Sangat Inovatif (> 60.00), Inovatif (35.00–60.00), Kurang Inovatif (< 35.00), Tidak Dapat
 * Dinilai (0). A later year is another row and its indicators, added the same way; no code
 * changes with the guidelines.
 *
 * The shares, the count, the split 1–15 / 16–35 / 36 and the categories are those of the 2023
 * socialisation (BSKDN, "Penilaian IID 2023"). The per-indicator weights are not transcribed
 * from the guide: the government part is split evenly (1.68 each), indicators 16–35 take 3.5
 * each and 36 takes 4.8 — the model's `note` says so, and every estimate names its model.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** `[id, name]` of the government part, indicators 1–15. */
const GOVERNMENT: ReadonlyArray<readonly [string, string]> = [
  ['regulasi-sistem-inovasi', 'Regulasi sistem inovasi daerah'],
  ['rkpd-inovasi', 'Program inovasi dalam RKPD'],
  ['anggaran-inovasi-daerah', 'Anggaran inovasi dan penelitian dalam APBD'],
  ['sdm-inovasi-daerah', 'Ketersediaan SDM inovasi daerah'],
  ['tim-inovasi-daerah', 'Tim inovasi daerah'],
  ['kajian-penelitian', 'Kajian dan penelitian pendukung inovasi'],
  ['kelembagaan-riset', 'Perangkat daerah yang membidangi riset dan inovasi'],
  ['mal-pelayanan-publik', 'Layanan terpadu / mal pelayanan publik'],
  ['informasi-layanan-daring', 'Informasi pelayanan publik daring'],
  ['penanganan-pengaduan', 'Penanganan pengaduan pelayanan publik'],
  ['opini-bpk', 'Opini BPK atas laporan keuangan daerah'],
  ['nilai-lppd', 'Nilai laporan penyelenggaraan pemerintahan daerah (LPPD)'],
  ['nilai-sakip', 'Nilai SAKIP'],
  ['indeks-kepuasan-masyarakat', 'Indeks kepuasan masyarakat'],
  ['penghargaan-inovasi', 'Penghargaan inovasi yang diterima daerah'],
];

/** `[id, name]` of the indicators scored per innovation with evidence, 16–35. */
const INNOVATION: ReadonlyArray<readonly [string, string]> = [
  ['regulasi', 'Regulasi inovasi daerah'],
  ['sdm', 'Ketersediaan SDM terhadap inovasi daerah'],
  ['anggaran', 'Dukungan anggaran'],
  ['teknologi-informasi', 'Alat kerja dan penggunaan teknologi informasi'],
  ['bimtek', 'Bimbingan teknis'],
  ['program-rkpd', 'Program dan kegiatan inovasi dalam RKPD'],
  ['keterlibatan-aktor', 'Keterlibatan aktor inovasi'],
  ['pelaksana', 'Pelaksana inovasi daerah'],
  ['jejaring', 'Jejaring inovasi'],
  ['sosialisasi', 'Sosialisasi inovasi daerah'],
  ['pedoman-teknis', 'Pedoman teknis'],
  ['kemudahan-informasi', 'Kemudahan informasi layanan'],
  ['kemudahan-proses', 'Kemudahan proses inovasi yang dihasilkan'],
  ['penyelesaian-pengaduan', 'Penyelesaian layanan pengaduan'],
  ['layanan-terintegrasi', 'Layanan terintegrasi'],
  ['replikasi', 'Replikasi'],
  ['kecepatan-penciptaan', 'Kecepatan penciptaan inovasi'],
  ['kemanfaatan', 'Kemanfaatan inovasi'],
  ['monitoring-evaluasi', 'Monitoring dan evaluasi inovasi daerah'],
  ['kualitas-inovasi', 'Kualitas inovasi daerah (video)'],
];

/** The 2023 categories: `max` included, null for none. */
export const IID_2023_CATEGORIES = [
  { name: 'Sangat Inovatif', min: 60.01, max: null },
  { name: 'Inovatif', min: 35, max: 60 },
  { name: 'Kurang Inovatif', min: 0.01, max: 34.99 },
  { name: 'Tidak Dapat Dinilai', min: 0, max: 0 },
];

/** Adds the 2023 model and its 36 indicators. */
export const iid2023Model: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`insert into innovation_models (year, name, source, government_share, innovation_share, categories, note) values (
      2023, 'Indeks Inovasi Daerah 2023',
      'Kemendagri (BSKDN): Pengukuran dan Penilaian Indeks Inovasi Daerah 2023, surat Mendagri 400.10.11/2704/SJ, 18 Mei 2023; materi sosialisasi Penilaian IID 2023',
      25.2, 74.8, ${JSON.stringify(IID_2023_CATEGORIES)}::jsonb,
      'Bobot per indikator adalah perkiraan kami (bagian pemerintah daerah dibagi rata 1,68; indikator 16–35 masing-masing 3,5; indikator 36 4,8), bukan angka pedoman; skor dari sistem ini hanya perkiraan.')`.execute(db);
    let number = 0;
    const rows: Array<{ id: string; number: number; part: string; name: string; weight: number; evidence: boolean }> = [];
    for (const [id, name] of GOVERNMENT) rows.push({ id, number: ++number, part: 'government', name, weight: 1.68, evidence: false });
    for (const [id, name] of INNOVATION) rows.push({ id, number: ++number, part: 'innovation', name, weight: 3.5, evidence: true });
    rows.push({ id: 'jumlah-inovasi', number: ++number, part: 'innovation', name: 'Jumlah inovasi daerah', weight: 4.8, evidence: false });
    for (const row of rows) {
      await sql`insert into innovation_indicators (year, id, number, part, name, weight, evidence)
        values (2023, ${row.id}, ${row.number}, ${row.part}, ${row.name}, ${row.weight}, ${row.evidence})`.execute(db);
    }
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`delete from innovation_models where year = 2023`.execute(db);
  },
};
