/**
 * Registers `<opd-console-holidays>`, a page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdConsoleHolidays } from './holidays.js';

if (!customElements.get('opd-console-holidays')) {
  customElements.define('opd-console-holidays', OpdConsoleHolidays);
}

export { OpdConsoleHolidays };

declare global {
  interface HTMLElementTagNameMap {
    'opd-console-holidays': OpdConsoleHolidays;
  }
}
