/**
 * Registers `<opd-console-embed>`, a page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdConsoleEmbed } from './embed.js';

if (!customElements.get('opd-console-embed')) {
  customElements.define('opd-console-embed', OpdConsoleEmbed);
}

export { OpdConsoleEmbed };

declare global {
  interface HTMLElementTagNameMap {
    'opd-console-embed': OpdConsoleEmbed;
  }
}
