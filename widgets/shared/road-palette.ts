/**
 * The road condition palette every road widget draws with (`<opd-road-summary>`'s bars,
 * `<opd-road-map>`'s lines and legend), so a class has one colour across the board and the map.
 * A host page sets them on the element or any ancestor:
 *
 * ```css
 * opd-road-summary, opd-road-map { --opd-road-baik: #00507a; --opd-road-rusak-berat: #6b1d00; }
 * ```
 *
 * | class | property | default | on white |
 * |---|---|---|---|
 * | Baik | `--opd-road-baik` | `#1d5fa6` dark blue | 6.5:1 |
 * | Sedang | `--opd-road-sedang` | `#3a86c8` light blue | 3.9:1 |
 * | Rusak Ringan | `--opd-road-rusak-ringan` | `#d95f02` orange | 3.8:1 |
 * | Rusak Berat | `--opd-road-rusak-berat` | `#8c2d04` dark brown-red | 8.4:1 |
 *
 * Why these: the steady classes are blues and the damaged ones oranges, the one axis of colour
 * that red–green colour blindness (deuteranopia, protanopia; about 1 in 12 men) keeps, and within
 * each side the two differ in lightness, so the four stay apart in greyscale too. Each has at
 * least 3:1 against white (WCAG 1.4.11, graphics), so a thin line on an empty map still shows.
 * Colour is never the only carrier: every widget writes the class's name beside it.
 *
 * The kit knows no module, so the classes are named here by their own keys (the same as the
 * Perjaka schemas' `conditionClasses`).
 *
 * @module
 */
import { css } from 'lit';

/** The four condition classes, from good to bad, as the palette names them. */
export const ROAD_CLASSES = ['baik', 'sedang', 'rusakRingan', 'rusakBerat'] as const;

/** A condition class, see {@link ROAD_CLASSES}. */
export type RoadClass = (typeof ROAD_CLASSES)[number];

/** Each class's default colour (what the custom properties fall back to), for a canvas that cannot read `var()`. */
export const ROAD_PALETTE: Readonly<Record<RoadClass, string>> = {
  baik: '#1d5fa6',
  sedang: '#3a86c8',
  rusakRingan: '#d95f02',
  rusakBerat: '#8c2d04',
};

/** The custom property a host page sets for each class: `--opd-road-baik`, `--opd-road-rusak-ringan`, … */
export const ROAD_PROPERTIES: Readonly<Record<RoadClass, string>> = {
  baik: '--opd-road-baik',
  sedang: '--opd-road-sedang',
  rusakRingan: '--opd-road-rusak-ringan',
  rusakBerat: '--opd-road-rusak-berat',
};

/**
 * The palette as the widget's private properties: `--_road-baik` … with the host page's
 * `--opd-road-*` or the default. Add it to a widget's `styles`, and colour with
 * `fill: var(--_road-baik)` or the classes `.road--baik` … (which set `--_road` for `fill`,
 * `stroke` or `background: var(--_road)`).
 */
export const roadPaletteStyles = css`
  :host {
    --_road-baik: var(--opd-road-baik, #1d5fa6);
    --_road-sedang: var(--opd-road-sedang, #3a86c8);
    --_road-rusak-ringan: var(--opd-road-rusak-ringan, #d95f02);
    --_road-rusak-berat: var(--opd-road-rusak-berat, #8c2d04);
  }
  .road--baik { --_road: var(--_road-baik) }
  .road--sedang { --_road: var(--_road-sedang) }
  .road--rusakRingan { --_road: var(--_road-rusak-ringan) }
  .road--rusakBerat { --_road: var(--_road-rusak-berat) }
`;

/**
 * The colour a class has on `element` now: the host page's `--opd-road-*` where set, else the
 * default; for drawing on a canvas, which cannot read custom properties itself.
 */
export function roadColor(element: Element, roadClass: RoadClass): string {
  const set = getComputedStyle(element).getPropertyValue(ROAD_PROPERTIES[roadClass]).trim();
  return set || ROAD_PALETTE[roadClass];
}
