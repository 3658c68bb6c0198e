/**
 * The events `<opd-service-directory>` emits besides the kit's `opd-error` and the
 * standard's `opd-service-printed` (`widgets/service-standard/events.ts`), merged into the
 * kit's `OpdEventMap` (`widgets/shared/events.ts`).
 *
 * @module
 */
import type {} from '../service-standard/events.js';

/** `opd-services-loaded`: the directory shows a page of results (the first of a search, or one more). */
export interface OpdServicesLoadedDetail {
  /** The words searched for, `''` for none. */
  q: string;
  /** The OPD filter (the `opd` attribute or the citizen's choice), `null` for every OPD. */
  opd: string | null;
  /** The category filter (`perizinan`, `kependudukan`, …), `null` for all. */
  category: string | null;
  /** `true`: online only, `false`: at a counter only, `null`: both. */
  online: boolean | null;
  /** `true`: free only, `false`: paid only, `null`: both. */
  free: boolean | null;
  /** How many services match (every page). */
  total: number;
  /** How many are shown now. */
  shown: number;
}

/** `opd-service-opened`: the citizen opened a service's standard. */
export interface OpdServiceOpenedDetail {
  /** The slug of its OPD. */
  opd: string;
  /** The service's slug. */
  service: string;
  /** Its name. */
  name: string;
}

declare module '../shared/events.js' {
  interface OpdEventMap {
    'opd-services-loaded': OpdServicesLoadedDetail;
    'opd-service-opened': OpdServiceOpenedDetail;
  }
}
