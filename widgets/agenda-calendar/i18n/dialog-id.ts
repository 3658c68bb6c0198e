/**
 * The Indonesian copy of `<opd-agenda-calendar>`'s event dialog. It travels in the dialog's
 * chunk (`event-dialog.ts`) with its English ({@link ./dialog-en.ts}), so a page showing only
 * the month carries neither; the rest of the calendar's copy is in `id.ts`.
 *
 * @module
 */
import type { CatalogOf } from '../../shared/i18n/catalog.js';

/** The event dialog's Indonesian copy. */
export const dialogId = {
  'dialog.close': 'Tutup',
  'dialog.dayTitle': (day: string) => `Agenda ${day}`,
  'dialog.back': 'Kembali ke agenda hari ini',
  'dialog.when': 'Waktu',
  'dialog.where': 'Tempat',
  'dialog.body': 'Alat kelengkapan',
  'dialog.kind': 'Jenis',
  'dialog.online': 'Tautan daring',
  'dialog.onlineOpen': 'Ikuti secara daring',
  'dialog.documents': 'Dokumen',
  'dialog.noDocuments': 'Belum ada dokumen.',
  'dialog.closedNote': 'Rapat ini tertutup untuk umum: tautan daring dan dokumennya tidak dipublikasikan.',
  'dialog.cancelReason': (reason: string) => `Dibatalkan: ${reason}`,
  'dialog.changes': 'Riwayat perubahan',
  'dialog.changeAt': (at: string) => `dicatat ${at}`,
  'dialog.addToCalendar': 'Tambahkan ke kalender saya (.ics)',
  'dialog.page': 'Halaman agenda ini',
  'dialog.ownZone': (time: string, zone: string) => `${time} ${zone}`,
  'dialog.inCouncilZone': (time: string, zone: string) => `(${time} ${zone})`,
} as const;

/** The shape every language of the dialog's copy must have. */
export type DialogMessages = CatalogOf<typeof dialogId>;
