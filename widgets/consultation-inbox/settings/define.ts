/**
 * Registers `<opd-siap-settings>`, SIAP's settings page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdSiapSettings } from './siap-settings.js';

if (!customElements.get('opd-siap-settings')) {
  customElements.define('opd-siap-settings', OpdSiapSettings);
}

export { OpdSiapSettings };

declare global {
  interface HTMLElementTagNameMap {
    'opd-siap-settings': OpdSiapSettings;
  }
}
