/**
 * Perjaka's road data page in the staff console, at `#/perjaka/data`: the OPD's segments
 * (`#/perjaka/data/ruas/<number>` for one, with its surveys), the kemantapan targets
 * (`#/perjaka/data/target`) and imports with their dry run (`#/perjaka/data/impor`). Listed in
 * `widgets/console/pages.ts`; its code is loaded only when the page is first opened.
 *
 * @module
 */
import type { ConsolePage } from '../../console/page.js';

/**
 * The road data page. Every staff role of the OPD sees it (surveys and imports are `staff`
 * endpoints); setting a target is for OPD admins, which the page says to the others.
 */
export const roadDataPage: ConsolePage = {
  id: 'perjaka/data',
  title: { id: 'Data jalan Perjaka', en: 'Perjaka road data' },
  roles: ['regency_admin', 'opd_admin', 'opd_staff'],
  scope: 'opd',
  module: 'perjaka',
  tag: 'opd-road-data',
  load: () => import('./define.js'),
};
