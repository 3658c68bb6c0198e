/**
 * The part of Leaflet 1.9's ES module build (`leaflet/dist/leaflet-src.esm.js`) the road map
 * calls, typed by hand: Leaflet ships no types, and the map layer is the one place of the
 * widgets that imports it (lazily). Only what `map-layer.ts` and the road-map benchmark's
 * plain-Leaflet peer (`bench/entries/road-map.ts`) use is declared.
 */
declare module 'leaflet/dist/leaflet-src.esm.js' {
  /** `[latitude, longitude]`, as Leaflet takes a position. */
  export type LatLngTuple = [number, number];

  export interface LatLng {
    lat: number;
    lng: number;
  }

  export interface Point {
    x: number;
    y: number;
  }

  export interface LatLngBounds {
    isValid(): boolean;
    pad(ratio: number): LatLngBounds;
    contains(latlng: LatLng | LatLngTuple): boolean;
  }

  export interface Evented {
    on(type: string, handler: (event: never) => void): this;
    off(type: string, handler?: (event: never) => void): this;
  }

  export interface Layer extends Evented {
    addTo(map: LeafletMap): this;
    remove(): this;
  }

  export interface PathOptions {
    color?: string;
    weight?: number;
    opacity?: number;
    lineCap?: string;
    lineJoin?: string;
    interactive?: boolean;
    smoothFactor?: number;
    renderer?: Renderer;
    bubblingMouseEvents?: boolean;
  }

  export interface Polyline extends Layer {
    setLatLngs(latlngs: LatLngTuple[][]): this;
    setStyle(style: PathOptions): this;
    bringToFront(): this;
  }

  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface Renderer extends Layer {}

  export interface Control extends Layer {
    addAttribution(text: string): this;
  }

  export interface MapOptions {
    renderer?: Renderer;
    preferCanvas?: boolean;
    keyboard?: boolean;
    attributionControl?: boolean;
    zoomControl?: boolean;
    zoomSnap?: number;
    zoomDelta?: number;
    minZoom?: number;
    maxZoom?: number;
    fadeAnimation?: boolean;
    zoomAnimation?: boolean;
    markerZoomAnimation?: boolean;
  }

  export interface LeafletMouseEvent {
    latlng: LatLng;
    containerPoint: Point;
    originalEvent: MouseEvent;
  }

  export interface LeafletMap extends Evented {
    fitBounds(bounds: LatLngBounds, options?: { padding?: [number, number]; animate?: boolean; maxZoom?: number }): this;
    panInside(latlng: LatLngTuple, options?: { padding?: [number, number]; animate?: boolean }): this;
    invalidateSize(options?: { animate?: boolean }): this;
    latLngToContainerPoint(latlng: LatLngTuple): Point;
    containerPointToLatLng(point: [number, number]): LatLng;
    getBounds(): LatLngBounds;
    getZoom(): number;
    zoomIn(delta?: number): this;
    zoomOut(delta?: number): this;
    remove(): this;
    addControl(control: Control): this;
    whenReady(callback: () => void): this;
  }

  export interface GeoJSONLayer extends Layer {
    getBounds(): LatLngBounds;
  }

  export function geoJSON(data: unknown, options?: { style?: (feature: unknown) => PathOptions }): GeoJSONLayer;
  export function map(element: HTMLElement, options?: MapOptions): LeafletMap;
  export function canvas(options?: { padding?: number; tolerance?: number }): Renderer;
  export function svg(options?: { padding?: number }): Renderer;
  export function polyline(latlngs: LatLngTuple[][] | LatLngTuple[], options?: PathOptions): Polyline;
  export interface CircleMarker extends Layer {
    setLatLng(latlng: LatLngTuple): this;
  }

  export function circleMarker(
    latlng: LatLngTuple,
    options?: PathOptions & { radius?: number; fillColor?: string; fillOpacity?: number },
  ): CircleMarker;
  export function tileLayer(template: string, options?: { attribution?: string; maxZoom?: number }): Layer;
  export function latLngBounds(corners: LatLngTuple[]): LatLngBounds;
  export const control: {
    zoom(options?: { position?: string; zoomInTitle?: string; zoomOutTitle?: string; zoomInText?: string; zoomOutText?: string }): Control;
    attribution(options?: { prefix?: string | false; position?: string }): Control;
  };
  export const version: string;
}
