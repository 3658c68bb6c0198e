/**
 * Registers `<opd-innovation-list>`. Importing it twice, or after another copy of opd-kit
 * defined the tag, does nothing.
 *
 * @module
 */
import { OpdInnovationList } from './innovation-list.js';

if (!customElements.get('opd-innovation-list')) {
  customElements.define('opd-innovation-list', OpdInnovationList);
}

export { OpdInnovationList };

declare global {
  interface HTMLElementTagNameMap {
    'opd-innovation-list': OpdInnovationList;
  }
}
