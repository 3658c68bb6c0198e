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
 * ```ts
 * import { en } from './i18n/en.js';
 * import { id } from './i18n/id.js';
 * private readonly localize = new LocalizeController(this, { id, en });
 * this.localize.t('form.name'); // a widget key
 * this.localize.t('retry');     // a kit key
 * ```
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_TIME_ZONE, indonesianTimeZones, type IndonesianTimeZone } from '../../src/schemas/opds.js';
import type { CatalogOf } from './i18n/catalog.js';
import { en } from './i18n/en.js';
import { id, type KitMessages } from './i18n/id.js';

export type { CatalogOf, KitMessages };

/** The languages opd-kit ships. */
export type Lang = 'id' | 'en';

/** One catalog per language: what a widget hands to its {@link LocalizeController}. */
export type Catalogs<M> = Readonly<Record<Lang, M>>;

const kitCatalogs: Catalogs<KitMessages> = { id, en };


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
 * Translates for one host element, with the kit's copy and, if given, the widget's
 * catalogs `M`. The host must re-render when its `lang` attribute changes ({@link OpdElement}
 * does); the controller reads it at render time.
 */
export class LocalizeController<M extends object = Record<never, never>> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #own: Catalogs<M> | undefined;
  // Dates show in WIB until the widget sets the regency's zone.
  #timeZone: string = DEFAULT_TIME_ZONE;

  /**
   * `catalogs`: the widget's own copy, one catalog per language, with none of the kit's keys;
   * without it, the kit's copy only.
   */
  constructor(host: ReactiveControllerHost & HTMLElement, catalogs?: Catalogs<M & OwnKeys<M>>) {
    this.#host = host;
    this.#own = catalogs;
    host.addController(this);
  }

  /** Nothing to do: the language is read at render time. */
  hostConnected(): void {}

  /** The language in use. */
  get lang(): Lang {
    return resolveLang(this.#host.getAttribute('lang'));
  }

  /** The BCP 47 tag for `Intl`, e.g. `id-ID`. */
  get locale(): string {
    return kitCatalogs[this.lang]['lang.tag'];
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
    for (const catalog of [kitCatalogs[this.lang], this.#own?.[this.lang]] as (Record<string, unknown> | undefined)[]) {
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
    const message = kitCatalogs[this.lang][key] as string | ((...a: unknown[]) => string);
    return typeof message === 'function' ? message(...args) : message;
  }
}
