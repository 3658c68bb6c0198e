/**
 * Registers `<opd-console>`. Importing it twice, or after another copy of opd-kit defined
 * the tag, does nothing. The pages' code is not in this chunk: each is loaded when first opened.
 *
 * @module
 */
import { OpdConsole } from './console.js';

if (!customElements.get('opd-console')) {
  customElements.define('opd-console', OpdConsole);
}

export { OpdConsole };

declare global {
  interface HTMLElementTagNameMap {
    'opd-console': OpdConsole;
  }
}
