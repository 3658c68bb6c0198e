/**
 * A small reactive controller that translates a widget: `lang="id"` (default) or `lang="en"`,
 * read from the host element's own `lang` attribute, and writes every date one way: a day as
 * `Jumat, 27 November 2026`, a moment as that day and `pukul 10.00 WIB`, in the regency's time
 * zone ({@link LocalizeController.timeZone}, Asia/Jakarta unless the widget sets the OPD's).
 *
 * A widget passes its own catalogs, so it ships only its copy plus the kit's, and its keys
 * are checked at compile time. A widget's catalog may not define a key the kit defines (the
 * compiler refuses it): the kit's helpers call their keys with their own parameters, so a
 * kit key always means the kit's message.
 *
 * Indonesian is the default and is always in the bundle. English is fetched only when a widget
 * is set to English: the kit's English always, a widget's own when it passes a loader
 * (`en: () => import(…)`, a chunk of its own) rather than the catalog. Until it has arrived, {@link OpdElement} holds
 * the widget's update ({@link LocalizeController.ready}), so the citizen never sees a moment
 * of the wrong language: an English widget renders once, in English; a widget switched to
 * English keeps its Indonesian text until the English is here. Should the English never
 * arrive (the connection dropped), the widget speaks Indonesian, and says so by its `lang`.
 *
 * ```ts
 * import { id } from './i18n/id.js';
 * private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((m) => m.en) });
 * this.localize.t('form.name'); // a widget key
 * this.localize.t('retry');     // a kit key
 * ```
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_TIME_ZONE, indonesianTimeZones, type IndonesianTimeZone } from '../../src/schemas/opds.js';
import type { CatalogOf } from './i18n/catalog.js';
import { id as kitId, type KitMessages } from './i18n/id.js';

export type { CatalogOf, KitMessages };

/** The languages opd-kit ships. */
export type Lang = 'id' | 'en';

/**
 * What a widget hands to its {@link LocalizeController}: its Indonesian catalog, and its English
 * one or a function that loads it (`() => import('./i18n/en.js').then((m) => m.en)`), called
 * the first time the widget is set to English.
 */
export interface Catalogs<M> {
  readonly id: M;
  readonly en: M | (() => Promise<M>);
}

/** The kit's English copy, once loaded. */
let kitEn: KitMessages | undefined;
let kitEnLoading: Promise<unknown> | undefined;

/** Loads the kit's English copy (once for every widget on the page; again after a failure). */
function loadKitEn(): Promise<unknown> {
  kitEnLoading ??= import('./i18n/en.js').then(
    (module) => (kitEn = module.en),
    (error: unknown) => {
      kitEnLoading = undefined;
      throw error;
    },
  );
  return kitEnLoading;
}

/** The kit's catalog for a language in use (English is in use only once it is loaded). */
const kitCatalog = (lang: Lang): KitMessages => (lang === 'en' && kitEn) || kitId;

/** Whether `Intl` knows the zone (a bad name would make every date throw). */
function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The kit's copy and a widget's side by side (their keys never overlap, see {@link OwnKeys}). */
export type WithKit<M> = KitMessages & M;

/**
 * What a widget's catalogs `M` must also be: every key the kit defines is `never` there, so
 * a catalog that defines one (say its own `retry`) is a compile-time error.
 */
export type OwnKeys<M> = { readonly [K in keyof M & keyof KitMessages]: never };

/** A message key of a widget with catalogs `M` (the kit's keys included). */
export type MessageKey<M = Record<never, never>> = keyof WithKit<M> & string;

/** The parameters of message `K`. */
type Args<M, K extends keyof M> = M[K] extends (...args: infer A) => string ? A : [];

/** The keys of messages without parameters. */
export type PlainMessageKey<M = Record<never, never>> = {
  [K in MessageKey<M>]: WithKit<M>[K] extends string ? K : never;
}[MessageKey<M>];

/** Picks the language for a `lang` attribute value: English for `en…`, Indonesian otherwise. */
function resolveLang(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'id';
}

