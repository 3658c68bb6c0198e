/**
 * Registers `<opd-console-opd>`, a page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdConsoleOpd } from './opd-settings.js';

if (!customElements.get('opd-console-opd')) {
  customElements.define('opd-console-opd', OpdConsoleOpd);
}

export { OpdConsoleOpd };

declare global {
  interface HTMLElementTagNameMap {
    'opd-console-opd': OpdConsoleOpd;
  }
}
