/**
 * The English copy of the privacy page. Typed as {@link PrivacyMessages}.
 *
 * @module
 */
import type { PrivacyMessages } from './id.js';

const num = (value: number): string => value.toLocaleString('en-GB');
const plural = (count: number, one: string, many: string): string => `${num(count)} ${count === 1 ? one : many}`;

/** The privacy page's English copy. */
export const en: PrivacyMessages = {
  'privacy.intro':
    'Citizens’ personal data under UU 27/2022 (the personal data protection law): how long citizens’ names and contacts are kept, and a citizen’s request to see or erase their data.',

  'retention.title': 'Keeping contact data',
  'retention.intro':
    'Once a case (a SIAP question, for example) is closed, the citizen’s name, e-mail address and mobile number are erased after this period. The case itself stays, without a name. The server applies it every hour; cases still being handled keep their contact.',
  'retention.loading': 'Loading the privacy settings…',
  'retention.current': (what) => `Now: ${what}.`,
  'retention.currentDays': (days) => `erased ${plural(days, 'day', 'days')} after the case is closed`,
  'retention.currentKeep': 'kept until erased on request',
  'retention.legend': 'Citizens’ names and contacts',
  'retention.days': 'Erase after a number of days',
  'retention.daysHint': 'Counted from when the case is closed.',
  'retention.keep': 'Keep until erased on the citizen’s request',
  'retention.keepHint': 'Erased only through “Erase data” below.',
  'retention.count': 'Number of days',
  'retention.countHint': 'At least 30 days, at most 3650 days (10 years).',
  'retention.unit': 'days',
  'retention.submit': 'Save the period',
  'retention.done': (what) => `Period saved: ${what}.`,

  'request.title': 'A citizen’s data request',
  'request.intro':
    'Enter the e-mail address or the mobile number the citizen gave when they contacted the service (either or both). “Export data” shows everything kept about them in every module; “Erase data” erases their name and contact from every case.',
  'request.audit': 'Every export and erasure is recorded in the audit log under your name: the cases touched and how many, never the address, the number or the data.',
  'request.auditLink': 'Open the audit log',
  'request.email': 'The citizen’s e-mail address',
  'request.phone': 'The citizen’s mobile number',
  'request.phoneHint': 'For example 0812 3456 7890.',
  'request.export': 'Export data',
  'request.exporting': 'Looking for data…',
  'request.erase': 'Erase data',

  'who.email': (email) => `the e-mail address ${email}`,
  'who.phone': (phone) => `the mobile number ${phone}`,
  'who.both': (email, phone) => `the e-mail address ${email} or the mobile number ${phone}`,

  'export.title': 'Export',
  'export.found': (count, who) => `${plural(count, 'record', 'records')} kept about the citizen with ${who}.`,
  'export.none': (who) => `Nothing is kept about a citizen with ${who}.`,
  'export.at': (at) => `Exported on ${at}.`,
  'export.download': 'Download as JSON',
  'export.downloadHint': 'The file holds personal data: give it only to the citizen it is about, then delete it from your computer.',
  'export.downloaded': 'The JSON file has been downloaded.',
  'export.module': (module, count) => `${module}: ${plural(count, 'record', 'records')}`,
  'export.case': 'Case',
  'export.opd': 'OPD',
  'export.when': 'Date',
  'export.empty': '(empty)',

  'data.name': 'Name',
  'data.email': 'E-mail address',
  'data.phone': 'Mobile number',
  'data.subject': 'Subject',
  'data.message': 'Question',
  'data.consentText': 'Consent given',
  'data.consentAt': 'Consent given at',
  'data.status': 'Status',
  'data.answer': 'Answer',
  'data.answeredAt': 'Answered at',
  'data.timelineNotes': 'Notes in the history',
  'data.notes': 'Staff’s internal notes',
  'data.at': 'When',
  'data.note': 'Note to the citizen',
  'data.internalNote': 'Internal note',
  'data.text': 'Text',
  'value.received': 'Received',
  'value.in_progress': 'In progress',
  'value.answered': 'Answered',
  'value.closed': 'Closed',

  'erase.title': 'Erase this citizen’s data?',
  'erase.what': (who) => `The name, e-mail address and mobile number of the citizen with ${who} will be erased from every case in every module and every OPD.`,
  'erase.cases': (count) => `According to the export, ${plural(count, 'case', 'cases')}:`,
  'erase.noneFound': 'The export found nothing about this citizen, so there may be nothing to erase.',
  'erase.stays': 'The cases stay (question, answer, history), without a name: no longer tied to this citizen.',
  'erase.final': 'This cannot be undone.',
  'erase.yes': 'Yes, erase this citizen’s data',
  'erase.erasing': 'Erasing…',
  'erase.doneTitle': 'The citizen’s data is erased',
  'erase.done': (who, at) => `The name and contact of the citizen with ${who} were erased on ${at}.`,
  'erase.module': (module, count) => `${module}: ${plural(count, 'case', 'cases')}`,
  'erase.nothing': (who) => `Nothing is kept about a citizen with ${who}; nothing was erased.`,

  'error.contactRetentionDays.required': 'Enter a number of days',
  'error.contactRetentionDays.invalid': 'Enter the number of days as a whole number, like 365',
  'error.contactRetentionDays.tooSmall': 'Keep contact data at least 30 days',
  'error.contactRetentionDays.tooLarge': 'Keep contact data at most 3650 days (10 years)',
  'error.email.required': 'Enter the e-mail address or the mobile number the citizen gave',
  'error.email.format': 'Enter an e-mail address in the correct format, like name@example.com',
  'error.email.tooLong': 'The e-mail address must be 254 characters or fewer',
  'error.phone.tooLong': 'The mobile number must be 32 characters or fewer',
  'error.phone.format': 'Enter the mobile number in digits, like 0812 3456 7890',
};
