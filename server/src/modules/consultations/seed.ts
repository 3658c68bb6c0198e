/**
 * SIAP's DEMO DATA for Kabupaten Lahat — not real records: the demo OPDs' consultation
 * categories (with English names), BPKAD's answer templates, and consultations from made-up citizens (`…@example.com`, `+62812000000xx`,
 * tracking codes `SIAP-DEM0-…`), one per state. Numbers in the copy come from the launch of
 * the four change projects (Lahat, 10 October 2023).
 *
 * Seeding is idempotent: running it again adds nothing.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { ConsultationCategory } from '../../../../src/schemas/index.js';
import type { Database } from '../../db/schema.js';
import type { SeedContext } from '../../http/module.js';
import { CITIZEN_ACTOR } from './queries.js';
import { firstResponseDue } from './service-level.js';
import { siapDb } from './tables.js';

const other: ConsultationCategory = { id: 'lainnya', name: 'Lainnya', nameEn: 'Other' };

/** The consultation categories of the demo OPDs that have SIAP on, by OPD slug. */
export const DEMO_CATEGORIES: Readonly<Record<string, readonly ConsultationCategory[]>> = {
  bpkad: [
    { id: 'penatausahaan-keuangan', name: 'Penatausahaan keuangan', nameEn: 'Financial administration' },
    { id: 'sp2d-pencairan', name: 'SP2D dan pencairan', nameEn: 'SP2D and disbursement' },
    { id: 'aset-daerah', name: 'Aset daerah', nameEn: 'Regional assets' },
    { id: 'gaji-tunjangan', name: 'Gaji dan tunjangan', nameEn: 'Salaries and allowances' },
    other,
  ],
  'dinas-pupr': [
    { id: 'jalan-jembatan', name: 'Jalan dan jembatan kabupaten', nameEn: 'Regency roads and bridges' },
    { id: 'tata-ruang', name: 'Tata ruang dan PBG', nameEn: 'Spatial planning and building approval (PBG)' },
    { id: 'sumber-daya-air', name: 'Sumber daya air dan irigasi', nameEn: 'Water resources and irrigation' },
    other,
  ],
  bappeda: [
    { id: 'perencanaan', name: 'Perencanaan pembangunan dan Musrenbang', nameEn: 'Development planning and Musrenbang' },
    { id: 'csr', name: 'Program CSR (SIP BENAR)', nameEn: 'CSR programmes (SIP BENAR)' },
    { id: 'inovasi-daerah', name: 'Inovasi daerah', nameEn: 'Regional innovation' },
    { id: 'data-pembangunan', name: 'Data dan statistik pembangunan', nameEn: 'Development data and statistics' },
    other,
  ],
  dpmptsp: [
    { id: 'perizinan-berusaha', name: 'Perizinan berusaha (OSS)', nameEn: 'Business licensing (OSS)' },
    { id: 'pbg', name: 'Persetujuan Bangunan Gedung (PBG)', nameEn: 'Building approval (PBG)' },
    { id: 'penanaman-modal', name: 'Penanaman modal', nameEn: 'Investment' },
    { id: 'pengaduan-perizinan', name: 'Pengaduan layanan perizinan', nameEn: 'Complaints about licensing services' },
    other,
  ],
  'dinas-kesehatan': [
    { id: 'jaminan-kesehatan', name: 'JKN dan jaminan kesehatan daerah', nameEn: 'JKN and regional health insurance' },
    { id: 'puskesmas', name: 'Layanan puskesmas', nameEn: 'Community health centre (puskesmas) services' },
    { id: 'perizinan-kesehatan', name: 'Perizinan tenaga dan fasilitas kesehatan', nameEn: 'Licensing of health workers and facilities' },
    { id: 'imunisasi-gizi', name: 'Imunisasi dan gizi', nameEn: 'Immunisation and nutrition' },
    other,
  ],
  disdukcapil: [
    { id: 'ktp-kk', name: 'KTP-el dan Kartu Keluarga', nameEn: 'Identity cards (KTP-el) and family cards' },
    { id: 'akta-catatan-sipil', name: 'Akta kelahiran, kematian dan catatan sipil', nameEn: 'Birth, death and civil registry certificates' },
    { id: 'pindah-datang', name: 'Pindah datang penduduk', nameEn: 'Moving in and out' },
    { id: 'ikd', name: 'Identitas Kependudukan Digital (IKD)', nameEn: 'Digital population identity (IKD)' },
    other,
  ],
  rsud: [
    { id: 'rawat-jalan', name: 'Rawat jalan dan jadwal dokter', nameEn: 'Outpatient care and doctors’ schedules' },
    { id: 'rawat-inap', name: 'Rawat inap', nameEn: 'Inpatient care' },
    { id: 'pasien-bpjs', name: 'Pasien BPJS Kesehatan', nameEn: 'BPJS Kesehatan patients' },
    { id: 'rekam-medis', name: 'Rekam medis dan surat keterangan', nameEn: 'Medical records and certificates' },
    other,
  ],
  diskominfo: [
    { id: 'informasi-publik', name: 'Permohonan informasi publik (PPID)', nameEn: 'Public information requests (PPID)' },
    { id: 'layanan-digital', name: 'Aplikasi dan layanan digital', nameEn: 'Apps and digital services' },
    { id: 'jaringan', name: 'Jaringan internet pemerintah', nameEn: 'Government internet network' },
    other,
  ],
};

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

