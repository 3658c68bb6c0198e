/**
 * Registers `<opd-innovation-registry>`, One OPD One Innovation's registry page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdInnovationRegistry } from './innovation-registry.js';

if (!customElements.get('opd-innovation-registry')) {
  customElements.define('opd-innovation-registry', OpdInnovationRegistry);
}

export { OpdInnovationRegistry };

declare global {
  interface HTMLElementTagNameMap {
    'opd-innovation-registry': OpdInnovationRegistry;
  }
}
