/**
 * Registers `<opd-service-standards>`, Layanan's standards page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdServiceStandards } from './service-standards.js';

if (!customElements.get('opd-service-standards')) {
  customElements.define('opd-service-standards', OpdServiceStandards);
}

export { OpdServiceStandards };

declare global {
  interface HTMLElementTagNameMap {
    'opd-service-standards': OpdServiceStandards;
  }
}
