/**
 * The rules Leaflet's panes, canvas, tiles and controls need, written for the shadow root of
 * `<opd-road-map>` (Leaflet's own `leaflet.css` is a page-wide stylesheet, and no rule of a
 * page reaches inside a shadow root). Only what the road map uses: panes, the canvas renderer,
 * tiles, the zoom and attribution controls; no markers, popups or box zoom. Sizes in `em`,
 * from the widget's `--opd-font-size`, like the rest of the widget. Shipped in the map layer's
 * lazy chunk with Leaflet, adopted into the shadow root when the map is first made.
 *
 * @module
 */
import { css } from 'lit';

/** Leaflet's layout inside the widget, in the widget's theme. */
export const leafletStyles = css`
  .leaflet-container { position: relative; overflow: hidden; margin: 0; padding: 0; font: inherit; line-height: 1.5; background: var(--_map-background); -webkit-tap-highlight-color: transparent; touch-action: none; outline-offset: 0 }
  .leaflet-container:focus-visible { outline: 0.1875em solid var(--_focus); box-shadow: inset 0 0 0 0.125em var(--_focus-text) }
  .leaflet-pane, .leaflet-tile, .leaflet-tile-container, .leaflet-pane > svg, .leaflet-pane > canvas, .leaflet-layer { position: absolute; left: 0; top: 0; margin: 0; padding: 0 }
  .leaflet-pane { z-index: 400 }
  .leaflet-tile-pane { z-index: 200 }
  .leaflet-overlay-pane { z-index: 400 }
  .leaflet-map-pane canvas { z-index: 100 }
  .leaflet-map-pane svg { z-index: 200 }
  .leaflet-container img.leaflet-tile, .leaflet-container .leaflet-overlay-pane svg { max-width: none !important; max-height: none !important; border: 0; padding: 0 }
  .leaflet-tile { visibility: hidden; user-select: none; -webkit-user-drag: none; filter: inherit }
  .leaflet-tile-loaded { visibility: inherit }
  .leaflet-zoom-animated { transform-origin: 0 0 }
  .leaflet-zoom-anim .leaflet-zoom-animated { transition: transform 0.25s cubic-bezier(0, 0, 0.25, 1) }
  .leaflet-zoom-anim .leaflet-tile, .leaflet-pan-anim .leaflet-tile { transition: none }
  .leaflet-zoom-anim .leaflet-zoom-hide { visibility: hidden }
  .leaflet-grab { cursor: grab }
  .leaflet-dragging .leaflet-grab { cursor: move }
  .leaflet-control-container .leaflet-top, .leaflet-control-container .leaflet-bottom { position: absolute; z-index: 1000; pointer-events: none }
  .leaflet-top { top: 0 }
  .leaflet-bottom { bottom: 0 }
  .leaflet-left { left: 0 }
  .leaflet-right { right: 0 }
  .leaflet-control { position: relative; z-index: 800; float: left; clear: both; pointer-events: auto }
  .leaflet-right .leaflet-control { float: right }
  .leaflet-top .leaflet-control { margin-top: 0.625em }
  .leaflet-left .leaflet-control { margin-left: 0.625em }
  .leaflet-bottom .leaflet-control { margin: 0 }
  .leaflet-control-zoom { display: block; border: 0.125em solid var(--_border); border-radius: var(--_radius); background: var(--_surface) }
  .leaflet-control-zoom a { display: block; width: 2.25em; height: 2.25em; line-height: 2.25em; margin: 0; text-align: center; font-size: 1.125em; font-weight: 700; color: var(--_text); background: var(--_surface); text-decoration: none; cursor: pointer }
  .leaflet-control-zoom a + a { border-top: 0.0625em solid var(--_border) }
  .leaflet-control-zoom a:hover { background: var(--_surface-alt) }
  .leaflet-control-zoom a:focus-visible { outline: 0.1875em solid var(--_focus); outline-offset: 0; color: var(--_focus-text); background: var(--_focus) }
  .leaflet-control-zoom a.leaflet-disabled { color: var(--_muted); cursor: default; background: var(--_surface-alt) }
  .leaflet-control-attribution { margin: 0; padding: 0 0.375em; font-size: 0.75em; color: var(--_text); background: rgba(255, 255, 255, 0.85) }
  .leaflet-control-attribution a { color: var(--_primary) }
  @media (forced-colors: active) {
    .leaflet-control-zoom, .leaflet-control-zoom a { border: 0.0625em solid CanvasText }
  }
`;
