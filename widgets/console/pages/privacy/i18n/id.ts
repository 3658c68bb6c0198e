/**
 * The Indonesian copy of the privacy page (`#/privacy`). Every key must exist in `en.ts`.
 *
 * @module
 */
import type { CatalogOf } from '../../../../shared/i18n/catalog.js';

const num = (value: number): string => value.toLocaleString('id-ID');

/** The privacy page's Indonesian copy. */
export const id = {
  'privacy.intro':
    'Pelindungan data pribadi warga menurut UU 27/2022: berapa lama nama dan kontak warga disimpan, dan permintaan seorang warga untuk melihat atau menghapus datanya.',

  'retention.title': 'Masa simpan data kontak',
  'retention.intro':
    'Setelah sebuah kasus (misalnya pertanyaan SIAP) ditutup, nama, alamat e-mail dan nomor ponsel warga dihapus sesudah masa simpan ini. Kasusnya sendiri tetap ada, tanpa nama. Server menjalankannya setiap jam; kasus yang masih ditangani tetap menyimpan kontaknya.',
  'retention.loading': 'Memuat pengaturan privasi…',
  'retention.current': (what: string) => `Saat ini: ${what}.`,
  'retention.currentDays': (days: number) => `dihapus ${num(days)} hari setelah kasus ditutup`,
  'retention.currentKeep': 'disimpan sampai dihapus atas permintaan',
  'retention.legend': 'Nama dan kontak warga',
  'retention.days': 'Hapus setelah beberapa hari',
  'retention.daysHint': 'Dihitung sejak kasus ditutup.',
  'retention.keep': 'Simpan sampai dihapus atas permintaan warga',
  'retention.keepHint': 'Hanya dihapus lewat “Hapus data” di bawah.',
  'retention.count': 'Jumlah hari',
  'retention.countHint': 'Paling sedikit 30 hari, paling lama 3650 hari (10 tahun).',
  'retention.unit': 'hari',
  'retention.submit': 'Simpan masa simpan',
  'retention.done': (what: string) => `Masa simpan tersimpan: ${what}.`,

  'request.title': 'Permintaan data seorang warga',
  'request.intro':
    'Masukkan alamat e-mail atau nomor ponsel yang diberikan warga saat menghubungi layanan (salah satu atau keduanya). “Ekspor data” menunjukkan semua yang tersimpan tentang warga itu di setiap modul; “Hapus data” menghapus nama dan kontaknya dari setiap kasus.',
  'request.audit': 'Setiap ekspor dan penghapusan tercatat di log audit atas nama Anda: kasus yang tersentuh dan jumlahnya, tidak pernah alamat, nomor atau datanya.',
  'request.auditLink': 'Buka log audit',
  'request.email': 'Alamat e-mail warga',
  'request.phone': 'Nomor ponsel warga',
  'request.phoneHint': 'Misalnya 0812 3456 7890.',
  'request.export': 'Ekspor data',
  'request.exporting': 'Mencari data…',
  'request.erase': 'Hapus data',

  'who.email': (email: string) => `alamat e-mail ${email}`,
  'who.phone': (phone: string) => `nomor ponsel ${phone}`,
  'who.both': (email: string, phone: string) => `alamat e-mail ${email} atau nomor ponsel ${phone}`,

  'export.title': 'Hasil ekspor',
  'export.found': (count: number, who: string) => `${num(count)} catatan tersimpan tentang warga dengan ${who}.`,
  'export.none': (who: string) => `Tidak ada data tersimpan tentang warga dengan ${who}.`,
  'export.at': (at: string) => `Diekspor pada ${at}.`,
  'export.download': 'Unduh sebagai JSON',
  'export.downloadHint': 'Berkas ini berisi data pribadi: serahkan hanya kepada warga yang bersangkutan, lalu hapus dari komputer Anda.',
  'export.downloaded': 'Berkas JSON sudah diunduh.',
  'export.module': (module: string, count: number) => `${module}: ${num(count)} catatan`,
  'export.case': 'Kasus',
  'export.opd': 'OPD',
  'export.when': 'Tanggal',
  'export.empty': '(kosong)',

  'data.name': 'Nama',
  'data.email': 'Alamat e-mail',
  'data.phone': 'Nomor ponsel',
  'data.subject': 'Judul',
  'data.message': 'Pertanyaan',
  'data.consentText': 'Persetujuan yang diberikan',
  'data.consentAt': 'Waktu persetujuan',
  'data.status': 'Status',
  'data.answer': 'Jawaban',
  'data.answeredAt': 'Waktu dijawab',
  'data.timelineNotes': 'Catatan pada riwayat',
  'data.notes': 'Catatan internal staf',
  'data.at': 'Waktu',
  'data.note': 'Catatan untuk warga',
  'data.internalNote': 'Catatan internal',
  'data.text': 'Teks',
  'value.received': 'Diterima',
  'value.in_progress': 'Diproses',
  'value.answered': 'Dijawab',
  'value.closed': 'Ditutup',

  'erase.title': 'Hapus data warga ini?',
  'erase.what': (who: string) => `Nama, alamat e-mail dan nomor ponsel warga dengan ${who} akan dihapus dari setiap kasus di semua modul dan semua OPD.`,
  'erase.cases': (count: number) => `Menurut hasil ekspor, ${num(count)} kasus:`,
  'erase.noneFound': 'Ekspor tadi tidak menemukan data tentang warga ini, jadi mungkin tidak ada yang terhapus.',
  'erase.stays': 'Kasusnya tetap ada (pertanyaan, jawaban, riwayat), tanpa nama: tidak lagi terkait dengan warga ini.',
  'erase.final': 'Penghapusan ini tidak dapat dibatalkan.',
  'erase.yes': 'Ya, hapus data warga ini',
  'erase.erasing': 'Menghapus…',
  'erase.doneTitle': 'Data warga dihapus',
  'erase.done': (who: string, at: string) => `Nama dan kontak warga dengan ${who} dihapus pada ${at}.`,
  'erase.module': (module: string, count: number) => `${module}: ${num(count)} kasus`,
  'erase.nothing': (who: string) => `Tidak ada data tersimpan tentang warga dengan ${who}; tidak ada yang dihapus.`,

  'error.contactRetentionDays.required': 'Masukkan jumlah hari',
  'error.contactRetentionDays.invalid': 'Masukkan jumlah hari sebagai angka bulat, misalnya 365',
  'error.contactRetentionDays.tooSmall': 'Masa simpan paling sedikit 30 hari',
  'error.contactRetentionDays.tooLarge': 'Masa simpan paling lama 3650 hari (10 tahun)',
  'error.email.required': 'Masukkan alamat e-mail atau nomor ponsel yang diberikan warga',
  'error.email.format': 'Masukkan alamat e-mail dengan format yang benar, misalnya nama@contoh.id',
  'error.email.tooLong': 'Alamat e-mail paling panjang 254 karakter',
  'error.phone.tooLong': 'Nomor ponsel paling panjang 32 karakter',
  'error.phone.format': 'Masukkan nomor ponsel dengan angka saja, misalnya 0812 3456 7890',
} as const;

/** The shape every language of the privacy page's copy must have. */
export type PrivacyMessages = CatalogOf<typeof id>;
