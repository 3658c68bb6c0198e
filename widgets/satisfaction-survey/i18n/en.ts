/**
 * The English copy of `<opd-satisfaction-survey>`. Typed as {@link SatisfactionSurveyMessages},
 * so the compiler rejects a missing key. The survey's elements, questions and answers stay as
 * the model gives them (Indonesian, marked `lang="id"`).
 *
 * @module
 */
import type { SatisfactionSurveyMessages } from './id.js';

/** The satisfaction survey's English copy. */
export const en: SatisfactionSurveyMessages = {
  'config.thisWidget': 'This survey',
  'config.missingService': 'This survey is not set up: the service attribute (the service’s short name) is empty. Contact the site’s administrator.',
  'unknownService': (service) => `This survey is not set up correctly: the service “${service}” was not found at this agency. Contact the site’s administrator.`,
  'unavailable': 'The satisfaction survey is not available for this agency yet.',
  'loading': 'Loading the satisfaction survey…',
  'offline': 'The survey could not be loaded: no connection. Check your internet connection, then try again.',

  'title': 'Public Satisfaction Survey',
  'intro': (service) => `How was the service ${service} you have just received? Choose one answer for each question.`,
  'source': (model) => `Survey elements as set by ${model}.`,
  'form.token': 'Survey code',
  'form.tokenHint': 'On the slip the counter gave you, like 7KQ2-M9XD-4TRA. One code counts for one rating.',
  'form.suggestion': 'Suggestion (optional)',
  'form.suggestionHint':
    'Anonymous. We keep only the service, the day (no time), your scores and this suggestion — not the survey code, your internet address or anything about you. Do not write your name or phone number. Only the agency’s staff read suggestions; they are never shown in public.',
  'form.submit': 'Send my rating',
  'form.draftRestored': 'Your unsent answers have been restored.',
  'form.offline': 'No connection — your rating has not been sent and is kept on this device. We will send it as soon as the connection is back.',
  'form.conflict': 'We may have received this rating already. Your answers are still in the form below.',
  'form.sendAsNew': 'Send again',
  'form.stored': 'We have received your rating. Changes made after that were not sent.',

  'success.title': 'Thank you',
  'success.recorded': (service) => `Your rating of the service ${service} has been recorded.`,
  'success.period': (semester, year) => `It counts in the Public Satisfaction Index of semester ${semester} of ${year}.`,
  'success.earlier': 'This code was used by your earlier send, so your answers are recorded (each code counts once).',
  'success.anonymous': 'Your rating is anonymous: the survey code is not kept with your answers.',

  'error.token.required': 'Enter the survey code from your slip',
  'error.token.tooLong': 'A survey code has 12 letters and digits, like 7KQ2-M9XD-4TRA',
  'error.token.format': 'A survey code has 12 letters and digits, like 7KQ2-M9XD-4TRA: type it as your slip shows it',
  'error.token.notAllowed': 'We do not know this survey code: check it against your slip',
  'error.token.otherService': 'This survey code is for another service: rate the service you were given it for',
  'error.token.used': 'This survey code has already been used. Each code counts once.',
  'error.token.expired': 'This survey code has expired. Ask the service counter for a new one.',
  'error.score': (element) => `Choose an answer for “${element}”`,
  'error.suggestion.tooLong': 'A suggestion has at most 1,000 characters',
};