/** What the kit's own helpers (the form controller, notices) need: the kit's copy and run-time lookups. */
export interface KitLocalize {
  /** The language in use. */
  readonly lang: Lang;
  /** A kit message in the current language. */
  t<K extends MessageKey>(key: K, ...args: Args<KitMessages, K>): string;
  /** A message without parameters by a key built at run time (the widget's, e.g. `error.email.format`), if there is one. */
  lookup(key: string): string | undefined;
  /** A wait in words, e.g. `30 detik`. */
  wait(seconds: number): string;
  /** A day, e.g. `Jumat, 27 November 2026`, in {@link LocalizeController.timeZone}. */
  date(iso: string | Date): string;
  /** A moment, e.g. `Kamis, 26 November 2026 pukul 10.00 WIB`, in {@link LocalizeController.timeZone}. */
  dateTime(iso: string | Date): string;
}

/**
 * A host that can hold its updates until a promise settles ({@link OpdElement} can): the
 * controller holds them while the English copy is on its way.
 */
export interface LocalizeHost extends ReactiveControllerHost, HTMLElement {
  holdUpdatesFor?(hold: () => Promise<unknown> | undefined): void;
}

/**
 * Translates for one host element, with the kit's copy and, if given, the widget's
 * catalogs `M`. The host must re-render when its `lang` attribute changes ({@link OpdElement}
 * does); the controller reads it at render time. A host that cannot hold its updates (a plain
 * `LitElement`) renders in Indonesian until the English copy has arrived, then again.
 */
export class LocalizeController<M extends object = Record<never, never>> implements ReactiveController {
  readonly #host: LocalizeHost;
  readonly #id: M | undefined;
  #en: M | undefined;
  readonly #loadEn: (() => Promise<M>) | undefined;
  /** The English copy on its way, if it is. */
  #loading: Promise<void> | undefined;
  /** The English copy failed to load: Indonesian from then on (a reload tries again). */
  #failed = false;
  // Dates show in WIB until the widget sets the regency's zone.
  #timeZone: string = DEFAULT_TIME_ZONE;

  /**
   * `catalogs`: the widget's own copy, one catalog per language (English maybe as a loader),
   * with none of the kit's keys; without it, the kit's copy only.
   */
  constructor(host: LocalizeHost, catalogs?: Catalogs<M & OwnKeys<M>>) {
    this.#host = host;
    this.#id = catalogs?.id;
    const en = catalogs?.en;
    if (typeof en === 'function') this.#loadEn = en;
    else this.#en = en;
    host.addController(this);
    host.holdUpdatesFor?.(() => this.ready());
  }

  /** Nothing to do: the language is read at render time. */
  hostConnected(): void {}

  /** Before each render: starts loading the English copy if the host asks for English (a host that does not hold its updates). */
  hostUpdate(): void {
    void this.ready();
  }

