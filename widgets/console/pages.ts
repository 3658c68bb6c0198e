/**
 * The console's page registry: every page the navigation may show, in menu order. A module
 * adds its console page as one folder (its `console-page.ts` descriptor, its element, its
 * copy) and one line here; the shell shows each page to the roles it names and loads its
 * code only when it is first opened.
 *
 * @module
 */
import { agendaEventsPage } from '../agenda-console/events/console-page.js';
import { consultationInboxPage } from '../consultation-inbox/console-page.js';
import { siapSettingsPage } from '../consultation-inbox/settings/console-page.js';
import { csrProgramsPage } from '../csr-console/programs/console-page.js';
import { csrProposalsPage } from '../csr-console/proposals/console-page.js';
import { innovationRegistryPage } from '../innovation-console/registry/console-page.js';
import { innovationReviewPage } from '../innovation-console/review/console-page.js';
import { roadDataPage } from '../road-console/network/console-page.js';
import { roadReportsPage } from '../road-console/reports/console-page.js';
import { serviceCompliancePage } from '../services-console/compliance/console-page.js';
import { serviceSatisfactionPage } from '../services-console/satisfaction/console-page.js';
import { serviceStandardsPage } from '../services-console/standards/console-page.js';
import type { ConsolePage } from './page.js';
import { auditPage } from './pages/audit/console-page.js';
import { embedPage } from './pages/embed/console-page.js';
import { holidaysPage } from './pages/holidays/console-page.js';
import { opdSettingsPage } from './pages/opd-settings/console-page.js';
import { privacyPage } from './pages/privacy/console-page.js';
import { rolloutPage } from './pages/rollout/console-page.js';
import { notificationsPage } from './pages/notifications/console-page.js';
import { webhooksPage } from './pages/webhooks/console-page.js';

/** Every console page, in menu order. */
export const CONSOLE_PAGES: readonly ConsolePage[] = [
  consultationInboxPage,
  siapSettingsPage,
  roadReportsPage,
  roadDataPage,
  agendaEventsPage,
  innovationRegistryPage,
  rolloutPage,
  innovationReviewPage,
  csrProgramsPage,
  csrProposalsPage,
  serviceStandardsPage,
  serviceSatisfactionPage,
  serviceCompliancePage,
  opdSettingsPage,
  embedPage,
  webhooksPage,
  notificationsPage,
  auditPage,
  privacyPage,
  holidaysPage,
];
