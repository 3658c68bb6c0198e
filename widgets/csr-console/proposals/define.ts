/**
 * Registers `<opd-csr-proposals>`, SIP BENAR's village proposals page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdCsrProposals } from './csr-proposals.js';

if (!customElements.get('opd-csr-proposals')) {
  customElements.define('opd-csr-proposals', OpdCsrProposals);
}

export { OpdCsrProposals };

declare global {
  interface HTMLElementTagNameMap {
    'opd-csr-proposals': OpdCsrProposals;
  }
}
