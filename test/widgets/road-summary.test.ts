/**
 * <opd-road-summary> in Chromium against the real API the runner starts (demo seed: Dinas PUPR
 * with Perjaka, 214 synthetic segments, 2021 and 2022 surveys, the 83 % target for 2023).
 * Every figure the board shows is checked against what the API answers in the same run.
 */
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/road-summary/define.js';
import type { OpdRoadSummary } from '../../widgets/road-summary/road-summary.js';
import { buildClient } from '../../src/build-client.js';
import { citizenRoads } from '../../src/namespaces/roads.js';
import type { RoadCondition } from '../../src/schemas/roads.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, fill, includes, mount, ok, testConfig, text, until } from './helpers.js';

const OPD = 'dinas-pupr';

let latest: RoadCondition;
let of2021: RoadCondition;

before(async () => {
  const client = buildClient({ baseUrl: testConfig().api, opd: OPD }, { roads: citizenRoads });
  latest = await client.roads.condition();
  of2021 = await client.roads.condition({ year: 2021 });
});

afterEach(() => cleanup());

async function board(attributes = ''): Promise<OpdRoadSummary> {
  return mount<OpdRoadSummary>(`<opd-road-summary api="${testConfig().api}" opd="${OPD}" ${attributes}></opd-road-summary>`);
}

/** Waits until the board shows `year`'s condition, and returns its headline. */
function shown(element: OpdRoadSummary, year: number): Promise<HTMLElement> {
  return until(
    () => element.shadowRoot?.querySelector('#board-title')?.textContent?.includes(String(year)) && element.shadowRoot.querySelector<HTMLElement>('[part~=headline]'),
    `the board of ${year}`,
  );
}

/** `n` written the Indonesian way, as the board does: 1.339,15 / 78,35. */
const idNumber = (n: number, digits = 3) => n.toLocaleString('id-ID', { maximumFractionDigits: digits });

