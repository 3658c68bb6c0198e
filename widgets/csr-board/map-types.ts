/**
 * What `<opd-csr-board>` and its lazily loaded programme map (`map-layer.ts`, with Leaflet)
 * say to each other, kept apart so the board's own chunk names these types and the field
 * colours without importing Leaflet.
 *
 * @module
 */

/** One programme as the map draws it: a dot at its point, coloured by its field. */
export interface MapProgram {
  id: number;
  title: string;
  field: string;
  /** `[longitude, latitude]`, as the API gives it. */
  point: readonly [number, number];
}

/** What the board gives the map when it makes it. */
export interface ProgramMapOptions {
  /** The element Leaflet fills (sized by the board's styles). */
  container: HTMLElement;
  /** A field's fill colour (a CSS colour). */
  colour(field: string): string;
  /** An optional tile URL template (`https://tile.openstreetmap.org/{z}/{x}/{y}.png`); without one the map is a plain background. */
  tiles?: string;
  /** The tiles' attribution (HTML, as Leaflet shows it). */
  attribution?: string;
  /** The zoom buttons' titles, in the board's language. */
  zoomInTitle: string;
  zoomOutTitle: string;
  /** A click on one dot or more (dots of one desa sit on one point): the programmes under it, top first. */
  onPick(programs: MapProgram[]): void;
}

/** The map as the board drives it. */
export interface ProgramMap {
  /** Draws these programmes (replacing what was drawn) and zooms to them. */
  show(programs: readonly MapProgram[]): void;
  /** Call when the container changed size or was shown again. */
  resize(): void;
  /** Removes the map and everything it listens to. */
  destroy(): void;
}

/**
 * The fields' colours, in the OPD's field order (a ninth field takes the first again): the
 * Okabe–Ito colours, told apart with the common colour-vision deficiencies, each dot outlined
 * in dark so it stands out from the map's light background. The legend names every colour.
 */
export const FIELD_COLOURS: readonly string[] = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#f0e442', '#6e6e6e'];
