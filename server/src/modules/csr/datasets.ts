/**
 * SIP BENAR's open data (`opendata/contract.ts`): the OPD's CSR programmes, one row each, and
 * their spending entries, one row each, as the public API shows them (`toProgram` and
 * `toPublicSpending`: no company contact person, no double-funding or over-budget reason, no
 * staff member's name). Money is whole rupiah.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { latestAt, type DatasetContext, type OpenDataset } from '../../opendata/contract.js';
import { programQueryBase, spendingOf, toProgram, toPublicSpending, type ProgramRow } from './records.js';
import { csrDb } from './tables.js';

/** The OPD's programmes, newest budget year first (as the public list orders them). */
async function programRows(db: Kysely<Database>, opd: string): Promise<ProgramRow[]> {
  return (await programQueryBase(csrDb(db), opd).orderBy('p.year', 'desc').orderBy('p.id', 'desc').execute()) as ProgramRow[];
}

/** Whether the OPD recorded a programme (the public list shows every one, in every status). */
async function hasProgram(db: Kysely<Database>, { opd }: DatasetContext): Promise<boolean> {
  return (await csrDb(db).selectFrom('csr_programs').select('id').where('opd_slug', '=', opd.slug).limit(1).executeTakeFirst()) !== undefined;
}

/** The latest change of the OPD's programmes, their companies' public fields, spending and evidence. */
async function lastChange(db: Kysely<Database>, { opd }: DatasetContext): Promise<Date | null> {
  return latestAt(db, sql<{ at: Date | null }>`
    select greatest(
      (select max(p.updated_at) from csr_programs p where p.opd_slug = ${opd.slug}),
      (select max(c.updated_at) from csr_companies c where c.opd_slug = ${opd.slug} and exists (select 1 from csr_programs p where p.company_id = c.id)),
      (select max(s.updated_at) from csr_spending s join csr_programs p on p.id = s.program_id where p.opd_slug = ${opd.slug}),
      (select max(e.created_at) from csr_evidence e join csr_spending s on s.id = e.spending_id join csr_programs p on p.id = s.program_id where p.opd_slug = ${opd.slug})
    ) as at`);
}

/** The OPD's CSR programmes. */
export const csrProgramsDataset: OpenDataset = {
  id: 'csr-programs',
  title: 'Program CSR (SIP BENAR)',
  description:
    'Setiap program pembangunan yang didanai dana tanggung jawab sosial perusahaan (CSR) yang dicatat forum CSR: perusahaan, bidang, kecamatan, desa, titik lokasi, tahun anggaran, status, komitmen dan realisasi dalam rupiah utuh, penerima manfaat, prioritas RPJMD dan tujuan SDG, dengan tanda bila realisasi melebihi komitmen. Satu baris per program, termasuk yang diusulkan dan dibatalkan. Tanpa narahubung perusahaan.',
  keywords: ['CSR', 'tanggung jawab sosial perusahaan', 'pembangunan desa', 'SIP BENAR', 'Bappeda'],
  columns: [
    { name: 'id', description: 'Nomor program (tetap).' },
    { name: 'judul', description: 'Judul program.' },
    { name: 'deskripsi', description: 'Keterangan program.' },
    { name: 'perusahaan', description: 'Perusahaan penyandang dana.' },
    { name: 'sektor_perusahaan', description: 'Sektor usaha perusahaan (pertambangan, perkebunan, perbankan, …).' },
    { name: 'bidang', description: 'Bidang program menurut daftar bidang OPD (pendidikan, kesehatan, infrastruktur, …).' },
    { name: 'kecamatan', description: 'Kecamatan lokasi program.' },
    { name: 'desa', description: 'Desa atau kelurahan lokasi program.' },
    { name: 'bujur', description: 'Bujur titik lokasi, derajat desimal WGS 84 (kosong bila tidak dicatat).' },
    { name: 'lintang', description: 'Lintang titik lokasi, derajat desimal WGS 84 (kosong bila tidak dicatat).' },
    { name: 'tahun', description: 'Tahun anggaran.' },
    { name: 'status', description: 'proposed (diusulkan), approved (disetujui), running (berjalan), done (selesai), postponed (ditunda), cancelled (dibatalkan).' },
    { name: 'komitmen_rupiah', description: 'Dana yang dikomitmenkan perusahaan, rupiah utuh.' },
    { name: 'realisasi_rupiah', description: 'Jumlah realisasi belanja yang dicatat, rupiah utuh.' },
    { name: 'melebihi_komitmen', description: 'ya bila realisasi melebihi komitmen.' },
    { name: 'kelebihan_rupiah', description: 'Realisasi di atas komitmen, rupiah utuh (0 bila tidak melebihi).' },
    { name: 'penerima_manfaat', description: 'Banyak penerima manfaat, orang (kosong bila tidak dicatat).' },
    { name: 'prioritas_rpjmd', description: 'Prioritas RPJMD yang didukung.' },
    { name: 'tujuan_sdg', description: 'Nomor tujuan pembangunan berkelanjutan (SDG, 1–17).' },
    { name: 'id_usulan_desa', description: 'Nomor usulan desa yang didanai program ini, bila ada.' },
    { name: 'data_contoh', description: 'ya untuk data contoh (demo), bukan data sebenarnya.' },
    { name: 'diperbarui', description: 'Terakhir diubah, ISO 8601 UTC.' },
  ],
  publishedBy: hasProgram,
  async rows(db, { opd }) {
    return (await programRows(db, opd.slug)).map((row) => {
      const program = toProgram(row);
      return {
        id: program.id,
        judul: program.title,
        deskripsi: program.description,
        perusahaan: program.company.name,
        sektor_perusahaan: program.company.sector,
        bidang: program.field,
        kecamatan: program.location.kecamatan,
        desa: program.location.desa,
        bujur: program.location.point?.[0] ?? null,
        lintang: program.location.point?.[1] ?? null,
        tahun: program.year,
        status: program.status,
        komitmen_rupiah: program.committed,
        realisasi_rupiah: program.spent,
        melebihi_komitmen: program.overspent,
        kelebihan_rupiah: program.overspentBy,
        penerima_manfaat: program.beneficiaries,
        prioritas_rpjmd: program.rpjmdPriority,
        tujuan_sdg: program.sdg,
        id_usulan_desa: program.proposalId,
        data_contoh: program.isDemo,
        diperbarui: program.updatedAt,
      };
    });
  },
  modified: lastChange,
};

