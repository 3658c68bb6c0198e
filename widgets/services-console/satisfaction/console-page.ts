/**
 * Layanan's satisfaction survey page in the staff console, at `#/layanan/satisfaction`: survey
 * codes for the counter, the satisfaction index (IKM) per year for the OPD, each service and
 * element with its category, and the suggestions citizens wrote. Listed in
 * `widgets/console/pages.ts`; its code is loaded only when the page is first opened.
 *
 * @module
 */
import type { ConsolePage } from '../../console/page.js';

/** The SKM page: every staff role, for one OPD running Layanan (a regency admin picks it). */
export const serviceSatisfactionPage: ConsolePage = {
  id: 'layanan/satisfaction',
  title: { id: 'Survei kepuasan (SKM)', en: 'Satisfaction survey (SKM)' },
  roles: ['regency_admin', 'opd_admin', 'opd_staff'],
  scope: 'opd',
  module: 'layanan',
  tag: 'opd-service-satisfaction',
  load: () => import('./define.js'),
};
