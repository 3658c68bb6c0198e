/**
 * The days-off page of the console (<opd-console-holidays>, `#/holidays`), in Chromium against
 * the real API, as the regency admin keeps the list: a year at a time with the previous and
 * next year, a regional day off added, renamed and removed after asking (with the keyboard),
 * what the form refuses, English; an OPD officer does not see the page.
 *
 * The API is checked through the endpoint declarations (`holidayEndpoints`), as the page calls it.
 */
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/console/define.js';
import { RequestSender } from '../../src/request.js';
import { holidayEndpoints, type Holiday } from '../../src/schemas/calendar.js';
import { consolePage, forgetSessions, mountConsole, signInAs, tokenOf } from './console-helpers.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, fill, includes, ok, testConfig, text, until } from './helpers.js';

type Page = HTMLElement & { updateComplete: Promise<boolean> };

afterEach(() => {
  cleanup();
  forgetSessions();
});

/** This year in the regency (Asia/Jakarta, the demo's zone). */
const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));

/** The days off of `year` as the API has them, read as the regency admin. */
async function daysOff(year: number): Promise<Holiday[]> {
  const sender = new RequestSender({ baseUrl: testConfig().api, token: await tokenOf('admin@lahat.demo') });
  return (await sender.call(holidayEndpoints.list, { query: { year }, what: `the days off of ${year}` })).data;
}

/** A weekday of `year` that is no day off yet, from 20 May on (the anniversary of Kabupaten Lahat). */
async function freeWeekday(year: number): Promise<string> {
  const taken = new Set((await daysOff(year)).map((day) => day.date));
  for (let day = new Date(Date.UTC(year, 4, 20)); day.getUTCFullYear() === year; day.setUTCDate(day.getUTCDate() + 1)) {
    const date = day.toISOString().slice(0, 10);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6 && !taken.has(date)) return date;
  }
  throw new Error(`no free weekday in ${year}`);
}

/** The button inside `root` whose text (visually hidden parts included) is `name`. */
function button(root: Element, name: string): HTMLButtonElement {
  const all = root.shadowRoot ? $$<HTMLButtonElement>(root, 'button') : [...root.querySelectorAll<HTMLButtonElement>('button')];
  const found = all.find((candidate) => text(candidate) === name);
  ok(found, `a button “${name}” (there are: ${all.map(text).join(' | ')})`);
  return found;
}

/** The row of the day off named `name`, if the list shows it. */
function rowOf(page: Element, name: string): HTMLTableRowElement | undefined {
  return $$<HTMLTableRowElement>(page, 'tbody tr').find((row) => text(row.querySelector('th')) === name);
}

/** The console signed in as the regency admin, on the days-off page. */
async function openHolidays(route = 'holidays', attributes = ''): Promise<Page> {
  const shell = await mountConsole(attributes, route);
  await signInAs(shell, 'admin@lahat.demo');
  return consolePage<Page>(shell, 'opd-console-holidays');
}

