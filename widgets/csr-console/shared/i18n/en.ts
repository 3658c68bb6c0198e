/**
 * The English copy both SIP BENAR console pages use. Typed as {@link CsrCommonMessages}.
 *
 * @module
 */
import type { CsrCommonMessages } from './id.js';

/** SIP BENAR's shared English console copy. */
export const csrCommonEn: CsrCommonMessages = {
  'status.proposed': 'Proposed',
  'status.approved': 'Approved',
  'status.running': 'Running',
  'status.done': 'Done',
  'status.postponed': 'Postponed',
  'status.cancelled': 'Cancelled',
  'proposal.submitted': 'Awaiting the forum',
  'proposal.approved': 'Approved by the forum',
  'proposal.rejected': 'Rejected by the forum',
  'proposal.funded': 'Became a programme',
  'sector.pertambangan': 'Mining',
  'sector.perkebunan': 'Plantations',
  'sector.energi': 'Energy',
  'sector.perbankan': 'Banking',
  'sector.telekomunikasi': 'Telecommunications',
  'sector.manufaktur': 'Manufacturing',
  'sector.perdagangan': 'Trade',
  'sector.lainnya': 'Other',
  'common.pick': 'Choose…',
  'common.all': 'All',
  'common.retry': 'Try again',
  'common.pickOpd': 'Choose an OPD above to open its SIP BENAR.',
  'common.summaryTitle': 'There is a problem',
  'common.errorPrefix': 'Error:',
  'common.rupiahHint': 'Whole rupiah, typed as 1250000 or 1,250,000.',
  'common.rupiahShown': (shown) => `Read as: ${shown}`,
  'common.rupiahUnread': 'Not yet readable as whole rupiah.',
  'common.search': 'Search',
  'common.filterCount': (shown, all) => `${shown.toLocaleString('en-GB')} of ${all.toLocaleString('en-GB')} shown.`,
  'common.none': '—',
};
