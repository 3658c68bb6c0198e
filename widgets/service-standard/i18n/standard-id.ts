/**
 * The Indonesian copy of a service standard as `<opd-service-standard>` and the details of
 * `<opd-service-directory>` show it (the default language); the directory's own copy spreads
 * this in. The components are named as PermenPAN-RB 15/2014 names them. Every key here must
 * exist in `en.ts`; the type {@link ServiceStandardMessages} makes the compiler check that.
 *
 * @module
 */
import type { CatalogOf } from '../../shared/i18n/catalog.js';

/** A service standard's Indonesian copy. */
export const standardId = {
  'std.opd': 'Perangkat daerah',
  'std.category.perizinan': 'Perizinan dan nonperizinan',
  'std.category.kependudukan': 'Administrasi kependudukan',
  'std.category.kesehatan': 'Kesehatan',
  'std.category.pajak-retribusi': 'Pajak dan retribusi daerah',
  'std.category.sosial': 'Sosial',
  'std.category.pendidikan': 'Pendidikan',
  'std.category.ketenagakerjaan': 'Ketenagakerjaan',
  'std.category.lainnya': 'Lainnya',
  'std.channel.online': 'Daring',
  'std.channel.offline': 'Di loket',
  'std.channel.both': 'Daring dan di loket',
  'std.channel': 'Cara mengajukan',
  'std.free': 'Gratis',
  'std.tariff': 'Sesuai tarif',
  'std.requirements': 'Persyaratan',
  'std.requirementsHint': 'Centang yang sudah Anda siapkan sebelum datang.',
  'std.noRequirements': 'Tidak ada persyaratan yang dicantumkan.',
  'std.print': 'Cetak daftar persyaratan',
  'std.printTitle': (name: string) => `Persyaratan: ${name}`,
  'std.printFooter': (opd: string, version: number, day: string) => `${opd} · standar pelayanan versi ${version}, berlaku sejak ${day}`,
  'std.procedure': 'Sistem, mekanisme dan prosedur',
  'std.duration': 'Jangka waktu penyelesaian',
  'std.cost': 'Biaya/tarif',
  'std.costBasis': 'Dasar hukum',
  'std.product': 'Produk pelayanan',
  'std.complaints': 'Penanganan pengaduan, saran dan masukan',
  'std.noComplaints': 'Saluran pengaduan belum dicantumkan.',
  'std.hours': 'Waktu pelayanan',
  'std.noHours': 'Waktu pelayanan belum dicantumkan.',
  'std.location': 'Lokasi pelayanan',
  'std.pledge': 'Maklumat pelayanan',
  'std.applyOnline': 'Ajukan secara daring',
  'std.newWindow': '(membuka tab baru)',
  'std.ask': 'Tanya petugas',
  'std.askHint': (opd: string) => `Ada pertanyaan tentang layanan ini? Tanyakan kepada petugas ${opd} melalui konsultasi daring (SIAP).`,
  'std.version': (version: number, day: string) => `Standar pelayanan versi ${version}, berlaku sejak ${day}.`,
  'std.demo': 'Data contoh untuk demo, bukan standar pelayanan resmi.',
} as const;

/** The shape every language of a service standard's copy must have. */
export type ServiceStandardMessages = CatalogOf<typeof standardId>;