interface DemoConsultation {
  trackingCode: string;
  opd: string;
  category: string;
  name: string;
  email: string | null;
  phone: string | null;
  subject: string;
  message: string;
  /** How long before the seed time it was asked. */
  ago: number;
  /** Later steps, by time after submission. */
  steps: Array<{ status: 'in_progress' | 'answered' | 'closed'; after: number; note?: string; answer?: string }>;
}

/** The demo consultations, one per state (received, in progress, answered, overdue, closed). Fictional citizens. */
export const DEMO_CONSULTATIONS: readonly DemoConsultation[] = [
  {
    trackingCode: 'SIAP-DEM0-0001',
    opd: 'bpkad',
    category: 'sp2d-pencairan',
    name: 'Rina Contoh (demo)',
    email: 'rina.contoh@example.com',
    phone: null,
    subject: 'Status pencairan SP2D belanja barang',
    message:
      'Selamat pagi. Kami rekanan pengadaan alat tulis kantor untuk salah satu kecamatan. SPM sudah diajukan minggu lalu; bagaimana cara mengetahui apakah SP2D-nya sudah terbit tanpa datang ke kantor BPKAD?',
    ago: 2 * HOUR,
    steps: [],
  },
  {
    trackingCode: 'SIAP-DEM0-0002',
    opd: 'bpkad',
    category: 'gaji-tunjangan',
    name: 'Agus Percobaan (demo)',
    email: null,
    phone: '+6281200000002',
    subject: 'Tunjangan belum masuk setelah mutasi',
    message:
      'Saya ASN yang dimutasi dari Dinas Pendidikan ke kecamatan bulan lalu. Gaji pokok sudah masuk, tetapi tambahan penghasilan belum. Berkas apa yang perlu saya lengkapi?',
    ago: 2 * DAY,
    steps: [
      {
        status: 'in_progress',
        after: 5 * HOUR,
        note: 'Sedang kami cocokkan dengan data mutasi dari BKPSDM. Mohon ditunggu.',
      },
    ],
  },
  {
    trackingCode: 'SIAP-DEM0-0003',
    opd: 'bpkad',
    category: 'aset-daerah',
    name: 'Sari Fiktif (demo)',
    email: 'sari.fiktif@example.com',
    phone: '+6281200000003',
    subject: 'Pinjam pakai gedung serbaguna untuk kegiatan desa',
    message:
      'Apakah desa kami boleh meminjam gedung serbaguna milik Pemkab untuk pelatihan kader posyandu selama dua hari? Bagaimana prosedurnya?',
    ago: 5 * DAY,
    steps: [
      {
        status: 'answered',
        after: 1 * DAY,
        answer:
          'Boleh. Ajukan surat permohonan pinjam pakai dari kepala desa kepada Bupati melalui BPKAD (Bidang Aset), sebutkan tanggal dan kegiatan. Formulir tersedia di loket BPKAD dan dapat dikirim lewat layanan ini. Proses persetujuan biasanya 3–5 hari kerja.',
      },
    ],
  },
  {
    trackingCode: 'SIAP-DEM0-0004',
    opd: 'bpkad',
    category: 'penatausahaan-keuangan',
    name: 'Dedi Sampel (demo)',
    email: 'dedi.sampel@example.com',
    phone: null,
    subject: 'Format laporan pertanggungjawaban bendahara',
    message:
      'Untuk LPJ bendahara pengeluaran pembantu, apakah masih memakai format tahun lalu atau sudah ada format baru? Mohon contohnya.',
    ago: 10 * DAY,
    steps: [],
  },
  {
    trackingCode: 'SIAP-DEM0-0005',
    opd: 'dinas-pupr',
    category: 'jalan-jembatan',
    name: 'Joko Uji (demo)',
    email: 'joko.uji@example.com',
    phone: null,
    subject: 'Jadwal perbaikan jalan kabupaten di desa kami',
    message:
      'Ruas jalan menuju desa kami berlubang sejak musim hujan. Apakah ruas ini sudah masuk rencana pemeliharaan tahun ini?',
    ago: 1 * DAY,
    steps: [],
  },
  {
    trackingCode: 'SIAP-DEM0-0006',
    opd: 'dpmptsp',
    category: 'perizinan-berusaha',
    name: 'Maya Contoh (demo)',
    email: null,
    phone: '+6281200000006',
    subject: 'NIB untuk usaha kopi rumahan',
    message: 'Saya ingin mendaftarkan usaha kopi bubuk rumahan. Apakah cukup NIB dari OSS, atau perlu izin lain?',
    ago: 4 * DAY,
    steps: [
      {
        status: 'answered',
        after: 6 * HOUR,
        answer:
          'Untuk usaha mikro risiko rendah cukup NIB melalui oss.go.id. Karena produk pangan olahan, Anda juga memerlukan SPP-IRT; petugas kami dapat membantu pendaftarannya di Mal Pelayanan Publik.',
      },
    ],
  },
  {
    trackingCode: 'SIAP-DEM0-0007',
    opd: 'rsud',
    category: 'rawat-jalan',
    name: 'Tono Percobaan (demo)',
    email: 'tono.percobaan@example.com',
    phone: null,
    subject: 'Jadwal poli penyakit dalam',
    message: 'Apakah poli penyakit dalam buka pada hari Sabtu?',
    ago: 8 * DAY,
    steps: [
      { status: 'answered', after: 3 * HOUR, answer: 'Poli penyakit dalam buka Senin–Jumat pukul 08.00–14.00 WIB; Sabtu tutup.' },
      { status: 'closed', after: 2 * DAY, note: 'Selesai.' },
    ],
  },
];

