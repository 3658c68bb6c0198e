/**
 * The Indonesian copy of the e-mail page (`#/notifications`). Every key must exist in `en.ts`.
 *
 * @module
 */
import type { CatalogOf } from '../../../../shared/i18n/catalog.js';

/** The e-mail page's Indonesian copy. */
export const id = {
  'mail.intro':
    'E-mail yang dikirim server untuk OPD ini: tanda terima pertanyaan (dengan kode pelacakan) dan jawabannya kepada warga, serta pengingat batas layanan kepada petugas. E-mail yang gagal dicoba lagi setelah 1 menit, 5 menit, 30 menit, 2 jam dan 12 jam; setelah itu berhenti dicoba dan dapat dikirim ulang di sini.',
  'mail.list': 'E-mail OPD',
  'mail.filter': 'Tampilkan',
  'mail.filterAll': 'Semua e-mail',
  'mail.show': 'Tampilkan',
  'mail.none': 'Tidak ada e-mail.',
  'mail.what': 'E-mail',
  'mail.to': 'Kepada',
  'mail.state': 'Status',
  'mail.attempts': 'Percobaan',
  'mail.problem': 'Jawaban server e-mail',
  'mail.next': 'Dicoba lagi',
  'mail.actions': 'Tindakan',
  'mail.retry': 'Kirim ulang',
  'mail.retried': (about: string) => `E-mail ${about} akan dikirim ulang dalam beberapa detik.`,
  'mail.more': 'Muat lebih banyak',
  'mail.erased': '(alamat dihapus)',
  'template.consultation.received': 'Tanda terima pertanyaan',
  'template.consultation.answered': 'Jawaban pertanyaan',
  'template.consultation.due-soon': 'Pengingat batas layanan',
  'state.pending': 'Menunggu dikirim',
  'state.sending': 'Sedang dikirim',
  'state.sent': 'Terkirim',
  'state.failed': 'Gagal, akan dicoba lagi',
  'state.dead': 'Gagal, berhenti dicoba',
} as const;

/** The shape every language of the e-mail page's copy must have. */
export type NotificationsMessages = CatalogOf<typeof id>;
