/**
 * One OPD's webhooks (receivers, topics, the secret shown once, send test, the delivery log
 * with retry), at `#/webhooks`. Regency admins (any OPD) and OPD admins (their own).
 *
 * @module
 */
import type { ConsolePage } from '../../page.js';

/** The webhooks page. */
export const webhooksPage: ConsolePage = {
  id: 'webhooks',
  title: { id: 'Webhook', en: 'Webhooks' },
  roles: ['regency_admin', 'opd_admin'],
  scope: 'opd',
  tag: 'opd-console-webhooks',
  load: () => import('./define.js'),
};
