/**
 * The English copy of the e-mail page. Typed as {@link NotificationsMessages}.
 *
 * @module
 */
import type { NotificationsMessages } from './id.js';

/** The e-mail page's English copy. */
export const en: NotificationsMessages = {
  'mail.intro':
    'The e-mails the server sends for this OPD: the receipt of a question (with its tracking code) and its answer to citizens, and the service-level reminder to staff. A failed e-mail is tried again after 1 minute, 5 minutes, 30 minutes, 2 hours and 12 hours; after that it is given up and can be sent again here.',
  'mail.list': 'The OPD’s e-mails',
  'mail.filter': 'Show',
  'mail.filterAll': 'All e-mails',
  'mail.show': 'Show',
  'mail.none': 'No e-mails.',
  'mail.what': 'E-mail',
  'mail.to': 'To',
  'mail.state': 'State',
  'mail.attempts': 'Tries',
  'mail.problem': 'What the mail server said',
  'mail.next': 'Next try',
  'mail.actions': 'Actions',
  'mail.retry': 'Send again',
  'mail.retried': (about: string) => `The e-mail about ${about} will be sent again within seconds.`,
  'mail.more': 'Load more',
  'mail.erased': '(address erased)',
  'template.consultation.received': 'Question received',
  'template.consultation.answered': 'Question answered',
  'template.consultation.due-soon': 'Service-level reminder',
  'state.pending': 'Waiting to be sent',
  'state.sending': 'Being sent',
  'state.sent': 'Sent',
  'state.failed': 'Failed, will be tried again',
  'state.dead': 'Failed, given up',
};
