/**
 * The Indonesian copy of `<opd-innovation-progress>` (the default language); the kit's own copy
 * (retry, server failure, waits) is in `widgets/shared/i18n/`. Every key here must exist in
 * `en.ts`; the type {@link InnovationProgressMessages} makes the compiler check that.
 *
 * Figures arrive already written in the language (`percent`: `72,5 %`).
 *
 * @module
 */
import type { CatalogOf } from '../../shared/i18n/catalog.js';

/** The progress board's Indonesian copy. */
export const id = {
  'unit.percent': (n: string) => `${n}\u00a0%`,

  'board.loading': 'Memuat kemajuan Satu OPD Satu Inovasi…',
  'board.loadingYear': (year: number) => `Memuat kemajuan Satu OPD Satu Inovasi tahun ${year}…`,
  'board.offline': 'Kemajuan inovasi tidak dapat dimuat karena tidak ada koneksi. Periksa koneksi internet Anda, lalu coba lagi.',
  'board.badYear': (year: string) =>
    `Papan kemajuan inovasi ini belum diatur dengan benar: tahun "${year}" tidak dapat dipakai. Hubungi pengelola situs.`,
  'board.unavailable': 'Papan kemajuan inovasi tidak tersedia.',

  'board.title': (year: number) => `Satu OPD Satu Inovasi ${year}`,
  'board.target': 'Target: setiap OPD memiliki sedikitnya satu inovasi daerah yang terverifikasi.',

  'progress.sentence': (done: string, all: string, percent: string) =>
    `${done} dari ${all} OPD sudah memiliki inovasi terverifikasi (${percent})`,
  'progress.deadline': 'Batas akhir',
  'progress.countdown': 'Sisa waktu',
  'progress.noDeadline': 'Belum ada batas akhir yang ditetapkan untuk tahun ini.',
  'countdown.left': (days: string) => `${days} hari lagi`,
  'countdown.tomorrow': 'Besok batas akhir',
  'countdown.today': 'Hari ini batas akhir',
  'countdown.passed': (days: string) => `Lewat ${days} hari`,

  'missing.title': (n: string) => `Belum memiliki inovasi terverifikasi (${n} OPD)`,
  'missing.none': 'Semua OPD sudah memiliki inovasi terverifikasi.',
  'missing.submitted': (n: string) => `${n} menunggu verifikasi`,
  'missing.inProgress': (n: string) => `${n} masih disusun`,
  'missing.nothing': 'belum ada usulan',
  'done.title': (n: string) => `Sudah memiliki inovasi terverifikasi (${n} OPD)`,
  'done.none': 'Belum ada OPD dengan inovasi terverifikasi.',
  'done.verified': (n: string) => `${n} terverifikasi`,
  'list.showAll': (n: string) => `Tampilkan semua (${n})`,
  'list.showLess': 'Tampilkan lebih sedikit',

  'breakdown.title': 'Inovasi terverifikasi menurut bentuk dan tahapan',
  'breakdown.type': 'Bentuk inovasi',
  'breakdown.stage': 'Tahapan',
  'breakdown.digital': 'Digital atau bukan',
  'breakdown.count': 'Jumlah',
  'breakdown.share': 'Bagian',
  'type.pelayanan-publik': 'Pelayanan publik',
  'type.tata-kelola': 'Tata kelola pemerintahan daerah',
  'type.lainnya': 'Bentuk lainnya',
  'stage.inisiatif': 'Inisiatif',
  'stage.uji-coba': 'Uji coba',
  'stage.penerapan': 'Penerapan',
  'digital.yes': 'Digital',
  'digital.no': 'Non-digital',

  'gaps.title': (n: string) => `Bukti belum lengkap (${n} OPD)`,
  'gaps.what': 'Indikator inovasi yang belum ada berkas buktinya, pada inovasi yang diajukan atau terverifikasi.',
  'gaps.none': 'Semua inovasi yang diajukan atau terverifikasi sudah memiliki bukti untuk setiap indikator.',
  'gaps.count': (n: string) => `${n} indikator tanpa bukti`,

  'score.title': 'Perkiraan Indeks Inovasi Daerah per OPD',
  // Followed by the model's name (marked lang="id": it is the ministry's own) and a full stop.
  'score.model': 'Dihitung dengan model ',
  'score.note': 'Perkiraan dari bukti yang sudah diunggah, bukan nilai resmi Kementerian Dalam Negeri.',
  'score.opd': 'OPD',
  'score.value': 'Perkiraan skor (kategori)',
  'score.none': 'Belum ada OPD dengan perkiraan skor.',
  'score.noModel': (year: number) => `Belum ada model penilaian Indeks Inovasi Daerah untuk tahun ${year}.`,
} as const;

/** The shape every language of the progress board's copy must have. */
export type InnovationProgressMessages = CatalogOf<typeof id>;