describe('<opd-road-summary>', () => {
  it('shows the latest kemantapan against its target, in Indonesian figures, as the API gives them', async () => {
    const loaded: CustomEvent[] = [];
    document.addEventListener('opd-condition-loaded', (event) => loaded.push(event as CustomEvent), { once: true });
    const element = await board();
    const headline = await shown(element, latest.year);
    equal(latest.kemantapan, 78.35, 'the demo network stands at 78.35 % in 2022');
    equal(text($(element, '[part~=figure]')), `${idNumber(latest.kemantapan, 2)} %`, 'the headline figure');
    equal(text($(element, '[part~=figure]')), '78,35 %', 'written as Indonesians write it');
    const target = latest.target;
    ok(target, 'the 2022 summary measures against a target');
    includes(text(headline), `Target ${target.year}: 83 %`, 'the target beside it');
    includes(text(headline), `Masih ${idNumber(target.kmToTarget)} km lagi`, 'the km still needed');
    includes(text(headline), '62,271 km', 'which is 62,271 km');
    includes(text($(element, '[part~=facts]')), '1.339,15 km', 'the length surveyed');
    includes(text($(element, '[part~=facts]')), `${idNumber(latest.steadyKm)} km`, 'the steady km');
    includes($(element, '[part~=gauge]').getAttribute('aria-label')?.replace(/\u00a0/g, ' '), 'Kemantapan 78,35 % dari target 83 %', 'the gauge says what it draws');
    equal($(element, '[part~=gauge]').getAttribute('role'), 'img', 'the gauge is an image to assistive technology');
    includes(text($(element, '.note')), 'sintetis', 'the demo data is marked as synthetic');
    await until(() => loaded.length === 1, 'opd-condition-loaded');
    const detail = loaded[0]!.detail as { opd: string; year: number; kemantapan: number; targetPercent: number | null; kmToTarget: number | null };
    equal(JSON.stringify(detail), JSON.stringify({ opd: OPD, year: 2022, kemantapan: 78.35, targetPercent: 83, kmToTarget: target.kmToTarget }), 'the event says what is shown');
  });

  it('shows the km of each condition class, in the shared palette, with their names and shares', async () => {
    const element = await board();
    await shown(element, latest.year);
    const rows = $$(element, '.classes tbody tr');
    equal(rows.length, 4, 'one row per class');
    const names = ['Baik', 'Sedang', 'Rusak Ringan', 'Rusak Berat'];
    const keys = ['baik', 'sedang', 'rusakRingan', 'rusakBerat'] as const;
    rows.forEach((row, i) => {
      includes(text(row), names[i]!, 'the class is named');
      includes(text(row), idNumber(latest.km[keys[i]!]), `the km in ${names[i]}`);
    });
    const rects = $$(element, '[part~=class-bar] rect');
    equal(rects.length, 4, 'one bar segment per class');
    const fills = rects.map((rect) => getComputedStyle(rect).fill);
    equal(new Set(fills).size, 4, 'four different colours');
    equal(fills[0], 'rgb(29, 95, 166)', 'Baik is the palette’s --opd-road-baik default');
    includes($(element, '[part~=class-bar]').getAttribute('aria-label')?.replace(/\u00a0/g, ' '), `Rusak Berat ${idNumber(latest.km.rusakBerat)} km`, 'the bar’s text names every class');
  });

  it('lets a host page recolour a class with --opd-road-*', async () => {
    const style = document.createElement('style');
    style.textContent = 'opd-road-summary.recoloured { --opd-road-rusak-berat: rgb(0, 0, 0) }';
    document.head.append(style);
    try {
      const element = await board('class="recoloured"');
      await shown(element, latest.year);
      equal(getComputedStyle($(element, '[part~=class-bar] rect:last-child')).fill, 'rgb(0, 0, 0)', 'the page’s colour is used');
    } finally {
      style.remove();
    }
  });

  it('draws the trend as a chart and gives the same figures as a table, opened from the keyboard', async () => {
    const element = await board();
    await shown(element, latest.year);
    const chart = $(element, '[part~=chart]');
    equal(chart.getAttribute('role'), 'img', 'the chart is one image');
    includes(chart.getAttribute('aria-label')?.replace(/\u00a0/g, ' '), '2021 75,92 %', 'its text has 2021');
    includes(chart.getAttribute('aria-label')?.replace(/\u00a0/g, ' '), '2022 78,35 %', 'and 2022');
    includes(chart.getAttribute('aria-label')?.replace(/\u00a0/g, ' '), '2023 target 83 %', 'and the 2023 target');
    const details = $<HTMLDetailsElement>(element, '[part~=details]');
    ok(!details.open, 'the table starts closed');
    $(element, '[part~=details] summary').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => details.open, 'the table to open');
    const rows = $$(element, '.trend-table tbody tr').map(text);
    equal(rows.length, latest.trend.length, 'one row per year');
    equal(rows[0], '2021 75,92 % —', '2021: surveyed, no target');
    equal(rows[2], '2023 belum disurvei 83 %', '2023: the target, no survey yet');
  });

  it('switches to another survey year with the year select, and says so', async () => {
    const element = await board();
    await shown(element, latest.year);
    const select = $<HTMLSelectElement>(element, '[part~=year-select]');
    equal([...select.options].map((o) => o.value).join(','), '2021,2022', 'the years with a survey');
    equal(select.value, '2022', 'the latest is chosen');
    const loaded: number[] = [];
    element.addEventListener('opd-condition-loaded', (event) => loaded.push(event.detail.year));
    fill(select, '2021');
    const headline = await shown(element, 2021);
    equal(text($(element, '[part~=figure]')), `${idNumber(of2021.kemantapan, 2)} %`, 'the 2021 figure');
    equal(of2021.kemantapan, 75.92, 'which the demo seed makes 75.92 %');
    includes(text(headline), 'Kemantapan jalan 2021', 'the headline names the year');
    await until(() => text($(element, '[role=status]')).includes('2021'), 'the switch announced');
    equal(loaded.join(), '2021', 'one event for the new year');
    equal(element.year, 2021, 'the year property follows');
    equal($<HTMLSelectElement>(element, '[part~=year-select]').value, '2021', 'the select shows it');
    const firstRow = $$(element, '.kecamatan-table tbody tr')[0];
    const row2021 = of2021.byKecamatan.find((row) => row.kecamatan === text(firstRow?.querySelector('th')));
    ok(row2021, 'the first kecamatan row is one of the API’s');
    includes(text(firstRow), `${row2021.kemantapan.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`, 'the table is 2021’s too');
    // Each column reads alike: every km with three decimals, every percent with two.
    for (const row of $$(element, '.kecamatan-table tbody tr')) {
      const cells = [...row.querySelectorAll('td')].map(text);
      for (const km of cells.slice(1, -1)) ok(/^\d{1,3}(?:\.\d{3})*,\d{3}$/.test(km), `km as 0,000: ${km}`);
      ok(/^\d{1,3},\d{2}\s%$/.test(cells.at(-1)!.replace(/\u00a0/g, ' ')), `percent as 0,00 %: ${cells.at(-1)}`);
    }
  });

  it('opens at the year its attribute names, and at the latest with a note for a year without a survey', async () => {
    const of2021Board = await board('year="2021"');
    await shown(of2021Board, 2021);
    equal(text($(of2021Board, '[part~=figure]')), '75,92 %', 'year="2021"');
    cleanup();
    const element = await board('year="2019"');
    await shown(element, latest.year);
    includes(text($(element, '.year-notice')), 'Belum ada survei kondisi jalan untuk tahun 2019', 'says 2019 has none');
    includes(text($(element, '.year-notice')), '2022', 'and which year is shown');
  });

  it('speaks English with lang="en", figures written the English way', async () => {
    const element = await board('lang="en"');
    await shown(element, latest.year);
    equal(text($(element, '[part~=figure]')), '78.35%', 'the figure');
    includes(text($(element, '#board-title')), 'Regency road condition 2022', 'the title');
    includes(text($(element, '[part~=headline]')), 'Another 62.271 km must become steady', 'the km to go');
    includes(text($(element, '[part~=facts]')), '1,339.15 km', 'the length');
    includes(text($(element, '.classes')), 'Good', 'the classes');
    includes(text($(element, '.classes')), 'Badly damaged', 'all of them');
    equal($(element, '[part~=base]').getAttribute('lang'), 'en', 'marked as English');
  });

  it('sorts the kecamatan table by any column, telling assistive technology the order', async () => {
    const element = await board();
    await shown(element, latest.year);
    const names = () => $$(element, '.kecamatan-table tbody th').map(text);
    equal(names().length, latest.byKecamatan.length, 'one row per kecamatan');
    equal(names().length, 24, 'Lahat’s 24 kecamatan');
    const byName = [...names()].sort((a, b) => a.localeCompare(b, 'id'));
    equal(names().join('|'), byName.join('|'), 'by name at first');
    const button = $<HTMLButtonElement>(element, '[part~=sort-button][data-column=kemantapan]');
    button.click();
    await element.updateComplete;
    const ascending = [...latest.byKecamatan].sort((a, b) => a.kemantapan - b.kemantapan)[0]!;
    equal(names()[0], ascending.kecamatan, 'the least steady first');
    equal(button.closest('th')?.getAttribute('aria-sort'), 'ascending', 'aria-sort says so');
    equal($(element, '[part~=sort-button][data-column=kecamatan]').closest('th')?.getAttribute('aria-sort'), 'none', 'and the name column is no longer sorted');
    button.click();
    await element.updateComplete;
    equal(button.closest('th')?.getAttribute('aria-sort'), 'descending', 'again: the other way');
    const descending = [...latest.byKecamatan].sort((a, b) => b.kemantapan - a.kemantapan)[0]!;
    equal(names()[0], descending.kecamatan, 'the steadiest first');
    includes(text($(element, '[role=status]')), 'Kemantapan', 'the new order is announced');
  });

  it('reaches every control by keyboard: the year, the trend table, the kecamatan table and its sort buttons', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.append(before);
    try {
      const element = await board();
      await shown(element, latest.year);
      before.focus();
      const reached: string[] = [];
      for (let i = 0; i < 12; i++) {
        await sendKeys({ press: 'Tab' });
        const active = deepActiveElement();
        if (!active || !element.shadowRoot?.contains(active)) break;
        reached.push(active.getAttribute('part') ?? active.localName);
      }
      equal(
        reached.join(','),
        ['year-select', 'summary', 'table-wrap', ...Array(8).fill('sort-button')].join(','),
        'the tab order',
      );
      // Back to the last sort button (Kemantapan): it works from the keyboard too.
      await sendKeys({ press: 'Shift+Tab' });
      const active = deepActiveElement() as HTMLElement;
      equal(active.dataset.column, 'kemantapan', 'Shift+Tab comes back to the last column');
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      equal(active.closest('th')?.getAttribute('aria-sort'), 'ascending', 'Enter sorts');
    } finally {
      before.remove();
    }
  });

  it('keeps a 320 px phone from scrolling sideways: the wide table scrolls in its own box', async () => {
    const holder = document.createElement('div');
    holder.style.width = '320px';
    document.body.append(holder);
    try {
      const element = document.createElement('opd-road-summary');
      element.setAttribute('api', testConfig().api);
      element.setAttribute('opd', OPD);
      holder.append(element);
      await shown(element, latest.year);
      equal(element.getBoundingClientRect().width, 320, 'the widget keeps the page’s width');
      for (const part of ['[part~=header]', '[part~=headline]', '[part~=class-bar]', '[part~=chart]']) {
        ok($(element, part).getBoundingClientRect().right <= element.getBoundingClientRect().right + 0.5, `${part} fits`);
      }
      const wrap = $(element, '.table-wrap--wide');
      ok(wrap.clientWidth <= 320, 'the table’s box fits');
      ok(wrap.scrollWidth > wrap.clientWidth, 'and the table scrolls inside it');
      ok(parseFloat(getComputedStyle($(element, '[part~=figure]')).fontSize) >= 40, 'the figure stays large');
    } finally {
      holder.remove();
    }
  });

  it('stays legible under a 10 px root font and a global reset', async () => {
    const reset = document.createElement('style');
    reset.textContent = 'html { font-size: 10px } * { margin: 0 !important; padding: 0 !important; box-sizing: border-box; font-size: 1rem; line-height: 1 } label { display: none }';
    document.head.append(reset);
    try {
      const element = await board();
      await shown(element, latest.year);
      const label = $(element, 'label[for=year]');
      ok(getComputedStyle(label).display !== 'none', 'the year label shows');
      ok(parseFloat(getComputedStyle(label).fontSize) >= 15, `labels are 16px, not ${getComputedStyle(label).fontSize}`);
      ok(parseFloat(getComputedStyle($(element, '.kecamatan-table td')).fontSize) >= 15, 'table text too');
      ok(parseFloat(getComputedStyle($(element, '.chart .year')).fontSize) >= 13, 'chart labels too');
    } finally {
      reset.remove();
    }
  });

  it('has no axe violations', async () => {
    const element = await board();
    await shown(element, latest.year);
    $<HTMLDetailsElement>(element, '[part~=details]').open = true;
    await element.updateComplete;
    const violations = await axeViolations(element);
    equal(violations.join('\n'), '', 'axe');
  });

  it('says the page is set up wrong for an OPD that does not exist, and reports it', async () => {
    const errors: CustomEvent[] = [];
    document.addEventListener('opd-error', (event) => errors.push(event as CustomEvent), { once: true });
    const element = await mount<OpdRoadSummary>(`<opd-road-summary api="${testConfig().api}" opd="dinas-tidak-ada"></opd-road-summary>`);
    const notice = await until(() => element.shadowRoot?.querySelector('.board-notice'), 'the notice');
    includes(text(notice), 'OPD "dinas-tidak-ada" tidak dikenal', 'names the slug');
    equal(notice.getAttribute('role'), 'alert', 'announced');
    await until(() => errors.length === 1, 'opd-error');
    equal((errors[0]!.detail as { code: string; action: string }).code, 'config', 'a set-up error for the host page');
    equal($$(element, '[part~=headline]').length, 0, 'no figures');
  });

  it('says the board is not offered by an OPD without Perjaka', async () => {
    const element = await mount<OpdRoadSummary>(`<opd-road-summary api="${testConfig().api}" opd="bpkad"></opd-road-summary>`);
    const notice = await until(() => element.shadowRoot?.querySelector('.board-notice'), 'the notice');
    includes(text(notice), 'tidak tersedia', 'not available');
  });

  it('offers a retry when the API cannot be reached, and loads once it can', async () => {
    let down = true;
    const realFetch = window.fetch;
    window.fetch = (input, init) => (down ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init));
    try {
      const element = await board();
      const notice = await until(() => element.shadowRoot?.querySelector('.board-notice'), 'the offline notice', 15_000);
      includes(text(notice), 'tidak ada koneksi', 'says there is no connection');
      down = false;
      const retry = $<HTMLButtonElement>(element, '.board-notice button');
      equal(text(retry), 'Coba lagi', 'the retry button');
      retry.click();
      await shown(element, latest.year);
      equal(text($(element, '[part~=figure]')), '78,35 %', 'loaded after the retry');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('says what is missing without an opd attribute', async () => {
    const element = await mount<OpdRoadSummary>(`<opd-road-summary api="${testConfig().api}"></opd-road-summary>`);
    includes(text($(element, '[part~=notice]')), 'atribut opd', 'names the attribute');
  });
});
