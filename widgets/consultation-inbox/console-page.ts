/**
 * SIAP's page in the staff console: the inbox, at `#/siap/inbox` (and
 * `#/siap/inbox/<tracking code>` for one question). Listed in `widgets/console/pages.ts`;
 * its code is loaded only when the page is first opened.
 *
 * @module
 */
import type { ConsolePage } from '../console/page.js';

/** The SIAP inbox page. */
export const consultationInboxPage: ConsolePage = {
  id: 'siap/inbox',
  title: { id: 'Kotak masuk SIAP', en: 'SIAP inbox' },
  roles: ['regency_admin', 'opd_admin', 'opd_staff'],
  scope: 'opd',
  module: 'siap',
  tag: 'opd-consultation-inbox',
  load: () => import('./define.js'),
};
