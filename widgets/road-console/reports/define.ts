/**
 * Registers `<opd-road-reports>`, Perjaka's road reports page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdRoadReports } from './road-reports.js';

if (!customElements.get('opd-road-reports')) {
  customElements.define('opd-road-reports', OpdRoadReports);
}

export { OpdRoadReports };

declare global {
  interface HTMLElementTagNameMap {
    'opd-road-reports': OpdRoadReports;
  }
}
