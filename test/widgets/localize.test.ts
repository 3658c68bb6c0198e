/**
 * The kit's translator: the language a host page asks for, dates in WIB, and the kit's own
 * copy kept apart from a widget's.
 */
import { LitElement } from 'lit';
import { en as formEn } from '../../widgets/consultation-form/i18n/en.js';
import { id as formId } from '../../widgets/consultation-form/i18n/id.js';
import { en as statusEn } from '../../widgets/consultation-status/i18n/en.js';
import { id as statusId } from '../../widgets/consultation-status/i18n/id.js';
import type { CatalogOf } from '../../widgets/shared/i18n/catalog.js';
import { en as kitEn } from '../../widgets/shared/i18n/en.js';
import { id as kitId } from '../../widgets/shared/i18n/id.js';
import { LocalizeController } from '../../widgets/shared/localize.js';
import { cleanup, equal, mount, ok } from './helpers.js';

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

class TestLocalized extends LitElement {
  readonly localize = new LocalizeController(this, { id: own, en: ownEn });
  // A widget catalog may not define a key the kit defines: this must not compile.
  // @ts-expect-error 'retry', 'wait.seconds', 'rateLimited' and 'time.at' are the kit's
  readonly greedy = new LocalizeController(this, { id: greedy, en: greedyEn });
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }
}
customElements.define('test-localized', TestLocalized);

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
    equal(t.dateTime('2026-11-26T16:30:00Z'), 'Friday, 27 November 2026 at 01:30 WIT', 'and in English');
    t.timeZone = 'Mars/Olympus';
    equal(t.timeZone, 'Asia/Jakarta', 'a zone Intl does not know falls back to Asia/Jakarta');
    t.timeZone = undefined;
    equal(t.timeZone, 'Asia/Jakarta', 'and so does none');
  });
});
