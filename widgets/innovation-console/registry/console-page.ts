/**
 * One OPD One Innovation's registry page in the staff console, at `#/innovation/registry`: an
 * OPD's innovations with their review status, a new one (`#/innovation/registry/baru`) and one
 * innovation (`#/innovation/registry/<id>`) with its edit, evidence and submission to Bappeda.
 * Listed in `widgets/console/pages.ts`; its code is loaded only when the page is first opened.
 *
 * @module
 */
import type { ConsolePage } from '../../console/page.js';

/**
 * The registry page. OPD admins and staff of an OPD running the module register and edit its
 * innovations; a regency admin reads any OPD's (the page offers no forms to them).
 */
export const innovationRegistryPage: ConsolePage = {
  id: 'innovation/registry',
  title: { id: 'Registri inovasi', en: 'Innovation registry' },
  roles: ['regency_admin', 'opd_admin', 'opd_staff'],
  scope: 'opd',
  module: 'innovation',
  tag: 'opd-innovation-registry',
  load: () => import('./define.js'),
};