/**
 * Who made the demo staff steps where the OPD has no demo account: shown as it is, since it
 * names no staff user. Where it has one (BPKAD, Dinas PUPR), that account is named instead.
 */
const DEMO_STAFF = 'Petugas (demo)';

/** The consent sentence of the demo questions: the form's (widgets/consultation-form, Indonesian). */
export const DEMO_CONSENT_TEXT = 'Saya setuju nama dan kontak saya dipakai untuk menjawab pertanyaan ini.';

/** BPKAD's demo answer templates: the questions its counter hears most (SP2D, SPM files, allowances after a transfer). */
export const DEMO_TEMPLATES: Readonly<Record<string, ReadonlyArray<{ id: string; title: string; text: string }>>> = {
  bpkad: [
    {
      id: 'tpl_demo-sp2d-terbit',
      title: 'SP2D sudah terbit',
      text:
        'Terima kasih atas pertanyaan Bapak/Ibu. SP2D atas SPM yang Bapak/Ibu maksud sudah terbit pada tanggal [tanggal] dengan nomor [nomor SP2D]. Dana biasanya masuk ke rekening penerima paling lambat 2 hari kerja setelah SP2D terbit. Bila sampai waktu tersebut dana belum masuk, balas melalui layanan SIAP ini dengan menyebutkan kode pelacakan Anda agar kami telusuri bersama bank.',
    },
    {
      id: 'tpl_demo-spm-belum-lengkap',
      title: 'Berkas SPM belum lengkap',
      text:
        'Terima kasih atas pertanyaan Bapak/Ibu. SPM yang diajukan belum dapat kami proses menjadi SP2D karena berkasnya belum lengkap: [sebutkan kekurangan, misalnya kuitansi, faktur pajak, atau berita acara serah terima]. Mohon bendahara pengeluaran OPD melengkapi berkas tersebut; setelah lengkap, SP2D terbit paling lama 2 hari kerja. Bapak/Ibu tidak perlu datang ke kantor BPKAD untuk menanyakan statusnya: cukup lacak melalui layanan SIAP ini.',
    },
    {
      id: 'tpl_demo-tpp-mutasi',
      title: 'Tambahan penghasilan setelah mutasi',
      text:
        'Terima kasih atas pertanyaan Bapak/Ibu. Setelah mutasi, tambahan penghasilan dibayarkan oleh OPD tempat Bapak/Ibu bertugas sekarang, mulai bulan berikutnya setelah data kepegawaian diperbarui. Mohon pastikan bendahara OPD yang baru sudah menerima salinan SK mutasi dan Surat Pernyataan Melaksanakan Tugas (SPMT). Tambahan penghasilan bulan yang tertunda dibayarkan sekaligus setelah data diperbarui.',
    },
  ],
};

