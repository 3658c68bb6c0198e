/**
 * The English copy of `<opd-service-standard>`. Typed as {@link ServiceStandardCardMessages},
 * so the compiler rejects a missing key.
 *
 * @module
 */
import type { ServiceStandardCardMessages } from './id.js';
import { standardEn } from './standard-en.js';

/** The service card's English copy. */
export const en: ServiceStandardCardMessages = {
  ...standardEn,
  'card.loading': 'Loading the service standard…',
  'card.missing': 'This service card is not set up: the opd and service attributes are required.',
  'card.notFound': 'This service was not found, or its service standard is not in force yet.',
  'card.offline': 'The service standard could not be loaded: no connection. Check your internet connection, then try again.',
  'card.problem': (problem) => `The service standard could not be loaded: ${problem}`,
  'card.unavailable': 'Service standards are not available on this server.',
};
