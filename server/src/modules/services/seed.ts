/**
 * Layanan's DEMO DATA — made up, not the published standards of any real unit, though written
 * the way Indonesian agencies publish theirs (requirements and steps as a *standar pelayanan*
 * board lists them): DPMPTSP (business licensing help for the NIB, building approval, health
 * workers' practice licences, pharmacy licences), Disdukcapil (KTP-el, family card, birth and
 * death certificates, moving in and out), Dinas Kesehatan and RSUD Lahat; the pledges of three
 * of them (not Dinas Kesehatan's, so the checklist has something to show), one standard with
 * an older version, one with a version waiting for its day; a year of synthetic survey
 * responses (mostly *baik*, RSUD's outpatient registration *kurang baik*); demo survey codes
 * ({@link demoSurveyTokens}); two staff accounts. Every row `is_demo`. Idempotent.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ServiceStandardInput } from '../../../../src/schemas/services-staff.js';
import { DEMO_PASSWORD } from '../../auth/seed.js';
import { addUser } from '../../auth/users.js';
import { addDays, dayIn } from '../../calendar/working-days.js';
import type { Database } from '../../db/schema.js';
import type { SeedContext } from '../../http/module.js';
import { SKM_2017, SKM_2017_ELEMENTS } from './migrations/0002-satisfaction-survey.js';
import { versionColumns } from './standards.js';
import { normalizeToken, tokenHash } from './survey.js';
import { servicesDb } from './tables.js';

/** A demo service: its OPD, slug, standard, and the mean score its synthetic responses aim at per element (1–4). */
export interface DemoService {
  opd: string;
  slug: string;
  standard: ServiceStandardInput;
  /** The target mean of each element, in the model's order. */
  means: readonly number[];
  /** Responses a year. */
  responses: number;
}

const WORKDAYS = { days: [1, 2, 3, 4], opens: '08:00', closes: '15:30' };
const FRIDAY = { days: [5], opens: '08:00', closes: '11:30' };
const OFFICE_HOURS = [WORKDAYS, FRIDAY];
const HOURS_NOTE = 'Istirahat 12.00–13.00 WIB (Jumat 11.30–13.30 WIB). Tutup pada hari libur nasional dan cuti bersama.';
const MPP = 'Mal Pelayanan Publik Kabupaten Lahat';
const MPP_ADDRESS = 'Jl. Mayor Ruslan No. 1, Kelurahan Pasar Lama, Kecamatan Lahat (alamat demo)';
const LAPOR = 'SP4N-LAPOR!: www.lapor.go.id atau SMS 1708';

const FREE_ADMINDUK = { free: true, legalBasis: 'UU 24/2013 tentang Perubahan atas UU 23/2006 tentang Administrasi Kependudukan, Pasal 79A: pengurusan dan penerbitan dokumen kependudukan tidak dipungut biaya' };

const internal = (extra: Partial<NonNullable<ServiceStandardInput['internal']>> = {}): NonNullable<ServiceStandardInput['internal']> => ({
  facilities: 'Ruang tunggu ber-AC dengan kursi, nomor antrean, loket pelayanan, toilet, ruang laktasi, tempat parkir, air minum.',
  facilitiesDisability: 'Jalur landai (ramp) dan kursi roda di pintu masuk, loket prioritas untuk penyandang disabilitas, lansia dan ibu hamil, toilet disabilitas.',
  competence: 'Pelaksana berpendidikan minimal SMA/sederajat, telah mengikuti bimbingan teknis layanan dan pelatihan pelayanan prima.',
  internalOversight: 'Pengawasan oleh atasan langsung setiap hari dan oleh Inspektorat Daerah; Survei Kepuasan Masyarakat setiap semester.',
  staffCount: 4,
  serviceGuarantee: 'Pelayanan diberikan sesuai standar pelayanan ini; bila tidak sesuai, pengguna layanan dapat mengadu dan akan ditindaklanjuti.',
  securityGuarantee: 'Dokumen dan data pribadi pengguna layanan dijaga kerahasiaannya; ruang pelayanan dilengkapi CCTV, APAR dan jalur evakuasi.',
  performanceEvaluation: 'Evaluasi kinerja pelaksana setiap tiga bulan berdasarkan hasil survei kepuasan masyarakat dan pengaduan.',
  ...extra,
});

const DPMPTSP_COMPLAINTS = [LAPOR, 'WhatsApp pengaduan DPMPTSP: 0812 0000 7001 (nomor demo)', 'Kotak saran dan meja pengaduan di Mal Pelayanan Publik', 'Konsultasi daring melalui SIAP'];
const DUKCAPIL_COMPLAINTS = [LAPOR, 'WhatsApp pengaduan Disdukcapil: 0812 0000 7002 (nomor demo)', 'Kotak saran di ruang tunggu', 'Konsultasi daring melalui SIAP'];
const HEALTH_COMPLAINTS = [LAPOR, 'Kotak saran di ruang tunggu', 'Konsultasi daring melalui SIAP'];

