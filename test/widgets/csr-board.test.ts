/**
 * <opd-csr-board> in Chromium against the real API the runner starts (demo seed: Bappeda runs
 * SIP BENAR with 6 fictional companies and 50 programmes in Lahat's 24 kecamatan, some over
 * budget, village needs not yet funded). Every figure the board shows is checked against the
 * API's answer read in the same run, to the rupiah; an evidence file is uploaded as Bappeda's
 * staff so a spending entry has a link to follow.
 */
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../widgets/csr-board/define.js';
import { CHART_ROWS, PAGE_SIZE, type OpdCsrBoard } from '../../widgets/csr-board/csr-board.js';
import { buildClient } from '../../src/build-client.js';
import { citizenCsr } from '../../src/namespaces/citizen-csr.js';
import type { CsrProgram, CsrProgramDetail, CsrSummary } from '../../src/schemas/csr.js';
import { FIELD_COLOURS } from '../../widgets/csr-board/map-types.js';
import { tokenOf } from './console-helpers.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, includes, mount, ok, testConfig, text, until } from './helpers.js';

const OPD = 'bappeda';
const client = () => buildClient({ baseUrl: testConfig().api, opd: OPD }, { csr: citizenCsr });

let summary: CsrSummary;

before(async () => {
  summary = await client().csr.summary();
});

afterEach(() => cleanup());

async function board(attributes = ''): Promise<OpdCsrBoard> {
  return mount<OpdCsrBoard>(`<opd-csr-board api="${testConfig().api}" opd="${OPD}" ${attributes}></opd-csr-board>`);
}

/** Waits until the board shows its figures and its first page of programmes. */
async function shown(element: OpdCsrBoard): Promise<HTMLElement> {
  const figures = await until(() => element.shadowRoot?.querySelector<HTMLElement>('[part~=figures]:not(.figures--loading)'), 'the figures');
  await until(() => element.shadowRoot?.querySelector('[part~=program]'), 'the programmes');
  return figures;
}

/** Whole rupiah written the Indonesian way, as the board does (`Rp 1.234.567`). */
const rupiah = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;
const idNumber = (n: number) => n.toLocaleString('id-ID');
const plain = (s: string | null | undefined) => (s ?? '').replace(/\u00a0/g, ' ');

/** The table alternative of a chart as `name|programs|committed|spent` rows. */
function tableRows(element: OpdCsrBoard, chart: string): string[] {
  return $$(element, `.chart--${chart} tbody tr`).map((row) => [text(row.querySelector('th')), ...[...row.querySelectorAll('td')].slice(0, 3).map((td) => plain(text(td)))].join('|'));
}

