/**
 * Registers `<opd-console-rollout>`, a page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdConsoleRollout } from './rollout.js';

if (!customElements.get('opd-console-rollout')) {
  customElements.define('opd-console-rollout', OpdConsoleRollout);
}

export { OpdConsoleRollout };

declare global {
  interface HTMLElementTagNameMap {
    'opd-console-rollout': OpdConsoleRollout;
  }
}
