/**
 * The Indonesian copy of `<opd-satisfaction-survey>` (the default language); the kit's own copy
 * (error summary, waits, server failure, sending) is in `widgets/shared/i18n/`. Every key here
 * must exist in `en.ts`; the type {@link SatisfactionSurveyMessages} makes the compiler check that.
 * The survey's elements, questions and answers are the model's data (Indonesian, PermenPAN-RB
 * 14/2017), not copy.
 *
 * @module
 */
import type { CatalogOf } from '../../shared/i18n/catalog.js';

/** The satisfaction survey's Indonesian copy. */
export const id = {
  'config.thisWidget': 'Survei ini',
  'config.missingService': 'Survei ini belum diatur: atribut service (nama singkat layanan) belum diisi. Hubungi pengelola situs.',
  'unknownService': (service: string) =>
    `Survei ini belum diatur dengan benar: layanan “${service}” tidak ditemukan pada OPD ini. Hubungi pengelola situs.`,
  'unavailable': 'Survei kepuasan belum tersedia untuk OPD ini.',
  'loading': 'Memuat survei kepuasan…',
  'offline': 'Survei tidak dapat dimuat karena tidak ada koneksi. Periksa koneksi internet Anda, lalu coba lagi.',

  'title': 'Survei Kepuasan Masyarakat',
  'intro': (service: string) => `Bagaimana pelayanan ${service} yang baru Anda terima? Pilih satu jawaban untuk setiap pertanyaan.`,
  'source': (model: string) => `Unsur survei menurut ${model}.`,
  'form.token': 'Kode survei',
  'form.tokenHint': 'Ada pada lembar yang Anda terima dari petugas, misalnya 7KQ2-M9XD-4TRA. Satu kode untuk satu kali penilaian.',
  'form.suggestion': 'Saran (tidak wajib)',
  'form.suggestionHint':
    'Tanpa nama. Yang kami simpan hanya layanan, tanggal (tanpa jam), nilai Anda dan saran ini — bukan kode survei, alamat internet, atau data pribadi Anda. Jangan menulis nama atau nomor HP. Saran hanya dibaca petugas OPD dan tidak ditampilkan kepada publik.',
  'form.submit': 'Kirim penilaian',
  'form.draftRestored': 'Jawaban Anda yang belum terkirim sudah dipulihkan.',
  'form.offline':
    'Tidak ada koneksi — penilaian Anda belum terkirim dan tetap tersimpan di perangkat ini. Kami akan mengirimnya otomatis begitu koneksi kembali.',
  'form.conflict': 'Penilaian ini mungkin sudah kami terima. Jawaban Anda masih ada di formulir di bawah.',
  'form.sendAsNew': 'Kirim lagi',
  'form.stored': 'Penilaian Anda sudah kami terima. Perubahan sesudahnya belum terkirim.',

  'success.title': 'Terima kasih',
  'success.recorded': (service: string) => `Penilaian Anda untuk layanan ${service} sudah tercatat.`,
  'success.period': (semester: number, year: number) => `Penilaian ini dihitung dalam Indeks Kepuasan Masyarakat semester ${semester} tahun ${year}.`,
  'success.earlier': 'Kode ini sudah terpakai oleh kiriman Anda sebelumnya, jadi jawaban Anda sudah tercatat (satu kode dihitung satu kali).',
  'success.anonymous': 'Penilaian Anda tanpa nama: kode survei tidak disimpan bersama jawaban.',

  'error.token.required': 'Masukkan kode survei dari lembar yang Anda terima',
  'error.token.tooLong': 'Kode survei terdiri dari 12 huruf dan angka, misalnya 7KQ2-M9XD-4TRA',
  'error.token.format': 'Kode survei terdiri dari 12 huruf dan angka, misalnya 7KQ2-M9XD-4TRA: ketik seperti tertulis di lembar Anda',
  'error.token.notAllowed': 'Kode survei ini tidak kami kenal: periksa kembali dengan lembar Anda',
  'error.token.otherService': 'Kode survei ini untuk layanan lain: nilailah layanan yang kodenya Anda terima',
  'error.token.used': 'Kode survei ini sudah dipakai. Setiap kode hanya dihitung satu kali.',
  'error.token.expired': 'Kode survei ini sudah kedaluwarsa. Mintalah kode baru kepada petugas layanan.',
  'error.score': (element: string) => `Pilih jawaban untuk “${element}”`,
  'error.suggestion.tooLong': 'Saran paling banyak 1.000 karakter',
} as const;

/** The shape every language of the survey's copy must have. */
export type SatisfactionSurveyMessages = CatalogOf<typeof id>;
