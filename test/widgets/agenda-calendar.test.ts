/**
 * <opd-agenda-calendar> in Chromium against the real API the runner starts (demo seed: the
 * Sekretariat DPRD with 36 synthetic events from 2 November 2026 to 29 January 2027, the
 * Propemperda plenary postponed from 7 to 9 December, Komisi IV's meeting of 3 December
 * cancelled, a working visit to Makassar in WITA on 10 December, the reses 14–19 December).
 * The server's clock is real, so every test opens the calendar at a month with events.
 */
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/agenda-calendar/define.js';
import type { OpdAgendaCalendar } from '../../widgets/agenda-calendar/agenda-calendar.js';
import { buildClient } from '../../src/build-client.js';
import { citizenAgenda } from '../../src/namespaces/agenda.js';
import type { AgendaEvent, Council } from '../../src/schemas/agenda.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, includes, mount, ok, testConfig, text, until } from './helpers.js';

const OPD = 'sekretariat-dprd';

let council: Council;
let december: AgendaEvent[];

/** The day an instant falls on in WIB. */
const wibDay = (instant: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(instant));

const byTitle = (part: string) => {
  const found = december.find((event) => event.title.includes(part));
  ok(found, `the demo has an event "${part}" in December`);
  return found;
};

before(async () => {
  const client = buildClient({ baseUrl: testConfig().api, opd: OPD }, { agenda: citizenAgenda });
  council = await client.agenda.council();
  december = await client.agenda.events.list({ from: '2026-12-01', to: '2027-01-01' }).toArray();
});

afterEach(() => cleanup());

async function calendar(attributes = 'date="2026-12-01"'): Promise<OpdAgendaCalendar> {
  const element = await mount<OpdAgendaCalendar>(`<opd-agenda-calendar api="${testConfig().api}" opd="${OPD}" ${attributes}></opd-agenda-calendar>`);
  await until(() => element.shadowRoot?.querySelector('[part~=grid], [part~=list], .empty-notice'), 'the calendar');
  return element;
}

/** The grid's cell of `day`. */
const cell = (element: OpdAgendaCalendar, day: string) => $(element, `td[data-day="${day}"]`);

/** Waits until the calendar shows `period` with its events. */
async function showing(element: OpdAgendaCalendar, period: string): Promise<void> {
  await until(() => text($(element, '[part~=period]')) === period && element.shadowRoot?.querySelector('[part~=base]')?.getAttribute('aria-busy') === 'false', `the period ${period}`);
}

/** Waits for the dialog to be open, and returns it. */
const openDialog = (element: OpdAgendaCalendar) => until(() => element.shadowRoot?.querySelector<HTMLDialogElement>('dialog[open]'), 'the dialog');

