/**
 * The English copy of `<opd-agenda-calendar>`'s event dialog, typed as {@link DialogMessages}.
 *
 * @module
 */
import type { DialogMessages } from './dialog-id.js';

/** The event dialog's English copy. */
export const dialogEn: DialogMessages = {
  'dialog.close': 'Close',
  'dialog.dayTitle': (day) => `Events on ${day}`,
  'dialog.back': 'Back to the day’s events',
  'dialog.when': 'When',
  'dialog.where': 'Where',
  'dialog.body': 'Council body',
  'dialog.kind': 'Kind',
  'dialog.online': 'Online',
  'dialog.onlineOpen': 'Follow online',
  'dialog.documents': 'Documents',
  'dialog.noDocuments': 'No documents yet.',
  'dialog.closedNote': 'This meeting is closed to the public: its online link and documents are not published.',
  'dialog.cancelReason': (reason) => `Cancelled: ${reason}`,
  'dialog.changes': 'Changes',
  'dialog.changeAt': (at) => `recorded ${at}`,
  'dialog.addToCalendar': 'Add to my calendar (.ics)',
  'dialog.page': 'This event’s page',
  'dialog.ownZone': (time, zone) => `${time} ${zone}`,
  'dialog.inCouncilZone': (time, zone) => `(${time} ${zone})`,
};
