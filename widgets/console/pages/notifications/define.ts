/**
 * Registers `<opd-console-notifications>`, a page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdConsoleNotifications } from './notifications.js';

if (!customElements.get('opd-console-notifications')) {
  customElements.define('opd-console-notifications', OpdConsoleNotifications);
}

export { OpdConsoleNotifications };

declare global {
  interface HTMLElementTagNameMap {
    'opd-console-notifications': OpdConsoleNotifications;
  }
}
