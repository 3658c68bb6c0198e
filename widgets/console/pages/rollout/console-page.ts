/**
 * The regency's rollout board (every OPD, its modules and this month's figures) and adding an
 * OPD, at `#/opds`. Regency admins only.
 *
 * @module
 */
import type { ConsolePage } from '../../page.js';

/** The rollout board page. */
export const rolloutPage: ConsolePage = {
  id: 'opds',
  title: { id: 'OPD dan peluncuran', en: 'OPDs and rollout' },
  roles: ['regency_admin'],
  scope: 'regency',
  tag: 'opd-console-rollout',
  load: () => import('./define.js'),
};