/** Adds SIAP's demo data that is not there yet: categories of demo OPDs that have none, and the consultations. */
export async function seedConsultations(base: Kysely<Database>, { now, timeZone }: SeedContext): Promise<Record<string, number>> {
  const db = siapDb(base);
  for (const [slug, categories] of Object.entries(DEMO_CATEGORIES)) {
    // Only for a demo OPD that has none yet: categories staff changed stay as they are.
    const has = await db.selectFrom('consultation_categories').select('id').where('opd_slug', '=', slug).limit(1).executeTakeFirst();
    const demo = await db.selectFrom('opds').select('slug').where('slug', '=', slug).where('is_demo', '=', true).executeTakeFirst();
    if (!demo) continue;
    if (has) {
      // An older demo database: English names for the demo categories still as seeded.
      for (const category of categories) {
        await db
          .updateTable('consultation_categories')
          .set({ name_en: category.nameEn ?? null })
          .where('opd_slug', '=', slug)
          .where('id', '=', category.id)
          .where('name', '=', category.name)
          .where('name_en', 'is', null)
          .execute();
      }
      continue;
    }
    await db
      .insertInto('consultation_categories')
      .values(
        categories.map((category, index) => ({
          opd_slug: slug,
          id: category.id,
          name: category.name,
          name_en: category.nameEn ?? null,
          position: index + 1,
        })),
      )
      .execute();
  }

  let templates = 0;
  for (const [slug, list] of Object.entries(DEMO_TEMPLATES)) {
    const demo = await db.selectFrom('opds').select('slug').where('slug', '=', slug).where('is_demo', '=', true).executeTakeFirst();
    if (!demo) continue;
    // Only for a demo OPD that has none yet: templates staff changed or deleted stay so.
    const has = await db.selectFrom('consultation_answer_templates').select('id').where('opd_slug', '=', slug).limit(1).executeTakeFirst();
    if (has) continue;
    for (const template of list) {
      await db
        .insertInto('consultation_answer_templates')
        .values({ ...template, opd_slug: slug, created_at: now, created_by: null, updated_at: now, updated_by: null })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      templates += 1;
    }
  }

  let consultations = 0;
  for (const demo of DEMO_CONSULTATIONS) {
    // The OPD's demo account (the accounts seed runs first), else a name that is no account's.
    const account = await db
      .selectFrom('staff_users')
      .select('id')
      .where('opd_slug', '=', demo.opd)
      .where('is_demo', '=', true)
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    const staff = account?.id ?? DEMO_STAFF;
    const submittedAt = new Date(now.getTime() - demo.ago);
    let status: string = 'received';
    let firstResponseAt: Date | null = null;
    let answerText: string | null = null;
    let answeredAt: Date | null = null;
    for (const step of demo.steps) {
      const at = new Date(submittedAt.getTime() + step.after);
      status = step.status;
      if (step.status === 'answered' || (step.status === 'in_progress' && step.note)) firstResponseAt ??= at;
      if (step.answer) {
        answerText = step.answer;
        answeredAt = at;
      }
    }
    const row = await db
      .insertInto('consultations')
      .values({
        tracking_code: demo.trackingCode,
        opd_slug: demo.opd,
        name: demo.name,
        email: demo.email,
        phone: demo.phone,
        category_id: demo.category,
        subject: demo.subject,
        message: demo.message,
        consent_at: submittedAt,
        consent_text: DEMO_CONSENT_TEXT,
        status,
        submitted_at: submittedAt,
        // Counted in the regency's zone (TIME_ZONE) and days off, as a real question's would be.
        due_at: await firstResponseDue(db, submittedAt, timeZone),
        first_response_at: firstResponseAt,
        answer_text: answerText,
        answered_at: answeredAt,
        answered_by: answeredAt ? staff : null,
      })
      .onConflict((oc) => oc.column('tracking_code').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) continue;
    consultations += 1;
    await db
      .insertInto('consultation_events')
      .values([
        { consultation_id: row.id, status: 'received', note: null, at: submittedAt, actor: CITIZEN_ACTOR },
        ...demo.steps.map((step) => ({
          consultation_id: row.id,
          status: step.status,
          note: step.note ?? null,
          at: new Date(submittedAt.getTime() + step.after),
          actor: staff,
        })),
      ])
      .execute();
  }
  // Templates only when some were added: a demo database seeded again reports what it always did.
  return { consultations, ...(templates > 0 ? { 'answer templates': templates } : {}) };
}
