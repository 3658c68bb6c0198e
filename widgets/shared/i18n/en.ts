/**
 * English messages. Typed as {@link Messages}, so the compiler rejects a missing key.
 *
 * @module
 */
import type { Messages } from './id.js';

const num = (value: number): string => value.toLocaleString('en-GB');
const plural = (n: number, one: string, many: string): string => `${num(n)} ${n === 1 ? one : many}`;

/** English messages. */
export const en: Messages = {
  'lang.tag': 'en-GB',
  'error.prefix': 'Error:',
  'summary.title': 'There is a problem',
  'retry': 'Try again',
  'config.missingOpd':
    'This form is not set up yet: its opd attribute (the agency’s short name) is missing. Contact the site’s administrator.',
  'unavailable': 'The consultation service is not available for this agency yet.',
  'server.error': (requestId: string) =>
    `Sorry, something went wrong on our server.${requestId ? ` Report code: ${requestId}.` : ''} Try again in a moment.`,
  'rateLimited': (wait: string) => `Too many requests from your network. Wait ${wait}, then try again.`,
  'wait.seconds': (n: number) => plural(n, 'second', 'seconds'),
  'wait.minutes': (n: number) => plural(n, 'minute', 'minutes'),

  'form.name': 'Name',
  'form.contact': 'How we reply',
  'form.contactHint':
    'Give an e-mail address, a mobile number, or both. We use them only to answer this question.',
  'form.email': 'E-mail address',
  'form.phone': 'Mobile number',
  'form.phoneHint': 'An Indonesian mobile number, like 0812 3456 7890',
  'form.category': 'Category',
  'form.categoryChoose': 'Choose a category',
  'form.categoryLoading': 'Loading categories…',
  'form.categoryFailed': 'The list of categories could not be loaded.',
  'form.subject': 'Subject',
  'form.subjectHint': 'A short summary, like “How to pay tax on an official vehicle”',
  'form.message': 'Your question',
  'form.messageHint': (max: number) => `Write your question in full, up to ${num(max)} characters.`,
  'form.countLeft': (n: number) => `You have ${plural(n, 'character', 'characters')} remaining`,
  'form.countOver': (n: number) => `You have ${plural(n, 'character', 'characters')} too many`,
  'form.consent': 'I agree that my name and contact details are used to answer this question.',
  'form.consentHint':
    'Under Law No. 27 of 2022 on Personal Data Protection: only the agency staff who answer see your data; it is never shown publicly and not used for anything else.',
  'form.submit': 'Send question',
  'form.sending': 'Sending…',
  'form.draftRestored': 'Your unsent question has been restored.',
  'form.draftDiscard': 'Delete the draft and start again',
  'form.draftDiscarded': 'Draft deleted.',
  'form.offline':
    'No connection — your question has not been sent yet and is kept on this device. We will send it as soon as the connection is back.',
  'form.resend': 'Send again',
  'form.conflict':
    'An earlier version of this question may already have reached us. If you changed it, send it again as a new question.',

  'success.title': 'Your question has been sent',
  'success.codeLabel': 'Your tracking code',
  'success.keep': 'Keep this code. With it you can see the status of your question and its answer.',
  'success.due': (date: string) => `Staff will respond by ${date} at the latest.`,
  'success.copy': 'Copy code',
  'success.copied': 'Code copied',
  'success.copyManual': 'The code is selected. Press Ctrl+C to copy it.',
  'success.another': 'Ask another question',

  'error.name.required': 'Enter your name',
  'error.name.tooLong': 'Name must be 120 characters or fewer',
  'error.email.required': 'Enter an e-mail address or a mobile number so we can answer you',
  'error.email.format': 'Enter an e-mail address in the correct format, like name@example.com',
  'error.email.tooLong': 'E-mail address must be 254 characters or fewer',
  'error.phone.required': 'Enter an e-mail address or a mobile number so we can answer you',
  'error.phone.format': 'Enter an Indonesian mobile number, like 0812 3456 7890',
  'error.category.required': 'Choose a category',
  'error.category.notAllowed': 'Choose one of the categories in the list',
  'error.category.invalid': 'Choose one of the categories in the list',
  'error.subject.required': 'Enter a subject',
  'error.subject.tooLong': 'Subject must be 200 characters or fewer',
  'error.message.required': 'Enter your question',
  'error.message.tooLong': (max: number) => `Your question must be ${num(max)} characters or fewer`,
  'error.consent.required': 'Tick the box to agree, so we can process your data and answer you',
  'error.code.required': 'Enter a tracking code',
  'error.code.format': 'Enter a tracking code in the format SIAP-7K3F-9QX2',
  'error.generic': (label: string) => `Check your ${label.toLowerCase()}`,

  'status.label': 'Tracking code',
  'status.hint': 'It is on the receipt of your question, like SIAP-7K3F-9QX2',
  'status.submit': 'Show status',
  'status.loading': 'Loading status…',
  'status.notFound': (code: string) =>
    `We could not find a question with the code ${code}. Check the code; the letter O and the digit 0 count as the same.`,
  'status.offline': 'No connection. Check your internet connection, then try again.',
  'status.title': (code: string) => `Question ${code}`,
  'status.opd': 'Handled by',
  'status.category': 'Category',
  'status.status': 'Status',
  'status.submitted': 'Sent',
  'status.due': 'First response due',
  'status.overdue': (date: string) =>
    `The first response is overdue (it was due ${date}). You can ask the agency directly or report it through SP4N-LAPOR! at lapor.go.id.`,
  'status.timeline': 'History',
  'status.answer': 'Answer',
  'status.answeredAt': (date: string) => `Answered ${date}`,
  'status.noAnswer': 'No answer yet. Staff will answer on this page and through the contact you gave.',
  'status.received': 'Received',
  'status.in_progress': 'In progress',
  'status.answered': 'Answered',
  'status.closed': 'Closed',
  'time.at': (date: string, time: string) => `${date} at ${time} WIB`,
};