/** The spending entries of the OPD's CSR programmes. */
export const csrSpendingDataset: OpenDataset = {
  id: 'csr-spending',
  title: 'Realisasi belanja program CSR (SIP BENAR)',
  description:
    'Setiap realisasi belanja program CSR yang dicatat forum CSR: program, tanggal, jumlah dalam rupiah utuh, keterangan dan alamat berkas buktinya (kuitansi, laporan, foto), seperti halaman program publik menampilkannya. Satu baris per realisasi; jumlahnya per program sama dengan realisasi pada set data program CSR.',
  keywords: ['CSR', 'realisasi belanja', 'transparansi anggaran', 'SIP BENAR', 'Bappeda'],
  columns: [
    { name: 'id', description: 'Nomor realisasi (tetap).' },
    { name: 'id_program', description: 'Nomor program (kolom id pada set data program CSR).' },
    { name: 'judul_program', description: 'Judul program.' },
    { name: 'perusahaan', description: 'Perusahaan penyandang dana.' },
    { name: 'tanggal', description: 'Tanggal belanja, YYYY-MM-DD.' },
    { name: 'jumlah_rupiah', description: 'Jumlah belanja, rupiah utuh.' },
    { name: 'keterangan', description: 'Untuk apa dana dibelanjakan.' },
    { name: 'jumlah_bukti', description: 'Banyak berkas bukti.' },
    { name: 'bukti', description: 'Alamat berkas bukti (PDF, JPEG, PNG), dipisah titik koma.' },
  ],
  publishedBy: hasProgram,
  async rows(db, { opd, origin }) {
    const programs = await programRows(db, opd.slug);
    const spending = await spendingOf(csrDb(db), programs.map((row) => row.id), origin);
    return programs.flatMap((row) =>
      (spending.get(row.id) ?? []).map(toPublicSpending).map((entry) => ({
        id: entry.id,
        id_program: row.id,
        judul_program: row.title,
        perusahaan: row.company_name,
        tanggal: entry.date,
        jumlah_rupiah: entry.amount,
        keterangan: entry.description,
        jumlah_bukti: entry.evidence.length,
        bukti: entry.evidence.map((file) => file.url).join('; ') || null,
      })),
    );
  },
  modified: lastChange,
};
