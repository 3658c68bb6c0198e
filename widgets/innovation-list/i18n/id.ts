/**
 * The Indonesian copy of `<opd-innovation-list>` (the default language); the kit's own copy
 * (retry, server failure, waits, dates) is in `widgets/shared/i18n/`. Every key here must exist
 * in `en.ts`; the type {@link InnovationListMessages} makes the compiler check that.
 *
 * The forms, stages and initiators are written as the national portal (and the export) writes
 * them; dates come from the kit (`Intl`, in the regency's zone).
 *
 * @module
 */
import type { CatalogOf } from '../../shared/i18n/catalog.js';

const num = (n: number): string => n.toLocaleString('id-ID');

/** The innovation catalogue's Indonesian copy. */
export const id = {
  'list.title': 'Katalog Inovasi Daerah',
  'list.intro': 'Inovasi perangkat daerah yang sudah diverifikasi Bappeda.',
  'list.synthetic': 'Data contoh (sintetis) untuk demo, bukan inovasi resmi.',

  'search.label': 'Cari inovasi',
  'search.hint': 'Kata dalam nama, masalah atau solusi, misalnya posyandu atau antrean.',
  'search.button': 'Cari',
  'search.landmark': 'Cari dan saring inovasi',

  'filter.opd': 'Perangkat daerah',
  'filter.allOpds': 'Semua perangkat daerah',
  'filter.type': 'Bentuk inovasi',
  'filter.allTypes': 'Semua bentuk',
  'filter.stage': 'Tahapan',
  'filter.allStages': 'Semua tahapan',
  'filter.digital': 'Jenis',
  'filter.allDigital': 'Digital dan non digital',
  'filter.clear': 'Hapus pencarian dan saringan',

  'type.pelayanan-publik': 'Inovasi pelayanan publik',
  'type.tata-kelola': 'Inovasi tata kelola pemerintahan daerah',
  'type.lainnya': 'Inovasi daerah bentuk lainnya',
  'stage.inisiatif': 'Inisiatif',
  'stage.uji-coba': 'Uji coba',
  'stage.penerapan': 'Penerapan',
  'digital.true': 'Digital',
  'digital.false': 'Non digital',

  'count.loading': 'Memuat inovasi…',
  'count.searching': 'Mencari…',
  'count.found': (n: number) => (n === 0 ? 'Tidak ada inovasi ditemukan' : `${num(n)} inovasi ditemukan`),
  'count.shown': (shown: number, total: number) => `Menampilkan ${num(shown)} dari ${num(total)}.`,
  'count.more': (added: number, shown: number, total: number) => `${num(added)} inovasi lagi dimuat; ${num(shown)} dari ${num(total)} ditampilkan.`,

  'result.opd': 'Perangkat daerah',
  'result.open': (name: string) => `Lihat rincian ${name}`,
  'more.button': 'Muat lebih banyak',
  'more.loading': 'Memuat…',
  'more.failed': 'Inovasi berikutnya tidak dapat dimuat.',

  'empty.none': 'Belum ada inovasi yang diverifikasi.',
  'empty.search': 'Tidak ada inovasi yang cocok. Coba kata lain, periksa ejaannya, atau hapus saringan.',
  'error.offline': 'Inovasi tidak dapat dimuat: tidak ada koneksi. Periksa koneksi internet Anda, lalu coba lagi. Kata pencarian Anda tetap tersimpan.',
  'error.problem': (problem: string) => `Inovasi tidak dapat dimuat: ${problem}`,
  'error.unavailable': 'Katalog inovasi tidak tersedia di server ini.',

  'detail.close': 'Tutup',
  'detail.opd': 'Perangkat daerah',
  'detail.type': 'Bentuk inovasi',
  'detail.digital': 'Jenis',
  'detail.stage': 'Tahapan',
  'detail.stages': 'Tahapan dan tanggalnya',
  'detail.notReached': 'belum',
  'detail.startDate': 'Tanggal mulai',
  'detail.budget': 'Sumber anggaran',
  'detail.year': 'Tahun penilaian',
  'detail.verified': 'Diverifikasi',
  'detail.problem': 'Permasalahan',
  'detail.solution': 'Kebaruan dan solusi (rancang bangun)',
  'detail.benefits': 'Manfaat',
  'detail.results': 'Hasil inovasi',
  'detail.none': 'Tidak diisi.',
  'detail.evidence': 'Bukti dukung',
  'detail.noEvidence': 'Belum ada bukti dukung yang diunggah.',
  'detail.file': (kind: string, size: string) => `${kind}, ${size}`,
  'detail.kb': (kb: string) => `${kb} KB`,
  'detail.newWindow': '(membuka tab baru)',
} as const;

/** The shape every language of the innovation catalogue's copy must have. */
export type InnovationListMessages = CatalogOf<typeof id>;
