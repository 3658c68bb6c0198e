/**
 * The English copy of the embed snippet page. Typed as {@link EmbedMessages}.
 *
 * @module
 */
import type { EmbedMessages } from './id.js';

/** The embed page's English copy. */
export const en: EmbedMessages = {
  'embed.intro': 'Choose a widget and its settings, see the result, then copy the code into a page of the OPD’s website. One script line and one element are all it takes.',
  'embed.options': 'Settings',
  'embed.widget': 'Widget',
  'embed.widget.form': 'Question form (SIAP) — citizens ask and receive a tracking code',
  'embed.widget.status': 'Question status (SIAP) — citizens follow their question by its code',
  'embed.lang': 'Language of the widget',
  'embed.lang.id': 'Bahasa Indonesia',
  'embed.lang.en': 'English',
  'embed.statusHref': 'Address of the status page (optional)',
  'embed.statusHrefHint': 'The page of your site that holds the status widget, for example /layanan/status. Leave it empty when both are on one page.',
  'embed.pin': 'Pin this release (Subresource Integrity)',
  'embed.pinHint': 'The browser refuses a widgets file that changed in the slightest. After opd-kit is upgraded, copy the new code for the site to get its fixes; unpinned, the site always loads the latest release.',
  'embed.pinFailed': 'This release cannot be pinned: the integrity list (/cdn/integrity.json) could not be read. The code below loads the latest release.',
  'embed.code': 'Code to copy',
  'embed.copy': 'Copy code',
  'embed.origins': (opd: string) => `The widgets only work on sites listed for ${opd}: the OPD admin adds the site’s address in the OPD settings (allowed website addresses).`,
  'embed.siapOff': (opd: string) => `SIAP is not switched on for ${opd}: its form will tell citizens the service is not available.`,
  'embed.preview': 'Preview',
  'embed.previewNote': 'This preview is connected to the real service: a question sent from here really reaches the OPD’s inbox.',
  'embed.previewFailed': 'The preview could not be loaded. Check your internet connection.',
};