describe('the days off in the console', () => {
  it('adds a regional day off, renames it, and removes it after asking, with the keyboard', async () => {
    const date = await freeWeekday(YEAR);
    const name = `Hari Jadi Kabupaten Lahat (uji ${Date.now().toString(36)})`;
    const page = await openHolidays();
    await until(() => text(page.shadowRoot?.querySelector('#year-title')) === `Hari libur tahun ${YEAR}` && $$(page, 'tbody tr').length, 'this year’s days off');
    includes(text($(page, '.base')), 'Tenggat yang sudah diberikan kepada warga tetap seperti semula', 'it says due dates already given stay');

    // Nothing filled in: every field is named, the summary takes focus and links to the fields.
    button(page, 'Tambah hari libur').click();
    const summary = await until(() => page.shadowRoot?.querySelector<HTMLElement>('#form-summary .error-summary'), 'the error summary');
    equal(deepActiveElement(), summary, 'focus on the summary');
    const problems = [...summary.querySelectorAll('li')].map(text);
    equal(problems.join(' | '), 'Masukkan tanggal hari libur | Masukkan nama hari libur | Pilih jenis hari libur', 'each field, in the form’s order');
    summary.querySelector<HTMLAnchorElement>('a[href="#kind"]')!.click();
    equal(deepActiveElement()?.id, 'kind', 'a link moves focus to its field');

    // A day that is a day off already is not overwritten by adding.
    const existing = (await daysOff(YEAR))[0]!;
    fill($<HTMLInputElement>(page, '#date'), existing.date);
    fill($<HTMLInputElement>(page, '#name'), name);
    $<HTMLInputElement>(page, '#kind-regional').click();
    button(page, 'Tambah hari libur').click();
    await until(() => text(page.shadowRoot?.querySelector('#form-summary')).includes(`Tanggal ini sudah hari libur: ${existing.name}`), 'the date is taken');
    equal($<HTMLInputElement>(page, '#name').value, name, 'what was typed stays');

    fill($<HTMLInputElement>(page, '#date'), date);
    button(page, 'Tambah hari libur').click();
    await until(() => text(page.shadowRoot?.querySelector('#form-summary .done')).includes('ditambahkan'), 'added');
    const row = await until(() => rowOf(page, name), 'the new day in the list');
    includes(text(row), 'Libur daerah', 'as a regional day off');
    equal(row.querySelector('time')?.getAttribute('datetime'), date, 'on its date');
    equal($<HTMLInputElement>(page, '#name').value, '', 'the form is empty again');
    const saved = (await daysOff(YEAR)).find((day) => day.date === date);
    equal(saved?.kind, 'regional', 'the API has it as regional');
    equal(saved?.name, name, 'with its name');

    // Rename it.
    $<HTMLButtonElement>(page, `#edit-${date}`).click();
    await until(() => deepActiveElement() === page.shadowRoot?.querySelector('#name'), 'focus on the name');
    equal($<HTMLInputElement>(page, '#name').value, name, 'the name to change');
    ok($<HTMLInputElement>(page, '#kind-regional').checked, 'and its kind');
    ok(!page.shadowRoot?.querySelector('#date'), 'the date is not a field when changing a day');
    fill($<HTMLInputElement>(page, '#name'), `${name} diubah`);
    button(page, 'Simpan perubahan').click();
    await until(() => rowOf(page, `${name} diubah`), 'the new name in the list');
    equal((await daysOff(YEAR)).find((day) => day.date === date)?.name, `${name} diubah`, 'and in the API');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations');

    // Remove it, with the keyboard: the button, then the question, then yes.
    $<HTMLButtonElement>(page, `#remove-${date}`).focus();
    await sendKeys({ press: 'Enter' });
    const confirm = await until(() => page.shadowRoot?.querySelector<HTMLElement>(`#confirm-${date}`), 'the question first');
    equal(deepActiveElement(), confirm, 'focus on the question');
    includes(text(confirm), 'Tenggat yang sudah diberikan tetap', 'it says what removing does not touch');
    ok((await daysOff(YEAR)).some((day) => day.date === date), 'nothing removed yet');
    await sendKeys({ press: 'Tab' });
    equal(text(deepActiveElement()), 'Ya, hapus', 'Tab reaches yes');
    await sendKeys({ press: 'Enter' });
    await until(() => !rowOf(page, `${name} diubah`), 'gone from the list');
    includes(text($(page, '.done')), 'dihapus dari hari libur', 'it says so');
    ok(!(await daysOff(YEAR)).some((day) => day.date === date), 'and from the API');
    equal(deepActiveElement()?.id, 'year-title', 'focus on the list’s heading');
  });

  it('asks before removing, and cancelling keeps the day', async () => {
    const page = await openHolidays();
    const first = await until(() => $$<HTMLTableRowElement>(page, 'tbody tr')[0], 'the list');
    const date = first.querySelector('time')!.getAttribute('datetime')!;
    $<HTMLButtonElement>(page, `#remove-${date}`).click();
    const confirm = await until(() => page.shadowRoot?.querySelector<HTMLElement>(`#confirm-${date}`), 'the question');
    button(confirm, 'Batal').click();
    await until(() => deepActiveElement() === page.shadowRoot?.querySelector(`#remove-${date}`), 'focus back on the remove button');
    ok((await daysOff(YEAR)).some((day) => day.date === date), 'the day is still a day off');
  });

  it('moves to the next and previous year, keeping the year in the address', async () => {
    const page = await openHolidays();
    await until(() => $$(page, 'tbody tr').length, 'this year’s days off');
    // With the keyboard: the link, then Enter.
    $<HTMLAnchorElement>(page, '#year-next').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => text(page.shadowRoot?.querySelector('#year-title')) === `Hari libur tahun ${YEAR + 1}`, 'next year');
    equal(location.hash, `#/holidays/${YEAR + 1}`, 'the year is in the address');
    equal(deepActiveElement()?.id, 'year-next', 'focus stays on the link');
    const shown = await daysOff(YEAR + 1);
    await until(() => (shown.length ? $$(page, 'tbody tr').length === shown.length : page.shadowRoot?.querySelector('.empty')), 'its days off, or a note that there are none');
    if (!shown.length) includes(text($(page, '.empty')), 'SKB tiga menteri', 'an empty year says where its days come from');
    $<HTMLAnchorElement>(page, '#year-previous').click();
    await until(() => text(page.shadowRoot?.querySelector('#year-title')) === `Hari libur tahun ${YEAR}`, 'back to this year');
    $<HTMLAnchorElement>(page, '#year-previous').click();
    await until(() => text(page.shadowRoot?.querySelector('#year-title')) === `Hari libur tahun ${YEAR - 1}`, 'last year');
    const last = await daysOff(YEAR - 1);
    await until(() => $$(page, 'tbody tr').length === last.length && last.length > 0, 'last year’s days off');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations');

    // A reload of the tab on that address: the same session, a new console.
    cleanup();
    const direct = await consolePage<Page>(await mountConsole('', `holidays/${YEAR - 1}`), 'opd-console-holidays');
    await until(() => text(direct.shadowRoot?.querySelector('#year-title')) === `Hari libur tahun ${YEAR - 1}`, 'a year opened by its address');
  });

  it('speaks English', async () => {
    const page = await openHolidays('holidays', 'lang="en"');
    await until(() => text(page.shadowRoot?.querySelector('#year-title')) === `Days off in ${YEAR}` && $$(page, 'tbody tr').length, 'the year in English');
    includes(text($(page, '.base')), 'Due dates already given to citizens stay as they were', 'the note on due dates');
    includes(text($(page, 'tbody')), 'National holiday', 'the kinds');
    button(page, 'Add the day off').click();
    const summary = await until(() => page.shadowRoot?.querySelector<HTMLElement>('#form-summary .error-summary'), 'the error summary');
    includes(text(summary), 'Enter the date of the day off', 'in English');
  });

  it('is not in an OPD officer’s menu, and its address is refused', async () => {
    const shell = await mountConsole('', 'holidays');
    await signInAs(shell, 'bpkad@lahat.demo');
    const menu = $$(shell, '[part~=nav] a').map(text);
    ok(!menu.includes('Hari libur'), `not in the menu: ${menu.join(' | ')}`);
    includes(text($(shell, '.main')), 'Peran Anda tidak membuka halaman ini', 'the address is refused');
    ok(!shell.shadowRoot?.querySelector('opd-console-holidays'), 'and the page is not shown');
  });
});
