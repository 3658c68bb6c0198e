/**
 * The English copy of `<opd-innovation-list>`. Typed as {@link InnovationListMessages}, so the
 * compiler rejects a missing key.
 *
 * @module
 */
import type { InnovationListMessages } from './id.js';

const num = (n: number): string => n.toLocaleString('en-GB');

/** The innovation catalogue's English copy. */
export const en: InnovationListMessages = {
  'list.title': 'Regional innovation catalogue',
  'list.intro': 'Innovations of the regional agencies, verified by Bappeda.',
  'list.synthetic': 'Sample (synthetic) data for the demo, not official innovations.',

  'search.label': 'Search innovations',
  'search.hint': 'Words in the name, problem or solution, e.g. posyandu or antrean (queue).',
  'search.button': 'Search',
  'search.landmark': 'Search and filter innovations',

  'filter.opd': 'Agency',
  'filter.allOpds': 'All agencies',
  'filter.type': 'Form of innovation',
  'filter.allTypes': 'All forms',
  'filter.stage': 'Stage',
  'filter.allStages': 'All stages',
  'filter.digital': 'Kind',
  'filter.allDigital': 'Digital and non-digital',
  'filter.clear': 'Clear the search and filters',

  'type.pelayanan-publik': 'Public service innovation',
  'type.tata-kelola': 'Regional governance innovation',
  'type.lainnya': 'Other regional innovation',
  'stage.inisiatif': 'Initiative',
  'stage.uji-coba': 'Trial',
  'stage.penerapan': 'Applied',
  'digital.true': 'Digital',
  'digital.false': 'Non-digital',

  'count.loading': 'Loading innovations…',
  'count.searching': 'Searching…',
  'count.found': (n) => (n === 0 ? 'No innovations found' : n === 1 ? '1 innovation found' : `${num(n)} innovations found`),
  'count.shown': (shown, total) => `Showing ${num(shown)} of ${num(total)}.`,
  'count.more': (added, shown, total) => `${num(added)} more loaded; showing ${num(shown)} of ${num(total)}.`,

  'result.opd': 'Agency',
  'result.open': (name) => `See the details of ${name}`,
  'more.button': 'Load more',
  'more.loading': 'Loading…',
  'more.failed': 'The next innovations could not be loaded.',

  'empty.none': 'No innovation has been verified yet.',
  'empty.search': 'No innovation matches. Try other words, check the spelling, or clear the filters.',
  'error.offline': 'The innovations could not be loaded: no connection. Check your internet connection, then try again. Your search words are kept.',
  'error.problem': (problem) => `The innovations could not be loaded: ${problem}`,
  'error.unavailable': 'The innovation catalogue is not available on this server.',

  'detail.close': 'Close',
  'detail.opd': 'Agency',
  'detail.type': 'Form of innovation',
  'detail.digital': 'Kind',
  'detail.stage': 'Stage',
  'detail.stages': 'Stages and their dates',
  'detail.notReached': 'not yet',
  'detail.startDate': 'Start date',
  'detail.budget': 'Budget source',
  'detail.year': 'Assessment year',
  'detail.verified': 'Verified',
  'detail.problem': 'Problem',
  'detail.solution': 'Novelty and solution (design)',
  'detail.benefits': 'Benefits',
  'detail.results': 'Results',
  'detail.none': 'Not filled in.',
  'detail.evidence': 'Supporting evidence',
  'detail.noEvidence': 'No supporting evidence uploaded yet.',
  'detail.file': (kind, size) => `${kind}, ${size}`,
  'detail.kb': (kb) => `${kb} KB`,
  'detail.newWindow': '(opens a new tab)',
};
