/**
 * What `<opd-road-map>` and its lazily loaded map layer (`map-layer.ts`, with Leaflet) say to
 * each other, kept apart so the widget's own chunk names these types without importing Leaflet.
 *
 * @module
 */
import type { ConditionClass, RoadGeometry } from '../../src/schemas/roads.js';

/** A segment's colour class: its dominant condition, or `none` for a segment without a survey. */
export type SegmentClass = ConditionClass | 'none';

/** The classes in the order they are drawn (worst last, on top) and listed (best first). */
export const SEGMENT_CLASSES: readonly SegmentClass[] = ['baik', 'sedang', 'rusakRingan', 'rusakBerat', 'none'];

/** One segment as the map draws it. */
export interface MapSegment {
  /** The decree number, the segment's identity. */
  number: string;
  /** Its colour class. */
  kind: SegmentClass;
  /** GeoJSON geometry, `[longitude, latitude]` positions; null for a segment not mapped yet. */
  geometry: RoadGeometry | null;
}

/** What the widget gives the layer when it makes it. */
export interface MapLayerOptions {
  /** The element Leaflet fills (sized by the widget's styles). */
  container: HTMLElement;
  /** The stroke colour of each class, as CSS colours. */
  colours: Readonly<Record<SegmentClass, string>>;
  /** The colour drawn around the selected segment. */
  highlight: string;
  /** An optional tile URL template (`https://tile.openstreetmap.org/{z}/{x}/{y}.png`). */
  tiles?: string;
  /** The tiles' attribution (HTML, as Leaflet shows it). */
  attribution?: string;
  /** The zoom buttons' titles, in the widget's language. */
  zoomInTitle: string;
  zoomOutTitle: string;
  /** A click on the map: the segment on (or within a few pixels of) it, `null` for none, and where. */
  onPick(number: string | null, position: { lat: number; lng: number }): void;
  /** The first time the segments have been painted, with the time since {@link MapLayer.show} began. */
  onDrawn?(milliseconds: number): void;
}

/** The map layer as the widget drives it. */
export interface MapLayer {
  /** Draws these segments (replacing what was drawn); `fit` zooms to their extent. */
  show(segments: readonly MapSegment[], fit: boolean): Promise<void>;
  /** Highlights a segment (or none); `reveal` pans the map so it is in view. */
  select(number: string | null, reveal: boolean): void;
  /** Shows the report's pin at `position`, or removes it (`null`). */
  setPin(position: { lat: number; lng: number } | null): void;
  /** Zooms in (`1`) or out (`-1`) one step. */
  zoom(direction: 1 | -1): void;
  /** Call when the container changed size or was shown again. */
  resize(): void;
  /** Removes the map and everything it listens to. */
  destroy(): void;
}
