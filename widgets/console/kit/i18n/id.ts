/**
 * The Indonesian copy every console page may use (failures, paging, saving, the notice a page
 * shows outside a console). A page spreads it into its own catalog:
 * `{ ...consoleKitId, ...own }`. Kept apart from `widgets/shared/` (the citizens' widget kit),
 * which another part of the code base owns; it may move there once a second staff tool needs it.
 *
 * @module
 */
import type { CatalogOf } from '../../../shared/i18n/catalog.js';

const num = (value: number): string => value.toLocaleString('id-ID');

/** The console kit's Indonesian copy. */
export const consoleKitId = {
  'ck.offline': 'Server layanan tidak dapat dihubungi. Periksa koneksi internet Anda, lalu coba lagi.',
  'ck.forbidden': 'Peran Anda tidak mengizinkan tindakan ini.',
  'ck.notFound': 'Data ini tidak ditemukan; mungkin sudah diubah orang lain. Muat ulang halaman.',
  'ck.conflict': 'Data ini baru saja diubah orang lain. Muat ulang, lalu coba lagi.',
  'ck.unavailable': 'Modul ini tidak aktif untuk OPD ini.',
  'ck.reload': 'Muat ulang',
  'ck.loading': 'Memuat…',
  'ck.saving': 'Menyimpan…',
  'ck.saved': 'Tersimpan.',
  'ck.cancel': 'Batal',
  'ck.close': 'Tutup',
  'ck.copy': 'Salin',
  'ck.copied': 'Tersalin.',
  'ck.copyFailed': 'Tidak dapat menyalin otomatis. Teksnya sudah dipilih: tekan Ctrl+C.',
  'ck.next': 'Berikutnya',
  'ck.previous': 'Sebelumnya',
  'ck.pageOf': (page: number) => `Halaman ${num(page)}`,
  'ck.none': 'Tidak ada.',
  'ck.outsideConsole': 'Halaman ini bagian dari konsol staf. Buka melalui <opd-console>.',
  'ck.role.regency_admin': 'Admin kabupaten',
  'ck.role.opd_admin': 'Admin OPD',
  'ck.role.opd_staff': 'Petugas OPD',
  'ck.module.siap': 'SIAP (konsultasi)',
  'ck.module.perjaka': 'Perjaka (kondisi jalan)',
  'ck.module.agenda': 'e-Agenda (agenda DPRD)',
  'ck.module.innovation': 'Inovasi daerah',
  'ck.module.csr': 'SIP BENAR (CSR)',
  'ck.module.layanan': 'Layanan (standar pelayanan dan SKM)',
  'ck.moduleShort.siap': 'SIAP',
  'ck.moduleShort.perjaka': 'Perjaka',
  'ck.moduleShort.agenda': 'e-Agenda',
  'ck.moduleShort.innovation': 'Inovasi',
  'ck.moduleShort.csr': 'SIP BENAR',
  'ck.moduleShort.layanan': 'Layanan',
  'ck.yes': 'Ya',
  'ck.no': 'Tidak',
} as const;

/** The shape every language of the console kit's copy must have. */
export type ConsoleKitMessages = CatalogOf<typeof consoleKitId>;
