/**
 * The English copy of Layanan's satisfaction survey page.
 *
 * @module
 */
import type { ServiceSatisfactionMessages } from './id.js';

const num = (value: number): string => value.toLocaleString('en-GB');

/** The SKM page's English copy. */
export const en: ServiceSatisfactionMessages = {
  'tokens.title': 'Survey codes for the counter',
  'tokens.intro': 'Each code is good for one survey answer about one service. Print or copy the codes and hand one to each citizen after they are served. The codes are shown once only: the server keeps their fingerprints.',
  'tokens.service': 'Service',
  'tokens.count': 'Number of codes',
  'tokens.countHint': 'At most 200 at once.',
  'tokens.validDays': 'Valid for (days)',
  'tokens.validDaysHint': 'Leave empty for 30 days.',
  'tokens.submit': 'Make codes',
  'tokens.sending': 'Making…',
  'tokens.pick': 'Choose a service',
  'tokens.noServices': 'No service is in force yet to be surveyed.',
  'tokens.made': (count, service, until) => `${num(count)} code${count === 1 ? '' : 's'} for ${service}, valid until ${until}.`,
  'tokens.listLabel': (service) => `Survey codes of ${service}`,
  'tokens.print': 'Print the codes',
  'tokens.copyAll': 'Copy every code',
  'tokens.slip': (service) => `Satisfaction survey: ${service}`,

  'report.title': 'Public satisfaction index (IKM)',
  'report.year': 'Year',
  'report.show': 'Show',
  'report.loading': 'Working out the IKM…',
  'report.rounding': 'IKM = the weighted mean of the elements’ scores × 25. The category is that of the IKM rounded to two decimals, so the gaps between the regulation’s ranges (76.60 and 76.61, say) never leave an index without one.',
  'report.overall': (opd, year) => `IKM of ${opd} in ${year}`,
  'report.respondents': (count) => `${num(count)} respondent${count === 1 ? '' : 's'}`,
  'report.noResponses': 'No survey answers this year yet.',
  'report.categories': 'Categories',
  'report.servicesCaption': 'IKM per service',
  'report.elementsCaption': 'Score per service element',
  'report.periodsCaption': 'IKM per semester and quarter',
  'report.service': 'Service',
  'report.element': 'Element',
  'report.period': 'Period',
  'report.count': 'Respondents',
  'report.mean': 'Mean score',
  'report.ikm': 'IKM',
  'report.grade': 'Grade',
  'report.semester': (n) => `Semester ${n}`,
  'report.quarter': (n) => `Quarter ${n}`,
  'report.gradeOf': (grade, category) => `${grade} (${category})`,

  'suggestions.title': 'Citizens’ suggestions',
  'suggestions.intro': 'What citizens wrote with their answers, without names or contacts. Every read is written to the audit log, since free text may name someone.',
  'suggestions.show': (year) => `Show the suggestions of ${year}`,
  'suggestions.loading': 'Loading suggestions…',
  'suggestions.none': (year) => `No suggestions in ${year}.`,
  'suggestions.count': (count, year) => `${num(count)} suggestion${count === 1 ? '' : 's'} in ${year}, latest quarter first.`,
  'suggestions.meta': (service, quarter) => `${service} · quarter ${quarter}`,

  'error.service.required': 'Choose the service to survey',
  'error.count.required': 'Enter how many codes',
  'error.count.tooSmall': 'Make at least 1 code',
  'error.count.tooLarge': 'At most 200 codes at once',
  'error.count.invalid': 'Enter the number of codes as a whole number',
  'error.validDays.tooSmall': 'A code is valid at least 1 day',
  'error.validDays.tooLarge': 'A code is valid at most 366 days',
  'error.validDays.invalid': 'Enter the days as a whole number',
  'error.year.invalid': 'Enter a year from 2017 to 2100, e.g. 2026',
};
