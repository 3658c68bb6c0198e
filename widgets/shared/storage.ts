/**
 * The device's storage for what the kit keeps between visits (drafts, receipts).
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
