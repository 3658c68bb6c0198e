/**
 * Registers `<opd-road-data>`, Perjaka's road data page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdRoadData } from './road-data.js';

if (!customElements.get('opd-road-data')) {
  customElements.define('opd-road-data', OpdRoadData);
}

export { OpdRoadData };

declare global {
  interface HTMLElementTagNameMap {
    'opd-road-data': OpdRoadData;
  }
}
