/**
 * Registers `<opd-console-privacy>`, a page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdConsolePrivacy } from './privacy.js';

if (!customElements.get('opd-console-privacy')) {
  customElements.define('opd-console-privacy', OpdConsolePrivacy);
}

export { OpdConsolePrivacy };

declare global {
  interface HTMLElementTagNameMap {
    'opd-console-privacy': OpdConsolePrivacy;
  }
}
