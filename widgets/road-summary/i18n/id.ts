/**
 * The Indonesian copy of `<opd-road-summary>` (the default language); the kit's own copy
 * (retry, server failure, waits, a missing `opd`) is in `widgets/shared/i18n/`. Every key here
 * must exist in `en.ts`; the type {@link RoadSummaryMessages} makes the compiler check that.
 *
 * Figures arrive already written in the language (`km`: `1.339,15 km`, `percent`: `78,35 %`).
 *
 * @module
 */
import type { CatalogOf } from '../../shared/i18n/catalog.js';

/** The road board's Indonesian copy. */
export const id = {
  // The kit's `config.missingOpd` starts with it: "Papan ini belum diatur: …".
  'config.thisWidget': 'Papan kondisi jalan ini',
  'unit.km': (n: string) => `${n}\u00a0km`,
  'unit.percent': (n: string) => `${n}\u00a0%`,

  'board.loading': 'Memuat data kondisi jalan…',
  'board.loadingYear': (year: number) => `Memuat data kondisi jalan tahun ${year}…`,
  'board.shown': (year: number) => `Menampilkan kondisi jalan tahun ${year}.`,
  'board.offline': 'Data kondisi jalan tidak dapat dimuat karena tidak ada koneksi. Periksa koneksi internet Anda, lalu coba lagi.',
  'board.unknownOpd': (slug: string) =>
    `Papan kondisi jalan ini belum diatur dengan benar: OPD "${slug}" tidak dikenal. Hubungi pengelola situs.`,
  'board.unavailable': 'Papan kondisi jalan (Perjaka) tidak tersedia untuk OPD ini.',
  'board.empty': 'Belum ada data survei kondisi jalan yang diterbitkan.',
  'board.missingYear': (asked: number, shown: number) =>
    `Belum ada survei kondisi jalan untuk tahun ${asked}. Yang ditampilkan adalah tahun ${shown}, survei terbaru.`,

  'board.title': (year: number) => `Kondisi jalan kabupaten ${year}`,
  'board.year': 'Tahun survei',
  'board.synthetic': 'Data contoh (sintetis) untuk demo, bukan data resmi.',

  'kemantapan.label': (year: number) => `Kemantapan jalan ${year}`,
  'kemantapan.what': 'Bagian panjang jalan dalam kondisi mantap (Baik dan Sedang).',
  'kemantapan.target': (year: number, percent: string) => `Target ${year}: ${percent}`,
  'kemantapan.noTarget': 'Belum ada target kemantapan yang ditetapkan.',
  'kemantapan.met': (year: number, percent: string) => `Target ${year} (${percent}) sudah tercapai.`,
  'kemantapan.toGo': (km: string, year: number, percent: string) =>
    `Masih ${km} lagi yang perlu menjadi mantap untuk mencapai target ${year} (${percent}).`,
  'kemantapan.gauge': (percent: string, target: string) => `Kemantapan ${percent} dari target ${target}`,
  'kemantapan.gaugeNoTarget': (percent: string) => `Kemantapan ${percent} dari 100 %`,
  'figures.length': 'Panjang jalan disurvei',
  'figures.segments': (n: string) => `${n} ruas`,
  'figures.steady': 'Kondisi mantap (Baik + Sedang)',
  'figures.toGo': 'Masih perlu menjadi mantap',

  'classes.title': 'Panjang jalan menurut kondisi',
  'classes.bar': (parts: string) => `Panjang menurut kondisi: ${parts}`,
  'classes.class': 'Kondisi',
  'classes.km': 'Panjang (km)',
  'classes.share': 'Bagian',
  'class.baik': 'Baik',
  'class.sedang': 'Sedang',
  'class.rusakRingan': 'Rusak Ringan',
  'class.rusakBerat': 'Rusak Berat',

  'trend.title': 'Perkembangan kemantapan',
  'trend.chart': (points: string) => `Kemantapan per tahun: ${points}`,
  'trend.point': (year: number, percent: string) => `${year} ${percent}`,
  'trend.pointTarget': (year: number, target: string) => `${year} target ${target}`,
  'trend.table': 'Lihat angka perkembangan dalam tabel',
  'trend.year': 'Tahun',
  'trend.kemantapan': 'Kemantapan',
  'trend.targetCol': 'Target',
  'trend.none': '—',
  'trend.noSurvey': 'belum disurvei',
  'trend.legendKemantapan': 'Kemantapan',
  'trend.legendTarget': 'Target',

  'kecamatan.title': 'Kondisi per kecamatan',
  'kecamatan.caption': (year: number) => `Panjang jalan (km) per kecamatan menurut kondisi, ${year}`,
  'kecamatan.note': 'Panjang dalam km. Ruas yang melewati beberapa kecamatan dihitung penuh di setiap kecamatan.',
  'kecamatan.name': 'Kecamatan',
  'kecamatan.segments': 'Ruas',
  'kecamatan.length': 'Panjang',
  'kecamatan.kemantapan': 'Kemantapan',
  'kecamatan.sort': (column: string) => `Urutkan menurut ${column}`,
  'kecamatan.sorted': (column: string, ascending: boolean) =>
    `Tabel diurutkan menurut ${column}, ${ascending ? 'dari kecil ke besar' : 'dari besar ke kecil'}.`,
} as const;

/** The shape every language of the road board's copy must have. */
export type RoadSummaryMessages = CatalogOf<typeof id>;
