/**
 * The embed snippet generator: pick a widget and its options, see it live, copy the script
 * tag for the OPD's website. At `#/embed`, for everyone.
 *
 * @module
 */
import type { ConsolePage } from '../../page.js';

/** The embed snippet page. */
export const embedPage: ConsolePage = {
  id: 'embed',
  title: { id: 'Kode sematan', en: 'Embed code' },
  roles: ['regency_admin', 'opd_admin', 'opd_staff'],
  scope: 'opd',
  tag: 'opd-console-embed',
  load: () => import('./define.js'),
};
