/**
 * Layanan's regency-wide compliance page in the staff console, at `#/layanan/compliance`: every
 * OPD running Layanan against the regency's compliance checklist (the Ombudsman's components by
 * default), and every service with what it lacks; a gap opens that service's standard at the
 * component. Listed in `widgets/console/pages.ts`; its code is loaded only when first opened.
 *
 * @module
 */
import type { ConsolePage } from '../../console/page.js';

/**
 * The compliance page. Its scope is the regency (the overview the regency admin and DPMPTSP
 * keep); staff of an OPD running Layanan see it too (the report is public, as the Ombudsman's
 * is) and open the gaps of their own OPD's services from it.
 */
export const serviceCompliancePage: ConsolePage = {
  id: 'layanan/compliance',
  title: { id: 'Kepatuhan standar pelayanan', en: 'Service standard compliance' },
  roles: ['regency_admin', 'opd_admin', 'opd_staff'],
  scope: 'regency',
  module: 'layanan',
  tag: 'opd-service-compliance',
  load: () => import('./define.js'),
};
