/**
 * The Indonesian copy of `<opd-consultation-form>` (the default language); the kit's own
 * copy (error summary, waits, server failure, sending) is in `widgets/shared/i18n/`. Every key
 * here must exist in `en.ts`; the type {@link ConsultationFormMessages} makes the compiler check that.
 *
 * @module
 */
import type { CatalogOf } from '../../shared/i18n/catalog.js';

const num = (value: number): string => value.toLocaleString('id-ID');

/** The question form's Indonesian copy. */
export const id = {
  // The kit's `config.missingOpd` starts with it: "Formulir ini belum diatur: …".
  'config.thisWidget': 'Formulir ini',
  'unavailable': 'Layanan konsultasi belum tersedia untuk OPD ini.',
  // The opd attribute names an OPD the backend does not know (a typo): the citizen's line, then the webmaster's.
  'unknownOpd': 'Layanan konsultasi tidak tersedia di halaman ini.',
  'unknownOpd.config': (slug: string) =>
    `Untuk pengelola situs: OPD “${slug}” pada atribut opd tidak dikenal oleh server layanan. Periksa ejaannya (nama singkat OPD, huruf kecil, misalnya bpkad).`,

  'form.name': 'Nama',
  'form.contact': 'Kontak untuk jawaban',
  'form.contactHint':
    'Isi alamat e-mail, nomor HP, atau keduanya. Kami hanya memakainya untuk menjawab pertanyaan ini.',
  'form.email': 'Alamat e-mail',
  'form.phone': 'Nomor HP',
  'form.phoneHint': 'Nomor HP Indonesia, misalnya 0812 3456 7890',
  'form.category': 'Kategori',
  'form.categoryChoose': 'Pilih kategori',
  'form.categoryLoading': 'Memuat daftar kategori…',
  'form.categoryFailed': 'Daftar kategori tidak dapat dimuat.',
  'form.subject': 'Perihal',
  'form.subjectHint': 'Ringkasan singkat, misalnya “Cara mengurus pajak kendaraan dinas”',
  'form.message': 'Pertanyaan',
  'form.messageHint': (max: number) => `Tulis pertanyaan Anda selengkapnya, paling banyak ${num(max)} karakter.`,
  'form.consent':
    'Saya setuju nama dan kontak saya dipakai untuk menjawab pertanyaan ini.',
  'form.consentHint':
    'Sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi: data Anda hanya dilihat petugas OPD yang menjawab, tidak pernah ditampilkan kepada publik, dan tidak dipakai untuk keperluan lain.',
  'form.submit': 'Kirim pertanyaan',
  'form.draftRestored': 'Draf pertanyaan Anda yang belum terkirim sudah dipulihkan.',
  'form.offline':
    'Tidak ada koneksi — pertanyaan Anda belum terkirim dan tetap tersimpan di perangkat ini. Kami akan mengirimnya otomatis begitu koneksi kembali.',
  'form.conflict':
    'Versi sebelumnya dari pertanyaan ini mungkin sudah kami terima. Perubahan Anda belum terkirim dan masih ada di formulir di bawah.',

  // An earlier version was stored (its code follows `changes.received`); the form holds changes not sent.
  'changes.received': 'Pertanyaan Anda sudah kami terima dengan kode',
  'changes.notSent': 'Perubahan yang Anda buat setelah itu belum terkirim. Versi yang diubah masih ada di formulir di bawah.',
  'changes.status': 'Lihat status pertanyaan yang sudah diterima',
  'changes.sendAsNew': 'Kirim versi yang diubah sebagai pertanyaan baru',

  // The receipts kept on this device, above the form.
  'receipts.title': 'Tanda terima di perangkat ini',
  'receipts.sent': (date: string) => `Dikirim ${date}`,
  'receipts.open': 'Tampilkan tanda terima',
  'receipts.status': 'Lihat status',

  // After sending.
  'success.title': 'Pertanyaan Anda sudah terkirim',
  'success.titleKept': 'Tanda terima pertanyaan Anda',
  'success.opd': 'Kepada',
  'success.sentAt': 'Dikirim',
  'success.codeLabel': 'Kode pelacakan Anda',
  'success.keep':
    'Simpan kode ini. Dengan kode ini Anda dapat melihat status dan jawaban pertanyaan Anda. Tanda terima ini tetap tersimpan di perangkat ini sampai Anda menghapusnya.',
  'success.due': (date: string) => `Petugas akan menanggapi paling lambat ${date}.`,
  'success.statusAt': (url: string) => `Lihat status dan jawabannya di ${url}`,
  'success.copy': 'Salin kode',
  'success.copied': 'Kode disalin',
  'success.copyManual': 'Kode sudah dipilih. Tekan Ctrl+C untuk menyalinnya.',
  'success.status': 'Lihat status',
  'success.print': 'Cetak tanda terima',
  'success.another': 'Kirim pertanyaan lain',
  'success.back': 'Kembali ke formulir',
  'success.dismiss': 'Hapus tanda terima ini dari perangkat',

  // Why a field was rejected, by field and code (looked up as `error.<field>.<code>`).
  'error.name.required': 'Masukkan nama Anda',
  'error.name.tooLong': 'Nama paling banyak 120 karakter',
  'error.email.required': 'Masukkan alamat e-mail atau nomor HP agar kami dapat menjawab Anda',
  'error.email.format': 'Masukkan alamat e-mail dengan format yang benar, seperti nama@contoh.id',
  'error.email.tooLong': 'Alamat e-mail paling banyak 254 karakter',
  'error.phone.required': 'Masukkan alamat e-mail atau nomor HP agar kami dapat menjawab Anda',
  'error.phone.format': 'Masukkan nomor HP Indonesia, seperti 0812 3456 7890',
  'error.category.required': 'Pilih kategori pertanyaan',
  'error.category.notAllowed': 'Pilih salah satu kategori dari daftar',
  'error.category.invalid': 'Pilih salah satu kategori dari daftar',
  'error.subject.required': 'Masukkan perihal pertanyaan',
  'error.subject.tooLong': 'Perihal paling banyak 200 karakter',
  'error.message.required': 'Tulis pertanyaan Anda',
  'error.message.tooLong': (max: number) => `Pertanyaan paling banyak ${num(max)} karakter`,
  'error.consent.required': 'Centang persetujuan agar kami dapat memproses data Anda dan menjawab pertanyaan',
} as const;

/** The shape every language of the question form's copy must have. */
export type ConsultationFormMessages = CatalogOf<typeof id>;
