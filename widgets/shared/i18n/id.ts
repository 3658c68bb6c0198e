/**
 * Indonesian messages (the default language). Every key here must exist in `en.ts`; the
 * type {@link Messages} makes the compiler check that.
 *
 * Plain language, second person ("Anda"), GOV.UK style: say what to do, not what is wrong.
 *
 * @module
 */

const num = (value: number): string => value.toLocaleString('id-ID');

/** Indonesian messages. */
export const id = {
  'lang.tag': 'id-ID',
  'error.prefix': 'Kesalahan:',
  'summary.title': 'Ada masalah',
  'retry': 'Coba lagi',
  'config.missingOpd':
    'Formulir ini belum diatur: atribut opd (nama singkat OPD) belum diisi. Hubungi pengelola situs.',
  'unavailable': 'Layanan konsultasi belum tersedia untuk OPD ini.',
  'server.error': (requestId: string) =>
    `Maaf, terjadi gangguan di server kami.${requestId ? ` Kode laporan: ${requestId}.` : ''} Coba lagi beberapa saat lagi.`,
  'rateLimited': (wait: string) =>
    `Terlalu banyak permintaan dari jaringan Anda. Tunggu ${wait}, lalu coba lagi.`,
  'wait.seconds': (n: number) => `${num(n)} detik`,
  'wait.minutes': (n: number) => `${num(n)} menit`,

  // The question form.
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
  'form.countLeft': (n: number) => `Sisa ${num(n)} karakter`,
  'form.countOver': (n: number) => `Kelebihan ${num(n)} karakter`,
  'form.consent':
    'Saya setuju nama dan kontak saya dipakai untuk menjawab pertanyaan ini.',
  'form.consentHint':
    'Sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi: data Anda hanya dilihat petugas OPD yang menjawab, tidak pernah ditampilkan kepada publik, dan tidak dipakai untuk keperluan lain.',
  'form.submit': 'Kirim pertanyaan',
  'form.sending': 'Mengirim…',
  'form.draftRestored': 'Draf pertanyaan Anda yang belum terkirim sudah dipulihkan.',
  'form.draftDiscard': 'Hapus draf dan mulai dari awal',
  'form.draftDiscarded': 'Draf dihapus.',
  'form.offline':
    'Tidak ada koneksi — pertanyaan Anda belum terkirim dan tetap tersimpan di perangkat ini. Kami akan mengirimnya otomatis begitu koneksi kembali.',
  'form.resend': 'Kirim ulang',
  'form.conflict':
    'Versi sebelumnya dari pertanyaan ini mungkin sudah kami terima. Jika Anda mengubah isinya, kirim lagi sebagai pertanyaan baru.',

  // After sending.
  'success.title': 'Pertanyaan Anda sudah terkirim',
  'success.codeLabel': 'Kode pelacakan Anda',
  'success.keep': 'Simpan kode ini. Dengan kode ini Anda dapat melihat status dan jawaban pertanyaan Anda.',
  'success.due': (date: string) => `Petugas akan menanggapi paling lambat ${date}.`,
  'success.copy': 'Salin kode',
  'success.copied': 'Kode disalin',
  'success.copyManual': 'Kode sudah dipilih. Tekan Ctrl+C untuk menyalinnya.',
  'success.another': 'Kirim pertanyaan lain',

  // Why a field was rejected, by field and code.
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
  'error.code.required': 'Masukkan kode pelacakan',
  'error.code.format': 'Masukkan kode pelacakan dengan format seperti SIAP-7K3F-9QX2',
  'error.generic': (label: string) => `Periksa kembali isian ${label}`,

  // The status widget.
  'status.label': 'Kode pelacakan',
  'status.hint': 'Ada di tanda terima pertanyaan Anda, misalnya SIAP-7K3F-9QX2',
  'status.submit': 'Lihat status',
  'status.loading': 'Memuat status…',
  'status.notFound': (code: string) =>
    `Kami tidak menemukan pertanyaan dengan kode ${code}. Periksa lagi kodenya; huruf O dan angka 0 dianggap sama.`,
  'status.offline': 'Tidak ada koneksi. Periksa koneksi internet Anda, lalu coba lagi.',
  'status.title': (code: string) => `Pertanyaan ${code}`,
  'status.opd': 'Ditangani oleh',
  'status.category': 'Kategori',
  'status.status': 'Status',
  'status.submitted': 'Dikirim',
  'status.due': 'Batas tanggapan pertama',
  'status.overdue': (date: string) =>
    `Tanggapan pertama sudah melewati batas waktu (${date}). Anda dapat menanyakannya langsung ke OPD atau melapor melalui SP4N-LAPOR! di lapor.go.id.`,
  'status.timeline': 'Riwayat',
  'status.answer': 'Jawaban',
  'status.answeredAt': (date: string) => `Dijawab ${date}`,
  'status.noAnswer': 'Belum ada jawaban. Petugas akan menjawab melalui halaman ini dan kontak yang Anda berikan.',
  'status.received': 'Diterima',
  'status.in_progress': 'Sedang diproses',
  'status.answered': 'Dijawab',
  'status.closed': 'Selesai',
  'time.at': (date: string, time: string) => `${date} pukul ${time} WIB`,
} as const;

/** The shape every language must have: the same keys, the same parameters. */
export type Messages = {
  readonly [K in keyof typeof id]: (typeof id)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};

/** A message key. */
export type MessageKey = keyof Messages;
