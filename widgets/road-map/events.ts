/**
 * The events `<opd-road-map>` emits besides the kit's `opd-error`, merged into the kit's
 * `OpdEventMap` (`widgets/shared/events.ts`).
 *
 * @module
 */
import type { ConditionClass } from '../../src/schemas/roads.js';

/** `opd-segment-select`: a citizen opened a segment's details (on the map or in the list). */
export interface OpdSegmentSelectDetail {
  /** The segment's number in the regent's decree. */
  number: string;
  /** Its name. */
  name: string;
  /** Its dominant condition class, or null without a survey. */
  condition: ConditionClass | null;
  /** Where it was opened: a click on the map, the map's keyboard, or the list. */
  source: 'map' | 'keyboard' | 'list';
}

/** `opd-map-drawn`: the map has painted the network for the first time. */
export interface OpdMapDrawnDetail {
  /** The segments drawn (those with a geometry that pass the filters). */
  segments: number;
  /** Milliseconds from handing the data to the map layer to the first paint. */
  milliseconds: number;
}

/** `opd-report-submitted`: a citizen filed a damage report from the map. */
export interface OpdReportSubmittedDetail {
  /** Its tracking number (Open311's `service_request_id`). */
  id: string;
  /** The decree number of the segment it was matched to (within 200 m), or null. */
  segment: string | null;
}

declare module '../shared/events.js' {
  interface OpdEventMap {
    'opd-segment-select': OpdSegmentSelectDetail;
    'opd-map-drawn': OpdMapDrawnDetail;
    'opd-report-submitted': OpdReportSubmittedDetail;
  }
}
