/**
 * Registers `<opd-service-directory>`. Importing it twice, or after another copy of opd-kit
 * defined the tag, does nothing.
 *
 * @module
 */
import { OpdServiceDirectory } from './service-directory.js';

if (!customElements.get('opd-service-directory')) {
  customElements.define('opd-service-directory', OpdServiceDirectory);
}

export { OpdServiceDirectory };

declare global {
  interface HTMLElementTagNameMap {
    'opd-service-directory': OpdServiceDirectory;
  }
}
