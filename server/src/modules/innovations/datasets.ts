/**
 * One OPD One Innovation's open data (`opendata/contract.ts`): the OPD's verified innovations,
 * one row each, as the public catalogue shows them (`toInnovation`: no contact person, no
 * review comment, no draft, submitted or returned innovation), with the evidence files as a
 * count and their addresses.
 *
 * @module
 */
import { sql } from 'kysely';
import { latestAt, type OpenDataset } from '../../opendata/contract.js';
import { allModels, evidenceOf, innovationQueryBase, toInnovation, type InnovationRow } from './registry.js';
import { innovationsDb } from './tables.js';

/** The status of a public innovation. */
const VERIFIED = 'verified';

/** The OPD's verified innovations. */
export const innovationsDataset: OpenDataset = {
  id: 'innovations',
  title: 'Inovasi daerah yang telah diverifikasi',
  description:
    'Setiap inovasi daerah perangkat daerah ini yang telah diverifikasi Bappeda (PP 38/2017): nama, bentuk (pelayanan publik, tata kelola, lainnya), digital atau tidak, tahapan (inisiatif, uji coba, penerapan) dengan tanggalnya, permasalahan, solusi, manfaat, hasil, sumber anggaran, tahun penilaian dan bukti dukungnya, seperti katalog inovasi publik menampilkannya. Satu baris per inovasi; tanpa narahubung.',
  keywords: ['inovasi daerah', 'One OPD One Innovation', 'indeks inovasi daerah', 'IID', 'pelayanan publik'],
  columns: [
    { name: 'id', description: 'Nomor inovasi (tetap).' },
    { name: 'nama_inovasi', description: 'Nama inovasi daerah.' },
    { name: 'perangkat_daerah', description: 'Perangkat daerah yang menjalankannya.' },
    { name: 'bentuk', description: 'Bentuk inovasi: pelayanan-publik, tata-kelola, atau lainnya.' },
    { name: 'digital', description: 'ya bila inovasi digital.' },
    { name: 'tahapan', description: 'Tahapan: inisiatif, uji-coba, atau penerapan.' },
    { name: 'tanggal_inisiatif', description: 'Tanggal tahap inisiatif, YYYY-MM-DD.' },
    { name: 'tanggal_uji_coba', description: 'Tanggal mulai uji coba, YYYY-MM-DD.' },
    { name: 'tanggal_penerapan', description: 'Tanggal mulai penerapan, YYYY-MM-DD.' },
    { name: 'tanggal_mulai', description: 'Tanggal inovasi dimulai, YYYY-MM-DD.' },
    { name: 'permasalahan', description: 'Permasalahan yang dijawab.' },
    { name: 'solusi', description: 'Rancang bangun dan pokok perubahan.' },
    { name: 'manfaat', description: 'Manfaat yang diperoleh.' },
    { name: 'hasil', description: 'Hasil inovasi.' },
    { name: 'sumber_anggaran', description: 'Sumber anggaran (APBD, APBN, CSR, tanpa anggaran …).' },
    { name: 'tahun_penilaian', description: 'Tahun penilaian indeks inovasi daerah yang didaftarkan.' },
    { name: 'jumlah_bukti_dukung', description: 'Banyak berkas bukti dukung.' },
    { name: 'bukti_dukung', description: 'Alamat berkas bukti dukung (PDF, JPEG, PNG), dipisah titik koma.' },
    { name: 'diverifikasi', description: 'Waktu verifikasi, ISO 8601 UTC.' },
    { name: 'data_sintetis', description: 'ya untuk data contoh (demo), bukan data sebenarnya.' },
    { name: 'halaman', description: 'Alamat inovasi ini di API publik.' },
  ],
  async publishedBy(db, { opd }) {
    const found = await innovationsDb(db).selectFrom('innovations').select('id').where('opd_slug', '=', opd.slug).where('status', '=', VERIFIED).limit(1).executeTakeFirst();
    return found !== undefined;
  },
  async rows(db, { opd, origin }) {
    const innovations = innovationsDb(db);
    const rows = (await innovationQueryBase(innovations)
      .where('innovations.opd_slug', '=', opd.slug)
      .where('innovations.status', '=', VERIFIED)
      .orderBy('innovations.year', 'desc')
      .orderBy('innovations.id')
      .execute()) as InnovationRow[];
    const [models, evidence] = await Promise.all([allModels(innovations), evidenceOf(innovations, rows.map((row) => row.id))]);
    return rows.map((row) => {
      const innovation = toInnovation(row, evidence.get(row.id) ?? [], { origin, models });
      return {
        id: innovation.id,
        nama_inovasi: innovation.name,
        perangkat_daerah: innovation.opd.name,
        bentuk: innovation.type,
        digital: innovation.digital,
        tahapan: innovation.stage,
        tanggal_inisiatif: innovation.stageDates.inisiatif,
        tanggal_uji_coba: innovation.stageDates['uji-coba'],
        tanggal_penerapan: innovation.stageDates.penerapan,
        tanggal_mulai: innovation.startDate,
        permasalahan: innovation.problem,
        solusi: innovation.solution,
        manfaat: innovation.benefits,
        hasil: innovation.results,
        sumber_anggaran: innovation.budgetSource,
        tahun_penilaian: innovation.year,
        jumlah_bukti_dukung: innovation.evidence.length,
        bukti_dukung: innovation.evidence.map((file) => file.url).join('; ') || null,
        diverifikasi: innovation.verifiedAt,
        data_sintetis: innovation.synthetic,
        halaman: `${origin}/api/v1/innovations/${innovation.id}`,
      };
    });
  },
  async modified(db, { opd }) {
    // The latest change of a verified innovation or of its evidence files.
    return latestAt(db, sql<{ at: Date | null }>`
      select greatest(
        (select max(updated_at) from innovations where opd_slug = ${opd.slug} and status = ${VERIFIED}),
        (select max(e.created_at) from innovation_evidence e join innovations i on i.id = e.innovation_id where i.opd_slug = ${opd.slug} and i.status = ${VERIFIED})
      ) as at`);
  },
};
