/**
 * The events `<opd-innovation-list>` emits besides the kit's `opd-error`, merged into the kit's
 * `OpdEventMap` (`widgets/shared/events.ts`).
 *
 * @module
 */

/** `opd-innovations-loaded`: the catalogue shows a page of results (the first of a search, or one more). */
export interface OpdInnovationsLoadedDetail {
  /** The words searched for, `''` for none. */
  q: string;
  /** The OPD filter (the `opd` attribute or the citizen's choice), `null` for every OPD. */
  opd: string | null;
  /** The form filter (`pelayanan-publik`, `tata-kelola`, `lainnya`), `null` for all. */
  type: string | null;
  /** The stage filter (`inisiatif`, `uji-coba`, `penerapan`), `null` for all. */
  stage: string | null;
  /** `true` for digital only, `false` for non-digital only, `null` for both. */
  digital: boolean | null;
  /** How many innovations match (every page). */
  total: number;
  /** How many are shown now. */
  shown: number;
}

/** `opd-innovation-opened`: the citizen opened an innovation's details. */
export interface OpdInnovationOpenedDetail {
  /** The innovation's id (`GET /api/v1/innovations/{id}`). */
  id: number;
  /** Its name. */
  name: string;
  /** The slug of its OPD. */
  opd: string;
}

declare module '../shared/events.js' {
  interface OpdEventMap {
    'opd-innovations-loaded': OpdInnovationsLoadedDetail;
    'opd-innovation-opened': OpdInnovationOpenedDetail;
  }
}
