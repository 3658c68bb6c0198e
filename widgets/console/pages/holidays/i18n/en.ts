/**
 * The English copy of the days-off page. Typed as {@link HolidaysMessages}.
 *
 * @module
 */
import type { HolidaysMessages } from './id.js';

const num = (value: number): string => value.toLocaleString('en-GB');

/** The days-off page's English copy. */
export const en: HolidaysMessages = {
  'holidays.intro': 'The regency’s days off besides Saturday and Sunday. Service levels (such as SIAP’s first response) do not count them as working days.',
  'holidays.dueDates': 'Due dates already given to citizens stay as they were; changes here apply to questions that come in afterwards.',
  'year.title': (year) => `Days off in ${year}`,
  'year.nav': 'Choose a year',
  'year.previousHint': 'Previous year',
  'year.nextHint': 'Next year',
  'year.shown': (year, count) => `Days off in ${year}: ${num(count)}.`,

  'list.caption': (year, count) => `Days off in ${year} (${num(count)})`,
  'list.date': 'Date',
  'list.name': 'Name',
  'list.kind': 'Kind',
  'list.actions': 'Actions',
  'list.loading': 'Loading the days off…',
  'list.empty': (year) => `No days off for ${year} yet. Add the national holidays and cuti bersama from that year’s joint decree of three ministers (SKB), then the regional days off.`,
  'list.edit': 'Change',
  'list.remove': 'Remove',
  'list.confirmRemove': (name, date) =>
    `Remove ${name} (${date})? It becomes a working day again for questions that come in afterwards. Due dates already given stay.`,
  'list.confirmYes': 'Yes, remove',
  'list.removing': 'Removing…',
  'list.removed': (name, date) => `${name} (${date}) is no longer a day off.`,

  'kind.national': 'National holiday',
  'kind.cuti-bersama': 'Cuti bersama (joint leave day)',
  'kind.regional': 'Regional day off',
  'kind.nationalHint': 'Set by the joint decree of three ministers (SKB).',
  'kind.cuti-bersamaHint': 'Set by the joint decree of three ministers (SKB).',
  'kind.regionalHint': 'In this regency only, such as the regency’s anniversary (the regent’s decree).',

  'form.addTitle': 'Add a day off',
  'form.editTitle': (name) => `Change ${name}`,
  'form.date': 'Date',
  'form.dateHint': 'Saturdays and Sundays are days off already; no need to add them.',
  'form.dateFixed': 'Date',
  'form.dateFixedHint': 'For another date, remove this day off and add a new one.',
  'form.name': 'Name of the day off',
  'form.nameHint': 'As written in the SKB or the regent’s decree, for example Hari Jadi Kabupaten Lahat.',
  'form.kind': 'Kind of day off',
  'form.add': 'Add the day off',
  'form.save': 'Save the changes',
  'form.added': (name, date) => `${name} (${date}) added.`,
  'form.changed': (name, date) => `${name} (${date}) saved.`,

  'error.date.required': 'Enter the date of the day off',
  'error.date.format': 'Enter a date that exists, from 2000 to 2100',
  'error.date.taken': (name) => `This date is a day off already: ${name}. Choose Change in the list to change its name or kind.`,
  'error.name.required': 'Enter the name of the day off',
  'error.name.tooLong': 'The name must be 200 characters or fewer',
  'error.kind.required': 'Choose the kind of day off',
  'error.kind.notAllowed': 'Choose national holiday, cuti bersama or regional day off',
};