/** The demo services. */
export const DEMO_SERVICES: readonly DemoService[] = [
  {
    opd: 'dpmptsp',
    slug: 'izin-usaha-nib',
    standard: {
      name: 'Pendampingan Izin Usaha: Nomor Induk Berusaha (NIB) melalui OSS',
      category: 'perizinan',
      summary: 'Pendampingan pelaku usaha mikro dan kecil mendaftar perizinan berusaha berbasis risiko dan mendapatkan NIB melalui sistem OSS.',
      online: true,
      offline: true,
      onlineUrl: 'https://oss.go.id',
      requirements: [
        'KTP-el pemilik usaha (asli)',
        'NPWP pribadi atau badan usaha',
        'Alamat surel (e-mail) aktif dan nomor telepon seluler',
        'Alamat dan luas tempat usaha',
        'Kode KBLI kegiatan usaha (dibantu petugas bila belum tahu)',
        'Untuk badan usaha: akta pendirian dan SK pengesahan Kemenkumham',
      ],
      procedure: [
        'Pemohon mengambil nomor antrean di loket DPMPTSP, Mal Pelayanan Publik',
        'Petugas memeriksa kelengkapan persyaratan',
        'Petugas membantu membuat akun OSS dan mengisi data usaha',
        'Pemohon memilih KBLI dan mengisi pernyataan mandiri sesuai tingkat risiko',
        'NIB terbit melalui sistem OSS dan dicetak',
        'Pemohon menerima NIB dan penjelasan kewajiban selanjutnya',
      ],
      duration: { text: 'Selesai di tempat (±60 menit) bila persyaratan lengkap', workingDays: 1 },
      cost: { free: true, legalBasis: 'PP 5/2021 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko: penerbitan NIB tidak dipungut biaya' },
      product: 'Nomor Induk Berusaha (NIB) beserta sertifikat standar/izin sesuai tingkat risiko',
      complaints: DPMPTSP_COMPLAINTS,
      hours: OFFICE_HOURS,
      hoursNote: HOURS_NOTE,
      location: { name: `Loket DPMPTSP, ${MPP}`, address: MPP_ADDRESS },
      internal: internal({ legalBasis: ['UU 6/2023 tentang Penetapan Perppu 2/2022 tentang Cipta Kerja', 'PP 5/2021 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko', 'Peraturan BKPM 4/2021'], staffCount: 6 }),
    },
    means: [3.4, 3.3, 3.45, 3.8, 3.35, 3.3, 3.5, 3.2, 3.25],
    responses: 120,
  },
  {
    opd: 'dpmptsp',
    slug: 'pbg',
    standard: {
      name: 'Persetujuan Bangunan Gedung (PBG)',
      category: 'perizinan',
      summary: 'Persetujuan untuk membangun baru, mengubah, memperluas atau merawat bangunan gedung sesuai standar teknis, diajukan melalui SIMBG.',
      online: true,
      offline: true,
      onlineUrl: 'https://simbg.pu.go.id',
      requirements: [
        'KTP-el pemohon',
        'Bukti kepemilikan tanah (sertifikat) atau perjanjian pemanfaatan tanah',
        'Gambar rencana arsitektur, struktur dan utilitas',
        'Perhitungan struktur untuk bangunan lebih dari dua lantai',
        'Kesesuaian Kegiatan Pemanfaatan Ruang (KKPR)',
        'Dokumen lingkungan (SPPL/UKL-UPL) sesuai jenis bangunan',
      ],
      procedure: [
        'Pemohon mendaftar akun dan mengunggah dokumen di SIMBG',
        'Petugas memeriksa kelengkapan dokumen',
        'Konsultasi dengan Tim Profesi Ahli (TPA) atau Tim Penilai Teknis (TPT)',
        'Penerbitan Surat Pernyataan Pemenuhan Standar Teknis',
        'Penetapan dan pembayaran retribusi PBG',
        'PBG terbit dan dapat diunduh di SIMBG',
      ],
      duration: { text: '28 hari kerja sejak dokumen dinyatakan lengkap', workingDays: 28 },
      cost: {
        free: false,
        amount: null,
        note: 'Retribusi PBG = luas bangunan × indeks terintegrasi × harga satuan retribusi, sesuai Perda Kabupaten Lahat tentang Pajak Daerah dan Retribusi Daerah; nilai tertera pada Surat Ketetapan Retribusi Daerah (SKRD).',
        legalBasis: 'PP 16/2021 tentang Peraturan Pelaksanaan UU 28/2002 tentang Bangunan Gedung; Perda Kabupaten Lahat tentang Pajak Daerah dan Retribusi Daerah (demo)',
      },
      product: 'Dokumen Persetujuan Bangunan Gedung (PBG)',
      complaints: DPMPTSP_COMPLAINTS,
      hours: OFFICE_HOURS,
      hoursNote: HOURS_NOTE,
      location: { name: `Loket DPMPTSP, ${MPP}`, address: MPP_ADDRESS },
      internal: internal({ legalBasis: ['UU 28/2002 tentang Bangunan Gedung', 'PP 16/2021'], competence: 'Pelaksana berlatar teknik sipil/arsitektur; verifikasi teknis oleh Tim Profesi Ahli bersertifikat.', staffCount: 5 }),
    },
    means: [3.05, 2.95, 2.9, 3.1, 3.2, 3.25, 3.4, 3.1, 3.2],
    responses: 60,
  },
  {
    opd: 'dpmptsp',
    slug: 'izin-praktik-tenaga-kesehatan',
    standard: {
      name: 'Surat Izin Praktik (SIP) Tenaga Kesehatan',
      category: 'perizinan',
      summary: 'Izin praktik bagi dokter, dokter gigi, bidan, perawat dan tenaga kesehatan lain di fasilitas pelayanan kesehatan di Kabupaten Lahat.',
      online: true,
      offline: true,
      requirements: [
        'Fotokopi KTP-el',
        'Fotokopi Surat Tanda Registrasi (STR) yang masih berlaku',
        'Rekomendasi organisasi profesi',
        'Surat keterangan dari pimpinan fasilitas pelayanan kesehatan tempat praktik',
        'Pas foto berwarna 4×6 sebanyak 2 lembar',
        'Rekomendasi Dinas Kesehatan',
      ],
      procedure: [
        'Pemohon mengajukan permohonan di loket atau secara daring',
        'Petugas memeriksa kelengkapan berkas',
        'Verifikasi dan rekomendasi teknis Dinas Kesehatan',
        'Penandatanganan SIP oleh Kepala DPMPTSP',
        'Pemohon menerima SIP',
      ],
      duration: { text: '5 hari kerja sejak berkas lengkap', workingDays: 5 },
      cost: { free: true, legalBasis: 'Tidak dipungut biaya (Perbup Lahat tentang Pelimpahan Kewenangan Perizinan, demo)' },
      product: 'Surat Izin Praktik (SIP)',
      complaints: DPMPTSP_COMPLAINTS,
      hours: OFFICE_HOURS,
      hoursNote: HOURS_NOTE,
      location: { name: `Loket DPMPTSP, ${MPP}`, address: MPP_ADDRESS },
      internal: internal({ legalBasis: ['UU 17/2023 tentang Kesehatan'] }),
    },
    means: [3.3, 3.2, 3.15, 3.7, 3.3, 3.35, 3.45, 3.2, 3.3],
    responses: 50,
  },
  {
    opd: 'dpmptsp',
    slug: 'izin-apotek',
    standard: {
      name: 'Surat Izin Apotek (SIA)',
      category: 'perizinan',
      summary: 'Izin penyelenggaraan apotek oleh apoteker penanggung jawab.',
      online: true,
      offline: true,
      requirements: ['KTP-el apoteker penanggung jawab', 'STR dan SIP apoteker', 'Denah bangunan dan daftar sarana dan prasarana', 'NIB dari OSS', 'Berita acara pemeriksaan kesiapan dari Dinas Kesehatan'],
      procedure: ['Pengajuan permohonan melalui OSS dan loket', 'Pemeriksaan berkas', 'Pemeriksaan lapangan oleh Dinas Kesehatan', 'Penerbitan SIA'],
      duration: { text: '12 hari kerja sejak berkas lengkap', workingDays: 12 },
      cost: { free: true, legalBasis: 'PMK 14/2021: tidak dipungut biaya (demo)' },
      product: 'Surat Izin Apotek (SIA)',
      complaints: DPMPTSP_COMPLAINTS,
      hours: OFFICE_HOURS,
      hoursNote: HOURS_NOTE,
      location: { name: `Loket DPMPTSP, ${MPP}`, address: MPP_ADDRESS },
      internal: internal({ legalBasis: ['PMK 14/2021'] }),
    },
    means: [3.2, 3.1, 3.05, 3.6, 3.25, 3.3, 3.4, 3.15, 3.2],
    responses: 30,
  },
  {
    opd: 'disdukcapil',
    slug: 'ktp-el',
    standard: {
      name: 'Perekaman dan Pencetakan KTP-el',
      category: 'kependudukan',
      summary: 'Perekaman data biometrik dan pencetakan Kartu Tanda Penduduk Elektronik (KTP-el) untuk penduduk baru berusia 17 tahun atau sudah kawin, serta penggantian KTP-el yang hilang atau rusak.',
      online: false,
      offline: true,
      requirements: [
        'Telah berusia 17 tahun, sudah kawin atau pernah kawin',
        'Fotokopi Kartu Keluarga (KK)',
        'KTP-el yang rusak (untuk penggantian karena rusak)',
        'Surat keterangan kehilangan dari kepolisian (untuk penggantian karena hilang)',
      ],
      procedure: [
        'Penduduk mengambil nomor antrean',
        'Petugas memverifikasi data pada database kependudukan',
        'Perekaman foto, tanda tangan, sidik jari dan iris mata',
        'Pencetakan KTP-el',
        'Penduduk menerima KTP-el dan memeriksa kebenaran datanya',
      ],
      duration: { text: 'Selesai di hari yang sama (±1 jam) bila blangko tersedia', workingDays: 1 },
      cost: FREE_ADMINDUK,
      product: 'Kartu Tanda Penduduk Elektronik (KTP-el)',
      complaints: DUKCAPIL_COMPLAINTS,
      hours: OFFICE_HOURS,
      hoursNote: HOURS_NOTE,
      location: { name: `Loket Disdukcapil, ${MPP}`, address: MPP_ADDRESS },
      internal: internal({ legalBasis: ['UU 24/2013', 'Perpres 96/2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil'], staffCount: 8 }),
    },
    means: [3.35, 3.3, 3.1, 3.9, 3.4, 3.3, 3.4, 3.15, 3.2],
    responses: 160,
  },
  {
    opd: 'disdukcapil',
    slug: 'kartu-keluarga',
    standard: {
      name: 'Penerbitan Kartu Keluarga (KK)',
      category: 'kependudukan',
      summary: 'Penerbitan KK baru, karena perubahan data (kelahiran, kematian, perkawinan, pindah) atau karena hilang/rusak.',
      online: true,
      offline: true,
      requirements: ['KK lama (untuk perubahan atau rusak)', 'Buku nikah/kutipan akta perkawinan (untuk KK baru)', 'Surat keterangan pindah (bagi penduduk pindah datang)', 'Surat keterangan kehilangan dari kepolisian (untuk KK hilang)', 'Formulir biodata keluarga yang diisi dan ditandatangani'],
      procedure: ['Penduduk menyerahkan persyaratan di loket atau mengunggahnya secara daring', 'Petugas memverifikasi dan memvalidasi data', 'Pencetakan KK dengan tanda tangan elektronik', 'KK diserahkan atau dikirim dalam bentuk berkas PDF untuk dicetak sendiri di kertas HVS'],
      duration: { text: '1 hari kerja', workingDays: 1 },
      cost: FREE_ADMINDUK,
      product: 'Kartu Keluarga (KK)',
      complaints: DUKCAPIL_COMPLAINTS,
      hours: OFFICE_HOURS,
      hoursNote: HOURS_NOTE,
      location: { name: `Loket Disdukcapil, ${MPP}`, address: MPP_ADDRESS },
      internal: internal({ legalBasis: ['UU 24/2013', 'Perpres 96/2018'] }),
    },
    means: [3.3, 3.25, 3.2, 3.9, 3.35, 3.3, 3.35, 3.1, 3.15],
    responses: 110,
  },
  {
    opd: 'disdukcapil',
    slug: 'akta-kelahiran',
    standard: {
      name: 'Penerbitan Akta Kelahiran',
      category: 'kependudukan',
      summary: 'Pencatatan kelahiran dan penerbitan kutipan akta kelahiran bagi anak yang lahir di Kabupaten Lahat atau penduduk Kabupaten Lahat.',
      online: true,
      offline: true,
      requirements: [
        'Surat keterangan lahir dari rumah sakit, puskesmas, bidan atau kepala desa/lurah',
        'Kartu Keluarga (KK) orang tua',
        'KTP-el kedua orang tua',
        'Buku nikah/kutipan akta perkawinan orang tua, atau SPTJM kebenaran sebagai pasangan suami istri',
        'KTP-el dua orang saksi',
      ],
      procedure: [
        'Pemohon mengisi formulir pelaporan kelahiran',
        'Petugas memverifikasi berkas',
        'Pencatatan kelahiran pada register akta',
        'Penerbitan kutipan akta kelahiran dan KK yang diperbarui',
        'Pemohon menerima akta kelahiran',
      ],
      duration: { text: '1 hari kerja', workingDays: 1 },
      cost: FREE_ADMINDUK,
      product: 'Kutipan Akta Kelahiran dan KK yang diperbarui',
      complaints: DUKCAPIL_COMPLAINTS,
      hours: OFFICE_HOURS,
      hoursNote: HOURS_NOTE,
      location: { name: `Loket Disdukcapil, ${MPP}`, address: MPP_ADDRESS },
      internal: internal({ legalBasis: ['UU 24/2013', 'Perpres 96/2018', 'Permendagri 108/2019'] }),
    },
    means: [3.4, 3.35, 3.3, 3.9, 3.45, 3.35, 3.45, 3.2, 3.25],
    responses: 120,
  },
  {
    opd: 'disdukcapil',
    slug: 'akta-kematian',
    standard: {
      name: 'Penerbitan Akta Kematian',
      category: 'kependudukan',
      summary: 'Pencatatan kematian penduduk dan penerbitan kutipan akta kematian.',
      online: true,
      offline: true,
      requirements: ['Surat keterangan kematian dari rumah sakit, puskesmas atau kepala desa/lurah', 'KK dan KTP-el almarhum/almarhumah', 'KTP-el pelapor', 'KTP-el dua orang saksi'],
      procedure: ['Pelapor menyerahkan persyaratan', 'Verifikasi berkas', 'Pencatatan kematian dan pembaruan KK', 'Penyerahan kutipan akta kematian'],
      duration: { text: '1 hari kerja', workingDays: 1 },
      cost: FREE_ADMINDUK,
      product: 'Kutipan Akta Kematian dan KK yang diperbarui',
      complaints: DUKCAPIL_COMPLAINTS,
      hours: OFFICE_HOURS,
      hoursNote: HOURS_NOTE,
      location: { name: `Loket Disdukcapil, ${MPP}`, address: MPP_ADDRESS },
      internal: internal({ legalBasis: ['UU 24/2013', 'Perpres 96/2018'] }),
    },
    means: [3.3, 3.3, 3.25, 3.9, 3.35, 3.3, 3.4, 3.1, 3.15],
    responses: 50,
  },
  {
    opd: 'disdukcapil',
    slug: 'pindah-datang',
    standard: {
      name: 'Surat Keterangan Pindah dan Pindah Datang Penduduk',
      category: 'kependudukan',
      summary: 'Penerbitan Surat Keterangan Pindah (SKPWNI) bagi penduduk yang pindah ke luar Kabupaten Lahat, dan pencatatan penduduk yang datang.',
      online: true,
      offline: true,
      requirements: ['KK dan KTP-el', 'Formulir permohonan pindah', 'Surat Keterangan Pindah dari daerah asal (untuk pindah datang)'],
      procedure: ['Penduduk mengisi formulir permohonan pindah', 'Verifikasi data', 'Penerbitan SKPWNI atau pencatatan kedatangan', 'Penerbitan KK dan KTP-el di alamat baru'],
      duration: { text: '1 hari kerja', workingDays: 1 },
      cost: FREE_ADMINDUK,
      product: 'Surat Keterangan Pindah (SKPWNI), KK dan KTP-el alamat baru',
      complaints: [],
      hours: OFFICE_HOURS,
      hoursNote: HOURS_NOTE,
      location: { name: `Loket Disdukcapil, ${MPP}`, address: MPP_ADDRESS },
      internal: internal({ legalBasis: ['UU 24/2013', 'Perpres 96/2018'] }),
    },
    means: [3.2, 3.15, 3.1, 3.85, 3.3, 3.25, 3.35, 3.05, 3.1],
    responses: 70,
  },
  {
    opd: 'dinas-kesehatan',
    slug: 'sertifikat-laik-higiene',
    standard: {
      name: 'Sertifikat Laik Higiene Sanitasi (SLHS) Tempat Pengelolaan Pangan',
      category: 'kesehatan',
      summary: 'Sertifikat bagi rumah makan, restoran, jasa boga dan depot air minum yang memenuhi persyaratan higiene sanitasi.',
      online: false,
      offline: true,
      requirements: ['Fotokopi KTP-el pemilik', 'NIB usaha', 'Denah lokasi dan denah bangunan', 'Sertifikat pelatihan keamanan pangan penjamah makanan', 'Hasil uji laboratorium sampel makanan/air'],
      procedure: ['Pemohon mengajukan permohonan', 'Pemeriksaan berkas', 'Inspeksi kesehatan lingkungan oleh sanitarian', 'Pengambilan dan uji sampel', 'Penerbitan SLHS'],
      duration: { text: '14 hari kerja sejak berkas lengkap', workingDays: 14 },
      cost: { free: false, amount: 150000, note: 'Biaya uji laboratorium sampel, dibayar ke laboratorium kesehatan daerah', legalBasis: 'Perda Kabupaten Lahat tentang Pajak Daerah dan Retribusi Daerah (demo)' },
      product: 'Sertifikat Laik Higiene Sanitasi (SLHS)',
      complaints: HEALTH_COMPLAINTS,
      hours: OFFICE_HOURS,
      hoursNote: HOURS_NOTE,
      location: { name: 'Kantor Dinas Kesehatan Kabupaten Lahat', address: 'Jl. Serma Muchtar, Lahat (alamat demo)' },
      internal: internal({ legalBasis: ['Permenkes 2/2023 tentang Kesehatan Lingkungan'], facilitiesDisability: null }),
    },
    means: [3.15, 3.05, 3.0, 3.2, 3.2, 3.3, 3.35, 3.05, 3.1],
    responses: 40,
  },
  {
    opd: 'dinas-kesehatan',
    slug: 'spp-irt',
    standard: {
      name: 'Penyuluhan Keamanan Pangan dan Pemeriksaan Sarana untuk SPP-IRT',
      category: 'kesehatan',
      summary: 'Penyuluhan keamanan pangan dan pemeriksaan sarana produksi bagi usaha pangan olahan rumah tangga yang mengajukan Sertifikat Produksi Pangan Industri Rumah Tangga (SPP-IRT) melalui OSS.',
      online: true,
      offline: true,
      onlineUrl: 'https://oss.go.id',
      requirements: ['NIB dengan KBLI pangan olahan', 'Label produk yang akan diedarkan', 'Formulir pendaftaran penyuluhan'],
      procedure: ['Pelaku usaha mengajukan SPP-IRT melalui OSS', 'Dinas Kesehatan menjadwalkan penyuluhan keamanan pangan', 'Pemeriksaan sarana produksi', 'Rekomendasi penerbitan SPP-IRT'],
      duration: { text: '10 hari kerja', workingDays: 10 },
      cost: { free: true, legalBasis: 'Peraturan BPOM 22/2018: tidak dipungut biaya' },
      product: 'Sertifikat penyuluhan keamanan pangan dan rekomendasi SPP-IRT',
      complaints: HEALTH_COMPLAINTS,
      hours: OFFICE_HOURS,
      hoursNote: HOURS_NOTE,
      location: { name: 'Kantor Dinas Kesehatan Kabupaten Lahat', address: 'Jl. Serma Muchtar, Lahat (alamat demo)' },
      internal: internal({ legalBasis: ['Peraturan BPOM 22/2018'] }),
    },
    means: [3.25, 3.15, 3.1, 3.7, 3.25, 3.3, 3.4, 3.1, 3.15],
    responses: 45,
  },
  {
    opd: 'rsud',
    slug: 'rawat-jalan',
    standard: {
      name: 'Pendaftaran Pasien Rawat Jalan (Poliklinik)',
      category: 'kesehatan',
      summary: 'Pendaftaran pasien umum dan peserta BPJS Kesehatan ke poliklinik spesialis RSUD Lahat.',
      online: true,
      offline: true,
      requirements: ['KTP-el atau kartu identitas pasien', 'Kartu BPJS Kesehatan/KIS dan surat rujukan dari FKTP (bagi peserta JKN)', 'Kartu berobat RSUD (bagi pasien lama)'],
      procedure: ['Pasien mengambil nomor antrean di anjungan atau mendaftar daring sehari sebelumnya', 'Petugas pendaftaran memverifikasi identitas dan rujukan', 'Pasien menunggu panggilan di poliklinik', 'Pemeriksaan oleh dokter', 'Pasien menerima resep atau rujukan penunjang'],
      duration: { text: 'Pendaftaran ±15 menit; pemeriksaan sesuai antrean poliklinik', workingDays: null },
      cost: { free: false, amount: 50000, note: 'Pasien umum: karcis dan jasa konsultasi dokter spesialis. Peserta JKN/BPJS Kesehatan dengan rujukan tidak dipungut biaya.', legalBasis: 'Perbup Lahat tentang Tarif Layanan BLUD RSUD Lahat (demo)' },
      product: 'Pelayanan pemeriksaan dokter di poliklinik',
      complaints: [LAPOR, 'Unit pengaduan RSUD di lobi utama', 'WhatsApp pengaduan RSUD: 0812 0000 7004 (nomor demo)'],
      hours: [{ days: [1, 2, 3, 4, 5, 6], opens: '07:30', closes: '12:00' }],
      hoursNote: 'Pendaftaran poliklinik Senin–Sabtu 07.30–12.00 WIB; IGD buka 24 jam.',
      location: { name: 'Loket pendaftaran rawat jalan, Gedung Poliklinik RSUD Lahat', address: 'Jl. Mayjen Harun Sohar, Lahat (alamat demo)' },
      internal: internal({ legalBasis: ['UU 17/2023 tentang Kesehatan', 'Permenkes 3/2020 tentang Klasifikasi dan Perizinan Rumah Sakit'], staffCount: 12 }),
    },
    // Long queues: time and procedure score low; the index lands in C (kurang baik).
    means: [2.95, 2.6, 2.3, 2.9, 2.95, 3.05, 2.8, 2.7, 2.85],
    responses: 150,
  },
  {
    opd: 'rsud',
    slug: 'surat-keterangan-sehat',
    standard: {
      name: 'Surat Keterangan Sehat Jasmani',
      category: 'kesehatan',
      summary: 'Pemeriksaan kesehatan umum dan surat keterangan sehat untuk melamar pekerjaan, sekolah atau persyaratan lain.',
      online: false,
      offline: true,
      requirements: ['KTP-el', 'Pas foto 3×4 sebanyak 2 lembar'],
      procedure: ['Pendaftaran di loket', 'Pembayaran di kasir', 'Pemeriksaan fisik oleh dokter umum', 'Penerbitan surat keterangan sehat'],
      duration: { text: '±1 jam', workingDays: 1 },
      cost: { free: false, amount: 35000, legalBasis: 'Perbup Lahat tentang Tarif Layanan BLUD RSUD Lahat (demo)' },
      product: 'Surat Keterangan Sehat Jasmani',
      complaints: [LAPOR, 'Unit pengaduan RSUD di lobi utama'],
      hours: [{ days: [1, 2, 3, 4, 5, 6], opens: '07:30', closes: '12:00' }],
      location: { name: 'Poliklinik umum RSUD Lahat', address: 'Jl. Mayjen Harun Sohar, Lahat (alamat demo)' },
      internal: internal({ legalBasis: ['Permenkes 3/2020'], facilitiesDisability: null, competence: null }),
    },
    means: [3.3, 3.2, 3.25, 3.1, 3.3, 3.35, 3.4, 3.1, 3.2],
    responses: 60,
  },
];

