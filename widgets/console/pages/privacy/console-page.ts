/**
 * Personal data under UU 27/2022, at `#/privacy`: the retention period of citizens' contact
 * data, and one citizen's data exported or erased on request. Regency admins only.
 *
 * @module
 */
import type { ConsolePage } from '../../page.js';

/** The privacy page. */
export const privacyPage: ConsolePage = {
  id: 'privacy',
  title: { id: 'Privasi', en: 'Privacy' },
  roles: ['regency_admin'],
  scope: 'regency',
  tag: 'opd-console-privacy',
  load: () => import('./define.js'),
};
