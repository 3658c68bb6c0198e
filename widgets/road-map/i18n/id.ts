/**
 * The Indonesian copy of `<opd-road-map>` (the default language); the kit's own copy (retry,
 * server failure, waits) is in `widgets/shared/i18n/`. Every key here must exist in `en.ts`;
 * the type {@link RoadMapMessages} makes the compiler check that.
 *
 * @module
 */
import type { CatalogOf } from '../../shared/i18n/catalog.js';

const num = (value: number, digits = 0): string =>
  value.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The road map's Indonesian copy. */
export const id = {
  'config.thisWidget': 'Peta ini',
  'map.title': 'Kondisi ruas jalan kabupaten',
  'map.year': (year: number) => `Kondisi hasil survei tahun ${year}`,
  'map.loading': 'Memuat data ruas jalan…',
  'map.loadingMap': 'Memuat peta…',
  'map.empty': 'Belum ada ruas jalan yang tercatat untuk OPD ini.',
  'map.noMatch': 'Tidak ada ruas yang cocok dengan saringan ini. Ubah kecamatan atau kondisi yang dipilih.',
  'map.offline': 'Tidak ada koneksi, data ruas jalan belum dapat dimuat. Periksa koneksi internet Anda, lalu coba lagi.',
  'map.notFound': 'Data ruas jalan untuk tahun ini tidak ditemukan.',
  'map.unavailable': 'Papan kondisi jalan tidak tersedia untuk OPD ini.',
  'map.mapFailed': 'Peta tidak dapat dimuat. Data yang sama tersedia di tampilan daftar.',
  'map.unmapped': (n: number) => `${num(n)} ruas belum memiliki garis di peta; semuanya tercantum di daftar.`,
  'map.label': 'Peta ruas jalan',
  'map.keys': 'Tekan panah untuk berpindah antar-ruas, Enter untuk melihat rinciannya, tambah atau kurang untuk memperbesar atau memperkecil.',
  'map.current': (number: string, name: string, condition: string, position: number, count: number) =>
    `Ruas ${number}, ${name}: ${condition}. Ruas ke-${num(position)} dari ${num(count)}.`,
  'map.zoomIn': 'Perbesar',
  'map.zoomOut': 'Perkecil',

  'view.label': 'Tampilan',
  'view.map': 'Peta',
  'view.list': 'Daftar',

  'filter.title': 'Saring ruas',
  'filter.kecamatan': 'Kecamatan',
  'filter.allKecamatan': 'Semua kecamatan',
  'filter.condition': 'Kondisi',
  'filter.summary': (count: number, km: number) => `Menampilkan ${num(count)} ruas, ${num(km, 2)} km`,

  'legend.title': 'Keterangan warna',

  'class.baik': 'Baik',
  'class.sedang': 'Sedang',
  'class.rusakRingan': 'Rusak ringan',
  'class.rusakBerat': 'Rusak berat',
  'class.none': 'Belum disurvei',

  'surface.aspal': 'Aspal',
  'surface.beton': 'Beton',
  'surface.kerikil': 'Kerikil',
  'surface.tanah': 'Tanah',

  'table.caption': 'Daftar ruas jalan',
  'table.sortHint': 'Tekan judul kolom untuk mengurutkan.',
  'table.number': 'No. ruas',
  'table.name': 'Nama ruas',
  'table.kecamatan': 'Kecamatan',
  'table.length': 'Panjang (km)',
  'table.condition': 'Kondisi',
  'table.kemantapan': 'Kemantapan',
  'table.details': 'Rincian',
  'table.show': (number: string) => `Rincian ruas ${number}`,

  'details.title': (number: string) => `Ruas ${number}`,
  'details.close': 'Tutup rincian',
  'details.kecamatan': 'Kecamatan',
  'details.length': 'Panjang',
  'details.surface': 'Permukaan',
  'details.width': 'Lebar',
  'details.condition': (year: number) => `Kondisi (survei ${year})`,
  'details.noSurvey': 'Belum ada survei kondisi untuk ruas ini.',
  'details.kemantapan': 'Kemantapan',
  'details.opened': (number: string) => `Rincian ruas ${number} ditampilkan di bawah peta.`,

  'unit.km': (km: number) => `${num(km, 2)} km`,
  'unit.m': (m: number) => `${num(m, 1)} m`,
  'unit.percent': (percent: number) => `${num(percent, 2)} %`,
} as const;

/** The shape every language of the road map's copy must have. */
export type RoadMapMessages = CatalogOf<typeof id>;
