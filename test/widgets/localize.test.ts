/**
 * The kit's translator: the language a host page asks for, dates in WIB, the kit's own
 * copy kept apart from a widget's, and English fetched only for a widget set to English.
 */
import { html, LitElement } from 'lit';
import { en as formEn } from '../../widgets/consultation-form/i18n/en.js';
import { id as formId } from '../../widgets/consultation-form/i18n/id.js';
import { en as statusEn } from '../../widgets/consultation-status/i18n/en.js';
import { id as statusId } from '../../widgets/consultation-status/i18n/id.js';
import type { CatalogOf } from '../../widgets/shared/i18n/catalog.js';
import { en as kitEn } from '../../widgets/shared/i18n/en.js';
import { id as kitId } from '../../widgets/shared/i18n/id.js';
import { LocalizeController } from '../../widgets/shared/localize.js';
import { OpdElement } from '../../widgets/shared/opd-element.js';
import { $, cleanup, equal, mount, ok, text } from './helpers.js';

/** A widget catalog that tries to redefine kit keys (the compiler refuses it; see below). */
const greedy = {
  'report.title': 'Laporan',
  'retry': 'Ulangi sekarang',
  'wait.seconds': 'sebentar',
  'rateLimited': 'Pelan-pelan',
  'time.at': 'kapan-kapan',
} as const;
const greedyEn: CatalogOf<typeof greedy> = {
  'report.title': 'Report',
  'retry': 'Retry now',
  'wait.seconds': 'a moment',
  'rateLimited': 'Slow down',
  'time.at': 'some time',
};

const own = { 'report.title': 'Laporan' } as const;
const ownEn: CatalogOf<typeof own> = { 'report.title': 'Report' };

/** A widget's translator host: the kit's English arrives before its first English update. */
class TestLocalized extends OpdElement {
  readonly localize = new LocalizeController(this, { id: own, en: ownEn });
  // A widget catalog may not define a key the kit defines: this must not compile.
  // @ts-expect-error 'retry', 'wait.seconds', 'rateLimited' and 'time.at' are the kit's
  readonly greedy = new LocalizeController(this, { id: greedy, en: greedyEn });
}
customElements.define('test-localized', TestLocalized);

/** A promise settled from outside: the English copy "on the network" until the test lets it arrive. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The English copy each new {@link TestLazy} waits for; the test settles it. */
let nextEnglish = deferred<typeof ownEn>();

/** A widget that fetches its English copy (a loader, like the citizen widgets'), and counts its renders. */
class TestLazy extends OpdElement {
  readonly english = nextEnglish;
  readonly localize = new LocalizeController(this, { id: own, en: () => this.english.promise });
  /** The text of each render, in order. */
  readonly rendered: string[] = [];
  protected override render(): unknown {
    const title = this.localize.t('report.title');
    this.rendered.push(title);
    return html`<p lang=${this.localize.lang}>${title} · ${this.localize.t('retry')}</p>`;
  }
}
customElements.define('test-lazy', TestLazy);

/** A plain Lit element: it cannot hold its updates, so it shows Indonesian until the English is here. */
class TestPlainLazy extends LitElement {
  readonly english = nextEnglish;
  readonly localize = new LocalizeController(this, { id: own, en: () => this.english.promise });
  protected override render(): unknown {
    return html`<p>${this.localize.t('report.title')}</p>`;
  }
}
customElements.define('test-plain-lazy', TestPlainLazy);

afterEach(() => cleanup());

