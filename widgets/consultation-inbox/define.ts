/**
 * Registers `<opd-consultation-inbox>`, SIAP's page in the staff console. Importing it twice,
 * or after another copy of opd-kit defined the tag, does nothing. The console imports it when
 * its page is first opened; on its own (outside a console) the element says where it belongs.
 *
 * @module
 */
import { OpdConsultationInbox } from './consultation-inbox.js';

if (!customElements.get('opd-consultation-inbox')) {
  customElements.define('opd-consultation-inbox', OpdConsultationInbox);
}

export { OpdConsultationInbox };

declare global {
  interface HTMLElementTagNameMap {
    'opd-consultation-inbox': OpdConsultationInbox;
  }
}