describe('<opd-agenda-calendar>', () => {
  it('shows December 2026 as a month grid with each event on its day in WIB, day names from Intl', async () => {
    const loaded: CustomEvent[] = [];
    document.addEventListener('opd-agenda-loaded', (event) => loaded.push(event as CustomEvent));
    const element = await calendar();
    await showing(element, 'Desember 2026');
    const headers = $$(element, '[part~=grid] th');
    equal(headers.length, 7, 'seven days a week');
    equal(headers[0]!.getAttribute('abbr'), 'Minggu', 'the week starts on Sunday (Minggu), Indonesia’s first day');
    equal(headers[1]!.getAttribute('abbr'), 'Senin', 'then Monday, in Indonesian from Intl');
    ok(december.length >= 12, `December has the demo's events (${december.length})`);
    for (const event of december) {
      const day = event.allDay ? event.startDate! : wibDay(event.startsAt);
      const chip = cell(element, day).querySelector(`[data-event="${event.id}"]`);
      ok(chip, `${event.title} is shown on ${day}`);
    }
    const rdp = byTitle('Jalan Rusak');
    const chip = cell(element, '2026-12-01').querySelector(`[data-event="${rdp.id}"]`);
    includes(text(chip), '10.00–12.00', 'its time in WIB, written the Indonesian way');
    const postponed = byTitle('Propemperda');
    ok(cell(element, '2026-12-09').querySelector(`[data-event="${postponed.id}"]`), 'the postponed plenary is on the 9th');
    ok(!cell(element, '2026-12-07').querySelector(`[data-event="${postponed.id}"]`), 'and no longer on the 7th');
    const reses = byTitle('Reses Masa Sidang');
    for (const day of ['2026-12-14', '2026-12-16', '2026-12-19']) {
      includes(text(cell(element, day).querySelector(`[data-event="${reses.id}"]`)), 'Sepanjang hari', `the reses covers ${day} all day`);
    }
    ok(!cell(element, '2026-12-20').querySelector(`[data-event="${reses.id}"]`), 'and ends on the 19th');
    ok(cell(element, '2026-11-29').classList.contains('outside'), 'November’s last days are marked outside the month');
    includes(text($(element, '.note')), 'WIB (Asia/Jakarta)', 'says the times are WIB');
    await until(() => loaded.length > 0, 'opd-agenda-loaded');
    const detail = loaded.at(-1)!.detail as { opd: string; view: string; from: string; to: string; events: number };
    equal(`${detail.opd} ${detail.view} ${detail.from} ${detail.to}`, `${OPD} month 2026-11-29 2027-01-03`, 'the event names the days shown');
  });

  it('marks today in the grid', async () => {
    const today = wibDay(new Date().toISOString());
    const element = await calendar(`date="${today}"`);
    const marked = await until(() => element.shadowRoot?.querySelector<HTMLElement>('td.today'), 'today');
    equal(marked.dataset.day, today, 'today (in WIB) is marked');
    equal(marked.getAttribute('aria-current'), 'date', 'and said to be today');
    includes(text(marked), 'hari ini', 'in words too');
    equal($$(element, 'td.today').length, 1, 'one day only');
  });

  it('gives each day its full date and events to assistive technology', async () => {
    const element = await calendar();
    await showing(element, 'Desember 2026');
    const ninth = cell(element, '2026-12-09');
    includes(text(ninth), 'Rabu, 9 Desember 2026', 'the full date in the cell');
    includes(text(ninth), '2 agenda', 'how many events');
    includes(text(ninth), 'Penetapan Propemperda', 'and their titles');
    includes(text(cell(element, '2026-12-05')), 'Tidak ada agenda', 'an empty day says so');
    equal(ninth.getAttribute('role'), 'gridcell', 'a grid cell');
    equal($(element, '[part~=grid]').getAttribute('role'), 'grid', 'of a grid');
  });

  it('shows the WITA working visit with its own zone, and the council’s time beside it', async () => {
    const element = await calendar();
    await showing(element, 'Desember 2026');
    const visit = byTitle('Makassar');
    equal(visit.timeZone, 'Asia/Makassar', 'the demo visit is in WITA');
    const chip = $<HTMLButtonElement>(element, `td[data-day="2026-12-10"] [data-event="${visit.id}"]`);
    includes(text(chip), '09.00–15.00 WITA', 'its local time with its zone');
    chip.click();
    const dialog = await openDialog(element);
    includes(text(dialog.querySelector('.when')), 'Kamis, 10 Desember 2026, 09.00–15.00 WITA (08.00–14.00 WIB)', 'in WITA and in WIB');
  });

  it('moves the focus with the arrow keys, Home/End, and changes month with Page Up/Page Down', async () => {
    const element = await calendar('date="2026-12-09"');
    await showing(element, 'Desember 2026');
    const start = cell(element, '2026-12-09');
    equal(start.tabIndex, 0, 'the day asked for holds the tab stop');
    equal($$(element, 'td[tabindex="0"]').length, 1, 'and only it (roving tabindex)');
    start.focus();
    const focused = () => (deepActiveElement() as HTMLElement | null)?.dataset.day;
    const press = async (key: string, day: string) => {
      await sendKeys({ press: key });
      await until(() => focused() === day, `${key} to ${day}`);
    };
    await press('ArrowRight', '2026-12-10');
    await press('ArrowDown', '2026-12-17');
    await press('ArrowLeft', '2026-12-16');
    await press('ArrowUp', '2026-12-09');
    await press('Home', '2026-12-06');
    await press('End', '2026-12-12');
    await press('PageDown', '2027-01-12');
    await showing(element, 'Januari 2027');
    ok(cell(element, '2027-01-13').querySelector('[data-event]'), 'January’s events are loaded');
    await press('PageUp', '2026-12-12');
    await showing(element, 'Desember 2026');
    await press('ArrowRight', '2026-12-13');
    await press('ArrowRight', '2026-12-14');
    equal($$(element, 'td[tabindex="0"]').length, 1, 'still one tab stop');
  });

  it('opens the day’s events with Enter, and gives the focus back when the dialog closes', async () => {
    const opened: CustomEvent[] = [];
    document.addEventListener('opd-event-opened', (event) => opened.push(event as CustomEvent));
    const element = await calendar('date="2026-12-09"');
    await showing(element, 'Desember 2026');
    cell(element, '2026-12-09').focus();
    await sendKeys({ press: 'Enter' });
    let dialog = await openDialog(element);
    includes(text(dialog.querySelector('#dialog-title')), 'Agenda Rabu, 9 Desember 2026', 'two events: the day’s list');
    const propemperda = byTitle('Propemperda');
    dialog.querySelector<HTMLButtonElement>(`[data-event="${propemperda.id}"]`)!.click();
    await until(() => text(dialog.querySelector('#dialog-title')).includes('Penetapan Propemperda'), 'the event');
    includes(text(dialog), 'Diundur dari Senin, 7 Desember 2026', 'the change log says it was postponed from the 7th');
    includes(text(dialog.querySelector('.flags')), 'Diundur', 'and it is labelled postponed');
    for (const doc of propemperda.documents) includes(text(dialog.querySelector('.documents')), doc.title, `the document ${doc.title}`);
    await until(() => opened.some((e) => (e.detail as { id: number }).id === propemperda.id), 'opd-event-opened');
    await sendKeys({ press: 'Escape' });
    await until(() => !element.shadowRoot?.querySelector('dialog[open]'), 'the dialog to close');
    await until(() => (deepActiveElement() as HTMLElement | null)?.dataset.day === '2026-12-09', 'the focus back on the 9th');

    cell(element, '2026-12-09').focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => (deepActiveElement() as HTMLElement | null)?.dataset.day === '2026-12-10', 'the 10th');
    await sendKeys({ press: 'Enter' });
    dialog = await openDialog(element);
    includes(text(dialog.querySelector('#dialog-title')), 'Makassar', 'one event: its details at once');
    $<HTMLButtonElement>(element, 'dialog .close').click();
    await until(() => (deepActiveElement() as HTMLElement | null)?.dataset.day === '2026-12-10', 'the focus back on the 10th after Tutup');
  });

  it('links the event’s .ics and the council’s webcal feed, with Google Calendar’s https fallback', async () => {
    const element = await calendar();
    await showing(element, 'Desember 2026');
    const rdp = byTitle('Jalan Rusak');
    $<HTMLButtonElement>(element, `[data-event="${rdp.id}"]`).click();
    const dialog = await openDialog(element);
    const ics = dialog.querySelector<HTMLAnchorElement>('[part~=ics-link]');
    ok(ics, 'an add-to-calendar link');
    equal(ics.href, rdp.icsUrl, 'it is the event’s .ics');
    includes(text(ics), 'Tambahkan ke kalender saya', 'said in Indonesian');
    const response = await fetch(ics.href);
    includes(response.headers.get('content-type'), 'text/calendar', 'the link gives iCalendar');
    includes(await response.text(), `SUMMARY:${rdp.title.slice(0, 30)}`, 'with the event');
    $<HTMLButtonElement>(element, 'dialog .close').click();
    equal($<HTMLAnchorElement>(element, '.webcal-link').href, council.feed.webcal, 'the subscribe link is the council’s webcal: feed');
    ok(council.feed.webcal.startsWith('webcal://'), 'a webcal: address');
    const google = new URL($<HTMLAnchorElement>(element, '.google-link').href);
    equal(google.origin, 'https://calendar.google.com', 'a Google Calendar link');
    equal(google.searchParams.get('cid'), council.feed.webcal, 'subscribing to the feed');
    equal($<HTMLAnchorElement>(element, '.feed-link').href, council.feed.ics, 'and the https address to paste');
  });

  it('shows the cancelled meeting struck through and labelled, not hidden, and the closed one labelled', async () => {
    const element = await calendar();
    await showing(element, 'Desember 2026');
    const cancelled = byTitle('Layanan Puskesmas');
    equal(cancelled.status, 'cancelled', 'the demo cancelled it');
    const chip = $<HTMLButtonElement>(element, `td[data-day="2026-12-03"] [data-event="${cancelled.id}"]`);
    ok(chip.classList.contains('cancelled'), 'shown as cancelled');
    includes(text(chip), 'Dibatalkan', 'labelled in words');
    includes(getComputedStyle(chip.querySelector('.chip-title')!).textDecorationLine, 'line-through', 'and struck through');
    chip.click();
    const dialog = await openDialog(element);
    includes(text(dialog.querySelector('.cancel-reason')), `Dibatalkan: ${cancelled.cancelReason!}`, 'the reason');
    $<HTMLButtonElement>(element, 'dialog .close').click();
    const closed = december.find((event) => !event.openToPublic);
    ok(closed, 'the demo has a closed meeting in December');
    includes(text($(element, `[data-event="${closed.id}"]`)), 'Tertutup', 'a closed meeting is labelled');
  });

  it('filters by body and by kind, and subscribes to the body’s own feed', async () => {
    const element = await calendar();
    await showing(element, 'Desember 2026');
    const select = $<HTMLSelectElement>(element, '#filter-body');
    select.value = 'komisi-3';
    select.dispatchEvent(new Event('change'));
    const expected = december.filter((event) => event.body.id === 'komisi-3').map((event) => event.id).sort().join(',');
    ok(expected.split(',').length >= 2, 'Komisi III meets in December');
    const shown = () => [...new Set($$(element, '[part~=grid] [data-event]').map((chip) => chip.dataset.event))].sort().join(',');
    await until(() => shown() === expected, `only Komisi III’s events (${expected}), not ${shown()}`);
    equal(element.body, 'komisi-3', 'the body attribute follows');
    const bodyFeed = council.bodyFeeds.find((feed) => feed.body === 'komisi-3')!.feed;
    equal($<HTMLAnchorElement>(element, '.webcal-link').href, bodyFeed.webcal, 'the body’s webcal: feed');
    const kind = $<HTMLSelectElement>(element, '#filter-kind');
    kind.value = 'kunjungan-kerja';
    kind.dispatchEvent(new Event('change'));
    const visit = byTitle('Makassar');
    await until(() => $$(element, '[part~=grid] [data-event]').length === 1, 'one Komisi III working visit');
    equal($(element, '[part~=grid] [data-event]').dataset.event, String(visit.id), 'the Makassar visit');
    kind.value = 'reses';
    kind.dispatchEvent(new Event('change'));
    const notice = await until(() => element.shadowRoot?.querySelector('.empty-notice'), 'nothing matches');
    includes(text(notice), 'saringan', 'says nothing matches the filters');
  });

  it('opens as a list on a 320 px phone, by its own width, without scrolling sideways', async () => {
    const holder = document.createElement('div');
    holder.style.width = '320px';
    document.body.append(holder);
    try {
      const element = document.createElement('opd-agenda-calendar');
      element.setAttribute('api', testConfig().api);
      element.setAttribute('opd', OPD);
      element.setAttribute('date', '2026-12-01');
      holder.append(element);
      const list = await until(() => element.shadowRoot?.querySelector<HTMLElement>('[part~=list]'), 'the list');
      equal(element.shownView, 'list', 'the list is the narrow default');
      equal($(element, '[data-view=list]').getAttribute('aria-pressed'), 'true', 'and its button says so');
      equal(element.getBoundingClientRect().width, 320, 'the widget keeps the page’s width');
      const base = $(element, '[part~=base]');
      ok(base.scrollWidth <= 320, `nothing wider than the phone (${base.scrollWidth} px)`);
      const days = [...list.querySelectorAll('.list-date')].map((d) => text(d));
      includes(days[0], 'Selasa, 1 Desember 2026', 'days in order, the first the 1st');
      const cancelled = byTitle('Layanan Puskesmas');
      const item = list.querySelector<HTMLElement>(`[data-event="${cancelled.id}"]`);
      includes(text(item), 'Dibatalkan', 'the cancelled meeting is in the list, labelled');
      const reses = byTitle('Reses Masa Sidang');
      equal(list.querySelectorAll(`[data-event="${reses.id}"]`).length, 1, 'the reses once, under its first day');
      includes(text(list.querySelector(`[data-event="${reses.id}"]`)), '14–19 Desember', 'with its days');
      $<HTMLButtonElement>(element, '[data-view=month]').click();
      await until(() => element.shadowRoot?.querySelector('[part~=grid]'), 'the month on request');
      ok(base.scrollWidth <= 320, 'the month grid fits too');
    } finally {
      holder.remove();
    }
  });

  it('shows a week with each day’s events, and moves by week', async () => {
    const element = await calendar('date="2026-12-09" view="week"');
    await showing(element, '6–12 Desember 2026');
    equal($$(element, '[part~=grid] td').length, 7, 'seven days');
    const visit = byTitle('Makassar');
    ok(cell(element, '2026-12-10').querySelector(`[data-event="${visit.id}"]`), 'the visit on Thursday');
    $<HTMLButtonElement>(element, '.next').click();
    await showing(element, '13–19 Desember 2026');
  });

  it('speaks English with lang="en", days and months from Intl', async () => {
    const element = await calendar('date="2026-12-01" lang="en"');
    await showing(element, 'December 2026');
    equal($$(element, '[part~=grid] th')[0]!.getAttribute('abbr'), 'Sunday', 'English day names');
    const cancelled = byTitle('Layanan Puskesmas');
    includes(text($(element, `[data-event="${cancelled.id}"]`)), 'Cancelled', 'English labels');
    includes(text($(element, '.today')), 'Today', 'English buttons');
    includes(text(cell(element, '2026-12-09')), 'Wednesday, 9 December 2026', 'the full date in English');
  });

  it('has no axe violations, in the month, the list and the open dialog', async () => {
    const element = await calendar();
    await showing(element, 'Desember 2026');
    equal((await axeViolations(element)).join('\n'), '', 'axe, month');
    $<HTMLButtonElement>(element, `[data-event="${byTitle('Propemperda').id}"]`).click();
    await openDialog(element);
    equal((await axeViolations(element)).join('\n'), '', 'axe, dialog');
    $<HTMLButtonElement>(element, 'dialog .close').click();
    $<HTMLButtonElement>(element, '[data-view=list]').click();
    await until(() => element.shadowRoot?.querySelector('[part~=list]'), 'the list');
    equal((await axeViolations(element)).join('\n'), '', 'axe, list');
  });

  it('stays legible under a 10 px root font and a global reset', async () => {
    const reset = document.createElement('style');
    reset.textContent = 'html { font-size: 10px } * { margin: 0 !important; padding: 0 !important; box-sizing: border-box; font-size: 1rem; line-height: 1 } label { display: none }';
    document.head.append(reset);
    try {
      const element = await calendar();
      await showing(element, 'Desember 2026');
      const label = $(element, 'label[for=filter-body]');
      ok(getComputedStyle(label).display !== 'none', 'the filter label shows');
      ok(parseFloat(getComputedStyle(label).fontSize) >= 15, `labels are 16px, not ${getComputedStyle(label).fontSize}`);
      ok(parseFloat(getComputedStyle($(element, '.chip')).fontSize) >= 12, 'event text too');
      ok(cell(element, '2026-12-09').getBoundingClientRect().height >= 80, 'days keep their height');
    } finally {
      reset.remove();
    }
  });

  it('says the page is set up wrong for an OPD that does not exist, and the calendar is not offered elsewhere', async () => {
    const errors: CustomEvent[] = [];
    document.addEventListener('opd-error', (event) => errors.push(event as CustomEvent), { once: true });
    const element = await mount<OpdAgendaCalendar>(`<opd-agenda-calendar api="${testConfig().api}" opd="dprd-tidak-ada"></opd-agenda-calendar>`);
    const notice = await until(() => element.shadowRoot?.querySelector('.cal-notice'), 'the notice');
    includes(text(notice), 'OPD "dprd-tidak-ada" tidak dikenal', 'names the slug');
    await until(() => errors.length === 1, 'opd-error');
    equal((errors[0]!.detail as { code: string }).code, 'config', 'a set-up error for the host page');
    const other = await mount<OpdAgendaCalendar>(`<opd-agenda-calendar api="${testConfig().api}" opd="bpkad"></opd-agenda-calendar>`);
    includes(text(await until(() => other.shadowRoot?.querySelector('.cal-notice'), 'the notice')), 'tidak tersedia', 'not available');
  });

  it('offers a retry when the API cannot be reached, and loads once it can', async () => {
    let down = true;
    const realFetch = window.fetch;
    window.fetch = (input, init) => (down ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init));
    try {
      const element = await mount<OpdAgendaCalendar>(`<opd-agenda-calendar api="${testConfig().api}" opd="${OPD}" date="2026-12-01"></opd-agenda-calendar>`);
      const notice = await until(() => element.shadowRoot?.querySelector('.cal-notice'), 'the offline notice', 15_000);
      includes(text(notice), 'tidak ada koneksi', 'says there is no connection');
      down = false;
      $<HTMLButtonElement>(element, '.cal-notice button').click();
      await showing(element, 'Desember 2026');
    } finally {
      window.fetch = realFetch;
    }
  });
});
