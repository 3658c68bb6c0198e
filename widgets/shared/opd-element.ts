/**
 * The thin base every opd-kit widget extends: the `api`, `opd` and `lang` attributes, a
 * typed {@link OpdElement.emit}, and updates a controller can hold until what they show has
 * arrived ({@link OpdElement.holdUpdatesFor}). Behaviour lives in controllers the widgets compose.
 *
 * Reactive properties are declared in `static properties` rather than with Lit's decorators:
 * the same properties and attributes, without the decorators' code in every page's bundle.
 *
 * @module
 */
import { LitElement, type PropertyDeclarations } from 'lit';
import type { OpdEventMap, OpdEventName } from './events.js';

/**
 * Base class of the opd-kit widgets.
 *
 * `lang` is the element's own global attribute (not a copy), so screen readers and `:lang()`
 * see it too; the base only re-renders when it changes.
 */
export class OpdElement extends LitElement {
  static override properties: PropertyDeclarations = { api: {}, opd: {} };

  /** The backend's base URL, e.g. `https://layanan.lahatkab.go.id`; default: this page's origin. */
  api = '';

  /** The OPD's slug, e.g. `bpkad`. */
  opd = '';

  /** What updates wait for (see {@link holdUpdatesFor}). */
  readonly #holds: (() => Promise<unknown> | undefined)[] = [];

  /** Lit's attributes plus the global `lang`, so a change of language re-renders. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** Re-renders when `lang` changes; everything else is Lit's. */
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.requestUpdate();
  }

  /**
   * Makes each update wait until the promise `hold` returns has settled, when it returns one:
   * the `LocalizeController` holds the first English render until the English copy has
   * arrived, so no Indonesian text shows for a moment. `updateComplete` waits too.
   *
   * @internal For the kit's controllers, not for a host page.
   */
  holdUpdatesFor(hold: () => Promise<unknown> | undefined): void {
    this.#holds.push(hold);
  }

  /** Lit's update, once whatever the controllers hold it for has arrived (see {@link holdUpdatesFor}). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const waits = this.#holds.map((hold) => hold()).filter((wait) => wait !== undefined);
    if (waits.length === 0) return super.scheduleUpdate();
    return Promise.all(waits).then(() => super.scheduleUpdate());
  }

  /** Dispatches a typed `opd-*` event that bubbles out of the shadow root; returns it. */
  emit<K extends OpdEventName>(name: K, detail: OpdEventMap[K]): CustomEvent<OpdEventMap[K]> {
    const event = new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false });
    this.dispatchEvent(event);
    return event;
  }

  /** The backend URL to use: `api`, resolved against the page, or the page's origin. */
  get apiBaseUrl(): string {
    const base = typeof document === 'undefined' ? 'http://localhost/' : document.baseURI;
    try {
      return new URL(this.api || '/', base).href;
    } catch {
      return this.api;
    }
  }
}
