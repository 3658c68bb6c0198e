/**
 * Registers `<opd-consultation-status>`. Importing it twice, or after another copy of opd-kit
 * defined the tag, does nothing.
 *
 * @module
 */
import { OpdConsultationStatus } from './consultation-status.js';

if (!customElements.get('opd-consultation-status')) {
  customElements.define('opd-consultation-status', OpdConsultationStatus);
}

export { OpdConsultationStatus };

declare global {
  interface HTMLElementTagNameMap {
    'opd-consultation-status': OpdConsultationStatus;
  }
}
