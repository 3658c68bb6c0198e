/**
 * Registers `<opd-console-audit>`, a page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdConsoleAudit } from './audit.js';

if (!customElements.get('opd-console-audit')) {
  customElements.define('opd-console-audit', OpdConsoleAudit);
}

export { OpdConsoleAudit };

declare global {
  interface HTMLElementTagNameMap {
    'opd-console-audit': OpdConsoleAudit;
  }
}
