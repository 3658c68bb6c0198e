/**
 * One OPD's e-mails (to citizens: question received and answered; to staff: the overdue
 * reminder) with their delivery state and "send again" for a failed or dead one, at
 * `#/notifications`. Every staff role (regency admins choose the OPD).
 *
 * @module
 */
import type { ConsolePage } from '../../page.js';

/** The e-mail page. */
export const notificationsPage: ConsolePage = {
  id: 'notifications',
  title: { id: 'E-mail terkirim', en: 'E-mails' },
  roles: ['regency_admin', 'opd_admin', 'opd_staff'],
  scope: 'opd',
  tag: 'opd-console-notifications',
  load: () => import('./define.js'),
};
