/**
 * <opd-innovation-list> in Chromium against the real API the runner starts (demo seed: 40 OPDs,
 * their verified innovations among drafts, submitted and returned ones). What the widget shows
 * is checked against what the public API answers for the same words and filters in the same run.
 */
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/innovation-list/define.js';
import type { OpdInnovationList } from '../../widgets/innovation-list/innovation-list.js';
import type { OpdInnovationOpenedDetail, OpdInnovationsLoadedDetail } from '../../widgets/innovation-list/events.js';
import { buildClient } from '../../src/build-client.js';
import { citizenInnovations } from '../../src/namespaces/citizen-innovations.js';
import type { InnovationSearch } from '../../src/namespaces/citizen-innovations.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, fill, includes, mount, ok, testConfig, text, until } from './helpers.js';

/** A port nothing listens on: every request fails as a dropped connection does. */
const CLOSED_API = 'http://127.0.0.1:65534';

afterEach(() => cleanup());

function api() {
  return buildClient({ baseUrl: testConfig().api }, { innovations: citizenInnovations }).innovations;
}

/** What the API answers for a search (every page), to compare with what the widget shows. */
async function expected(search: InnovationSearch): Promise<{ total: number; names: string[] }> {
  const first = await api().search({ ...search, limit: 100 });
  return { total: first.total, names: first.data.map((item) => item.name) };
}

async function catalogue(attributes = '', base = testConfig().api): Promise<OpdInnovationList> {
  return mount<OpdInnovationList>(`<opd-innovation-list api="${base}" ${attributes}></opd-innovation-list>`);
}

/** The names of the results shown. */
function names(element: OpdInnovationList): string[] {
  return $$(element, '[part~=result-title]').map(text);
}

/** Waits until the count line says `words`. */
function counted(element: OpdInnovationList, words: string): Promise<string> {
  return until(() => {
    const line = text($(element, '[part~=count]'));
    return line.includes(words) && !element.shadowRoot?.querySelector('.results--stale') && line;
  }, `the count "${words}"`);
}

