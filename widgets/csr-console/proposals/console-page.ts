/**
 * SIP BENAR's village proposals page in the staff console, at `#/csr/proposals`: the needs desa
 * and kecamatan submit (`#/csr/proposals/<id>`, a new one at `#/csr/proposals/baru`) and the CSR
 * forum's decisions on them. Listed in `widgets/console/pages.ts`; loaded when first opened.
 *
 * @module
 */
import type { ConsolePage } from '../../console/page.js';

/** The proposals page: the OPD's staff and admins (the CSR forum's secretariat) and a regency admin, where the OPD runs SIP BENAR. */
export const csrProposalsPage: ConsolePage = {
  id: 'csr/proposals',
  title: { id: 'Usulan desa CSR', en: 'CSR village proposals' },
  roles: ['regency_admin', 'opd_admin', 'opd_staff'],
  scope: 'opd',
  module: 'csr',
  tag: 'opd-csr-proposals',
  load: () => import('./define.js'),
};
