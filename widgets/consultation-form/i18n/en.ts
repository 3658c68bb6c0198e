/**
 * The English copy of `<opd-consultation-form>`. Typed as {@link ConsultationFormMessages},
 * so the compiler rejects a missing key.
 *
 * @module
 */
import type { ConsultationFormMessages } from './id.js';

const num = (value: number): string => value.toLocaleString('en-GB');

/** The question form's English copy. */
export const en: ConsultationFormMessages = {
  'config.thisWidget': 'This form',
  'unavailable': 'The consultation service is not available for this agency yet.',
  'unknownOpd': 'The consultation service is not available on this page.',
  'unknownOpd.config': (slug: string) =>
    `For the site’s administrator: the agency “${slug}” in the opd attribute is not known to the service’s server. Check its spelling (the agency’s short name, lower case, like bpkad).`,

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
  'form.consent': 'I agree that my name and contact details are used to answer this question.',
  'form.consentHint':
    'Under Law No. 27 of 2022 on Personal Data Protection: only the agency staff who answer see your data; it is never shown publicly and not used for anything else.',
  'form.submit': 'Send question',
  'form.draftRestored': 'Your unsent question has been restored.',
  'form.offline':
    'No connection — your question has not been sent yet and is kept on this device. We will send it as soon as the connection is back.',
  'form.conflict':
    'An earlier version of this question may already have reached us. Your changes have not been sent and are still in the form below.',

  'changes.received': 'We have received your question under the code',
  'changes.notSent': 'The changes you made after that have not been sent. The changed version is still in the form below.',
  'changes.status': 'See the status of the question we received',
  'changes.sendAsNew': 'Send the changed version as a new question',

  'receipts.title': 'Receipts on this device',
  'receipts.sent': (date: string) => `Sent ${date}`,
  'receipts.open': 'Show the receipt',
  'receipts.status': 'See the status',

  'success.title': 'Your question has been sent',
  'success.titleKept': 'Receipt for your question',
  'success.opd': 'To',
  'success.sentAt': 'Sent',
  'success.codeLabel': 'Your tracking code',
  'success.keep':
    'Keep this code. With it you can see the status of your question and its answer. This receipt stays on this device until you delete it.',
  'success.due': (date: string) => `Staff will respond by ${date} at the latest.`,
  'success.statusAt': (url: string) => `See its status and answer at ${url}`,
  'success.copy': 'Copy code',
  'success.copied': 'Code copied',
  'success.copyManual': 'The code is selected. Press Ctrl+C to copy it.',
  'success.status': 'See the status',
  'success.print': 'Print the receipt',
  'success.another': 'Ask another question',
  'success.back': 'Back to the form',
  'success.dismiss': 'Delete this receipt from this device',

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
};
