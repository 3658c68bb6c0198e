/**
 * Registers `<opd-console-webhooks>`, a page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdConsoleWebhooks } from './webhooks.js';

if (!customElements.get('opd-console-webhooks')) {
  customElements.define('opd-console-webhooks', OpdConsoleWebhooks);
}

export { OpdConsoleWebhooks };

declare global {
  interface HTMLElementTagNameMap {
    'opd-console-webhooks': OpdConsoleWebhooks;
  }
}
