/**
 * <opd-innovation-progress> in Chromium against the real API the runner starts (demo seed: 40
 * OPDs of a city, most with a verified innovation of the configured year, some without, the
 * 2023 IID model). Every figure the board shows is checked against the API's progress answer
 * read in the same run; the deadline is moved through the API as the regency admin (and put
 * back) to see the countdown before, on and after the day.
 */
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/innovation-progress/define.js';
import { COLLAPSED, type OpdInnovationProgress } from '../../widgets/innovation-progress/innovation-progress.js';
import { buildClient } from '../../src/build-client.js';
import { citizenInnovations } from '../../src/namespaces/citizen-innovations.js';
import type { InnovationProgress, ScoringModel } from '../../src/schemas/innovations.js';
import { tokenOf } from './console-helpers.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, includes, mount, ok, testConfig, text, until } from './helpers.js';

const client = () => buildClient({ baseUrl: testConfig().api }, { innovations: citizenInnovations });

let progress: InnovationProgress;
let model: ScoringModel;

before(async () => {
  progress = await client().innovations.progress();
  model = await client().innovations.model(progress.year);
});

afterEach(() => cleanup());

async function board(attributes = ''): Promise<OpdInnovationProgress> {
  return mount<OpdInnovationProgress>(`<opd-innovation-progress api="${testConfig().api}" ${attributes}></opd-innovation-progress>`);
}

/** Waits until the board shows its figures, and returns its headline. */
function shown(element: OpdInnovationProgress): Promise<HTMLElement> {
  return until(() => element.shadowRoot?.querySelector<HTMLElement>('[part~=headline]:not(.headline--loading)'), 'the progress board');
}

/** `n` written the Indonesian way, as the board does (72,5). */
const idNumber = (n: number) => n.toLocaleString('id-ID', { maximumFractionDigits: 2 });
const plain = (s: string | null | undefined) => (s ?? '').replace(/\u00a0/g, ' ');

/** Today in Asia/Jakarta, `YYYY-MM-DD`, plus `days`. */
function jakartaDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Sets the module's deadline as the regency admin; returns the settings as they were. */
async function setDeadline(deadline: string | null): Promise<{ reviewerOpd: string; deadline: string | null; year: number }> {
  const headers = { Authorization: `Bearer ${await tokenOf('admin@lahat.demo')}`, 'Content-Type': 'application/json' };
  const url = `${testConfig().api}/api/v1/innovation-settings`;
  const before = (await (await fetch(url, { headers })).json()) as { reviewerOpd: string; deadline: string | null; year: number };
  const response = await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ ...before, deadline }) });
  if (!response.ok) throw new Error(`setting the deadline answered ${response.status} ${await response.text()}`);
  return before;
}

async function restore(settings: { reviewerOpd: string; deadline: string | null; year: number }): Promise<void> {
  const headers = { Authorization: `Bearer ${await tokenOf('admin@lahat.demo')}`, 'Content-Type': 'application/json' };
  const response = await fetch(`${testConfig().api}/api/v1/innovation-settings`, { method: 'PUT', headers, body: JSON.stringify(settings) });
  if (!response.ok) throw new Error(`restoring the settings answered ${response.status}`);
}

