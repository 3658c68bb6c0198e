/**
 * Layanan's standards page in the staff console, at `#/layanan/standards`: an OPD's services
 * with the version of each standard in force and the one scheduled, the compliance gaps of each,
 * the unit's service pledge, a new service (`#/layanan/standards/baru`) and one service
 * (`#/layanan/standards/<slug>`, `…/<slug>/<component>` to open at a component) with its
 * history and a new version with its effective day. Listed in `widgets/console/pages.ts`; its
 * code is loaded only when the page is first opened.
 *
 * @module
 */
import type { ConsolePage } from '../../console/page.js';

/** The standards page: every staff role, for one OPD running Layanan (a regency admin picks it). */
export const serviceStandardsPage: ConsolePage = {
  id: 'layanan/standards',
  title: { id: 'Standar pelayanan', en: 'Service standards' },
  roles: ['regency_admin', 'opd_admin', 'opd_staff'],
  scope: 'opd',
  module: 'layanan',
  tag: 'opd-service-standards',
  load: () => import('./define.js'),
};