/** The pledges of the demo units (not Dinas Kesehatan's: its services show the gap on the checklist). */
export const DEMO_PLEDGES: Readonly<Record<string, { text: string; by: string }>> = {
  dpmptsp: { text: 'Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.', by: 'Kepala DPMPTSP Kabupaten Lahat (demo)' },
  disdukcapil: { text: 'Kami sanggup memberikan pelayanan administrasi kependudukan tanpa biaya, cepat, dan sesuai standar pelayanan; apabila tidak menepati janji ini kami siap menerima sanksi sesuai ketentuan peraturan perundang-undangan.', by: 'Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Lahat (demo)' },
  rsud: { text: 'Kami berjanji memberikan pelayanan kesehatan yang bermutu, ramah dan sesuai standar pelayanan, dan siap menerima sanksi bila tidak menepatinya.', by: 'Direktur RSUD Lahat (demo)' },
};

/** How many demo survey codes each demo service has. */
export const DEMO_TOKENS_PER_SERVICE = 20;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The demo survey codes of a service (known, so the demo page and the tests can use them): `count` of them, `XXXX-XXXX-XXXX`. */
export function demoSurveyTokens(opd: string, slug: string, count = DEMO_TOKENS_PER_SERVICE): string[] {
  return Array.from({ length: count }, (_, i) => {
    const bytes = createHash('sha256').update(`opd-kit demo skm:${opd}/${slug}:${i}`).digest();
    let text = '';
    for (let k = 0; k < 12; k++) text += ALPHABET[bytes[k]! & 31];
    return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8)}`;
  });
}

/** A small deterministic random generator (mulberry32), so the demo's numbers are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A score around `mean`: the two whole scores either side, in the proportion that gives the mean. */
function scoreAround(mean: number, next: () => number): number {
  const low = Math.floor(mean);
  return Math.min(4, Math.max(1, next() < mean - low ? low + 1 : low));
}

/** Demo staff: `[email, name, opd]`. */
const DEMO_STAFF = [
  ['dpmptsp@lahat.demo', 'Petugas DPMPTSP (demo)', 'dpmptsp'],
  ['disdukcapil@lahat.demo', 'Petugas Disdukcapil (demo)', 'disdukcapil'],
] as const;

/** Adds the demo services, versions, pledges, survey codes, responses and accounts that are not there yet. */
export async function seedServices(spine: Kysely<Database>, { now, timeZone }: SeedContext): Promise<Record<string, number>> {
  const db = servicesDb(spine);
  const today = dayIn(now, timeZone);
  const present = new Set((await db.selectFrom('opds').select('slug').execute()).map((o) => o.slug));
  const counts = { services: 0, 'service versions': 0, pledges: 0, 'survey codes': 0, 'survey responses': 0, 'staff users': 0 };

  for (const [email, name, opd] of DEMO_STAFF) {
    if (!present.has(opd)) continue;
    const exists = await db.selectFrom('staff_users').select('id').where('email', '=', email).executeTakeFirst();
    if (exists) continue;
    await addUser(spine, { email, name, role: 'opd_staff', opd, password: DEMO_PASSWORD, mustChangePassword: false, isDemo: true }, now);
    counts['staff users']++;
  }

  for (const [opd, pledge] of Object.entries(DEMO_PLEDGES)) {
    if (!present.has(opd)) continue;
    const added = await db
      .insertInto('service_pledges')
      .values({ opd_slug: opd, text: pledge.text, pledged_by: pledge.by, pledged_on: `${today.slice(0, 4)}-01-02`, is_demo: true, updated_at: now })
      .onConflict((oc) => oc.column('opd_slug').doNothing())
      .returning('opd_slug')
      .executeTakeFirst();
    if (added) counts.pledges++;
  }

  const yearAgo = addDays(today, -365);
  let n = 0;
  for (const demo of DEMO_SERVICES) {
    n++;
    if (!present.has(demo.opd)) continue;
    const existing = await db.selectFrom('services').select('id').where('opd_slug', '=', demo.opd).where('slug', '=', demo.slug).executeTakeFirst();
    if (existing) continue;
    const service = await db.insertInto('services').values({ opd_slug: demo.opd, slug: demo.slug, is_demo: true, created_at: now, created_by: null }).returning('id').executeTakeFirstOrThrow();
    counts.services++;
    const versions: Array<{ standard: ServiceStandardInput; effectiveOn: string }> = [];
    if (demo.slug === 'pbg') {
      // An older version: 45 working days and a shorter list, before PP 16/2021's 28 days were adopted.
      versions.push({ standard: { ...demo.standard, duration: { text: '45 hari kerja sejak dokumen dinyatakan lengkap', workingDays: 45 }, changeNote: 'Standar awal (demo)' }, effectiveOn: addDays(yearAgo, -30) });
      versions.push({ standard: { ...demo.standard, changeNote: 'Jangka waktu disesuaikan dengan PP 16/2021: 28 hari kerja (demo)' }, effectiveOn: addDays(today, -90) });
    } else {
      versions.push({ standard: demo.standard, effectiveOn: addDays(yearAgo, -30) });
    }
    if (demo.slug === 'ktp-el') {
      // A version waiting for its day: the digital identity (IKD) activation joins the steps.
      versions.push({
        standard: { ...demo.standard, procedure: [...demo.standard.procedure, 'Petugas membantu aktivasi Identitas Kependudukan Digital (IKD) di telepon seluler penduduk'], changeNote: 'Menambah aktivasi IKD (demo)' },
        effectiveOn: addDays(today, 30),
      });
    }
    let number = 0;
    for (const v of versions) {
      await db
        .insertInto('service_versions')
        .values({ ...versionColumns(v.standard), service_id: service.id, number: ++number, effective_on: v.effectiveOn, is_demo: true, created_at: now, created_by: null })
        .execute();
      counts['service versions']++;
    }

    const tokens = demoSurveyTokens(demo.opd, demo.slug);
    await db
      .insertInto('survey_tokens')
      .values(tokens.map((t) => ({ hash: tokenHash(normalizeToken(t)!), service_id: service.id, expires_at: new Date(now.getTime() + 365 * 86_400_000), is_demo: true, created_at: now })))
      .onConflict((oc) => oc.column('hash').doNothing())
      .execute();
    counts['survey codes'] += tokens.length;

    // A year of synthetic responses, spread over the 365 days before today.
    const next = random(1000 + n);
    const responses = Array.from({ length: demo.responses }, (_, i) => ({
      service_id: service.id,
      model_id: SKM_2017,
      answered_on: addDays(yearAgo, Math.floor(((i + next()) * 365) / demo.responses)),
      suggestion: i % 17 === 0 ? 'Mohon antrean dipercepat dan ruang tunggu ditambah kipas angin (saran sintetis).' : null,
      is_demo: true,
    }));
    for (let start = 0; start < responses.length; start += 200) {
      const ids = await db.insertInto('survey_responses').values(responses.slice(start, start + 200)).returning('id').execute();
      const scores = ids.flatMap(({ id }) => SKM_2017_ELEMENTS.map(([element], e) => ({ response_id: id, element_id: element, score: scoreAround(demo.means[e]!, next) })));
      for (let k = 0; k < scores.length; k += 1000) await db.insertInto('survey_scores').values(scores.slice(k, k + 1000)).execute();
    }
    counts['survey responses'] += responses.length;
  }
  return counts;
}