describe('the kit’s translator', () => {
  it('keeps the kit’s words for the kit’s keys, whatever a widget’s catalog says', async () => {
    const element = await mount<TestLocalized>('<test-localized></test-localized>');
    const t = element.greedy;
    equal(t.t('report.title'), 'Laporan', 'the widget’s own key is the widget’s');
    equal(t.wait(30), '30 detik', 'a wait is said in the kit’s words');
    equal(
      t.t('rateLimited', t.wait(30)),
      'Terlalu banyak permintaan dari jaringan Anda. Tunggu 30 detik, lalu coba lagi.',
      'the rate-limit notice is the kit’s',
    );
    equal(t.t('retry'), 'Coba lagi', 'and so is its button');
    equal(t.dateTime('2026-11-26T03:00:00Z'), 'Kamis, 26 November 2026 pukul 10.00 WIB', 'a moment is said in the kit’s words');
    element.setAttribute('lang', 'en');
    await element.updateComplete;
    equal(t.wait(120), '2 minutes', 'in English too');
    equal(t.t('retry'), 'Try again', 'in English too');
  });

  it('has no widget define a key of the kit', () => {
    const kitKeys = new Set([...Object.keys(kitId), ...Object.keys(kitEn)]);
    const catalogs = { 'consultation-form': [formId, formEn], 'consultation-status': [statusId, statusEn] };
    for (const [widget, pair] of Object.entries(catalogs)) {
      const shared = pair.flatMap((catalog) => Object.keys(catalog)).filter((key) => kitKeys.has(key));
      equal(shared.join(', '), '', `${widget} redefines kit keys`);
    }
  });

  it('speaks English for any en… language tag, Indonesian otherwise, and shows times in WIB', async () => {
    const cases: [string, string][] = [
      ['', 'Laporan'],
      ['lang="id"', 'Laporan'],
      ['lang="en"', 'Report'],
      ['lang="en-GB"', 'Report'],
      ['lang="EN-us"', 'Report'],
      ['lang="fr"', 'Laporan'],
    ];
    for (const [attribute, expected] of cases) {
      const element = await mount<TestLocalized>(`<test-localized ${attribute}></test-localized>`);
      equal(element.localize.t('report.title'), expected, `with ${attribute || 'no lang'}`);
    }
    const english = await mount<TestLocalized>('<test-localized lang="en"></test-localized>');
    equal(english.localize.dateTime('2026-11-26T17:30:00Z'), 'Friday, 27 November 2026 at 00:30 WIB', 'the day and hour in Jakarta');
  });

  it('writes every date one way: a day with its weekday, a moment as that day and its time', async () => {
    const element = await mount<TestLocalized>('<test-localized></test-localized>');
    const t = element.localize;
    equal(t.date('2026-11-27T02:00:00Z'), 'Jumat, 27 November 2026', 'a day');
    equal(t.dateTime('2026-11-27T02:00:00Z'), 'Jumat, 27 November 2026 pukul 09.00 WIB', 'a moment starts with the same day');
    ok(t.dateTime('2026-11-27T02:00:00Z').startsWith(t.date('2026-11-27T02:00:00Z')), 'the same words for the day');
  });

  it('writes dates in the time zone it is given: WIB, WITA, WIT', async () => {
    const element = await mount<TestLocalized>('<test-localized></test-localized>');
    const t = element.localize;
    equal(t.timeZone, 'Asia/Jakarta', 'Asia/Jakarta unless told');
    t.timeZone = 'Asia/Makassar';
    equal(t.dateTime('2026-11-26T03:00:00Z'), 'Kamis, 26 November 2026 pukul 11.00 WITA', 'in WITA');
    t.timeZone = 'Asia/Jayapura';
    equal(t.dateTime('2026-11-26T16:30:00Z'), 'Jumat, 27 November 2026 pukul 01.30 WIT', 'in WIT, the next day');
    equal(t.date('2026-11-26T16:30:00Z'), 'Jumat, 27 November 2026', 'a day in WIT too');
    element.setAttribute('lang', 'en');
    await element.updateComplete;
    equal(t.dateTime('2026-11-26T16:30:00Z'), 'Friday, 27 November 2026 at 01:30 WIT', 'and in English');
    t.timeZone = 'Mars/Olympus';
    equal(t.timeZone, 'Asia/Jakarta', 'a zone Intl does not know falls back to Asia/Jakarta');
    t.timeZone = undefined;
    equal(t.timeZone, 'Asia/Jakarta', 'and so does none');
  });

  describe('English fetched only when asked for', () => {
    beforeEach(() => {
      nextEnglish = deferred<typeof ownEn>();
    });

    it('renders an English widget once, in English, when its English has arrived: never a moment of Indonesian', async () => {
      const holder = document.createElement('div');
      holder.innerHTML = '<test-lazy lang="en"></test-lazy>';
      const element = holder.firstElementChild as TestLazy;
      document.body.append(element);
      let complete = false;
      void element.updateComplete.then(() => (complete = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      equal(element.rendered.length, 0, 'nothing is rendered while the English is on its way');
      equal(complete, false, 'updateComplete waits for it');
      element.english.resolve(ownEn);
      await element.updateComplete;
      equal(element.rendered.join(' | '), 'Report', 'one render, in English');
      equal(text($(element, 'p')), 'Report · Try again', 'the widget’s words and the kit’s, in English');
      equal($(element, 'p').lang, 'en', 'and it says so');
      element.remove();
    });

    it('fetches nothing for an Indonesian widget, and keeps its Indonesian until the English has arrived when switched', async () => {
      const element = await mount<TestLazy>('<test-lazy></test-lazy>');
      let asked = 0;
      const english = element.english;
      (element as { english: typeof english }).english = {
        ...english,
        get promise() {
          asked++;
          return english.promise;
        },
      };
      element.requestUpdate();
      await element.updateComplete;
      equal(asked, 0, 'an Indonesian widget does not ask for its English');
      equal(element.rendered.join(' | '), 'Laporan | Laporan', 'Indonesian');
      element.setAttribute('lang', 'en');
      await new Promise((resolve) => setTimeout(resolve, 50));
      equal(asked, 1, 'switched to English, it asks once');
      equal(text($(element, 'p')), 'Laporan · Coba lagi', 'the Indonesian text stays while the English is on its way');
      english.resolve(ownEn);
      await element.updateComplete;
      equal(text($(element, 'p')), 'Report · Try again', 'then the English');
      equal(element.rendered.join(' | '), 'Laporan | Laporan | Report', 'with no render in between');
    });

    it('speaks Indonesian, and says so, when its English cannot be fetched', async () => {
      const errors: unknown[] = [];
      const realError = console.error;
      console.error = (...args: unknown[]) => void errors.push(args);
      try {
        const holder = document.createElement('div');
        holder.innerHTML = '<test-lazy lang="en"></test-lazy>';
        const element = holder.firstElementChild as TestLazy;
        document.body.append(element);
        element.english.reject(new TypeError('Failed to fetch dynamically imported module'));
        await element.updateComplete;
        equal(text($(element, 'p')), 'Laporan · Coba lagi', 'the widget works, in Indonesian');
        equal($(element, 'p').lang, 'id', 'and its text is marked Indonesian');
        equal(element.localize.lang, 'id', 'the language in use is Indonesian');
        ok(errors.length === 1, 'the failure is logged once for the site’s developer');
        element.requestUpdate();
        await element.updateComplete;
        equal(errors.length, 1, 'and not fetched again at every render');
        element.remove();
      } finally {
        console.error = realError;
      }
    });

    it('shows a plain Lit element’s Indonesian until the English has arrived, then renders again', async () => {
      const element = await mount<TestPlainLazy>('<test-plain-lazy lang="en"></test-plain-lazy>');
      equal(text($(element, 'p')), 'Laporan', 'a host that cannot wait renders what it has');
      element.english.resolve(ownEn);
      await new Promise((resolve) => setTimeout(resolve, 0));
      await element.updateComplete;
      equal(text($(element, 'p')), 'Report', 'and renders again in English once it is here');
    });
  });
});
