/**
 * The events `<opd-csr-board>` emits besides the kit's `opd-error`, merged into the kit's
 * `OpdEventMap` (`widgets/shared/events.ts`).
 *
 * @module
 */

/** `opd-csr-loaded`: the board shows an OPD's CSR summary (every year, or one). */
export interface OpdCsrLoadedDetail {
  /** The OPD whose programmes these are, e.g. `bappeda`. */
  opd: string;
  /** The budget year shown, `null` for every year. */
  year: number | null;
  /** Counted programmes (approved, running, done, postponed). */
  programs: number;
  /** Committed, whole rupiah. */
  committed: number;
  /** Spent, whole rupiah. */
  spent: number;
  /** The ids of the programmes whose spending passed the commitment. */
  overspent: number[];
}

/** `opd-csr-program-opened`: the citizen opened a programme's details. */
export interface OpdCsrProgramOpenedDetail {
  /** The programme's id (`GET /api/v1/opds/{opd}/csr/programs/{id}`). */
  id: number;
  /** Its title. */
  title: string;
}

declare module '../shared/events.js' {
  interface OpdEventMap {
    'opd-csr-loaded': OpdCsrLoadedDetail;
    'opd-csr-program-opened': OpdCsrProgramOpenedDetail;
  }
}
