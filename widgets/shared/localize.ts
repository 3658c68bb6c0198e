/**
 * A small reactive controller that translates a widget: `lang="id"` (default) or `lang="en"`,
 * read from the host element's own `lang` attribute. Dates are always shown in Asia/Jakarta.
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en } from './i18n/en.js';
import { id, type MessageKey, type Messages } from './i18n/id.js';

export type { MessageKey, Messages };

/** The languages opd-kit ships. */
export type Lang = 'id' | 'en';

const catalogs: Record<Lang, Messages> = { id, en };

/** The time zone every date is shown in (WIB). */
export const DISPLAY_TIME_ZONE = 'Asia/Jakarta';

type Args<K extends MessageKey> = Messages[K] extends (...args: infer A) => string ? A : [];

/** The keys of messages without parameters. */
export type PlainMessageKey = { [K in MessageKey]: Messages[K] extends string ? K : never }[MessageKey];

/** Picks the language for a `lang` attribute value: English for `en…`, Indonesian otherwise. */
export function resolveLang(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'id';
}

/**
 * Translates for one host element. The host must re-render when its `lang` attribute
 * changes ({@link OpdElement} does); the controller reads it at render time.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The language in use. */
  get lang(): Lang {
    return resolveLang(this.#host.getAttribute('lang'));
  }

  /** The BCP 47 tag for `Intl`, e.g. `id-ID`. */
  get locale(): string {
    return catalogs[this.lang]['lang.tag'];
  }

  /** The message for `key` in the current language, with its parameters filled in. */
  t<K extends MessageKey>(key: K, ...args: Args<K>): string {
    const message = catalogs[this.lang][key] as string | ((...a: unknown[]) => string);
    return typeof message === 'function' ? message(...args) : message;
  }

  /** A message without parameters by a key built at run time (e.g. `error.email.format`), if there is one. */
  lookup(key: string): string | undefined {
    const catalog = catalogs[this.lang] as unknown as Record<string, unknown>;
    const message = Object.hasOwn(catalog, key) ? catalog[key] : undefined;
    return typeof message === 'string' ? message : undefined;
  }

  /** A number in the current language (`5.000` / `5,000`). */
  number(value: number): string {
    return value.toLocaleString(this.locale);
  }

  /** A day in Asia/Jakarta, e.g. `Jumat, 27 November 2026`. */
  date(iso: string | Date, style: 'full' | 'long' | 'medium' = 'full'): string {
    return new Intl.DateTimeFormat(this.locale, { timeZone: DISPLAY_TIME_ZONE, dateStyle: style }).format(
      new Date(iso),
    );
  }

  /** A moment in Asia/Jakarta, e.g. `26 Nov 2026 pukul 10.00 WIB`. */
  dateTime(iso: string | Date): string {
    const when = new Date(iso);
    const time = new Intl.DateTimeFormat(this.locale, {
      timeZone: DISPLAY_TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(when);
    return this.t('time.at', this.date(when, 'long'), time);
  }

  /** A wait in words, e.g. `30 detik` or `2 menit`. */
  wait(seconds: number): string {
    const s = Math.max(1, Math.ceil(seconds));
    return s < 90 ? this.t('wait.seconds', s) : this.t('wait.minutes', Math.ceil(s / 60));
  }
}
