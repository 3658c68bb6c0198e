/**
 * Perjaka's road reports page in the staff console, at `#/perjaka/reports`: the inbox of
 * citizens' damage reports, and one report at `#/perjaka/reports/<id>` with its moderation,
 * merging, status and updates. Listed in `widgets/console/pages.ts`; its code is loaded only
 * when the page is first opened.
 *
 * @module
 */
import type { ConsolePage } from '../../console/page.js';

/** The road reports page. Every staff role of the OPD sees it (the report endpoints are `staff`). */
export const roadReportsPage: ConsolePage = {
  id: 'perjaka/reports',
  title: { id: 'Laporan jalan Perjaka', en: 'Perjaka road reports' },
  roles: ['regency_admin', 'opd_admin', 'opd_staff'],
  scope: 'opd',
  module: 'perjaka',
  tag: 'opd-road-reports',
  load: () => import('./define.js'),
};
