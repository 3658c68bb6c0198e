/**
 * The audit log: who saw or changed which citizen's data, when; filtered, paged, downloaded
 * as CSV. At `#/audit`, regency admins only.
 *
 * @module
 */
import type { ConsolePage } from '../../page.js';

/** The audit log page. */
export const auditPage: ConsolePage = {
  id: 'audit',
  title: { id: 'Log audit', en: 'Audit log' },
  roles: ['regency_admin'],
  scope: 'regency',
  tag: 'opd-console-audit',
  load: () => import('./define.js'),
};