  /**
   * `undefined` when the language the host asks for is here; else a promise that settles when
   * its copy has arrived (or failed to), loading it if it is not on its way yet. The host
   * renders again once it has arrived.
   */
  ready(): Promise<void> | undefined {
    if (this.#failed || resolveLang(this.#host.getAttribute('lang')) !== 'en' || this.#hasEnglish()) return undefined;
    this.#loading ??= Promise.all([
      loadKitEn(),
      this.#loadEn && !this.#en ? this.#loadEn().then((en) => (this.#en = en)) : undefined,
    ]).then(
      () => {
        this.#loading = undefined;
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        this.#loading = undefined;
        this.#failed = true;
        console.error('opd-kit: the English text could not be loaded; the widget speaks Indonesian', error);
      },
    );
    return this.#loading;
  }

  /** Whether every English catalog this controller needs has arrived. */
  #hasEnglish(): boolean {
    return kitEn !== undefined && (this.#id === undefined || this.#en !== undefined);
  }

  /** The language in use: the one the host's `lang` asks for, once its copy is here; Indonesian until then. */
  get lang(): Lang {
    return resolveLang(this.#host.getAttribute('lang')) === 'en' && this.#hasEnglish() ? 'en' : 'id';
  }

  /** The BCP 47 tag for `Intl`, e.g. `id-ID`. */
  get locale(): string {
    return kitCatalog(this.lang)['lang.tag'];
  }

  /** The message for `key` in the current language, with its parameters filled in. */
  t<K extends MessageKey<M>>(key: K, ...args: Args<WithKit<M>, K>): string {
    const message = this.#find(key) as string | ((...a: unknown[]) => string);
    return typeof message === 'function' ? message(...args) : message;
  }

  /** A message without parameters by a key built at run time (e.g. `error.email.format`), if there is one. */
  lookup(key: string): string | undefined {
    const message = this.#find(key);
    return typeof message === 'string' ? message : undefined;
  }

  /** The kit's message for `key`, else the widget's: a widget's catalog never changes a kit key. */
  #find(key: string): unknown {
    const lang = this.lang;
    for (const catalog of [kitCatalog(lang), lang === 'en' ? this.#en : this.#id] as (Record<string, unknown> | undefined)[]) {
      if (catalog && Object.hasOwn(catalog, key)) return catalog[key];
    }
    return undefined;
  }

  /**
   * The IANA time zone every date is written in: `Asia/Jakarta` (WIB) unless set, e.g. to the
   * OPD's `timeZone` from the API (`Asia/Makassar`, WITA; `Asia/Jayapura`, WIT). Setting it
   * re-renders the host; a name `Intl` does not know, or `''`, sets it back to Asia/Jakarta.
   */
  get timeZone(): string {
    return this.#timeZone;
  }

  set timeZone(zone: string | null | undefined) {
    const next = zone && knownTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
    if (next === this.#timeZone) return;
    this.#timeZone = next;
    this.#host.requestUpdate();
  }

  /** The abbreviation written after a time: `WIB`, `WITA`, `WIT`, else `Intl`'s (e.g. `GMT+8`). */
  get timeZoneAbbreviation(): string {
    // Indonesia's zones by what Indonesians write (src/schemas/opds.ts); others by `Intl`'s short name.
    const known = Object.hasOwn(indonesianTimeZones, this.#timeZone)
      ? indonesianTimeZones[this.#timeZone as IndonesianTimeZone].abbreviation
      : undefined;
    if (known) return known;
    const parts = new Intl.DateTimeFormat(this.locale, { timeZone: this.#timeZone, timeZoneName: 'short' }).formatToParts(
      new Date(),
    );
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? this.#timeZone;
  }

  /** A number in the current language (`5.000` / `5,000`). */
  number(value: number): string {
    return value.toLocaleString(this.locale);
  }

  /**
   * A day in {@link timeZone}, always written one way: `Jumat, 27 November 2026` /
   * `Friday 27 November 2026`. (`style` is only `'full'`; it is there for older calls.)
   */
  date(iso: string | Date, style: 'full' = 'full'): string {
    return new Intl.DateTimeFormat(this.locale, { timeZone: this.#timeZone, dateStyle: style }).format(new Date(iso));
  }

  /** A moment in {@link timeZone}: its day as {@link date} writes it and the time, e.g. `Kamis, 26 November 2026 pukul 10.00 WIB`. */
  dateTime(iso: string | Date): string {
    const when = new Date(iso);
    const time = new Intl.DateTimeFormat(this.locale, {
      timeZone: this.#timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(when);
    return this.#kit('time.at', this.date(when), time, this.timeZoneAbbreviation);
  }

  /** A wait in words, e.g. `30 detik` or `2 menit`. */
  wait(seconds: number): string {
    const s = Math.max(1, Math.ceil(seconds));
    return s < 90 ? this.#kit('wait.seconds', s) : this.#kit('wait.minutes', Math.ceil(s / 60));
  }

  /** A kit message, read from the kit's catalogs only. */
  #kit<K extends keyof KitMessages>(key: K, ...args: Args<KitMessages, K>): string {
    const message = kitCatalog(this.lang)[key] as string | ((...a: unknown[]) => string);
    return typeof message === 'function' ? message(...args) : message;
  }
}