describe('<opd-innovation-progress>', () => {
  it('shows how many OPDs have a verified innovation, as a progress bar with its sentence, as the API counts them', async () => {
    const loaded: CustomEvent[] = [];
    document.addEventListener('opd-progress-loaded', (event) => loaded.push(event as CustomEvent), { once: true });
    const element = await board();
    const headline = await shown(element);
    progress = await client().innovations.progress();
    // 40 demo OPDs, and the OPDs other widget tests create on the shared test server count too.
    ok(progress.opds >= 40 && progress.opdsDone > 0 && progress.opdsDone < progress.opds, 'the demo has 40 OPDs or more, some done, some not');
    const sentence = `${progress.opdsDone} dari ${progress.opds} OPD sudah memiliki inovasi terverifikasi (${idNumber(progress.percent)} %)`;
    includes(plain(text(headline)), sentence, 'the sentence');
    equal(plain(text($(element, '[part~=figure]'))), `${idNumber(progress.percent)} %`, 'the figure');
    const bar = $(element, '[part~=progress-bar]');
    equal(bar.getAttribute('role'), 'progressbar', 'a progress bar to assistive technology');
    equal(Number(bar.getAttribute('aria-valuenow')), progress.percent, 'its value');
    equal(plain(bar.getAttribute('aria-valuetext')), sentence, 'its value in words');
    const fill = $(element, '[part~=progress-bar] .bar-fill');
    const track = $(element, '[part~=progress-bar] .bar-track');
    const drawn = (fill.getBoundingClientRect().width / track.getBoundingClientRect().width) * 100;
    ok(Math.abs(drawn - progress.percent) < 1, `the bar is drawn to ${progress.percent} %, not ${drawn}`);
    includes(text($(element, '#board-title')), String(progress.year), 'the heading names the year');
    await until(() => loaded.length === 1, 'opd-progress-loaded');
    const detail = loaded[0]!.detail as Record<string, unknown>;
    equal(
      JSON.stringify(detail),
      JSON.stringify({
        year: progress.year,
        opds: progress.opds,
        opdsDone: progress.opdsDone,
        percent: progress.percent,
        deadline: progress.deadline,
        daysLeft: progress.daysLeft,
        missing: progress.missing,
      }),
      'the event says what is shown',
    );
  });

  it('shows the deadline as an Indonesian date and the days left', async () => {
    const element = await board();
    const headline = await shown(element);
    ok(progress.deadline && progress.daysLeft !== null && progress.daysLeft > 1, 'the demo deadline is ahead');
    const day = new Intl.DateTimeFormat('id-ID', { dateStyle: 'full', timeZone: 'Asia/Jakarta' }).format(new Date(`${progress.deadline}T12:00:00Z`));
    includes(text(headline), `Batas akhir ${day}`, 'the deadline written in Indonesian');
    equal($(element, 'time').getAttribute('datetime'), progress.deadline, 'and machine-readable');
    equal(text($(element, '[part~=countdown]')), `${progress.daysLeft.toLocaleString('id-ID')} hari lagi`, 'the countdown');
  });

  it('counts down to a deadline moved to tomorrow, today and three days ago (in WIB), and says when there is none', async () => {
    const before = await setDeadline(jakartaDay(0));
    try {
      let element = await board();
      await shown(element);
      equal(text($(element, '[part~=countdown]')), 'Hari ini batas akhir', 'on the day');
      ok($(element, '[part~=countdown]').classList.contains('countdown--soon'), 'marked as urgent');
      cleanup();

      await setDeadline(jakartaDay(1));
      element = await board();
      await shown(element);
      equal(text($(element, '[part~=countdown]')), 'Besok batas akhir', 'the eve');
      cleanup();

      await setDeadline(jakartaDay(-3));
      element = await board();
      await shown(element);
      equal(text($(element, '[part~=countdown]')), 'Lewat 3 hari', 'three days late');
      ok($(element, '[part~=countdown]').classList.contains('countdown--passed'), 'marked as passed');
      cleanup();

      await setDeadline(jakartaDay(-1));
      element = await board('lang="en"');
      await shown(element);
      equal(text($(element, '[part~=countdown]')), '1 day past the deadline', 'in English, one day late');
      cleanup();

      await setDeadline(null);
      element = await board();
      const headline = await shown(element);
      includes(text(headline), 'Belum ada batas akhir', 'no deadline');
      equal($$(element, '[part~=countdown]').length, 0, 'and no countdown');
    } finally {
      await restore(before);
    }
  });

  it('lists every OPD still without a verified innovation first, with what it has on its way', async () => {
    const element = await board();
    await shown(element);
    const sections = $$(element, '[part~=section]');
    ok(sections[0]?.classList.contains('section--missing'), 'the OPDs not yet done come first');
    // Read again: other widget tests add OPDs (none with an innovation) to the shared test server.
    progress = await client().innovations.progress();
    includes(text($(element, '#missing-title')), `(${progress.missing.length} OPD)`, 'their number');
    ok(progress.missing.length > COLLAPSED.done + 1, `the demo's ${progress.missing.length} missing OPDs are more than a short list`);
    const listed = $$(element, '.opd-list--missing .opd').map((li) => li.dataset.slug).join();
    // The board folds a list only when more than one row would be hidden.
    if (progress.missing.length <= COLLAPSED.missing + 1) {
      equal(listed, progress.missing.join(), 'every one, in the API’s order, without a click');
      equal($$(element, '.section--missing [part~=show-all]').length, 0, 'so no "show all"');
    } else {
      equal(listed, progress.missing.slice(0, COLLAPSED.missing).join(), `the first ${COLLAPSED.missing}, in the API’s order`);
      equal($$(element, '.section--missing [part~=show-all]').length, 1, 'and "show all" for the rest');
    }
    const names = new Map(progress.board.map((o) => [o.slug, o]));
    for (const li of $$(element, '.opd-list--missing .opd')) {
      const opd = names.get(li.dataset.slug!)!;
      equal(text(li.querySelector('.opd-name')), opd.name, 'each OPD by its name');
      const status = text(li.querySelector('.opd-status'));
      if (opd.submitted > 0) includes(status, `${opd.submitted} menunggu verifikasi`, `${opd.slug}: waiting`);
      else if (opd.inProgress > 0) includes(status, `${opd.inProgress} masih disusun`, `${opd.slug}: drafting`);
      else equal(status, 'belum ada usulan', `${opd.slug}: nothing yet`);
    }
    ok(progress.board.some((o) => o.verified === 0 && o.submitted + o.inProgress > 0), 'the demo has one on its way');
  });

  it('lists the OPDs done after them, collapsed until "Tampilkan semua", from the keyboard', async () => {
    const element = await board();
    await shown(element);
    const done = progress.board.filter((o) => o.verified > 0);
    includes(text($(element, '#done-title')), `(${done.length} OPD)`, 'the OPDs done, counted');
    equal(progress.opdsDone, done.length, 'as many as the headline says');
    const slugs = () => $$(element, '.opd-list--done .opd').map((li) => li.dataset.slug);
    equal(slugs().join(), done.slice(0, COLLAPSED.done).map((o) => o.slug).join(), `the first ${COLLAPSED.done} in the API's order`);
    const button = $<HTMLButtonElement>(element, '.section--done [part~=show-all]');
    equal(text(button), `Tampilkan semua (${done.length})`, 'the button says how many');
    equal(button.getAttribute('aria-expanded'), 'false', 'collapsed');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    equal(slugs().join(), done.map((o) => o.slug).join(), 'every OPD done after "show all"');
    equal(button.getAttribute('aria-expanded'), 'true', 'expanded');
    equal(deepActiveElement(), button, 'focus stays on the button');
    equal(text(button), 'Tampilkan lebih sedikit', 'which now collapses');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    equal(slugs().length, COLLAPSED.done, 'and collapses again');
  });

  it('breaks the verified innovations down by form, stage and digital or not, as tables', async () => {
    const element = await board();
    await shown(element);
    const tables = $$(element, '.breakdown');
    equal(tables.length, 3, 'three tables');
    const rows = (table: HTMLElement) => [...table.querySelectorAll('tbody tr')].map((row) => [text(row.querySelector('th')), text(row.querySelector('td'))].join(':'));
    equal(rows(tables[0]!).join('|'), `Pelayanan publik:${progress.byType['pelayanan-publik']}|Tata kelola pemerintahan daerah:${progress.byType['tata-kelola']}|Bentuk lainnya:${progress.byType.lainnya}`, 'by form');
    equal(rows(tables[1]!).join('|'), `Inisiatif:${progress.byStage.inisiatif}|Uji coba:${progress.byStage['uji-coba']}|Penerapan:${progress.byStage.penerapan}`, 'by stage');
    equal(rows(tables[2]!).join('|'), `Digital:${progress.digital}|Non-digital:${progress.nonDigital}`, 'digital or not');
  });

  it('names the OPDs with evidence gaps and the indicators they lack, by the model’s names', async () => {
    const element = await board();
    await shown(element);
    ok(progress.withEvidenceGaps.length > 0, 'the demo has gaps');
    includes(text($(element, '#gaps-title')), `(${progress.withEvidenceGaps.length} OPD)`, 'their number');
    $<HTMLButtonElement>(element, '.section--gaps [part~=show-all]').click();
    await element.updateComplete;
    equal($$(element, '.opd-list--gaps .opd').map((li) => li.dataset.slug).join(), progress.withEvidenceGaps.join(), 'every OPD the API names, in its order');
    const first = progress.board.find((o) => o.slug === progress.withEvidenceGaps[0])!;
    const names = new Map(model.indicators.map((i) => [i.id, i.name]));
    const li = $(element, `.opd-list--gaps .opd[data-slug="${first.slug}"]`);
    includes(text(li), `${first.evidenceGaps.length} indikator tanpa bukti`, 'how many');
    await until(() => text(li).includes(names.get(first.evidenceGaps[0]!)!), 'the indicator named');
    for (const gap of first.evidenceGaps) includes(text(li), names.get(gap)!, `names ${gap}`);
  });

  it('shows each OPD’s estimated IID score and category with the year’s model named', async () => {
    const element = await board();
    await shown(element);
    ok(progress.model, 'the demo year has a model');
    includes(text($(element, '.section--scores')), `Dihitung dengan model ${progress.model.name}`, 'the model named');
    const scored = progress.board.filter((o) => o.estimatedScore);
    ok(scored.length > 0, 'some OPDs are scored');
    ok(scored.length > COLLAPSED.scores + 1, 'more than a short table');
    equal($$(element, '.scores tbody tr').length, COLLAPSED.scores, `the first ${COLLAPSED.scores} at first`);
    $<HTMLButtonElement>(element, '.section--scores [part~=show-all]').click();
    await element.updateComplete;
    const rows = $$(element, '.scores tbody tr');
    equal(rows.map((row) => row.dataset.slug).join(), scored.map((o) => o.slug).join(), 'then one row per scored OPD');
    rows.forEach((row, i) => {
      const score = scored[i]!.estimatedScore!;
      equal(text(row.querySelector('.score')), score.value.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }), `${scored[i]!.slug}: the score`);
      equal(text(row.querySelector('.category')), score.category, `${scored[i]!.slug}: the category`);
      ok(['Sangat Inovatif', 'Inovatif', 'Kurang Inovatif', 'Tidak Dapat Dinilai'].includes(score.category), 'a category of the model');
    });
  });

  it('speaks English with lang="en", figures written the English way', async () => {
    const element = await board('lang="en"');
    const headline = await shown(element);
    progress = await client().innovations.progress(); // other widget tests add OPDs to the shared server
    includes(text(headline), `${progress.opdsDone} of ${progress.opds} agencies have a verified innovation (${progress.percent.toLocaleString('en', { maximumFractionDigits: 2 })}%)`, 'the sentence');
    includes(text($(element, '#board-title')), 'One Agency One Innovation', 'the title');
    equal(text($(element, '[part~=countdown]')), `${progress.daysLeft!.toLocaleString('en-GB')} days left`, 'the countdown');
    includes(text(headline), 'Deadline', 'the deadline');
    includes(text($(element, '.breakdown')), 'Public service', 'the forms');
    equal($(element, '[part~=base]').getAttribute('lang'), 'en', 'marked as English');
    equal($(element, '.opd-name').getAttribute('lang'), 'id', 'an OPD’s Indonesian name marked as Indonesian');
    includes(text($(element, '.section--scores .model')), `Computed with the model ${progress.model!.name}.`, 'the model named');
    equal($(element, '.section--scores .model span').getAttribute('lang'), 'id', 'its name marked as Indonesian');
  });

  it('shows another assessment year when its year attribute changes, with that year’s figures and no deadline', async () => {
    const other = await client().innovations.progress(progress.year - 1);
    const element = await board('heading-level="3"');
    await shown(element);
    equal($(element, '#board-title').getAttribute('aria-level'), '3', 'the heading at the page’s level');
    equal($(element, '#missing-title').getAttribute('aria-level'), '4', 'its sections one deeper');
    const years: number[] = [];
    element.addEventListener('opd-progress-loaded', (event) => years.push(event.detail.year));
    element.setAttribute('year', String(other.year));
    await until(() => text($(element, '#board-title')).includes(String(other.year)), `the board of ${other.year}`);
    equal(years.join(), String(other.year), 'one event for the year shown');
    includes(plain(text($(element, '[part~=headline]'))), `${other.opdsDone} dari ${other.opds} OPD`, 'that year’s count');
    equal(other.deadline, null, 'the deadline belongs to the configured year only');
    includes(text($(element, '[part~=headline]')), 'Belum ada batas akhir', 'so none is shown');
    equal($$(element, '.opd-list--missing .opd').length, other.missing.length > COLLAPSED.missing + 1 ? COLLAPSED.missing : other.missing.length, 'that year’s missing OPDs');
  });

  it('keeps the loading frame where the headline comes, so nothing jumps', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      await gate;
      return realFetch(input, init);
    };
    try {
      const element = await board();
      const frame = $(element, '.headline--loading');
      includes(text(frame), 'Memuat', 'says it is loading');
      equal($(element, '[part~=base]').getAttribute('aria-busy'), 'true', 'busy');
      const top = frame.getBoundingClientRect().top;
      const height = frame.getBoundingClientRect().height;
      release();
      const headline = await shown(element);
      ok(Math.abs(headline.getBoundingClientRect().top - top) < 1, 'the headline starts where the frame did');
      ok(Math.abs(headline.getBoundingClientRect().height - height) < height * 0.1, `about as tall (${height} → ${headline.getBoundingClientRect().height})`);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('offers a retry when the API cannot be reached, and loads once it can', async () => {
    const errors: CustomEvent[] = [];
    document.addEventListener('opd-error', (event) => errors.push(event as CustomEvent), { once: true });
    let down = true;
    const realFetch = window.fetch;
    window.fetch = (input, init) => (down ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init));
    try {
      const element = await board();
      const notice = await until(() => element.shadowRoot?.querySelector('.board-notice'), 'the offline notice', 15_000);
      includes(text(notice), 'tidak ada koneksi', 'says there is no connection');
      equal(notice.getAttribute('role'), 'alert', 'announced');
      await until(() => errors.length === 1, 'opd-error');
      equal((errors[0]!.detail as { code: string; action: string }).action, 'load-progress', 'the event says what failed');
      down = false;
      const retry = $<HTMLButtonElement>(element, '.board-notice button');
      equal(text(retry), 'Coba lagi', 'the retry button');
      retry.click();
      await shown(element);
      progress = await client().innovations.progress(); // other widget tests add OPDs to the shared server
      includes(plain(text($(element, '[part~=figure]'))), idNumber(progress.percent), 'loaded after the retry');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('says the page is set up wrong for a year the API refuses', async () => {
    const element = await board('year="2016"');
    const notice = await until(() => element.shadowRoot?.querySelector('.board-notice'), 'the notice');
    includes(text(notice), 'tahun "2016"', 'names the year');
  });

  it('fits a 320 px phone and stays legible under a 10 px root font and a global reset', async () => {
    const reset = document.createElement('style');
    reset.textContent = 'html { font-size: 10px } * { margin: 0 !important; padding: 0 !important; box-sizing: content-box; font-size: 1rem; line-height: 1 } button { display: none }';
    document.head.append(reset);
    const holder = document.createElement('div');
    holder.style.width = '320px';
    document.body.append(holder);
    try {
      const element = document.createElement('opd-innovation-progress');
      element.setAttribute('api', testConfig().api);
      holder.append(element);
      await shown(element);
      equal(element.getBoundingClientRect().width, 320, 'the widget keeps the page’s width');
      const right = element.getBoundingClientRect().right + 0.5;
      for (const part of ['[part~=headline]', '[part~=progress-bar]', '.opd-list--missing', '.breakdown', '.scores']) {
        ok($(element, part).getBoundingClientRect().right <= right, `${part} fits`);
      }
      ok(parseFloat(getComputedStyle($(element, '.opd-name')).fontSize) >= 15, 'names at 16px');
      ok(parseFloat(getComputedStyle($(element, '[part~=figure]')).fontSize) >= 40, 'the figure stays large');
      ok(getComputedStyle($(element, '[part~=show-all]')).display !== 'none', 'the page’s button rule does not hide "show all"');
    } finally {
      holder.remove();
      reset.remove();
    }
  });

  it('has no axe violations, with every list open', async () => {
    const element = await board();
    await shown(element);
    for (const button of $$<HTMLButtonElement>(element, '[part~=show-all]')) button.click();
    await element.updateComplete;
    const violations = await axeViolations(element);
    equal(violations.join('\n'), '', 'axe');
  });
});
