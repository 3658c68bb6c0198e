/**
 * Registers `<opd-road-summary>`. Importing it twice, or after another copy of opd-kit defined
 * the tag, does nothing.
 *
 * @module
 */
import { OpdRoadSummary } from './road-summary.js';

if (!customElements.get('opd-road-summary')) {
  customElements.define('opd-road-summary', OpdRoadSummary);
}

export { OpdRoadSummary };

declare global {
  interface HTMLElementTagNameMap {
    'opd-road-summary': OpdRoadSummary;
  }
}
