/**
 * Registers `<opd-service-standard>`. Importing it twice, or after another copy of opd-kit
 * defined the tag, does nothing.
 *
 * @module
 */
import { OpdServiceStandard } from './service-standard.js';

if (!customElements.get('opd-service-standard')) {
  customElements.define('opd-service-standard', OpdServiceStandard);
}

export { OpdServiceStandard };

declare global {
  interface HTMLElementTagNameMap {
    'opd-service-standard': OpdServiceStandard;
  }
}
