/**
 * Registers `<opd-road-map>`. Importing it twice, or after another copy of opd-kit defined
 * the tag, does nothing. Leaflet is not part of this: the element imports its map layer (and
 * Leaflet with it) only when a map is on the page and visible.
 *
 * @module
 */
import { OpdRoadMap } from './road-map.js';

if (!customElements.get('opd-road-map')) {
  customElements.define('opd-road-map', OpdRoadMap);
}

export { OpdRoadMap };

declare global {
  interface HTMLElementTagNameMap {
    'opd-road-map': OpdRoadMap;
  }
}
