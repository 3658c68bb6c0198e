/**
 * SIAP's settings page in the staff console, at `#/siap/settings`: the categories the question
 * form offers (OPD admins change them) and the answer templates (any staff). Listed in
 * `widgets/console/pages.ts`; its code is loaded only when the page is first opened.
 *
 * @module
 */
import type { ConsolePage } from '../../console/page.js';

/** The SIAP settings page. */
export const siapSettingsPage: ConsolePage = {
  id: 'siap/settings',
  title: { id: 'Kategori dan templat SIAP', en: 'SIAP categories and templates' },
  roles: ['regency_admin', 'opd_admin', 'opd_staff'],
  scope: 'opd',
  module: 'siap',
  tag: 'opd-siap-settings',
  load: () => import('./define.js'),
};
