/**
 * The Indonesian copy of the OPD settings page (`#/opd`). Every key must exist in `en.ts`.
 *
 * @module
 */
import type { CatalogOf } from '../../../../shared/i18n/catalog.js';

/** The OPD settings page's Indonesian copy. */
export const id = {
  'profile.title': 'Profil OPD',
  'profile.slug': 'Nama singkat',
  'profile.created': 'Terdaftar',
  'profile.name': 'Nama OPD',
  'profile.nameEn': 'Nama dalam bahasa Inggris',
  'profile.nameEnHint': 'Kosongkan untuk memakai nama Indonesia di halaman berbahasa Inggris.',
  'profile.origins': 'Alamat situs yang diizinkan',
  'profile.originsHint': 'Satu alamat per baris, misalnya https://bpkad.lahatkab.go.id. Widget OPD ini hanya bekerja di situs yang terdaftar di sini.',
  'profile.submit': 'Simpan profil',
  'profile.done': 'Profil OPD tersimpan.',
  'profile.loading': 'Memuat pengaturan OPD…',

  'modules.title': 'Modul',
  'modules.legend': 'Modul yang aktif untuk OPD ini',
  'modules.hint': 'Modul yang dimatikan langsung tidak tersedia di situs OPD: formulirnya memberi tahu warga bahwa layanan belum tersedia. Datanya tetap tersimpan.',
  'modules.readOnly': 'Hanya admin kabupaten yang dapat menyalakan atau mematikan modul.',
  'modules.submit': 'Simpan modul',
  'modules.done': 'Modul tersimpan.',

  'users.title': 'Pengguna dan peran',
  'users.caption': 'Pengguna OPD ini',
  'users.name': 'Nama',
  'users.email': 'E-mail',
  'users.role': 'Peran',
  'users.state': 'Status',
  'users.lastSignIn': 'Terakhir masuk',
  'users.never': 'Belum pernah',
  'users.actions': 'Tindakan',
  'users.active': 'Aktif',
  'users.disabled': 'Nonaktif',
  'users.mustChange': 'Menunggu ganti kata sandi',
  'users.you': '(Anda)',
  'users.none': 'OPD ini belum punya pengguna.',
  'users.loading': 'Memuat pengguna…',
  'users.disable': 'Nonaktifkan',
  'users.enable': 'Aktifkan lagi',
  'users.confirmDisable': (name: string) => `Nonaktifkan ${name}? Semua sesinya langsung berakhir dan ia tidak dapat masuk sampai diaktifkan lagi.`,
  'users.confirmDisableYes': 'Ya, nonaktifkan',
  'users.reset': 'Atur ulang kata sandi',
  'users.confirmReset': (name: string) => `Buat kata sandi sementara baru untuk ${name}? Kata sandinya yang lama langsung tidak berlaku dan semua sesinya berakhir.`,
  'users.confirmResetYes': 'Ya, buat kata sandi baru',
  'users.makeAdmin': 'Jadikan admin OPD',
  'users.regencyOnly': 'Hanya admin kabupaten yang dapat mengubah akun admin OPD lain',
  'users.makeStaff': 'Jadikan petugas',
  'users.disabledDone': (name: string) => `${name} dinonaktifkan.`,
  'users.enabledDone': (name: string) => `${name} aktif lagi.`,
  'users.roleDone': (name: string, role: string) => `${name} sekarang ${role}.`,

  'add.title': 'Tambah pengguna',
  'add.name': 'Nama lengkap',
  'add.email': 'Alamat e-mail dinas',
  'add.emailHint': 'Dipakai untuk masuk ke konsol.',
  'add.role': 'Peran',
  'add.roleStaff': 'Petugas OPD — menangani pertanyaan dan pekerjaan OPD',
  'add.roleAdmin': 'Admin OPD — juga mengatur profil dan pengguna OPD',
  'add.staffOnly': 'Pengguna baru menjadi petugas OPD. Admin OPD baru ditetapkan oleh admin kabupaten.',
  'add.submit': 'Tambah pengguna',
  'add.sending': 'Menambahkan…',

  'secret.title': (name: string) => `Kata sandi sementara untuk ${name}`,
  'secret.intro': 'Berikan kata sandi ini kepada yang bersangkutan secara langsung (bukan lewat grup obrolan). Kata sandi ini hanya ditampilkan sekali. Saat masuk pertama kali, ia harus memilih kata sandinya sendiri.',
  'secret.label': 'Kata sandi sementara',
  'secret.dismiss': 'Sudah saya catat, sembunyikan',

  'error.name.required': 'Masukkan nama',
  'error.name.tooLong': 'Nama paling panjang 200 karakter',
  'error.nameEn.tooLong': 'Nama dalam bahasa Inggris paling panjang 200 karakter',
  'error.allowedOrigins.format': 'Tulis setiap alamat seperti https://bpkad.lahatkab.go.id (tanpa jalur, tanpa garis miring di akhir)',
  'error.allowedOrigins.invalid': 'Tulis setiap alamat seperti https://bpkad.lahatkab.go.id (tanpa jalur, tanpa garis miring di akhir)',
  'error.allowedOrigins.tooLong': 'Paling banyak 20 alamat situs',
  'error.userName.required': 'Masukkan nama',
  'error.userName.tooLong': 'Nama paling panjang 120 karakter',
  'error.userEmail.required': 'Masukkan alamat e-mail',
  'error.userEmail.format': 'Masukkan alamat e-mail dengan format yang benar, misalnya nama@lahatkab.go.id',
  'error.userEmail.alreadyUsed': 'Alamat e-mail ini sudah dipakai pengguna lain',
  'error.userRole.required': 'Pilih peran',
  'error.userRole.notAllowed': 'Pilih Petugas OPD atau Admin OPD',
  'error.conflict.email': 'Sudah ada pengguna dengan alamat e-mail ini.',
} as const;

/** The shape every language of the OPD settings page's copy must have. */
export type OpdSettingsMessages = CatalogOf<typeof id>;
