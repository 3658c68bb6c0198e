/**
 * The Indonesian copy of `<opd-consultation-status>` (the default language); the kit's own
 * copy (error summary, waits, dates, server failure) is in `widgets/shared/i18n/`. Every key
 * here must exist in `en.ts`; the type {@link ConsultationStatusMessages} makes the compiler check that.
 *
 * @module
 */
import type { CatalogOf } from '../../shared/i18n/catalog.js';

/** The status widget's Indonesian copy. */
export const id = {
  'error.code.required': 'Masukkan kode pelacakan',
  'error.code.format': 'Masukkan kode pelacakan dengan format seperti SIAP-7K3F-9QX2',

  'status.label': 'Kode pelacakan',
  'status.hint': 'Ada di tanda terima pertanyaan Anda, misalnya SIAP-7K3F-9QX2',
  'status.submit': 'Lihat status',
  'status.loading': 'Memuat status…',
  'status.notFound': (code: string) =>
    `Kami tidak menemukan pertanyaan dengan kode ${code}. Periksa lagi kodenya; huruf O dan angka 0 dianggap sama.`,
  'status.offline': 'Tidak ada koneksi. Periksa koneksi internet Anda, lalu coba lagi.',
  'status.title': 'Pertanyaan',
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
  // What is true now and what the citizen can do, one line per state (under "Jawaban").
  'status.now.received':
    'Belum ada jawaban. Pertanyaan Anda sudah diterima dan menunggu ditangani petugas; jawabannya akan tampil di halaman ini.',
  'status.now.in_progress':
    'Belum ada jawaban. Petugas sedang menangani pertanyaan Anda; jawabannya akan tampil di halaman ini.',
  'status.now.overdue': 'Belum ada jawaban.',
  'status.now.closed': (opd: string) =>
    `Pertanyaan ini ditutup tanpa jawaban tertulis; catatan petugas, jika ada, tercantum di Riwayat. Jika Anda masih memerlukan jawaban, ajukan pertanyaan baru atau hubungi ${opd} secara langsung.`,
  'status.now.reopened': 'Petugas sedang menindaklanjuti lagi pertanyaan ini; jawaban berikutnya akan tampil di halaman ini.',
  'status.now.closedAnswered': (code: string) =>
    `Pertanyaan ini sudah ditutup setelah dijawab. Jika masih ada yang belum jelas, ajukan pertanyaan baru dan sebutkan kode ${code}.`,
  'status.received': 'Diterima',
  'status.in_progress': 'Sedang diproses',
  'status.answered': 'Dijawab',
  'status.closed': 'Ditutup',
} as const;

/** The shape every language of the status widget's copy must have. */
export type ConsultationStatusMessages = CatalogOf<typeof id>;
