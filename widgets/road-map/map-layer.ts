/**
 * The map of `<opd-road-map>`: Leaflet 1.9 with its Canvas renderer, no tiles unless asked.
 * The widget imports this module with `import()` only when a map is on the page and visible,
 * so Leaflet (and this file) is a chunk of its own that a page without a map never fetches.
 *
 * How 5,000 segments stay cheap to draw:
 *
 * - Not one Leaflet layer per segment: one polyline per condition class holding many lines
 *   (Leaflet's multi-polyline), so the Canvas renderer strokes a handful of paths instead of
 *   thousands, and Leaflet keeps a handful of layers to project and clip on every zoom.
 * - Those polylines are cut at {@link POINTS_PER_PART} positions and added one per task, the
 *   page yielding between them (and between batches of the GeoJSON's conversion, and after
 *   fitting the view), so no task of the first paint is long (the browser can handle input in
 *   between); a later {@link MapLayer.show} drops an unfinished one.
 * - A click is matched to a segment here, from each segment's box and then its lines in screen
 *   pixels, rather than by Leaflet's hit-testing of every path.
 *
 * @module
 */
import {
  canvas,
  circleMarker,
  control,
  latLngBounds,
  map as leafletMap,
  polyline,
  tileLayer,
  type CircleMarker,
  type LatLngTuple,
  type LeafletMouseEvent,
  type Polyline,
} from 'leaflet/dist/leaflet-src.esm.js';
import { leafletStyles } from './leaflet.styles.js';
import type { MapLayer, MapLayerOptions, MapSegment, SegmentClass } from './layer-types.js';

/**
 * The order classes are painted in: best first, worst last, on top where lines cross. Written
 * here rather than imported from the widget's `SEGMENT_CLASSES` (the same order): a value this
 * lazy chunk imported from the widget's chunk would make that chunk export it, and Rollup would
 * then no longer name the widget's CDN chunk after the widget.
 */
const DRAW_ORDER: readonly SegmentClass[] = ['baik', 'sedang', 'rusakRingan', 'rusakBerat', 'none'];

export { leafletStyles };

/** The most positions one polyline is given, so adding one is a short task. */
export const POINTS_PER_PART = 6000;

/** Segments converted from GeoJSON per task. */
const PREPARE_PER_TASK = 1000;

/** How far (in CSS pixels) from a line a click still picks it. */
const PICK_TOLERANCE = 8;

/** Stroke width of a segment, and of the selected one with its casing. */
const WEIGHT = 3;
const SELECTED_WEIGHT = 6;
const CASING_WEIGHT = 10;

/** A segment ready to draw: Leaflet's `[lat, lng]` lines and its box. */
interface Prepared {
  number: string;
  kind: SegmentClass;
  lines: LatLngTuple[][];
  points: number;
  south: number;
  west: number;
  north: number;
  east: number;
}

/** `[lon, lat]` GeoJSON lines as Leaflet's `[lat, lon]`, with their box; null without geometry. */
function prepare(segment: MapSegment): Prepared | null {
  const geometry = segment.geometry;
  if (!geometry) return null;
  const source = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  let points = 0;
  const lines: LatLngTuple[][] = [];
  for (const line of source) {
    if (line.length < 2) continue;
    const out: LatLngTuple[] = new Array(line.length);
    for (let i = 0; i < line.length; i++) {
      const position = line[i]!;
      const lon = position[0];
      const lat = position[1];
      out[i] = [lat, lon];
      if (lat < south) south = lat;
      if (lat > north) north = lat;
      if (lon < west) west = lon;
      if (lon > east) east = lon;
    }
    points += line.length;
    lines.push(out);
  }
  if (lines.length === 0) return null;
  return { number: segment.number, kind: segment.kind, lines, points, south, west, north, east };
}

/**
 * Lets the browser run whatever waits (input, a paint) before the next part: `scheduler.yield()`
 * where there is one (its continuation goes ahead of other scripts' tasks, so the draw is not
 * pushed back by them), else a message (not clamped to 4 ms the way nested timeouts are).
 */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(undefined);
  });
}

