/**
 * SIP BENAR's programmes page in the staff console, at `#/csr/programs`: the companies, the
 * programmes (`#/csr/programs/<id>`, a new one at `#/csr/programs/baru`) with their spending
 * entries and evidence. Listed in `widgets/console/pages.ts`; loaded when first opened.
 *
 * @module
 */
import type { ConsolePage } from '../../console/page.js';

/** The programmes page: an OPD's staff and admins (Bappeda's CSR forum secretariat) and a regency admin, where the OPD runs SIP BENAR. */
export const csrProgramsPage: ConsolePage = {
  id: 'csr/programs',
  title: { id: 'Program CSR', en: 'CSR programmes' },
  roles: ['regency_admin', 'opd_admin', 'opd_staff'],
  scope: 'opd',
  module: 'csr',
  tag: 'opd-csr-programs',
  load: () => import('./define.js'),
};
