/**
 * Registers `<opd-satisfaction-index>`. Importing it twice, or after another copy of opd-kit
 * defined the tag, does nothing.
 *
 * @module
 */
import { OpdSatisfactionIndex } from './satisfaction-index.js';

if (!customElements.get('opd-satisfaction-index')) {
  customElements.define('opd-satisfaction-index', OpdSatisfactionIndex);
}

export { OpdSatisfactionIndex };

declare global {
  interface HTMLElementTagNameMap {
    'opd-satisfaction-index': OpdSatisfactionIndex;
  }
}
