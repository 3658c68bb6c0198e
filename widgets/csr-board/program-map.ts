/**
 * The programme map of `<opd-csr-board>`: Leaflet 1.9 with its Canvas renderer, a dot per
 * programme with a point, coloured by field, no tiles unless asked (a plain background then).
 * The board's map view (`map-view.ts`, which imports this module) is fetched with `import()`
 * only when the reader opens the map, so Leaflet and these files are chunks of their own that
 * a page reading the list never fetches;
 * Leaflet itself, and its rules for a shadow root (`../road-map/leaflet.styles.ts`), are the
 * road map's: a page with both fetches them once.
 *
 * A click is matched to the dots within a few pixels of it here, rather than by Leaflet's
 * hit-testing, so that the programmes of one desa (one point) are all found, not only the
 * one painted on top.
 *
 * @module
 */
import { canvas, circleMarker, control, latLngBounds, map as leafletMap, tileLayer, type CircleMarker, type LatLngTuple, type LeafletMouseEvent } from 'leaflet/dist/leaflet-src.esm.js';
import type { MapProgram, ProgramMap, ProgramMapOptions } from './map-types.js';

/** A dot's radius, and how far (in CSS pixels) beyond it a click still picks it. */
const RADIUS = 7;
const PICK_TOLERANCE = 5;

/** Makes the map in `options.container`; nothing is drawn until {@link ProgramMap.show}. */
export function createProgramMap(options: ProgramMapOptions): ProgramMap {
  const renderer = canvas({ padding: 0.25, tolerance: 0 });
  const map = leafletMap(options.container, { renderer, preferCanvas: true, keyboard: false, attributionControl: false, zoomControl: false, zoomSnap: 0.25, fadeAnimation: false });
  map.addControl(control.zoom({ zoomInTitle: options.zoomInTitle, zoomOutTitle: options.zoomOutTitle }));
  if (options.tiles) {
    map.addControl(control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }));
    tileLayer(options.tiles, { attribution: options.attribution ?? '', maxZoom: 19 }).addTo(map);
  }

  let dots: CircleMarker[] = [];
  let shown: readonly MapProgram[] = [];

  /** The programmes whose dot is under a container point, top (last drawn) first. */
  const under = (x: number, y: number): MapProgram[] => {
    const reach = (RADIUS + PICK_TOLERANCE) ** 2;
    return shown
      .filter((p) => {
        const at = map.latLngToContainerPoint([p.point[1], p.point[0]]);
        return (at.x - x) ** 2 + (at.y - y) ** 2 <= reach;
      })
      .reverse();
  };
  const onClick = (event: LeafletMouseEvent): void => {
    const found = under(event.containerPoint.x, event.containerPoint.y);
    if (found.length > 0) options.onPick(found);
  };
  const onMove = (event: LeafletMouseEvent): void => {
    options.container.classList.toggle('map--over', under(event.containerPoint.x, event.containerPoint.y).length > 0);
  };
  map.on('click', onClick);
  map.on('mousemove', onMove);

  return {
    show(programs) {
      for (const dot of dots) dot.remove();
      shown = programs;
      const points: LatLngTuple[] = programs.map((p) => [p.point[1], p.point[0]]);
      dots = programs.map((p, i) =>
        circleMarker(points[i]!, { renderer, radius: RADIUS, color: '#1b1f24', weight: 1.5, opacity: 1, fillColor: options.colour(p.field), fillOpacity: 1, interactive: false }).addTo(map),
      );
      // The regency's programmes, or (none with a point) Indonesia, so the zoom buttons still work.
      const box = points.length > 0 ? latLngBounds(points) : latLngBounds([[-11, 95], [6, 141]]);
      map.fitBounds(box.pad(0.05), { padding: [24, 24], animate: false, maxZoom: 13 });
    },
    resize() {
      map.invalidateSize({ animate: false });
    },
    destroy() {
      map.off('click', onClick);
      map.off('mousemove', onMove);
      map.remove();
    },
  };
}
