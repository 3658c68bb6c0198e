/**
 * The regency's days off (national holidays, cuti bersama, regional days), a year at a time,
 * at `#/holidays` (`#/holidays/2027` for another year). Regency admins only.
 *
 * @module
 */
import type { ConsolePage } from '../../page.js';

/** The days-off page. */
export const holidaysPage: ConsolePage = {
  id: 'holidays',
  title: { id: 'Hari libur', en: 'Days off' },
  roles: ['regency_admin'],
  scope: 'regency',
  tag: 'opd-console-holidays',
  load: () => import('./define.js'),
};
