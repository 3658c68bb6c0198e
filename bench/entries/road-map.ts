/**
 * Browser-benchmark entry of the road map (bench/sections/road-map.ts): draws a network that
 * is already in the page, either with `<opd-road-map>`'s own map layer (`widgets/road-map/map-layer.ts`,
 * the code the widget runs once its data has arrived) or with plain Leaflet 1.9 as its
 * documentation shows it (`L.geoJSON` with a style per feature, SVG or Canvas renderer, fitted
 * to the data's bounds). The same Leaflet module serves both; no tiles for either.
 *
 * Timing, the same for all three: `performance.now()` before the first call with the data,
 * and again once the frame after the last of the drawing has been painted (a
 * `requestAnimationFrame`, then a message: it runs after that frame's paint).
 *
 * @module
 */
import { canvas, geoJSON, map as leafletMap, svg } from 'leaflet/dist/leaflet-src.esm.js';
import { leafletStyles } from '../../widgets/road-map/leaflet.styles.js';
import { createMapLayer } from '../../widgets/road-map/map-layer.js';
import type { MapSegment, SegmentClass } from '../../widgets/road-map/layer-types.js';
import { ROAD_COLOURS } from '../../widgets/road-map/road-map.styles.js';

/** What each run hands back to the bench. */
export interface DrawResult {
  /** Milliseconds from the data in hand to the first paint of every line. */
  drawMs: number;
  /** The segments drawn. */
  segments: number;
}

/** One GeoJSON feature as the bench writes them (the API's shape, fewer properties). */
interface Feature {
  type: 'Feature';
  id: string;
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  properties: { number: string; dominant: SegmentClass };
}

const afterPaint = (): Promise<void> =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(undefined);
    }),
  );

/** Draws `features` in `container` with opd-kit's map layer. */
export async function drawWithOpdKit(container: HTMLElement, features: Feature[]): Promise<DrawResult> {
  const sheet = leafletStyles.styleSheet;
  if (sheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const started = performance.now();
  const layer = createMapLayer({
    container,
    colours: ROAD_COLOURS,
    highlight: '#1b1f24',
    zoomInTitle: 'Perbesar',
    zoomOutTitle: 'Perkecil',
    onPick: () => undefined,
  });
  // What the widget does with the API's features: its number, class and geometry.
  const segments: MapSegment[] = features.map((feature) => ({ number: feature.properties.number, kind: feature.properties.dominant, geometry: feature.geometry }));
  await layer.show(segments, true);
  return { drawMs: performance.now() - started, segments: segments.length };
}

/** Draws `features` in `container` with plain Leaflet, one layer per feature. */
export async function drawWithLeaflet(container: HTMLElement, features: Feature[], renderer: 'svg' | 'canvas'): Promise<DrawResult> {
  const started = performance.now();
  const map = leafletMap(container, { renderer: renderer === 'svg' ? svg() : canvas() });
  const layer = geoJSON({ type: 'FeatureCollection', features }, {
    style: (feature) => ({ color: ROAD_COLOURS[(feature as Feature).properties.dominant], weight: 3 }),
  }).addTo(map);
  map.fitBounds(layer.getBounds(), { padding: [12, 12], animate: false });
  await afterPaint();
  return { drawMs: performance.now() - started, segments: features.length };
}
