/**
 * Registers `<opd-csr-board>`. Importing it twice, or after another copy of opd-kit defined
 * the tag, does nothing.
 *
 * @module
 */
import { OpdCsrBoard } from './csr-board.js';

if (!customElements.get('opd-csr-board')) {
  customElements.define('opd-csr-board', OpdCsrBoard);
}

export { OpdCsrBoard };

declare global {
  interface HTMLElementTagNameMap {
    'opd-csr-board': OpdCsrBoard;
  }
}
