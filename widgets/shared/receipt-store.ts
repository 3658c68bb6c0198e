/**
 * Keeps what a form received — a receipt with its tracking code — on the device, per widget
 * and OPD, until the citizen dismisses it: the only record a citizen has of a question sent
 * before e-mail exists, so a reload, a closed tab or a dead battery must not take it. Newest
 * first, at most {@link ReceiptStoreOptions.max}.
 *
 * Storage is the page's: whatever is there is checked with the widget's `parse` before it is
 * shown. Storage that is full, blocked or absent (private mode) is ignored, as with the draft:
 * the receipts then live as long as the page, and the form works the same.
 *
 * @module
 */
import { deviceStorage } from './storage.js';

/** What a {@link ReceiptStore} needs to know. */
export interface ReceiptStoreOptions<R> {
  /** The widget's name, part of the storage key, e.g. `consultation-form`. */
  widget: string;
  /** The OPD the receipts belong to, read each time (it may change). */
  opd: () => string;
  /** Checks one stored entry; `null` (or `undefined`) drops it. */
  parse: (raw: unknown) => R | null | undefined;
  /** What tells two receipts apart, e.g. the tracking code. */
  id: (receipt: R) => string;
  /** How many to keep (the oldest go first). Default 10. */
  max?: number;
}

const VERSION = 1;

/** The `localStorage` key of a widget's receipts for one OPD. */
export function receiptStorageKey(widget: string, opd: string): string {
  return `opd-kit:receipts:${widget}:${opd}`;
}

/** The receipts of one widget for the current OPD; see the module comment. */
export class ReceiptStore<R> {
  readonly #options: ReceiptStoreOptions<R>;
  /** What this page knows, by storage key: the truth when storage refuses writes. */
  readonly #known = new Map<string, R[]>();
  /** Storage keys whose list storage refused to keep: that list lives in `#known` only. */
  readonly #refused = new Set<string>();

  /** `options` name the widget, the OPD, and how to check and tell apart a receipt. */
  constructor(options: ReceiptStoreOptions<R>) {
    this.#options = options;
  }

  get #key(): string {
    return receiptStorageKey(this.#options.widget, this.#options.opd());
  }

  /** The kept receipts of the current OPD, newest first. */
  list(): readonly R[] {
    const key = this.#key;
    let known = this.#known.get(key);
    if (!known) {
      known = this.#read(key);
      this.#known.set(key, known);
    }
    return known;
  }

  /** Keeps `receipt` first (once: a receipt already kept moves to the front). */
  add(receipt: R): void {
    const id = this.#options.id(receipt);
    const next = [receipt, ...this.#current().filter((kept) => this.#options.id(kept) !== id)].slice(0, this.#options.max ?? 10);
    this.#write(next);
  }

  /** Forgets the receipt with this id (the citizen dismissed it). */
  remove(id: string): void {
    this.#write(this.#current().filter((kept) => this.#options.id(kept) !== id));
  }

  /**
   * The list to change: read again from storage, so a receipt another tab kept since this one
   * read is not written over; the page's own list only when storage refused to keep it.
   */
  #current(): R[] {
    const key = this.#key;
    return this.#refused.has(key) ? [...this.list()] : this.#read(key);
  }

  #read(key: string): R[] {
    try {
      const raw = deviceStorage()?.getItem(key);
      if (!raw) return [];
      const parsed = JSON.parse(raw) as { v?: unknown; receipts?: unknown };
      if (parsed.v !== VERSION || !Array.isArray(parsed.receipts)) return [];
      return parsed.receipts.flatMap((entry: unknown) => this.#options.parse(entry) ?? []);
    } catch {
      return [];
    }
  }

  #write(receipts: R[]): void {
    const key = this.#key;
    this.#known.set(key, receipts);
    try {
      const store = deviceStorage();
      if (!store) throw new Error('no storage');
      if (receipts.length === 0) store.removeItem(key);
      else store.setItem(key, JSON.stringify({ v: VERSION, receipts }));
      this.#refused.delete(key);
    } catch {
      // QuotaExceededError or private mode: kept for this page only.
      this.#refused.add(key);
    }
  }
}
