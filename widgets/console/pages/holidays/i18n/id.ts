/**
 * The Indonesian copy of the days-off page (`#/holidays`). Every key must exist in `en.ts`.
 *
 * @module
 */
import type { CatalogOf } from '../../../../shared/i18n/catalog.js';

const num = (value: number): string => value.toLocaleString('id-ID');

/** The days-off page's Indonesian copy. */
export const id = {
  'holidays.intro':
    'Hari libur kabupaten selain Sabtu dan Minggu. Tenggat layanan (misalnya jawaban pertama SIAP) tidak menghitungnya sebagai hari kerja.',
  'holidays.dueDates': 'Tenggat yang sudah diberikan kepada warga tetap seperti semula; perubahan di sini berlaku untuk pertanyaan yang masuk sesudahnya.',
  'year.title': (year: number) => `Hari libur tahun ${year}`,
  'year.nav': 'Pilih tahun',
  'year.previousHint': 'Tahun sebelumnya',
  'year.nextHint': 'Tahun berikutnya',
  'year.shown': (year: number, count: number) => `Hari libur tahun ${year}: ${num(count)} hari.`,

  'list.caption': (year: number, count: number) => `Hari libur tahun ${year} (${num(count)} hari)`,
  'list.date': 'Tanggal',
  'list.name': 'Nama',
  'list.kind': 'Jenis',
  'list.actions': 'Tindakan',
  'list.loading': 'Memuat hari libur…',
  'list.empty': (year: number) => `Belum ada hari libur untuk tahun ${year}. Tambahkan hari libur nasional dan cuti bersama dari SKB tiga menteri tahun itu, lalu hari libur daerah.`,
  'list.edit': 'Ubah',
  'list.remove': 'Hapus',
  'list.confirmRemove': (name: string, date: string) =>
    `Hapus ${name} (${date})? Hari itu kembali menjadi hari kerja untuk pertanyaan yang masuk sesudahnya. Tenggat yang sudah diberikan tetap.`,
  'list.confirmYes': 'Ya, hapus',
  'list.removing': 'Menghapus…',
  'list.removed': (name: string, date: string) => `${name} (${date}) dihapus dari hari libur.`,

  'kind.national': 'Libur nasional',
  'kind.cuti-bersama': 'Cuti bersama',
  'kind.regional': 'Libur daerah',
  'kind.nationalHint': 'Ditetapkan SKB tiga menteri.',
  'kind.cuti-bersamaHint': 'Ditetapkan SKB tiga menteri.',
  'kind.regionalHint': 'Hanya di kabupaten ini, misalnya hari jadi kabupaten (keputusan bupati).',

  'form.addTitle': 'Tambah hari libur',
  'form.editTitle': (name: string) => `Ubah ${name}`,
  'form.date': 'Tanggal',
  'form.dateHint': 'Sabtu dan Minggu sudah libur dan tidak perlu ditambahkan.',
  'form.dateFixed': 'Tanggal',
  'form.dateFixedHint': 'Untuk tanggal lain, hapus hari libur ini lalu tambahkan yang baru.',
  'form.name': 'Nama hari libur',
  'form.nameHint': 'Seperti tertulis di SKB atau keputusan bupati, misalnya Hari Jadi Kabupaten Lahat.',
  'form.kind': 'Jenis hari libur',
  'form.add': 'Tambah hari libur',
  'form.save': 'Simpan perubahan',
  'form.added': (name: string, date: string) => `${name} (${date}) ditambahkan.`,
  'form.changed': (name: string, date: string) => `${name} (${date}) disimpan.`,

  'error.date.required': 'Masukkan tanggal hari libur',
  'error.date.format': 'Masukkan tanggal yang ada, dari tahun 2000 sampai 2100',
  'error.date.taken': (name: string) => `Tanggal ini sudah hari libur: ${name}. Pilih Ubah di daftar untuk mengganti nama atau jenisnya.`,
  'error.name.required': 'Masukkan nama hari libur',
  'error.name.tooLong': 'Nama hari libur paling panjang 200 karakter',
  'error.kind.required': 'Pilih jenis hari libur',
  'error.kind.notAllowed': 'Pilih libur nasional, cuti bersama atau libur daerah',
} as const;

/** The shape every language of the days-off page's copy must have. */
export type HolidaysMessages = CatalogOf<typeof id>;
