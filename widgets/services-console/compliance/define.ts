/**
 * Registers `<opd-service-compliance>`, a Layanan page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdServiceCompliance } from './service-compliance.js';

if (!customElements.get('opd-service-compliance')) {
  customElements.define('opd-service-compliance', OpdServiceCompliance);
}

export { OpdServiceCompliance };

declare global {
  interface HTMLElementTagNameMap {
    'opd-service-compliance': OpdServiceCompliance;
  }
}
