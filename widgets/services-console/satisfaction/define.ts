/**
 * Registers `<opd-service-satisfaction>`, a Layanan page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdServiceSatisfaction } from './service-satisfaction.js';

if (!customElements.get('opd-service-satisfaction')) {
  customElements.define('opd-service-satisfaction', OpdServiceSatisfaction);
}

export { OpdServiceSatisfaction };

declare global {
  interface HTMLElementTagNameMap {
    'opd-service-satisfaction': OpdServiceSatisfaction;
  }
}
