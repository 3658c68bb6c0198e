/**
 * The English copy of the rollout page. Typed as {@link RolloutMessages}.
 *
 * @module
 */
import type { RolloutMessages } from './id.js';

const num = (value: number): string => value.toLocaleString('en-GB');

/** The rollout page's English copy. */
export const en: RolloutMessages = {
  'board.title': 'Rollout board',
  'board.intro': 'Every OPD of the regency: the modules it has on and its SIAP figures for the chosen month.',
  'board.month': 'Month',
  'board.show': 'Show',
  'board.caption': (month: string) => `OPDs and their modules, ${month}`,
  'board.opd': 'OPD',
  'board.modules': 'Modules on',
  'board.noModules': 'None yet',
  'board.received': 'Questions this month',
  'board.withinSla': 'On time',
  'board.overdue': 'Overdue now',
  'board.note': 'On time: the share of the questions due this month whose first response came within 3 working days. Overdue now: not yet answered and past the due date.',
  'board.manage': 'Manage',
  'board.manageOpd': (opd: string) => `Manage ${opd}`,
  'board.notRunning': '—',
  'board.noneDue': 'none due yet',
  'board.summary': (on: number, total: number) => `${num(on)} of ${num(total)} OPDs use SIAP.`,
  'board.loading': 'Loading the rollout board…',
  'board.empty': 'There are no OPDs yet. Add the first one below.',

  'add.title': 'Add an OPD',
  'add.intro': 'A new OPD starts with no modules except those you tick. Its users are added on its settings page.',
  'add.name': 'Name of the OPD',
  'add.nameHint': 'The official name, for example Dinas Kesehatan',
  'add.slug': 'Short name (slug)',
  'add.slugHint': 'Used in addresses and embed code; lowercase letters, digits and hyphens, for example dinkes. It cannot be changed later.',
  'add.nameEn': 'English name (optional)',
  'add.nameEnHint': 'For English pages, for example Health Office',
  'add.origins': 'Allowed website addresses (optional)',
  'add.originsHint': 'One per line, with no slash at the end, for example https://dinkes.lahatkab.go.id. The widgets only work on sites listed here.',
  'add.modules': 'Modules switched on at once',
  'add.submit': 'Add OPD',
  'add.sending': 'Adding…',
  'add.done': (name: string) => `${name} has been added.`,
  'add.open': 'Open this OPD’s settings and users',

  'error.name.required': 'Enter the name of the OPD',
  'error.name.tooLong': 'The name must be 200 characters or fewer',
  'error.slug.required': 'Enter the short name of the OPD',
  'error.slug.tooShort': 'The short name must be at least 2 characters',
  'error.slug.tooLong': 'The short name must be 64 characters or fewer',
  'error.slug.format': 'Use only lowercase letters, digits and single hyphens, for example dinas-kesehatan',
  'error.slug.invalid': 'Use only lowercase letters, digits and single hyphens, for example dinas-kesehatan',
  'error.slug.alreadyUsed': 'Another OPD already has this short name. Choose another',
  'error.nameEn.tooLong': 'The English name must be 200 characters or fewer',
  'error.allowedOrigins.format': 'Write each address like https://dinkes.lahatkab.go.id (no path, no slash at the end)',
  'error.allowedOrigins.invalid': 'Write each address like https://dinkes.lahatkab.go.id (no path, no slash at the end)',
  'error.allowedOrigins.tooLong': 'At most 20 website addresses',
  'error.conflict': 'There already is an OPD with this short name. Choose another short name.',
};