/** Uploads a small PDF as evidence of a spending entry, as Bappeda's staff. */
async function uploadEvidence(spendingId: number): Promise<string> {
  const token = await tokenOf('bappeda@lahat.demo');
  const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n0\n%%EOF\n');
  const response = await fetch(`${testConfig().api}/api/v1/opds/${OPD}/csr/spending/${spendingId}/evidence`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/pdf' }, body: pdf });
  if (response.status !== 201) throw new Error(`uploading evidence answered ${response.status} ${await response.text()}`);
  const program = (await response.json()) as { spending: { id: number; evidence: { url: string }[] }[] };
  return program.spending.find((entry) => entry.id === spendingId)!.evidence.at(-1)!.url;
}

/** Every programme (of any status) the public list gives, page after page. */
async function everyProgram(): Promise<CsrProgram[]> {
  const all: CsrProgram[] = [];
  let cursor: string | undefined;
  do {
    const page = await client().csr.programs.search({ limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** Where on the page a dot of the map is drawn, and its fill as `#rrggbb`: the first pixel of a field colour on the canvas. */
function findDot(element: OpdCsrBoard): { x: number; y: number; colour: string } | null {
  const canvas = element.shadowRoot?.querySelector<HTMLCanvasElement>('#map canvas');
  if (!canvas || canvas.width === 0) return null;
  const box = canvas.getBoundingClientRect();
  const mapBox = $(element, '#map').getBoundingClientRect();
  const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  const hex = (i: number) => `#${[pixels[i]!, pixels[i + 1]!, pixels[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  const scale = canvas.width / box.width;
  for (let y = 0; y < canvas.height; y += 2) {
    for (let x = 0; x < canvas.width; x += 2) {
      const colour = hex((y * canvas.width + x) * 4);
      if (!FIELD_COLOURS.includes(colour)) continue;
      // Away from the zoom buttons (top left) and inside the map's box.
      const at = { x: box.left + x / scale, y: box.top + y / scale };
      if (at.x < mapBox.left + 60 && at.y < mapBox.top + 90) continue;
      if (at.x > mapBox.left + 2 && at.x < mapBox.right - 2 && at.y > mapBox.top + 2 && at.y < mapBox.bottom - 2) return { ...at, colour };
    }
  }
  return null;
}

describe('<opd-csr-board>', () => {
  it('shows committed, spent, programmes, beneficiaries and needs not yet funded as the API sums them, to the rupiah', async () => {
    const loaded: CustomEvent[] = [];
    document.addEventListener('opd-csr-loaded', (event) => loaded.push(event as CustomEvent), { once: true });
    const element = await board();
    const figures = await shown(element);
    ok(summary.programs > 20 && summary.committed > 1_000_000_000 && summary.spent > 0, 'the demo has many programmes worth more than a billion');
    const figure = (key: string) => figures.querySelector<HTMLElement>(`.figure--${key}`)!;
    includes(plain(text(figure('committed'))), `Tepatnya ${rupiah(summary.committed)}`, 'committed, exact');
    ok(/^Rp \d+(,\d)? (miliar|juta)$/.test(plain(text(figure('committed').querySelector('.figure-value')))), `committed in short: ${text(figure('committed').querySelector('.figure-value'))}`);
    equal(plain(figure('committed').querySelector('.figure-value')!.getAttribute('title')), rupiah(summary.committed), 'the exact figure in its title');
    includes(plain(text(figure('spent'))), `Tepatnya ${rupiah(summary.spent)}`, 'spent, exact');
    includes(plain(text(figure('spent'))), `${Math.round((summary.spent / summary.committed) * 100)} % dari dana dijanjikan`, 'spent as a share');
    equal(text(figure('programs').querySelector('.figure-value')), idNumber(summary.programs), 'counted programmes');
    equal(text(figure('beneficiaries').querySelector('.figure-value')), idNumber(summary.beneficiaries), 'beneficiaries');
    ok(summary.unfunded.count > 0, 'the demo has needs not yet funded');
    equal(text(figure('unfunded').querySelector('.figure-value')), idNumber(summary.unfunded.count), 'needs not yet funded');
    includes(plain(text(figure('unfunded'))), rupiah(summary.unfunded.estimatedCost), 'with their estimated cost');
    await until(() => loaded.length === 1, 'opd-csr-loaded');
    equal(
      JSON.stringify(loaded[0]!.detail),
      JSON.stringify({ opd: OPD, year: null, programs: summary.programs, committed: summary.committed, spent: summary.spent, overspent: summary.overspent.map((p) => p.id) }),
      'the event says what is shown',
    );
  });

  it('draws committed against spent by field, kecamatan and company, with the same figures in each table alternative', async () => {
    const element = await board();
    await shown(element);
    const names = new Map(summary.fields.map((f) => [f.id, f.name]));
    equal(tableRows(element, 'field').join('\n'), summary.byField.map((r) => [names.get(r.field), r.programs, idNumber(r.committed), idNumber(r.spent)].join('|')).join('\n'), 'by field, in the OPD’s order');
    const byKecamatan = [...summary.byKecamatan].sort((a, b) => b.committed - a.committed || a.kecamatan.localeCompare(b.kecamatan, 'id'));
    equal(tableRows(element, 'kecamatan').join('\n'), byKecamatan.map((r) => [r.kecamatan, r.programs, idNumber(r.committed), idNumber(r.spent)].join('|')).join('\n'), 'by kecamatan, most committed first');
    ok(summary.byKecamatan.length >= 20, `most of Lahat's 24 kecamatan (${summary.byKecamatan.length})`);
    equal(tableRows(element, 'company').join('\n'), summary.byCompany.map((r) => [r.company.name, r.programs, idNumber(r.committed), idNumber(r.spent)].join('|')).join('\n'), 'by company');
    for (const chart of ['field', 'kecamatan', 'company']) {
      const total = [...$$(element, `.chart--${chart} tfoot td`)].slice(0, 3).map((td) => plain(text(td)));
      equal(total.join('|'), [summary.programs, idNumber(summary.committed), idNumber(summary.spent)].join('|'), `${chart}: its total row is the board's total`);
      const bars = $(element, `.chart--${chart} [part~=chart-bars]`);
      equal(bars.getAttribute('role'), 'img', `${chart}: the bars are one image`);
      includes(bars.getAttribute('aria-label'), 'Angkanya ada di tabel', `${chart}: described in words`);
      equal(text($(element, `.chart--${chart} details summary`)), 'Lihat sebagai tabel', `${chart}: the table behind "Lihat sebagai tabel"`);
    }
    // The largest committed bar spans the chart; the others in proportion.
    const rows = $$(element, '.chart--company .bar-row');
    const widthOf = (row: HTMLElement, bar: string) => row.querySelector(bar)!.getBoundingClientRect().width;
    const track = rows[0]!.querySelector('svg')!.getBoundingClientRect().width;
    const max = Math.max(...summary.byCompany.map((r) => Math.max(r.committed, r.spent)));
    summary.byCompany.forEach((r, i) => {
      ok(Math.abs(widthOf(rows[i]!, '.bar-committed') - (r.committed / max) * track) < 2, `${r.company.name}: committed drawn to scale`);
      ok(Math.abs(widthOf(rows[i]!, '.bar-spent') - (r.spent / max) * track) < 2, `${r.company.name}: spent drawn to scale`);
    });
    // 24 kecamatan: the first ten bars, then all from the keyboard.
    equal($$(element, '.chart--kecamatan .bar-row').length, CHART_ROWS, `the first ${CHART_ROWS} kecamatan bars`);
    const all = $<HTMLButtonElement>(element, '.chart--kecamatan .show-all');
    all.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    equal($$(element, '.chart--kecamatan .bar-row').length, summary.byKecamatan.length, 'every kecamatan after "Tampilkan semua"');
    equal(deepActiveElement(), all, 'focus stays on the button');
  });

  it('flags the programmes over budget in words, in the summary and in the list', async () => {
    const element = await board();
    await shown(element);
    ok(summary.overspent.length > 0, 'the demo has a programme over budget');
    const over = $(element, '[part~=overspent]');
    includes(text(over), `${summary.overspent.length} program melebihi dana yang dijanjikan`, 'how many');
    for (const p of summary.overspent) {
      const li = over.querySelector(`[data-over="${p.id}"]`);
      includes(plain(text(li)), `terealisasi ${rupiah(p.spent)} dari ${rupiah(p.committed)} yang dijanjikan: lebih ${rupiah(p.overspentBy)}`, `${p.title}: by how much`);
      equal(p.spent - p.committed, p.overspentBy, 'the API’s sum');
    }
    const first = summary.overspent[0]!;
    const page = await client().csr.programs.search({ limit: 100 });
    const overProgram = page.data.find((p) => p.id === first.id)!;
    // Filter the list to that programme's place and company, then find its card.
    const filter = (name: string, value: string) => {
      const select = $<HTMLSelectElement>(element, `#filter-${name}`);
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
    filter('kecamatan', overProgram.location.kecamatan);
    filter('company', String(overProgram.company.id));
    const card = await until(() => element.shadowRoot?.querySelector<HTMLElement>(`[data-program="${first.id}"]`)?.closest('article'), 'the programme over budget in the list');
    includes(plain(text(card.querySelector('.badge--over'))), `Melebihi anggaran: lebih ${rupiah(first.overspentBy)}`, 'its card says so in words');
  });

  it('narrows the list by field, kecamatan, status and year to the API’s count, and pages through it', async () => {
    const element = await board();
    await shown(element);
    includes(text($(element, '[part~=count]')), `${idNumber((await client().csr.programs.search({ limit: 1 })).total)} program`, 'every programme at first');
    const field = summary.byField.filter((r) => r.programs > 0).sort((a, b) => b.programs - a.programs)[0]!.field;
    const select = $<HTMLSelectElement>(element, '#filter-field');
    select.focus();
    select.value = field;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const expected = await client().csr.programs.search({ field, limit: PAGE_SIZE });
    ok(expected.total > 0 && expected.total < 50, `the field ${field} narrows the list (${expected.total})`);
    await until(() => text($(element, '[part~=count]')) === `${idNumber(expected.total)} program.`, `the count ${expected.total}`);
    const name = summary.fields.find((f) => f.id === field)!.name;
    equal($$(element, '[part~=program] [data-program]').map((b) => b.dataset.program).join(), expected.data.map((p) => p.id).join(), 'the API’s first page, in its order');
    for (const card of $$(element, '[part~=program]')) includes(text(card.querySelector('.meta')), name, 'each of that field');

    const year = summary.byYear[0]!.year;
    const yearSelect = $<HTMLSelectElement>(element, '#filter-year');
    yearSelect.value = String(year);
    yearSelect.dispatchEvent(new Event('change', { bubbles: true }));
    const both = await client().csr.programs.search({ field, year, limit: PAGE_SIZE });
    await until(() => text($(element, '[part~=count]')) === (both.total === 0 ? 'Tidak ada program yang cocok.' : `${idNumber(both.total)} program.`), `the count of ${field} in ${year}`);
    ok(both.total <= expected.total, 'narrower still');

    const clear = $<HTMLButtonElement>(element, '.clear');
    clear.click();
    const all = await client().csr.programs.search({ limit: PAGE_SIZE });
    await until(() => text($(element, '[part~=count]')) === `${idNumber(all.total)} program.`, 'every programme again');
    ok(all.nextCursor, 'more than one page');
    includes(text($(element, '.shown')), `Menampilkan ${PAGE_SIZE} dari ${all.total}`, 'how many shown');
    $<HTMLButtonElement>(element, '[part~=more]').click();
    await until(() => $$(element, '[part~=program]').length === Math.min(2 * PAGE_SIZE, all.total), 'the second page');
    const second = await client().csr.programs.search({ limit: PAGE_SIZE, cursor: all.nextCursor });
    await until(() => (deepActiveElement() as HTMLElement | null)?.dataset.program === String(second.data[0]!.id), 'focus on the first programme added');
  });

  it('opens a programme’s details: company, place, budget, spending entries summing to what was spent, evidence, plan and goal, and no personal data', async () => {
    const page = await client().csr.programs.search({ status: 'running', limit: 100 });
    let before: CsrProgramDetail | undefined;
    for (const p of page.data.slice(0, PAGE_SIZE).filter((p) => p.spent > 0 && !p.overspent)) {
      const detail = await client().csr.programs.get(p.id);
      if (!before || detail.spending.length > before.spending.length) before = detail;
      if (before.spending.length >= 2) break;
    }
    ok(before && before.spending.length > 0, 'a running programme with spending entries');
    const evidenceUrl = await uploadEvidence(before.spending[0]!.id);
    const program = await client().csr.programs.get(before.id);

    const opened: CustomEvent[] = [];
    document.addEventListener('opd-csr-program-opened', (event) => opened.push(event as CustomEvent), { once: true });
    const element = await board();
    await shown(element);
    const status = $<HTMLSelectElement>(element, '#filter-status');
    status.value = 'running';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => text($(element, '[part~=count]')) === `${idNumber(page.total)} program.`, 'the running programmes');
    const button = await until(() => element.shadowRoot?.querySelector<HTMLButtonElement>(`[data-program="${program.id}"]`), 'the programme in the list', 10_000);
    button.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $<HTMLDialogElement>(element, 'dialog');
    await until(() => dialog.open && dialog.querySelector('.spending'), 'the details with their spending');
    equal(text(dialog.querySelector('#dialog-title')), program.title, 'titled');
    equal(deepActiveElement(), dialog.querySelector('#dialog-title'), 'focus on the title');
    equal(JSON.stringify(opened[0]?.detail), JSON.stringify({ id: program.id, title: program.title }), 'the event');
    includes(text(dialog.querySelector('.detail-company')), program.company.name, 'the company');
    includes(text(dialog.querySelector('.detail-place')), `Desa ${program.location.desa}, Kec. ${program.location.kecamatan}`, 'the place');
    equal(plain(text(dialog.querySelector('.detail-committed dd'))), rupiah(program.committed), 'committed');
    equal(plain(text(dialog.querySelector('.detail-spent dd'))), rupiah(program.spent), 'spent');
    const rows = [...dialog.querySelectorAll<HTMLElement>('.spending tbody tr')];
    equal(rows.length, program.spending.length, 'every spending entry');
    const amounts = rows.map((row) => Number(plain(text(row.querySelector('.amount'))).replace(/\./g, '')));
    equal(amounts.reduce((a, b) => a + b, 0), program.spent, 'the entries add up to what was spent');
    equal(plain(text(dialog.querySelector('.spending .total'))), idNumber(program.spent), 'and their total says so');
    program.spending.forEach((entry, i) => equal(rows[i]!.querySelector('time')!.getAttribute('datetime'), entry.date, `entry ${i + 1}: its date`));
    program.spending.forEach((entry, i) => equal(rows[i]!.querySelectorAll('.evidence a').length, entry.evidence.length, `entry ${i + 1}: a link per evidence file`));
    const links = [...rows[0]!.querySelectorAll<HTMLAnchorElement>('.evidence a')];
    equal(links.at(-1)!.href, evidenceUrl, 'the evidence uploaded links to the file');
    equal((await fetch(links.at(-1)!.href)).headers.get('content-type'), 'application/pdf', 'which is served');
    ok(links.length >= 2, 'the demo’s own receipt besides');
    const receipt = await fetch(links[0]!.href);
    equal(receipt.headers.get('content-type'), 'application/pdf', 'the demo receipt is a PDF');
    includes(await receipt.text(), 'CONTOH SINTETIS', 'saying it is synthetic');
    if (program.rpjmdPriority) includes(text(dialog), program.rpjmdPriority, 'the RPJMD priority');
    if (program.sdg) includes(text(dialog), `Tujuan ${program.sdg}`, 'the SDG');
    ok(program.rpjmdPriority || program.sdg, 'the demo programme names its plan or goal');
    if (program.beneficiaries) includes(text(dialog), `${idNumber(program.beneficiaries)} orang`, 'beneficiaries');

    // What only staff see never reaches the page: the companies' contact persons and the villages'.
    const token = await tokenOf('bappeda@lahat.demo');
    const staff = (await (await fetch(`${testConfig().api}/api/v1/opds/${OPD}/csr/staff/companies`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { data: { contact: { name: string; phone: string | null; email: string | null } | null }[] };
    const secrets = staff.data.flatMap((c) => (c.contact ? [c.contact.name, c.contact.phone, c.contact.email] : [])).filter((s): s is string => Boolean(s));
    ok(secrets.length > 0, 'the demo companies have contact persons');
    const everything = `${element.shadowRoot!.textContent} ${dialog.textContent}`;
    for (const secret of [...secrets, 'Kepala Desa', '@perusahaan.demo', '0812 0000']) ok(!everything.includes(secret), `no "${secret}" on the page`);

    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'the dialog closed');
    await until(() => deepActiveElement() === button, 'focus back on the programme');
  });

  it('speaks English with lang="en", amounts written the English way', async () => {
    const element = await board('lang="en"');
    const figures = await shown(element);
    equal($(element, '[part~=base]').getAttribute('lang'), 'en', 'marked as English');
    includes(text($(element, '#board-title')), 'CSR funds for regional development', 'the title');
    includes(plain(text(figures.querySelector('.figure--committed'))), `Exactly Rp ${summary.committed.toLocaleString('en-GB')}`, 'committed');
    ok(/billion|million/.test(text(figures.querySelector('.figure--committed .figure-value'))), 'in short, in English');
    includes(text($(element, '.chart--field details summary')), 'Show as a table', 'the table alternative');
    const en = new Map(summary.fields.map((f) => [f.id, f.nameEn ?? f.name]));
    equal(text($(element, '.chart--field tbody th')), en.get(summary.byField[0]!.field), 'fields by their English names');
    includes(text($(element, '[part~=count]')), 'programmes', 'the count');
    includes(text($(element, '[part~=overspent]')), 'spent more than was committed', 'over budget, in words');
    equal($(element, '[part~=program-title]').getAttribute('lang'), 'id', 'a programme’s Indonesian title marked as Indonesian');
  });

  it('shows one budget year with the year attribute, its list filtered to it', async () => {
    const year = summary.byYear[0]!.year;
    const one = await client().csr.summary({ year });
    const element = await board(`year="${year}"`);
    const figures = await shown(element);
    includes(text($(element, '#board-title')), String(year), 'the year in the heading');
    includes(plain(text(figures.querySelector('.figure--committed'))), rupiah(one.committed), 'that year’s committed');
    ok(one.committed < summary.committed, 'less than every year');
    equal($<HTMLSelectElement>(element, '#filter-year').value, String(year), 'the list’s year filter set to it');
    const page = await client().csr.programs.search({ year, limit: PAGE_SIZE });
    await until(() => text($(element, '[part~=count]')) === `${idNumber(page.total)} program.`, 'that year’s programmes');
  });

  it('keeps the loading frame where the figures come, and offers a retry when the API cannot be reached', async () => {
    const errors: CustomEvent[] = [];
    const onError = (event: Event) => errors.push(event as CustomEvent);
    document.addEventListener('opd-error', onError);
    let down = true;
    const realFetch = window.fetch;
    window.fetch = (input, init) => (down ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init));
    try {
      const element = await board();
      const notice = await until(() => element.shadowRoot?.querySelector('.board-notice'), 'the offline notice', 15_000);
      includes(text(notice), 'tidak ada koneksi', 'says there is no connection');
      equal(notice.getAttribute('role'), 'alert', 'announced');
      await until(() => errors.length === 2, 'opd-error for the summary and the list');
      equal(errors.map((e) => (e.detail as { action: string }).action).sort().join(), 'load-csr-programs,load-csr-summary', 'the events say what failed');
      down = false;
      const retry = $<HTMLButtonElement>(element, '.board-notice button');
      equal(text(retry), 'Coba lagi', 'the retry button');
      retry.click();
      await shown(element);
      includes(plain(text($(element, '.figure--committed'))), rupiah(summary.committed), 'loaded after the retry');
    } finally {
      window.fetch = realFetch;
      document.removeEventListener('opd-error', onError);
    }

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    window.fetch = async (input, init) => {
      await gate;
      return realFetch(input, init);
    };
    try {
      cleanup();
      const element = await board();
      const frame = $(element, '.figures--loading');
      includes(text(frame), 'Memuat', 'says it is loading');
      equal($(element, '[part~=base]').getAttribute('aria-busy'), 'true', 'busy');
      const top = frame.getBoundingClientRect().top;
      const height = frame.getBoundingClientRect().height;
      release();
      const figures = await shown(element);
      ok(Math.abs(figures.getBoundingClientRect().top - top) < 1, 'the figures start where the frame did');
      ok(Math.abs(figures.getBoundingClientRect().height - height) < height * 0.15, `about as tall (${height} → ${figures.getBoundingClientRect().height})`);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('offers every kecamatan and year with a programme or a need not yet funded, each with how many', async () => {
    const programs = await everyProgram();
    const element = await board();
    await shown(element);
    const collator = new Intl.Collator('id');
    const kecamatan = [...new Set([...programs.map((p) => p.location.kecamatan), ...summary.unfunded.needs.map((n) => n.kecamatan)])].sort(collator.compare);
    const options = (id: string) => $$<HTMLOptionElement>(element, `#${id} option`).slice(1);
    equal(options('filter-kecamatan').map((o) => o.value).join('|'), kecamatan.join('|'), 'every kecamatan with a programme or a need, in Indonesian order');
    const withNeed = summary.unfunded.needs.find((n) => programs.filter((p) => p.location.kecamatan === n.kecamatan).length > 0)!;
    const count = programs.filter((p) => p.location.kecamatan === withNeed.kecamatan).length;
    const needs = summary.unfunded.needs.filter((n) => n.kecamatan === withNeed.kecamatan).length;
    equal(text(options('filter-kecamatan').find((o) => o.value === withNeed.kecamatan)), `${withNeed.kecamatan} (${count} program, ${needs} usulan)`, 'a kecamatan with its programmes and needs');
    const notCounted = programs.find((p) => p.status === 'proposed' || p.status === 'cancelled');
    if (notCounted) ok(options('filter-kecamatan').some((o) => o.value === notCounted.location.kecamatan), 'a proposed or cancelled programme’s kecamatan too');
    const years = [...new Set([...programs.map((p) => p.year), ...summary.unfunded.needs.map((n) => n.year)])].sort((a, b) => b - a);
    equal(options('filter-year').map((o) => o.value).join('|'), years.join('|'), 'every year with data, newest first');
    const year = years.at(-1)!;
    includes(text(options('filter-year').find((o) => o.value === String(year))), `${year} (${programs.filter((p) => p.year === year).length} program`, 'a year with its programmes');
  });

  it('draws the programmes with a location on a map, fetching Leaflet only then, and a dot opens its programme', async () => {
    const programs = await everyProgram();
    const located = programs.filter((p) => p.location.point);
    const element = await board();
    await shown(element);
    const leaflet = () => performance.getEntriesByType('resource').some((entry) => /leaflet/.test(entry.name));
    ok(!leaflet(), 'no Leaflet before the map is opened');
    ok(!element.shadowRoot!.querySelector('#map'), 'no map box in the list view');
    const mapButton = $<HTMLButtonElement>(element, '[part~=views] [data-view=map]');
    equal(mapButton.getAttribute('aria-pressed'), 'false', 'the list first');
    mapButton.click();
    await until(() => text(element.shadowRoot!.querySelector('.map-status')).startsWith(`${idNumber(located.length)} program di peta`), `${located.length} programmes on the map`, 15_000);
    ok(leaflet(), 'Leaflet fetched once the map is opened');
    ok(!element.shadowRoot!.querySelector('[part~=list]'), 'the map in place of the list');
    const legend = $$(element, '[part~=map-legend] li').map((li) => text(li));
    const fields = summary.fields.filter((f) => located.some((p) => p.field === f.id)).map((f) => f.name);
    equal(legend.join('|'), fields.join('|'), 'a colour for each field on the map, named');
    $(element, '#map').scrollIntoView({ block: 'center' });
    const dot = await until(() => findDot(element), 'a dot drawn on the canvas');
    const opened: number[] = [];
    element.addEventListener('opd-csr-program-opened', (event) => opened.push((event as CustomEvent<{ id: number }>).detail.id));
    await sendMouse({ type: 'click', position: [Math.round(dot.x), Math.round(dot.y)] });
    const dialog = $<HTMLDialogElement>(element, 'dialog');
    await until(() => dialog.open && (dialog.querySelector('.details') || dialog.querySelector('.choose')), 'the details, or the programmes at that spot');
    const choose = dialog.querySelector<HTMLButtonElement>('.choose');
    if (choose) {
      const here = $$<HTMLButtonElement>(element, '.choose').map((b) => Number(b.dataset.choose));
      ok(here.length > 1, 'a choice only where several programmes share the spot');
      choose.click();
    }
    await until(() => opened.length === 1 && dialog.querySelector('.details'), 'the programme’s details');
    const program = located.find((p) => p.id === opened[0])!;
    ok(program, 'a programme with a location');
    equal(text(dialog.querySelector('.dialog-title')), program.title, 'its title');
    const fieldIndex = summary.fields.findIndex((f) => f.id === program.field);
    equal(FIELD_COLOURS[fieldIndex % FIELD_COLOURS.length], dot.colour, 'the dot has its field’s colour');
    dialog.close();
    await until(() => deepActiveElement() === $(element, '#map'), 'focus back on the map');

    // A filter narrows the map as it narrows the list.
    const field = located[0]!.field;
    const select = $<HTMLSelectElement>(element, '#filter-field');
    select.value = field;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const inField = located.filter((p) => p.field === field).length;
    await until(() => text(element.shadowRoot!.querySelector('.map-status')).startsWith(`${idNumber(inField)} program di peta`), `${inField} programmes of ${field}`);
    equal($$(element, '[part~=map-legend] li').length, 1, 'one field in the legend');
    $<HTMLButtonElement>(element, '[part~=views] [data-view=list]').click();
    await until(() => element.shadowRoot!.querySelector('[part~=list]'), 'the list again');
    ok($(element, '#map').hidden, 'the map hidden, kept for next time');
    equal((await axeViolations(element)).join('\n'), '', 'axe with the map made');
  });

  it('says the page is set up wrong without an opd attribute', async () => {
    const element = await mount<OpdCsrBoard>(`<opd-csr-board api="${testConfig().api}"></opd-csr-board>`);
    const notice = await until(() => element.shadowRoot?.querySelector('.board-notice'), 'the notice');
    includes(text(notice), 'atribut opd', 'names the attribute');
  });

  it('fits a 320 px phone and stays legible under a 10 px root font and a global reset', async () => {
    const reset = document.createElement('style');
    reset.textContent = 'html { font-size: 10px } * { margin: 0 !important; padding: 0 !important; box-sizing: content-box; font-size: 1rem; line-height: 1 } button, summary { display: none }';
    document.head.append(reset);
    const holder = document.createElement('div');
    holder.style.width = '320px';
    document.body.append(holder);
    try {
      const element = document.createElement('opd-csr-board');
      element.setAttribute('api', testConfig().api);
      element.setAttribute('opd', OPD);
      holder.append(element);
      await shown(element);
      equal(element.getBoundingClientRect().width, 320, 'the widget keeps the page’s width');
      const right = element.getBoundingClientRect().right + 0.5;
      for (const part of ['[part~=figures]', '[part~=overspent]', '.chart--kecamatan', '[part~=filters]', '[part~=program]']) {
        ok($(element, part).getBoundingClientRect().right <= right, `${part} fits`);
      }
      ok(parseFloat(getComputedStyle($(element, '.program-title')).fontSize) >= 16, 'titles at 16px or more');
      ok(getComputedStyle($(element, '.chart--field summary')).display !== 'none', 'the page’s summary rule does not hide the table alternative');
    } finally {
      holder.remove();
      reset.remove();
    }
  });

  it('has no axe violations, with the tables open and with the details open', async () => {
    const element = await board();
    await shown(element);
    for (const details of $$<HTMLDetailsElement>(element, 'details')) details.open = true;
    for (const button of $$<HTMLButtonElement>(element, '.show-all')) button.click();
    await element.updateComplete;
    equal((await axeViolations(element)).join('\n'), '', 'axe on the board');
    $<HTMLButtonElement>(element, '[part~=program-title]').click();
    const dialog = $<HTMLDialogElement>(element, 'dialog');
    await until(() => dialog.open && dialog.querySelector('.details'), 'the details');
    equal((await axeViolations(element)).join('\n'), '', 'axe on the details');
  });
});
