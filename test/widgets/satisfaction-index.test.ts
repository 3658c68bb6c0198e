/**
 * <opd-satisfaction-index> in Chromium against the real API the runner starts (demo seed: a
 * year of synthetic responses for Disdukcapil's services). Every figure shown is checked
 * against the API's satisfaction report read in the same run.
 */
import '../../widgets/satisfaction-index/define.js';
import type { OpdSatisfactionIndex } from '../../widgets/satisfaction-index/satisfaction-index.js';
import { buildClient } from '../../src/build-client.js';
import { citizenServices } from '../../src/namespaces/citizen-services.js';
import type { SatisfactionReport } from '../../src/schemas/services.js';
import { $, $$, axeViolations, cleanup, equal, includes, mount, ok, testConfig, text, until } from './helpers.js';

const OPD = 'disdukcapil';
const client = () => buildClient({ baseUrl: testConfig().api }, { services: citizenServices });
const two = (n: number, locale = 'id-ID') => n.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plain = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

let report: SatisfactionReport;

afterEach(() => cleanup());

async function board(attributes = ''): Promise<OpdSatisfactionIndex> {
  report = await client().services.satisfaction(OPD);
  const element = await mount<OpdSatisfactionIndex>(`<opd-satisfaction-index api="${testConfig().api}" opd="${OPD}" ${attributes}></opd-satisfaction-index>`);
  await until(() => element.shadowRoot?.querySelector('[part~=headline]:not(.headline--loading)'), 'the index');
  return element;
}

describe('<opd-satisfaction-index>', () => {
  it('shows the OPD’s IKM, its grade and words and the respondents as the API gives them', async () => {
    const element = await board();
    const { overall } = report;
    ok(overall.respondents > 0 && overall.ikm !== null, 'the demo has responses');
    equal(text($(element, '[part~=figure]')), two(overall.ikm!), 'the index, two decimals');
    equal(plain(text($(element, '[part~=grade]'))), `${overall.grade} ${overall.category}`, 'the grade letter and words');
    includes(text($(element, '.respondents')), `${overall.respondents.toLocaleString('id-ID')} responden`, 'the respondents');
    includes(text($(element, '[part~=headline] .visually-hidden')), `mutu ${overall.grade} (${overall.category})`, 'one sentence for a screen reader');
    equal((await axeViolations(element)).join('\n'), '', 'axe');
  });

  it('shows every element, semester, quarter and service with the API’s figures', async () => {
    const element = await board();
    for (const e of report.elements) {
      const row = $(element, `tr[data-element="${e.id}"]`);
      includes(text(row), e.name, 'the element');
      includes(text(row), two(e.ikm!), `${e.id}'s score`);
    }
    equal($$(element, '.periods--semesters tbody tr').length, report.semesters.length, 'each semester');
    equal($$(element, '.periods--quarters tbody tr').length, report.quarters.length, 'each quarter');
    for (const q of report.quarters) {
      const row = $(element, `.periods--quarters tr[data-period="${q.period}"]`);
      includes(text(row), `Triwulan ${q.period}`, 'the quarter');
      includes(text(row), String(q.respondents), 'its respondents');
      if (q.ikm !== null) includes(text(row), two(q.ikm), 'its index');
    }
    for (const s of report.services) {
      const row = $(element, `tr[data-service="${s.slug}"]`);
      includes(text(row), s.name, 'the service');
      if (s.ikm !== null) includes(text(row), `${two(s.ikm)}`, `${s.slug}'s index`);
      if (s.category) includes(text(row), s.category, 'its category words');
    }
    const how = text($(element, '.section--how'));
    includes(how, 'dikali 25', 'says how it is computed');
    includes(how, 'dibulatkan dua desimal', 'and that the grade is of the rounded index');
    for (const c of report.categories) includes(text($(element, `tr[data-grade="${c.grade}"]`)), c.name, `category ${c.grade}`);
  });

  it('shows one service with service=, and speaks English with lang="en"', async () => {
    const element = await board('service="ktp-el" lang="en"');
    const ktp = report.services.find((s) => s.slug === 'ktp-el')!;
    await until(() => text($(element, '[role=heading]')).startsWith('Public Satisfaction Index'), 'English');
    includes(text($(element, '[role=heading]')), ktp.name, 'names the service');
    equal(text($(element, '[part~=figure]')), two(ktp.ikm!, 'en-GB'), 'the service’s index');
    includes(text($(element, '.respondents')), `${ktp.respondents} respondents`, 'its respondents');
    equal($$(element, '.periods--quarters').length, 0, 'no quarters for a service (the API gives none)');
    equal((await axeViolations(element)).join('\n'), '', 'axe');
  });

  it('offers a retry when the API cannot be reached, and loads once it can', async () => {
    const errors: CustomEvent[] = [];
    document.addEventListener('opd-error', (event) => errors.push(event as CustomEvent), { once: true });
    let down = true;
    const realFetch = window.fetch;
    window.fetch = (input, init) => (down ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init));
    try {
      const element = await mount<OpdSatisfactionIndex>(`<opd-satisfaction-index api="${testConfig().api}" opd="${OPD}"></opd-satisfaction-index>`);
      const notice = await until(() => element.shadowRoot?.querySelector('.board-notice'), 'the offline notice', 15_000);
      includes(text(notice), 'tidak ada koneksi', 'says there is no connection');
      await until(() => errors.length === 1, 'opd-error');
      equal((errors[0]!.detail as { action: string }).action, 'load-satisfaction', 'the event says what failed');
      down = false;
      notice.querySelector<HTMLButtonElement>('button')!.click();
      await until(() => element.shadowRoot?.querySelector('[part~=figure]'), 'the index after the retry');
    } finally {
      window.fetch = realFetch;
    }
  });
});
