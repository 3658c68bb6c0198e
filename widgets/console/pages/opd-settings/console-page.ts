/**
 * One OPD's settings (names, allowed website origins, modules) and its users and roles, at
 * `#/opd`. Regency admins (any OPD) and OPD admins (their own).
 *
 * @module
 */
import type { ConsolePage } from '../../page.js';

/** The OPD settings page. */
export const opdSettingsPage: ConsolePage = {
  id: 'opd',
  title: { id: 'Pengaturan dan pengguna OPD', en: 'OPD settings and users' },
  roles: ['regency_admin', 'opd_admin'],
  scope: 'opd',
  tag: 'opd-console-opd',
  load: () => import('./define.js'),
};
