/**
 * The Indonesian copy of SIAP's settings page in the console (`#/siap/settings`): the
 * categories the question form offers and the answer templates. Every key must exist in `en.ts`.
 *
 * @module
 */
import type { CatalogOf } from '../../../shared/i18n/catalog.js';

const num = (value: number): string => value.toLocaleString('id-ID');

/** SIAP settings' Indonesian copy. */
export const id = {
  'categories.title': 'Kategori pertanyaan',
  'categories.intro': 'Kategori yang ditawarkan formulir pertanyaan OPD ini, berurutan. Kategori yang dihapus tetapi sudah dipakai pertanyaan lama diarsipkan: tidak ditawarkan lagi, namanya tetap tampil di pertanyaan lama.',
  'categories.readOnly': 'Hanya admin OPD yang dapat mengubah kategori.',
  'categories.caption': 'Kategori yang ditawarkan',
  'categories.id': 'Kode',
  'categories.name': 'Nama',
  'categories.nameEn': 'Nama dalam bahasa Inggris',
  'categories.used': 'Dipakai',
  'categories.usedCount': (n: number) => `${num(n)} pertanyaan`,
  'categories.actions': 'Urutan dan hapus',
  'categories.up': (name: string) => `Naikkan ${name}`,
  'categories.down': (name: string) => `Turunkan ${name}`,
  'categories.remove': (name: string) => `Hapus ${name}`,
  'categories.removeShort': 'Hapus',
  'categories.add': 'Tambah kategori',
  'categories.newName': 'Kategori baru',
  'categories.save': 'Simpan kategori',
  'categories.saved': 'Kategori tersimpan.',
  'categories.retired': 'Diarsipkan (tidak ditawarkan lagi)',
  'categories.restore': (name: string) => `Tawarkan lagi ${name}`,
  'categories.none': 'Belum ada kategori: formulir OPD ini belum dapat dipakai warga. Tambahkan paling sedikit satu.',
  'categories.rowLabel': (field: string, index: number) => `${field}, kategori ${num(index)}`,

  'templates.title': 'Templat jawaban',
  'templates.intro': 'Jawaban yang sering dipakai. Petugas memilihnya di kotak masuk sebagai awal jawaban, lalu menyesuaikannya.',
  'templates.none': 'Belum ada templat jawaban.',
  'templates.by': (name: string, date: string) => `Diubah ${name}, ${date}`,
  'templates.edit': (title: string) => `Ubah ${title}`,
  'templates.delete': (title: string) => `Hapus ${title}`,
  'templates.confirmDelete': (title: string) => `Hapus templat “${title}”? Jawaban yang sudah terkirim tidak berubah.`,
  'templates.confirmYes': 'Ya, hapus',
  'templates.deleted': (title: string) => `Templat “${title}” dihapus.`,
  'templates.editShort': 'Ubah',
  'templates.deleteShort': 'Hapus',
  'templates.add': 'Templat baru',
  'templates.formTitle': 'Judul',
  'templates.formText': 'Isi jawaban',
  'templates.create': 'Simpan templat baru',
  'templates.update': 'Simpan perubahan',
  'templates.created': (title: string) => `Templat “${title}” disimpan.`,
  'templates.updated': (title: string) => `Perubahan “${title}” disimpan.`,

  'error.categories.required': 'Tawarkan paling sedikit satu kategori: formulir memerlukannya',
  'error.categories.tooLong': 'Paling banyak 50 kategori',
  'error.categoryId.required': 'Isi kode setiap kategori',
  'error.categoryId.format': 'Kode kategori hanya huruf kecil, angka dan tanda hubung, misalnya aset-daerah',
  'error.categoryId.alreadyUsed': 'Setiap kategori perlu kode sendiri: ada kode yang dipakai dua kali',
  'error.categoryName.required': 'Isi nama setiap kategori',
  'error.title.required': 'Tulis judul templat',
  'error.title.tooLong': 'Judul paling panjang 120 karakter',
  'error.title.conflict': 'Sudah ada templat dengan judul ini. Pilih judul lain',
  'error.text.required': 'Tulis isi jawabannya',
  'error.text.tooLong': 'Isi paling panjang 10.000 karakter',
} as const;

/** The shape every language of SIAP settings' copy must have. */
export type SiapSettingsMessages = CatalogOf<typeof id>;
