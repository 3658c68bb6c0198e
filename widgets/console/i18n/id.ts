/**
 * The Indonesian copy of `<opd-console>`'s shell (the default language): signing in, the
 * header, the navigation, changing the password. Each page brings its own copy in its folder.
 * Every key here must exist in `en.ts`; the type {@link ConsoleMessages} makes the compiler check that.
 *
 * @module
 */
import type { CatalogOf } from '../../shared/i18n/catalog.js';

/** The console shell's Indonesian copy. */
export const id = {
  'console.name': 'Konsol Staf Layanan',
  'console.loading': 'Memuat konsol…',
  'console.skip': 'Langsung ke isi halaman',
  'console.offline': 'Server layanan tidak dapat dihubungi. Periksa koneksi internet Anda, lalu coba lagi.',
  'console.nav': 'Menu konsol',
  'console.pageLoading': 'Memuat halaman…',
  'console.pageFailed': 'Halaman ini tidak dapat dimuat. Periksa koneksi internet Anda, lalu coba lagi.',
  'console.notFound': 'Halaman ini tidak ada. Pilih halaman dari menu.',
  'console.forbidden': 'Peran Anda tidak membuka halaman ini. Pilih halaman dari menu, atau minta admin OPD Anda menambah akses.',
  'console.noPages': 'Belum ada halaman untuk peran Anda.',
  'console.moduleOff': (module: string, opd: string) =>
    `Modul ${module} belum aktif untuk ${opd}. Admin kabupaten dapat mengaktifkannya di halaman OPD.`,
  'console.opd': 'OPD',
  'console.opdChoose': 'Pilih OPD',
  'console.opdHint': 'Halaman ini bekerja untuk satu OPD.',
  'console.noOpd': 'Pilih OPD untuk membuka halaman ini.',


  'user.signedInAs': 'Masuk sebagai',
  'user.password': 'Ganti kata sandi',
  'user.signOut': 'Keluar',
  'user.signingOut': 'Sedang keluar…',

  'signIn.title': 'Masuk ke konsol staf',
  'signIn.intro': 'Untuk petugas OPD. Masuk dengan alamat e-mail dinas dan kata sandi Anda.',
  'signIn.email': 'Alamat e-mail',
  'signIn.password': 'Kata sandi',
  'signIn.submit': 'Masuk',
  'signIn.sending': 'Sedang masuk…',
  'signIn.failed': 'Alamat e-mail atau kata sandi salah. Periksa keduanya, lalu coba lagi.',
  'signIn.locked': (wait: string) =>
    `Terlalu banyak percobaan masuk yang gagal, jadi akun ini dikunci sementara demi keamanan. Coba lagi dalam ${wait}.`,
  'signIn.forgot': 'Lupa kata sandi? Minta admin OPD Anda membuat kata sandi sementara yang baru.',
  'signIn.signedOut': 'Anda sudah keluar dari konsol.',
  'signIn.expired': 'Sesi Anda sudah berakhir. Masuk lagi untuk melanjutkan; halaman yang tadi terbuka tetap seperti semula.',

  'password.title': 'Ganti kata sandi',
  'password.mustChange':
    'Anda masuk dengan kata sandi sementara. Pilih kata sandi Anda sendiri sebelum mulai bekerja.',
  'password.current': 'Kata sandi saat ini',
  'password.currentHint': 'Kata sandi yang Anda pakai untuk masuk tadi.',
  'password.new': 'Kata sandi baru',
  'password.newHint': (min: number) => `Paling sedikit ${min} karakter. Kalimat pendek yang mudah Anda ingat lebih aman daripada kata yang rumit.`,
  'password.confirm': 'Ulangi kata sandi baru',
  'password.submit': 'Simpan kata sandi',
  'password.sending': 'Menyimpan…',
  'password.cancel': 'Kembali',
  'password.done': 'Kata sandi Anda sudah diganti. Sesi lain atas nama Anda sudah diakhiri.',
  'password.wrongCurrent': 'Kata sandi saat ini salah. Masukkan kata sandi yang Anda pakai untuk masuk.',

  'error.email.required': 'Masukkan alamat e-mail Anda',
  'error.email.format': 'Masukkan alamat e-mail dengan format yang benar, misalnya nama@lahatkab.go.id',
  'error.email.tooLong': 'Alamat e-mail paling panjang 254 karakter',
  'error.password.required': 'Masukkan kata sandi Anda',
  'error.password.tooLong': 'Kata sandi paling panjang 1.024 karakter',
  'error.currentPassword.required': 'Masukkan kata sandi Anda saat ini',
  'error.newPassword.required': 'Masukkan kata sandi baru',
  'error.newPassword.tooShort': (min: number) => `Pilih kata sandi baru paling sedikit ${min} karakter`,
  'error.newPassword.tooLong': 'Kata sandi baru paling panjang 1.024 karakter',
  'error.newPassword.same': 'Pilih kata sandi baru yang berbeda dari kata sandi saat ini',
  'error.confirmPassword.required': 'Ulangi kata sandi baru',
  'error.confirmPassword.mismatch': 'Kedua kata sandi baru tidak sama. Ketik ulang keduanya',
} as const;

/** The shape every language of the console shell's copy must have. */
export type ConsoleMessages = CatalogOf<typeof id>;
