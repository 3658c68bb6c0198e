/**
 * The events `<opd-road-summary>` emits besides the kit's `opd-error`, merged into the kit's
 * `OpdEventMap` (`widgets/shared/events.ts`).
 *
 * @module
 */

/** `opd-condition-loaded`: the road board shows a survey year's condition. */
export interface OpdConditionLoadedDetail {
  /** The OPD whose roads these are, e.g. `dinas-pupr`. */
  opd: string;
  /** The survey year shown. */
  year: number;
  /** Its kemantapan in percent (two decimals). */
  kemantapan: number;
  /** The target measured against, in percent, or `null` without one. */
  targetPercent: number | null;
  /** The km that must still become steady to reach it (0 when met, `null` without a target). */
  kmToTarget: number | null;
}

declare module '../shared/events.js' {
  interface OpdEventMap {
    'opd-condition-loaded': OpdConditionLoadedDetail;
  }
}
