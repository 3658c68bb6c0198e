/**
 * The Indonesian copy of the rollout page (`#/opds`). Every key must exist in `en.ts`.
 *
 * @module
 */
import type { CatalogOf } from '../../../../shared/i18n/catalog.js';

const num = (value: number): string => value.toLocaleString('id-ID');

/** The rollout page's Indonesian copy. */
export const id = {
  'board.title': 'Papan peluncuran',
  'board.intro': 'Setiap OPD di kabupaten: modul yang aktif dan angka SIAP bulan yang dipilih.',
  'board.month': 'Bulan',
  'board.show': 'Tampilkan',
  'board.caption': (month: string) => `OPD dan modulnya, ${month}`,
  'board.opd': 'OPD',
  'board.modules': 'Modul aktif',
  'board.noModules': 'Belum ada',
  'board.received': 'Pertanyaan bulan ini',
  'board.withinSla': 'Tepat waktu',
  'board.overdue': 'Terlambat sekarang',
  'board.note': 'Tepat waktu: bagian pertanyaan yang jatuh tempo bulan ini dan mendapat tanggapan pertama dalam 3 hari kerja. Terlambat sekarang: belum ditanggapi dan sudah lewat batas.',
  'board.manage': 'Atur',
  'board.manageOpd': (opd: string) => `Atur ${opd}`,
  'board.notRunning': '—',
  'board.noneDue': 'belum ada yang jatuh tempo',
  'board.summary': (on: number, total: number) => `${num(on)} dari ${num(total)} OPD sudah memakai SIAP.`,
  'board.loading': 'Memuat papan peluncuran…',
  'board.empty': 'Belum ada OPD. Tambahkan yang pertama di bawah.',

  'add.title': 'Tambah OPD',
  'add.intro': 'OPD baru mulai tanpa modul, kecuali yang Anda centang. Pengguna OPD ditambahkan di halaman pengaturannya.',
  'add.name': 'Nama OPD',
  'add.nameHint': 'Nama resmi, misalnya Dinas Kesehatan',
  'add.slug': 'Nama singkat (slug)',
  'add.slugHint': 'Dipakai di alamat dan kode sematan; huruf kecil, angka dan tanda hubung, misalnya dinkes. Tidak dapat diubah nanti.',
  'add.nameEn': 'Nama dalam bahasa Inggris (tidak wajib)',
  'add.nameEnHint': 'Untuk halaman berbahasa Inggris, misalnya Health Office',
  'add.origins': 'Alamat situs yang diizinkan (tidak wajib)',
  'add.originsHint': 'Satu alamat per baris, tanpa garis miring di akhir, misalnya https://dinkes.lahatkab.go.id. Widget hanya bekerja di situs yang terdaftar di sini.',
  'add.modules': 'Modul yang langsung aktif',
  'add.submit': 'Tambah OPD',
  'add.sending': 'Menambahkan…',
  'add.done': (name: string) => `${name} sudah ditambahkan.`,
  'add.open': 'Buka pengaturan dan pengguna OPD ini',

  'error.name.required': 'Masukkan nama OPD',
  'error.name.tooLong': 'Nama OPD paling panjang 200 karakter',
  'error.slug.required': 'Masukkan nama singkat OPD',
  'error.slug.tooShort': 'Nama singkat paling sedikit 2 karakter',
  'error.slug.tooLong': 'Nama singkat paling panjang 64 karakter',
  'error.slug.format': 'Nama singkat hanya boleh huruf kecil, angka dan tanda hubung tunggal, misalnya dinas-kesehatan',
  'error.slug.invalid': 'Nama singkat hanya boleh huruf kecil, angka dan tanda hubung tunggal, misalnya dinas-kesehatan',
  'error.slug.alreadyUsed': 'Nama singkat ini sudah dipakai OPD lain. Pilih yang lain',
  'error.nameEn.tooLong': 'Nama dalam bahasa Inggris paling panjang 200 karakter',
  'error.allowedOrigins.format': 'Tulis setiap alamat seperti https://dinkes.lahatkab.go.id (tanpa jalur, tanpa garis miring di akhir)',
  'error.allowedOrigins.invalid': 'Tulis setiap alamat seperti https://dinkes.lahatkab.go.id (tanpa jalur, tanpa garis miring di akhir)',
  'error.allowedOrigins.tooLong': 'Paling banyak 20 alamat situs',
  'error.conflict': 'Sudah ada OPD dengan nama singkat ini. Pilih nama singkat lain.',
} as const;

/** The shape every language of the rollout page's copy must have. */
export type RolloutMessages = CatalogOf<typeof id>;
