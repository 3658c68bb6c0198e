/**
 * The English copy of `<opd-service-directory>`. Typed as {@link ServiceDirectoryMessages}, so
 * the compiler rejects a missing key.
 *
 * @module
 */
import { standardEn } from '../../service-standard/i18n/standard-en.js';
import type { ServiceDirectoryMessages } from './id.js';

const num = (n: number): string => n.toLocaleString('en-GB');

/** The directory's English copy. */
export const en: ServiceDirectoryMessages = {
  ...standardEn,
  'list.title': 'Digital public service mall',
  'list.intro': 'The service standards of every regional agency in one place: find a service, read its requirements and steps, then print the requirements.',

  'search.label': 'Search services',
  'search.hint': 'For example KTP (identity card), akta kelahiran (birth certificate), izin usaha (business licence).',
  'search.button': 'Search',
  'search.landmark': 'Search and filter services',

  'filter.opd': 'Agency',
  'filter.allOpds': 'All agencies',
  'filter.category': 'Category',
  'filter.allCategories': 'All categories',
  'filter.online': 'How to apply',
  'filter.allChannels': 'Online and at the counter',
  'filter.onlineOnly': 'Online possible',
  'filter.offlineOnly': 'At the counter only',
  'filter.free': 'Cost',
  'filter.allCosts': 'Free and paid',
  'filter.freeOnly': 'Free',
  'filter.paidOnly': 'Paid',
  'filter.clear': 'Clear the search and filters',

  'count.loading': 'Loading services…',
  'count.found': (n) => (n === 0 ? 'No services found' : n === 1 ? '1 service found' : `${num(n)} services found`),
  'count.shown': (shown, total) => `Showing ${num(shown)} of ${num(total)}.`,
  'count.more': (added, shown, total) => `${num(added)} more loaded; showing ${num(shown)} of ${num(total)}.`,

  'result.time': 'Time to completion',
  'more.button': 'Load more',
  'more.loading': 'Loading…',
  'more.failed': 'The next services could not be loaded.',

  'empty.none': 'No service standard has been published yet.',
  'empty.search': 'No service matches. Try other words, check the spelling, or clear the filters.',
  'error.offline': 'The services could not be loaded: no connection. Check your internet connection, then try again. Your search words are kept.',
  'error.problem': (problem) => `The services could not be loaded: ${problem}`,
  'error.unavailable': 'The service directory is not available on this server.',

  'detail.back': 'Back to the list of services',
};