describe('<opd-innovation-list>', () => {
  it('finds innovations by an Indonesian word as the server ranks them, with the count announced', async () => {
    const want = await expected({ q: 'perbaikan' });
    equal(want.total, 2, 'the demo has two verified innovations about perbaikan (repair)');
    ok(!want.names.some((name) => name.includes('Baik')), 'and none about “baik” (good): words, not stems');
    const element = await catalogue();
    await counted(element, 'inovasi ditemukan');
    const loaded: OpdInnovationsLoadedDetail[] = [];
    element.addEventListener('opd-innovations-loaded', (event) => loaded.push(event.detail));
    fill($<HTMLInputElement>(element, '[part~=search-input]'), 'perbaikan');
    await counted(element, '2 inovasi ditemukan');
    equal(names(element).join(' | '), want.names.join(' | '), 'the server’s matches, in its order');
    equal($(element, '[part~=count]').getAttribute('role'), 'status', 'the count is a polite live region');
    await until(() => loaded.length === 1, 'opd-innovations-loaded');
    equal(JSON.stringify(loaded[0]), JSON.stringify({ q: 'perbaikan', opd: null, type: null, stage: null, digital: null, total: 2, shown: 2 }), 'the event says what is shown');
    // A typo of five letters or more stands for the catalogue's closest word.
    fill($<HTMLInputElement>(element, '[part~=search-input]'), 'posyndu');
    await counted(element, '1 inovasi ditemukan');
    equal(names(element).join(), 'Posyandu Digital Ibu dan Anak', 'posyndu finds Posyandu');
    includes(text($(element, '[part~=result]')), 'Dinas Kesehatan', 'the result names its OPD');
    includes(text($(element, '[part~=result]')), 'Inovasi pelayanan publik', 'its form');
    includes(text($(element, '[part~=result]')), 'Penerapan', 'its stage');
    equal(text($(element, '[part~=result] .badge--digital')), 'Digital', 'a digital badge');
    includes(text($(element, '[part~=excerpt]')), 'Pencatatan tumbuh kembang balita', 'an excerpt of the problem');
  });

  it('waits for a pause in typing, and cancels the search still on its way when the words change', async () => {
    const realFetch = window.fetch;
    const searches: { url: string; signal: AbortSignal | null | undefined }[] = [];
    window.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!url.includes('/api/v1/innovations?')) return realFetch(input, init);
      searches.push({ url, signal: init?.signal ?? (input instanceof Request ? input.signal : undefined) });
      // Slow, like a phone on a poor connection: long enough to change the words meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 400));
      return realFetch(input, init);
    };
    try {
      const element = await catalogue();
      await counted(element, 'inovasi ditemukan');
      searches.length = 0;
      const box = $<HTMLInputElement>(element, '[part~=search-input]');
      for (const typed of ['b', 'ba', 'ban', 'bank']) fill(box, typed);
      await until(() => searches.length === 1, 'one search after the pause');
      includes(searches[0]!.url, 'q=bank', 'for the words typed last');
      await new Promise((resolve) => setTimeout(resolve, 100));
      fill(box, 'bank sampah');
      await counted(element, '1 inovasi ditemukan');
      ok(searches[0]!.signal?.aborted, 'the search for “bank” was cancelled when the words changed');
      equal(searches.length, 2, 'then one search for the new words');
      equal(names(element).join(), 'Bank Sampah Sekolah', 'the results are the new words’');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('narrows by a filter, and the count is the server’s', async () => {
    const want = await expected({ type: 'tata-kelola' });
    ok(want.total > 0 && want.total < (await expected({})).total, 'the demo has some, not all, governance innovations');
    const element = await catalogue();
    await counted(element, 'inovasi ditemukan');
    fill($<HTMLSelectElement>(element, '#filter-type'), 'tata-kelola');
    await counted(element, `${want.total} inovasi ditemukan`);
    equal(names(element).join(' | '), want.names.slice(0, 10).join(' | '), 'the governance innovations');
    for (const result of $$(element, '[part~=result]')) includes(text(result), 'Inovasi tata kelola pemerintahan daerah', 'each one of that form');
    const both = await expected({ type: 'tata-kelola', digital: 'false' });
    fill($<HTMLSelectElement>(element, '#filter-digital'), 'false');
    await counted(element, `${both.total} inovasi ditemukan`);
    ok(both.total < want.total, 'non-digital narrows further');
    for (const result of $$(element, '[part~=result]')) includes(text(result), 'Non digital', 'each one non-digital');
    const opd = (await api().search({ limit: 1 })).data[0]!.opd;
    const ofOpd = await expected({ opd: opd.slug });
    fill($<HTMLSelectElement>(element, '#filter-type'), '');
    fill($<HTMLSelectElement>(element, '#filter-digital'), '');
    fill($<HTMLSelectElement>(element, '#filter-opd'), opd.slug);
    await counted(element, `${ofOpd.total} inovasi ditemukan`);
    for (const result of $$(element, '[part~=result]')) includes(text(result), opd.name, 'each one of the OPD chosen');
  });

  it('keeps the search box and the count line where they are while a search loads, and dims the results it replaces', async () => {
    const realFetch = window.fetch;
    let release: (() => void) | undefined;
    let releaseOpds: (() => void) | undefined;
    window.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/api/v1/innovations?')) await new Promise<void>((resolve) => (release = resolve));
      // The OPDs of the filter arrive last, as they may on a slow connection.
      if (url.endsWith('/api/v1/opds')) await new Promise<void>((resolve) => (releaseOpds = resolve));
      return realFetch(input, init);
    };
    try {
      const element = await catalogue();
      // A phone's width, where the filters stand one under another.
      element.style.maxWidth = '320px';
      await until(() => release, 'the first search on its way');
      const box = () => $(element, '[part~=search-input]').getBoundingClientRect().top;
      const count = () => $(element, '[part~=count]').getBoundingClientRect();
      includes(text($(element, '.results--loading')), 'Memuat inovasi', 'says it is loading');
      equal(element.shadowRoot?.querySelector('.base')?.getAttribute('aria-busy'), 'true', 'busy while loading');
      const [boxBefore, countBefore] = [box(), count()];
      release!();
      await counted(element, 'inovasi ditemukan');
      equal(box(), boxBefore, 'the search box did not move');
      equal(count().top, countBefore.top, 'the count line did not move');
      equal(count().height, countBefore.height, 'nor change its height');
      releaseOpds!();
      await until(() => $<HTMLSelectElement>(element, '#filter-opd').options.length > 1, 'the OPDs in their filter');
      equal(count().top, countBefore.top, 'the OPDs arriving moved nothing either');
      release = undefined;
      fill($<HTMLInputElement>(element, '[part~=search-input]'), 'desa');
      await until(() => release, 'the search for “desa” on its way');
      ok(element.shadowRoot?.querySelector('.results--stale'), 'the results shown are dimmed while the new ones come');
      equal(count().top, countBefore.top, 'the count line still in its place');
      release!();
      await counted(element, 'inovasi ditemukan');
      equal(element.shadowRoot?.querySelector('.base')?.getAttribute('aria-busy'), 'false', 'no longer busy');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('pre-filters by the opd attribute and hides the OPD filter', async () => {
    const want = await expected({ opd: 'dinas-kesehatan' });
    const element = await catalogue('opd="dinas-kesehatan"');
    await counted(element, `${want.total} inovasi ditemukan`);
    equal($$(element, '#filter-opd').length, 0, 'no OPD filter');
    equal(names(element).join(' | '), want.names.join(' | '), 'the OPD’s innovations only');
  });

  it('loads the next page with “Muat lebih banyak”, without duplicates, and moves the focus to the first one added', async () => {
    const all = await expected({});
    ok(all.total > 20, 'the demo has more than two pages of ten');
    const element = await catalogue();
    await counted(element, `${all.total} inovasi ditemukan`);
    equal(text($(element, '.shown')), `Menampilkan 10 dari ${all.total}.`, 'says how many are shown, by the more button');
    equal(names(element).length, 10, 'a page of ten');
    const more = $<HTMLButtonElement>(element, '[part~=more]');
    equal(text(more), 'Muat lebih banyak', 'the more button');
    more.focus();
    more.click();
    await until(() => names(element).length === 20, 'the second page');
    const shown = names(element);
    equal(new Set(shown).size, 20, 'no result twice');
    equal(shown.join(' | '), all.names.slice(0, 20).join(' | '), 'the server’s order across pages');
    await until(() => deepActiveElement()?.textContent?.trim() === shown[10], 'the focus on the first result added');
    equal(text($(element, '.base > [role=status]')), `10 inovasi lagi dimuat; 20 dari ${all.total} ditampilkan.`, 'announced');
    equal(text($(element, '.shown')), `Menampilkan 20 dari ${all.total}.`, 'and shown');
    $<HTMLButtonElement>(element, '[part~=more]').click();
    await until(() => names(element).length === all.total, 'the last page');
    equal(new Set(names(element)).size, all.total, 'every innovation once');
    equal($$(element, '[part~=more]').length, 0, 'no more button after the last page');
  });

  it('opens the details with every public field and no contact person; Escape closes and the focus returns', async () => {
    const element = await catalogue();
    await counted(element, 'inovasi ditemukan');
    fill($<HTMLInputElement>(element, '[part~=search-input]'), 'posyandu');
    await counted(element, '1 inovasi ditemukan');
    const item = (await api().search({ q: 'posyandu' })).data[0]!;
    ok(!('contact' in item) && !JSON.stringify(item).includes('@lahat.demo'), 'the public API sends no contact person');
    ok(item.evidence.length > 0 && item.results && item.benefits && item.budgetSource, 'the demo innovation has every field filled');
    const opened: OpdInnovationOpenedDetail[] = [];
    element.addEventListener('opd-innovation-opened', (event) => opened.push(event.detail));
    const title = $<HTMLButtonElement>(element, '[part~=result-title]');
    title.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await until(() => element.shadowRoot?.querySelector<HTMLDialogElement>('dialog[open]'), 'the details dialog');
    equal(deepActiveElement()?.id, 'dialog-title', 'the focus on its title');
    equal(text(dialog.querySelector('#dialog-title')), item.name, 'titled with the name');
    equal(JSON.stringify(opened), JSON.stringify([{ id: item.id, name: item.name, opd: 'dinas-kesehatan' }]), 'opd-innovation-opened');
    const body = text(dialog);
    for (const field of [item.problem, item.solution, item.benefits!, item.results!, item.budgetSource!, item.opd.name, String(item.year)]) {
      includes(body, field.replace(/\s+/g, ' '), 'a public field');
    }
    includes(body, 'Inovasi pelayanan publik', 'the form');
    const day = (iso: string) => new Intl.DateTimeFormat('id-ID', { dateStyle: 'full', timeZone: 'Asia/Jakarta' }).format(new Date(`${iso}T12:00:00Z`));
    includes(body, `Penerapan: ${day(item.stageDates.penerapan!)}`, 'the stage with its date');
    includes(body, `Uji coba: ${day(item.stageDates['uji-coba']!)}`, 'the earlier stage too');
    includes(body, day(item.startDate!), 'the start date');
    const links = [...dialog.querySelectorAll<HTMLAnchorElement>('[part~=evidence] a')];
    equal(links.length, item.evidence.length, 'every evidence file as a link');
    equal(links.map((a) => a.href).sort().join(), item.evidence.map((file) => file.url).sort().join(), 'to its address');
    const groups = await until(() => {
      const labels = [...dialog.querySelectorAll('.indicator-name')].map(text);
      return labels.every((label) => /^\d+\. /.test(label)) && labels;
    }, 'the indicators named by the year’s model');
    equal(groups.length, new Set(item.evidence.map((file) => file.indicator)).size, 'one group per indicator');
    for (const leak of ['Koordinator Inovasi', '@lahat.demo', '0812', 'Kontak', 'kontak']) ok(!body.includes(leak), `no contact data (${leak})`);
    await sendKeys({ press: 'Escape' });
    await until(() => !element.shadowRoot?.querySelector('dialog[open]'), 'the dialog to close');
    equal(deepActiveElement(), title, 'the focus back on the result that opened it');
  });

  it('speaks English with lang="en"', async () => {
    const all = await expected({});
    const element = await catalogue('lang="en"');
    await until(() => text($(element, '[part~=count]')).includes(`${all.total} innovations found`), 'the English count');
    includes(text($(element, '.header')), 'Regional innovation catalogue', 'the title');
    equal(text($(element, 'label[for=q]')), 'Search innovations', 'the search label');
    equal(text($(element, '[part~=more]')), 'Load more', 'the more button');
    includes(text($(element, '#filter-type')), 'Regional governance innovation', 'the forms');
    ok(text($(element, '#filter-opd')).includes('Education Office'), 'the OPDs by their English names');
    ok($$(element, '[part~=result] .badge').every((badge) => ['Applied', 'Trial', 'Initiative', 'Digital', 'Non-digital'].includes(text(badge))), 'the badges');
    equal($(element, '[part~=excerpt]').getAttribute('lang'), 'id', 'the innovations’ own Indonesian text is marked so');
  });

  it('says what failed when the API cannot be reached, keeps the words, and the retry loads them', async () => {
    const realFetch = window.fetch;
    let up = false;
    window.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      return realFetch(up ? url.replace(CLOSED_API, testConfig().api) : input, init);
    };
    const errors: string[] = [];
    document.addEventListener('opd-error', (event) => errors.push((event as CustomEvent<{ code: string }>).detail.code), { once: true });
    try {
      const element = await catalogue('', CLOSED_API);
      const box = $<HTMLInputElement>(element, '[part~=search-input]');
      fill(box, 'posyandu');
      const notice = await until(() => element.shadowRoot?.querySelector('.list-notice'), 'the error notice', 20_000);
      includes(text(notice), 'tidak ada koneksi', 'says there is no connection');
      equal(notice.getAttribute('role'), 'alert', 'announced');
      equal(box.value, 'posyandu', 'the words typed are still there');
      equal(errors.join(), 'network', 'opd-error for the host page');
      equal((await axeViolations(element)).join('\n'), '', 'axe on the error state');
      up = true;
      const retry = $<HTMLButtonElement>(element, '.list-notice button');
      equal(text(retry), 'Coba lagi', 'the retry button');
      retry.click();
      await counted(element, '1 inovasi ditemukan');
      equal(names(element).join(), 'Posyandu Digital Ibu dan Anak', 'the words searched after the retry');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('says so when nothing matches, clears the search, and searches words the page sets', async () => {
    const element = await catalogue('q="zzxqqv"');
    await counted(element, 'Tidak ada inovasi ditemukan');
    includes(text($(element, '.empty-notice')), 'Coba kata lain', 'what to do');
    $<HTMLButtonElement>(element, '.clear').click();
    const all = await expected({});
    await counted(element, `${all.total} inovasi ditemukan`);
    equal($<HTMLInputElement>(element, '[part~=search-input]').value, '', 'the box emptied');
    equal(deepActiveElement()?.id, 'q', 'the focus in the search box');
    element.q = 'posyandu';
    await counted(element, '1 inovasi ditemukan');
    equal($<HTMLInputElement>(element, '[part~=search-input]').value, 'posyandu', 'words set by the page show in the box');
  });

  it('stays legible under a 10 px root font and a global reset', async () => {
    const reset = document.createElement('style');
    reset.textContent = 'html { font-size: 10px } * { margin: 0 !important; padding: 0 !important; box-sizing: content-box; font-size: 1rem; line-height: 1 } label { display: none }';
    document.head.append(reset);
    try {
      const element = await catalogue();
      await counted(element, 'inovasi ditemukan');
      const label = $(element, 'label[for=q]');
      ok(getComputedStyle(label).display !== 'none', 'the search label shows');
      ok(parseFloat(getComputedStyle(label).fontSize) >= 15, `labels are 16px, not ${getComputedStyle(label).fontSize}`);
      ok(parseFloat(getComputedStyle($(element, '[part~=excerpt]')).fontSize) >= 15, 'results too');
      ok($(element, '[part~=search-input]').getBoundingClientRect().height >= 38, 'the search box is a comfortable target');
    } finally {
      reset.remove();
    }
  });

  it('has no axe violations, in the list and with the details open', async () => {
    const element = await catalogue();
    await counted(element, 'inovasi ditemukan');
    equal((await axeViolations(element)).join('\n'), '', 'axe on the list');
    $<HTMLButtonElement>(element, '[part~=result-title]').click();
    await until(() => element.shadowRoot?.querySelector('dialog[open]'), 'the details dialog');
    equal((await axeViolations(element)).join('\n'), '', 'axe with the details open');
  });
});
