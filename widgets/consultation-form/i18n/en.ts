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
};
