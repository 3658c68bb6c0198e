/**
 * SIAP's numbers that only the server uses: the service level, the tracking-code alphabet,
 * the most answer templates an OPD keeps. Re-exported by `consultations.ts` and
 * `consultation-staff.ts`, where they are imported from; a module of their own so that the SDK
 * and the widgets do not carry them (see `PURE_MODULES` in rollup.config.mjs).
 *
 * @module
 */

/** Working days (Mon–Fri in the regency's time zone, its days off skipped) within which the first response is due. */
export const FIRST_RESPONSE_WORKING_DAYS = 3;

/**
 * Tracking-code alphabet: Crockford's base 32 (digits and capitals without I, L, O, U),
 * so a code read aloud or copied by hand cannot be misread; `O` is taken as `0`, `I`/`L` as `1`.
 */
export const TRACKING_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The most answer templates one OPD keeps. */
export const ANSWER_TEMPLATES_MAX = 100;
