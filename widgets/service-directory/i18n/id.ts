/**
 * The Indonesian copy of `<opd-service-directory>` (the default language): the directory's
 * own and, spread in, the standard's ({@link standardId}, shared with `<opd-service-standard>`).
 * Every key must exist in `en.ts`; {@link ServiceDirectoryMessages} makes the compiler check that.
 *
 * @module
 */
import type { CatalogOf } from '../../shared/i18n/catalog.js';
import { standardId } from '../../service-standard/i18n/standard-id.js';

const num = (n: number): string => n.toLocaleString('id-ID');

/** The directory's Indonesian copy. */
export const id = {
  ...standardId,
  'list.title': 'Mal Pelayanan Publik Digital',
  'list.intro': 'Standar pelayanan semua perangkat daerah di satu tempat: cari layanan, lihat persyaratan dan alurnya, lalu cetak daftar persyaratannya.',

  'search.label': 'Cari layanan',
  'search.hint': 'Misalnya KTP, akta kelahiran, izin usaha atau surat sehat.',
  'search.button': 'Cari',
  'search.landmark': 'Cari dan saring layanan',

  'filter.opd': 'Perangkat daerah',
  'filter.allOpds': 'Semua perangkat daerah',
  'filter.category': 'Kategori',
  'filter.allCategories': 'Semua kategori',
  'filter.online': 'Cara mengajukan',
  'filter.allChannels': 'Daring dan di loket',
  'filter.onlineOnly': 'Bisa daring',
  'filter.offlineOnly': 'Hanya di loket',
  'filter.free': 'Biaya',
  'filter.allCosts': 'Gratis dan berbayar',
  'filter.freeOnly': 'Gratis',
  'filter.paidOnly': 'Berbayar',
  'filter.clear': 'Hapus pencarian dan saringan',

  'count.loading': 'Memuat layanan…',
  'count.found': (n: number) => (n === 0 ? 'Tidak ada layanan ditemukan' : `${num(n)} layanan ditemukan`),
  'count.shown': (shown: number, total: number) => `Menampilkan ${num(shown)} dari ${num(total)}.`,
  'count.more': (added: number, shown: number, total: number) => `${num(added)} layanan lagi dimuat; ${num(shown)} dari ${num(total)} ditampilkan.`,

  'result.time': 'Waktu penyelesaian',
  'more.button': 'Muat lebih banyak',
  'more.loading': 'Memuat…',
  'more.failed': 'Layanan berikutnya tidak dapat dimuat.',

  'empty.none': 'Belum ada standar pelayanan yang diterbitkan.',
  'empty.search': 'Tidak ada layanan yang cocok. Coba kata lain, periksa ejaannya, atau hapus saringan.',
  'error.offline': 'Layanan tidak dapat dimuat: tidak ada koneksi. Periksa koneksi internet Anda, lalu coba lagi. Kata pencarian Anda tetap tersimpan.',
  'error.problem': (problem: string) => `Layanan tidak dapat dimuat: ${problem}`,
  'error.unavailable': 'Direktori layanan tidak tersedia di server ini.',

  'detail.back': 'Kembali ke daftar layanan',
} as const;

/** The shape every language of the directory's copy must have. */
export type ServiceDirectoryMessages = CatalogOf<typeof id>;