/** Resolves once the frame after this moment has been painted. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => void yieldToPage().then(resolve)));
}

/** Squared distance from `p` to the segment `a`–`b` (screen pixels). */
function distanceSquared(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  let t = length === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / length;
  t = Math.max(0, Math.min(1, t));
  const x = ax + t * dx - px;
  const y = ay + t * dy - py;
  return x * x + y * y;
}

/**
 * Makes the map in `options.container` and returns its controls. Nothing is drawn until
 * {@link MapLayer.show}.
 */
export function createMapLayer(options: MapLayerOptions): MapLayer {
  const renderer = canvas({ padding: 0.25, tolerance: 0 });
  const map = leafletMap(options.container, {
    renderer,
    preferCanvas: true,
    // The widget's own keyboard model (arrows move between segments) replaces Leaflet's panning keys.
    keyboard: false,
    attributionControl: false,
    zoomControl: false,
    zoomSnap: 0.25,
    fadeAnimation: false,
  });
  map.addControl(control.zoom({ zoomInTitle: options.zoomInTitle, zoomOutTitle: options.zoomOutTitle }));
  if (options.tiles) {
    map.addControl(control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }));
    tileLayer(options.tiles, { attribution: options.attribution ?? '', maxZoom: 19 }).addTo(map);
  }

  let parts: Polyline[] = [];
  let shown: Prepared[] = [];
  const byNumber = new Map<string, Prepared>();
  let selected: Polyline[] = [];
  let selectedNumber: string | null = null;
  let generation = 0;
  let drawnOnce = false;
  let pin: CircleMarker | null = null;

  const style = (kind: SegmentClass, weight: number) => ({
    renderer,
    color: options.colours[kind],
    weight,
    opacity: 1,
    lineCap: 'round',
    lineJoin: 'round',
    interactive: false,
    smoothFactor: 1,
  });

  const drawSelection = (): void => {
    for (const layer of selected) layer.remove();
    selected = [];
    const segment = selectedNumber ? byNumber.get(selectedNumber) : undefined;
    if (!segment) return;
    selected = [
      polyline(segment.lines, { ...style(segment.kind, CASING_WEIGHT), color: options.highlight }).addTo(map),
      polyline(segment.lines, style(segment.kind, SELECTED_WEIGHT)).addTo(map),
    ];
  };

  const onClick = (event: LeafletMouseEvent): void => {
    const { x, y } = event.containerPoint;
    // The tolerance in degrees at this zoom, to skip every segment whose box is farther away.
    const corner = map.containerPointToLatLng([x + PICK_TOLERANCE, y + PICK_TOLERANCE]);
    const dLat = Math.abs(corner.lat - event.latlng.lat);
    const dLng = Math.abs(corner.lng - event.latlng.lng);
    const { lat, lng } = event.latlng;
    // Nearest line within the tolerance; on the stroke itself, the class painted on top (the worse).
    let best: Prepared | null = null;
    let bestScore = Infinity;
    const onStroke = (WEIGHT / 2 + 1) ** 2;
    const limit = PICK_TOLERANCE * PICK_TOLERANCE;
    for (const segment of shown) {
      if (lat < segment.south - dLat || lat > segment.north + dLat || lng < segment.west - dLng || lng > segment.east + dLng) continue;
      let nearest = Infinity;
      for (const line of segment.lines) {
        let previous = map.latLngToContainerPoint(line[0]!);
        for (let i = 1; i < line.length; i++) {
          const next = map.latLngToContainerPoint(line[i]!);
          nearest = Math.min(nearest, distanceSquared(x, y, previous.x, previous.y, next.x, next.y));
          previous = next;
        }
      }
      if (nearest > limit) continue;
      // Lines under the pointer rank by drawing order (top first), then the rest by distance.
      const score = nearest <= onStroke ? -DRAW_ORDER.indexOf(segment.kind) - 1 : nearest;
      if (score < bestScore) {
        bestScore = score;
        best = segment;
      }
    }
    options.onPick(best ? best.number : null, { lat, lng });
  };
  map.on('click', onClick);

  return {
    async show(segments, fit) {
      const started = performance.now();
      const run = ++generation;
      for (const part of parts) part.remove();
      parts = [];
      shown = [];
      byNumber.clear();
      let south = Infinity;
      let west = Infinity;
      let north = -Infinity;
      let east = -Infinity;
      const byKind = new Map<SegmentClass, Prepared[]>();
      for (let index = 0; index < segments.length; index++) {
        // Converting some 100,000 positions is itself a task worth cutting.
        if (index > 0 && index % PREPARE_PER_TASK === 0) {
          await yieldToPage();
          if (run !== generation) return;
        }
        const ready = prepare(segments[index]!);
        if (!ready) continue;
        shown.push(ready);
        byNumber.set(ready.number, ready);
        south = Math.min(south, ready.south);
        west = Math.min(west, ready.west);
        north = Math.max(north, ready.north);
        east = Math.max(east, ready.east);
        const list = byKind.get(ready.kind) ?? [];
        list.push(ready);
        byKind.set(ready.kind, list);
      }
      if (fit && shown.length > 0) {
        map.fitBounds(latLngBounds([[south, west], [north, east]]), { padding: [12, 12], animate: false });
      } else if (fit) {
        // Nothing to show: a view still, so the zoom buttons work (the regency's middle is unknown here).
        map.fitBounds(latLngBounds([[-11, 95], [6, 141]]), { animate: false });
      }
      drawSelection();
      // Fitting the view makes Leaflet lay out its panes: the first part waits for the next task.
      await yieldToPage();
      if (run !== generation) return;
      // Best first, worst last: damaged roads are painted on top where lines cross.
      for (const kind of DRAW_ORDER) {
        const list = byKind.get(kind);
        if (!list) continue;
        let lines: LatLngTuple[][] = [];
        let points = 0;
        const flush = async (): Promise<boolean> => {
          if (lines.length === 0) return true;
          parts.push(polyline(lines, style(kind, WEIGHT)).addTo(map));
          lines = [];
          points = 0;
          await yieldToPage();
          return run === generation;
        };
        for (const segment of list) {
          for (const line of segment.lines) lines.push(line);
          points += segment.points;
          if (points >= POINTS_PER_PART && !(await flush())) return;
        }
        if (!(await flush())) return;
      }
      // The selection on top of the lines again.
      for (const layer of selected) layer.bringToFront();
      await afterPaint();
      if (run !== generation || drawnOnce) return;
      drawnOnce = true;
      options.onDrawn?.(performance.now() - started);
    },
    select(number, reveal) {
      selectedNumber = number;
      drawSelection();
      const segment = number ? byNumber.get(number) : undefined;
      if (!segment || !reveal) return;
      const box = latLngBounds([[segment.south, segment.west], [segment.north, segment.east]]);
      const view = map.getBounds();
      if (view.contains([segment.south, segment.west]) && view.contains([segment.north, segment.east])) return;
      const middle = segment.lines[0]![Math.floor(segment.lines[0]!.length / 2)]!;
      if (box.isValid()) map.panInside(middle, { padding: [24, 24], animate: false });
    },
    setPin(position) {
      pin?.remove();
      pin = position
        ? circleMarker([position.lat, position.lng], {
            renderer,
            radius: 9,
            color: options.highlight,
            weight: 4,
            fillColor: '#ffffff',
            fillOpacity: 1,
            interactive: false,
          }).addTo(map)
        : null;
      if (position && !map.getBounds().contains([position.lat, position.lng])) map.panInside([position.lat, position.lng], { animate: false });
    },
    zoom(direction) {
      if (direction > 0) map.zoomIn();
      else map.zoomOut();
    },
    resize() {
      map.invalidateSize({ animate: false });
    },
    destroy() {
      generation++;
      map.off('click', onClick);
      map.remove();
    },
  };
}
