/**
 * Keeps an unsent form in `localStorage`, keyed by OPD and widget, so nothing a citizen typed
 * is lost on reload, a crash or a dead battery. Saving is debounced; the draft is cleared once
 * the form has been sent. Storage that is full, blocked or absent (private mode) is ignored:
 * the draft then lives only as long as the page.
 *
 * Each draft carries one idempotency key, created with the draft and kept until it is sent,
 * so sending it again — after a reload, or when the connection is back — can never store
 * it twice. A draft also remembers whether a send with that key was started and never
 * answered ({@link Draft.attempted}): the server may hold it, and only sending it again with
 * the same key tells.
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { newIdempotencyKey } from '../../src/idempotency.js';
import { deviceStorage, draftStorageKey } from './storage.js';

/** A stored draft. */
export interface Draft<T> {
  /** What the citizen entered. */
  data: T;
  /** The idempotency key every attempt to send this draft uses. */
  idempotencyKey: string;
  /** When it was last saved (ms since epoch). */
  savedAt: number;
  /** A send with {@link idempotencyKey} was started and its answer never arrived: it may be stored. */
  attempted: boolean;
}

/** Options of a {@link DraftController}. */
export interface DraftOptions {
  /** The widget's name, part of the storage key, e.g. `consultation-form`. */
  widget: string;
  /** The OPD the draft belongs to, read each time (it may change). */
  opd: () => string;
  /** Milliseconds to wait after the last change before saving. Default 400. */
  delay?: number;
}

const VERSION = 1;

/** The `localStorage` key of a widget's draft for one OPD (kept in `storage.ts`). */
export { draftStorageKey };

/** Saves and restores one form's draft; see the module comment. */
export class DraftController<T extends object> implements ReactiveController {
  readonly #options: Required<DraftOptions>;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: T | undefined;
  #key: string | undefined;
  #attempted = false;
  readonly #onPageHide = (): void => this.flush();

  /** Adds itself to `host`; `options` name the widget and the OPD the draft belongs to. */
  constructor(host: ReactiveControllerHost, options: DraftOptions) {
    this.#options = { delay: 400, ...options };
    host.addController(this);
  }

  /** In the page: writes a pending save when the page is left (`pagehide`). */
  hostConnected(): void {
    globalThis.addEventListener?.('pagehide', this.#onPageHide);
  }

  /** Out of the page: writes a pending save now. */
  hostDisconnected(): void {
    this.flush();
    globalThis.removeEventListener?.('pagehide', this.#onPageHide);
  }

  get #storageKey(): string {
    return draftStorageKey(this.#options.widget, this.#options.opd());
  }

  /** The idempotency key of the current draft (made on first use, kept until {@link clear}). */
  get idempotencyKey(): string {
    this.#key ??= newIdempotencyKey();
    return this.#key;
  }

  /** Reads the stored draft, or `null`. Adopts its idempotency key. */
  load(): Draft<T> | null {
    let raw: string | null = null;
    try {
      raw = deviceStorage()?.getItem(this.#storageKey) ?? null;
    } catch {
      return null;
    }
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as { v?: number } & Partial<Draft<T>>;
      if (parsed.v !== VERSION || typeof parsed.data !== 'object' || parsed.data === null) return null;
      if (typeof parsed.idempotencyKey === 'string') this.#key = parsed.idempotencyKey;
      this.#attempted = parsed.attempted === true && typeof parsed.idempotencyKey === 'string';
      return {
        data: parsed.data,
        idempotencyKey: this.idempotencyKey,
        savedAt: typeof parsed.savedAt === 'number' ? parsed.savedAt : 0,
        attempted: this.#attempted,
      };
    } catch {
      return null;
    }
  }

  /** Saves `data` after a short pause; a newer call replaces an older one. */
  save(data: T): void {
    this.#pending = data;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), this.#options.delay);
  }

  /** Writes a pending save now. */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const data = this.#pending;
    if (data === undefined) return;
    this.#pending = undefined;
    this.#write(data);
  }

  /** Writes `data` at once, e.g. just before sending. */
  saveNow(data: T): void {
    this.#pending = data;
    this.flush();
  }

  /** Writes `data` at once, marked as being sent with the current key (see {@link Draft.attempted}). */
  attempt(data: T): void {
    this.#attempted = true;
    this.saveNow(data);
  }

  /**
   * The server answered the send and kept nothing under the key (it refused the input, the
   * module is off, or the client must wait): the draft is no longer being sent, so a reload
   * restores it without sending it by itself.
   */
  refused(data: T): void {
    this.#attempted = false;
    this.saveNow(data);
  }

  /** Starts a new idempotency key for the same draft (the old one is spent); nothing is sent with it yet. */
  renewKey(): void {
    this.#key = newIdempotencyKey();
    this.#attempted = false;
  }

  /** Forgets the draft: after it was sent, or when the citizen discards it. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
    this.#key = undefined;
    this.#attempted = false;
    try {
      deviceStorage()?.removeItem(this.#storageKey);
    } catch {
      // nothing stored, nothing to remove
    }
  }

  #write(data: T): void {
    const draft = { v: VERSION, data, idempotencyKey: this.idempotencyKey, savedAt: Date.now(), attempted: this.#attempted };
    try {
      deviceStorage()?.setItem(this.#storageKey, JSON.stringify(draft));
    } catch {
      // QuotaExceededError or private mode: keep the draft in memory only.
    }
  }
}
