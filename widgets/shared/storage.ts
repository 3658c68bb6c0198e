/**
 * The device's storage for what the kit keeps between visits (drafts, receipts), and the
 * names things are kept under there. Apart from the draft controller, so a widget that only
 * looks for a draft (the road map, for its report flow) need not load the form machinery.
 *
 * @module
 */

/** This page's `localStorage`, or `null` where it cannot be used (a sandboxed frame, blocked cookies). */
export function deviceStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // a sandboxed frame or blocked cookies throw on access
  }
}

/** The `localStorage` key of a widget's draft for one OPD. */
export function draftStorageKey(widget: string, opd: string): string {
  return `opd-kit:draft:${widget}:${opd}`;
}
