/**
 * The kit's own English copy. Typed as {@link KitMessages}, so the compiler rejects a missing key.
 *
 * @module
 */
import type { KitMessages } from './id.js';

const num = (value: number): string => value.toLocaleString('en-GB');
const plural = (n: number, one: string, many: string): string => `${num(n)} ${n === 1 ? one : many}`;

/** The kit's English copy. */
export const en: KitMessages = {
  'lang.tag': 'en-GB',
  'error.prefix': 'Error:',
  'error.generic': (label: string) => `Check your ${label.toLowerCase()}`,
  'summary.title': 'There is a problem',
  'retry': 'Try again',
  'config.missingOpd': (widget: string) =>
    `${widget} is not set up yet: its opd attribute (the agency’s short name) is missing. Contact the site’s administrator.`,
  'server.error': (requestId: string) =>
    `Sorry, something went wrong on our server.${requestId ? ` Report code: ${requestId}.` : ''} Try again in a moment.`,
  'rateLimited': (wait: string) => `Too many requests from your network. Wait ${wait}, then try again.`,
  'wait.seconds': (n: number) => plural(n, 'second', 'seconds'),
  'wait.minutes': (n: number) => plural(n, 'minute', 'minutes'),
  'time.at': (date: string, time: string, zone: string) => `${date} at ${time} ${zone}`,

  'form.sending': 'Sending…',
  'form.resend': 'Send again',
  'form.draftDiscard': 'Delete the draft and start again',
  'form.draftDiscarded': 'Draft deleted.',
  'form.countLeft': (n: number) => `You have ${plural(n, 'character', 'characters')} remaining`,
  'form.countOver': (n: number) => `You have ${plural(n, 'character', 'characters')} too many`,
  'form.rateLimited': 'Too many requests from your network. What you entered is kept.',
  'form.rateLimitedWait': (wait: string) => `Wait ${wait}: it will be sent again automatically.`,
  'form.dropChanges': 'No need, delete the changed version',
};
