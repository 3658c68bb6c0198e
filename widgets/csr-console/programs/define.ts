/**
 * Registers `<opd-csr-programs>`, SIP BENAR's programmes page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdCsrPrograms } from './csr-programs.js';

if (!customElements.get('opd-csr-programs')) {
  customElements.define('opd-csr-programs', OpdCsrPrograms);
}

export { OpdCsrPrograms };

declare global {
  interface HTMLElementTagNameMap {
    'opd-csr-programs': OpdCsrPrograms;
  }
}
