/**
 * The English copy of `<opd-satisfaction-index>`. Typed as {@link SatisfactionIndexMessages},
 * so the compiler rejects a missing key. Category names stay the API's (Indonesian, marked `lang="id"`).
 *
 * @module
 */
import type { SatisfactionIndexMessages } from './id.js';

/** The index board's English copy. */
export const en: SatisfactionIndexMessages = {
  'loading': 'Loading the Public Satisfaction Index…',
  'offline': 'The satisfaction index could not be loaded: no connection. Check your internet connection, then try again.',
  'unavailable': 'The public satisfaction index is not available for this agency.',
  'config.thisWidget': 'This index board',
  'badYear': (year) => `This index board is not set up correctly: the year "${year}" cannot be used. Contact the site’s administrator.`,
  'unknownService': (service) => `This index board is not set up correctly: the service “${service}” is not one of this agency’s. Contact the site’s administrator.`,

  'title': (year) => `Public Satisfaction Index ${year}`,
  'title.service': (service, year) => `Public Satisfaction Index of ${service} ${year}`,
  'ikm': 'Index',
  'grade': (grade, name) => `Grade ${grade} (${name})`,
  'respondents': (n) => `from ${n} ${n === '1' ? 'respondent' : 'respondents'}`,
  'none': 'No one has answered the satisfaction survey this year yet.',
  'sentence': (ikm, grade, name, n) => `Index ${ikm}, grade ${grade} (${name}), from ${n} ${n === '1' ? 'respondent' : 'respondents'}`,

  'elements.title': 'Score per service element',
  'elements.element': 'Element',
  'elements.mean': 'Mean (1–4)',
  'elements.ikm': 'Score (25–100)',
  'periods.title': 'Over the year',
  'periods.semesters': 'By semester',
  'periods.quarters': 'By quarter',
  'periods.period': 'Period',
  'periods.semester': (n) => `Semester ${n}`,
  'periods.quarter': (n) => `Quarter ${n}`,
  'periods.ikm': 'Index (grade)',
  'periods.respondents': 'Respondents',
  'services.title': 'Index per service',
  'services.service': 'Service',
  'empty': '—',
  'noValue': 'none yet',

  'how.title': 'How the index is computed',
  'how.text':
    'As PermenPAN-RB 14/2017 sets it: the mean score of each element (1–4) is weighted, then multiplied by 25, giving 25–100. The grade is that of the index rounded to two decimals, so the gaps between the ranges (such as 76.60 and 76.61) never leave an index without one.',
  'how.categories': 'Grades of service quality',
  'how.model': (model) => `Survey model: ${model}.`,
};
