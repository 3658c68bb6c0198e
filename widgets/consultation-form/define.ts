/**
 * Registers `<opd-consultation-form>`. Importing it twice, or after another copy of opd-kit
 * defined the tag, does nothing.
 *
 * @module
 */
import { OpdConsultationForm } from './consultation-form.js';

if (!customElements.get('opd-consultation-form')) {
  customElements.define('opd-consultation-form', OpdConsultationForm);
}

export { OpdConsultationForm };

declare global {
  interface HTMLElementTagNameMap {
    'opd-consultation-form': OpdConsultationForm;
  }
}
