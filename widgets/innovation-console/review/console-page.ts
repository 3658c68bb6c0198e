/**
 * One OPD One Innovation's review page in the staff console, at `#/innovation/review`: the
 * reviewer OPD's (Bappeda's) queue of submitted innovations of every OPD, one innovation at
 * `#/innovation/review/<id>` with its verify / return, the progress board at
 * `#/innovation/review/papan` with the Kemendagri export, and the module's settings at
 * `#/innovation/review/pengaturan`. Listed in `widgets/console/pages.ts`; its code is loaded
 * only when the page is first opened.
 *
 * @module
 */
import type { ConsolePage } from '../../console/page.js';

/**
 * The innovation review page. Its scope is the regency (the queue spans every OPD, the
 * reviewer is a setting), so a regency admin gets no OPD picker; staff of an OPD that runs the
 * module see it, and the page tells anyone but the reviewer OPD's staff that only the reviewer
 * reviews (the server answers them 404 / 403 too).
 */
export const innovationReviewPage: ConsolePage = {
  id: 'innovation/review',
  title: { id: 'Verifikasi inovasi daerah', en: 'Innovation review' },
  roles: ['regency_admin', 'opd_admin', 'opd_staff'],
  scope: 'regency',
  module: 'innovation',
  tag: 'opd-innovation-review',
  load: () => import('./define.js'),
};
