/**
 * SIAP's inbox in the staff console (<opd-consultation-inbox> inside <opd-console>), in
 * Chromium against the real API, as a BPKAD officer works through a day: queues and counts,
 * search, opening a question (the citizen's contact), answering from a template, a status
 * change with a public and an internal note, internal notes, assigning, keyboard shortcuts,
 * new questions without a reload, the OPD selector, axe, and the narrow layout.
 *
 * Other widget tests send questions to the same OPD meanwhile, so these tests find their own
 * questions by a subject no one else uses.
 */
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../widgets/console/define.js';
import type { OpdConsole } from '../../widgets/console/console.js';
import type { OpdConsultationInbox } from '../../widgets/consultation-inbox/consultation-inbox.js';
import { createClient } from '../../src/index.js';
import { consolePage, forgetSessions, mountConsole, signInAs, staffClient } from './console-helpers.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, fill, includes, ok, testConfig, text, uniqueSubject, until } from './helpers.js';

const OPD = 'bpkad';
let category = '';

/** A citizen's question to BPKAD; its tracking code. */
async function ask(subject: string, extra: { name?: string; email?: string } = {}): Promise<string> {
  const citizen = createClient({ baseUrl: testConfig().api, opd: OPD });
  const receipt = await citizen.consultations.create({
    name: extra.name ?? 'Sari Warga',
    email: extra.email ?? 'sari.warga@contoh.id',
    category,
    subject,
    message: `Pertanyaan uji: ${subject}. Mohon penjelasannya.`,
    consent: true,
  });
  return receipt.trackingCode;
}

/** The console, signed in as `email`, on the inbox (or one question of it); and the inbox. */
async function openInbox(email = 'bpkad@lahat.demo', route = 'siap/inbox'): Promise<{ shell: OpdConsole; inbox: OpdConsultationInbox }> {
  const shell = await mountConsole('', route);
  await signInAs(shell, email);
  const inbox = await consolePage<OpdConsultationInbox>(shell, 'opd-consultation-inbox');
  await until(() => inbox.shadowRoot?.querySelector('.list, .empty'), 'the list');
  return { shell, inbox };
}

/** Searches the chosen queue for `query` and waits for the list. */
async function search(inbox: OpdConsultationInbox, query: string, expected: number): Promise<HTMLElement[]> {
  fill($<HTMLInputElement>(inbox, '#q'), query);
  $<HTMLButtonElement>(inbox, '.search button[type=submit]').click();
  return until(() => {
    const items = $$(inbox, '.item');
    return items.length === expected && items.every((item) => text(item).includes(query)) ? items : null;
  }, `${expected} questions matching ${query}`);
}

/** Picks a queue by its button's name. */
async function pickQueue(inbox: OpdConsultationInbox, name: string): Promise<void> {
  const button = $$<HTMLButtonElement>(inbox, '.queue').find((candidate) => text(candidate.querySelector('.queue-name')) === name);
  ok(button, `a queue named ${name}`);
  button.click();
  await until(() => button.getAttribute('aria-pressed') === 'true', `${name} chosen`);
}

/** The open question's pane, once it shows `code`. */
function detailOf(inbox: OpdConsultationInbox, code: string): Promise<HTMLElement> {
  return until(() => {
    const pane = inbox.shadowRoot?.querySelector<HTMLElement>('[part~=detail]');
    return pane && text(pane.querySelector('.detail-meta')).includes(code) ? pane : null;
  }, `question ${code} open`);
}

before(async () => {
  const opd = (await (await fetch(`${testConfig().api}/api/v1/opds/${OPD}`)).json()) as { consultationCategories: { id: string }[] };
  category = opd.consultationCategories[0]!.id;
});

afterEach(async () => {
  cleanup();
  forgetSessions();
  await setViewport({ width: 1280, height: 900 });
});

describe('<opd-consultation-inbox> in the console', () => {
  it('shows the queues with the counts the API gives, and finds a question by search', async () => {
    const subject = uniqueSubject('Antrean dan pencarian');
    const code = await ask(subject);
    const { inbox } = await openInbox();
    const names = $$(inbox, '.queue .queue-name').map(text);
    equal(
      names.join(' | '),
      'Baru | Diproses | Dijawab | Ditutup | Jatuh tempo hari ini | Terlambat | Ditugaskan ke saya | Semua',
      'every queue, by the words staff use',
    );
    const staff = await staffClient('bpkad@lahat.demo', OPD);
    await until(() => !$$(inbox, '.queue-count').some((count) => text(count).startsWith('…')), 'the counts');
    const counts = (await (
      await fetch(`${testConfig().api}/api/v1/opds/${OPD}/consultations/counts`, { headers: { Authorization: `Bearer ${staff.auth.token}` } })
    ).json()) as { overdue: number };
    const overdue = $$(inbox, '.queue').find((queue) => text(queue.querySelector('.queue-name')) === 'Terlambat')!;
    ok(text(overdue).includes(String(counts.overdue)), `the overdue count: ${text(overdue)} vs ${counts.overdue}`);
    const [item] = await search(inbox, subject, 1);
    includes(text(item), code, 'the question is listed with its code');
    includes(text(item), 'Baru', 'and its status');
    ok(!text(item).includes('Sari Warga'), 'the list shows no citizen’s name');
  });

  it('opens a question with the citizen’s contact, answers it from a template, and the citizen sees the answer', async () => {
    const subject = uniqueSubject('Dijawab dari templat');
    const code = await ask(subject, { name: 'Budi Penanya', email: 'budi.penanya@contoh.id' });
    const { inbox } = await openInbox('bpkad@lahat.demo', `siap/inbox/${code}`);
    const pane = await detailOf(inbox, code);
    await until(() => deepActiveElement() === $(inbox, '#detail-title'), 'focus on the question');
    equal(text($(inbox, '#detail-title')), subject, 'the subject is its heading');
    includes(text(pane), 'Budi Penanya', 'the citizen’s name');
    includes(text(pane), 'budi.penanya@contoh.id', 'and contact');
    includes(text(pane), 'tercatat di log audit atas nama Anda', 'staff are told the read is audited');
    const template = await until(() => inbox.shadowRoot?.querySelector<HTMLSelectElement>('#template'), 'the templates');
    const chosen = template.options[1]!;
    template.value = chosen.value;
    template.dispatchEvent(new Event('change', { bubbles: true }));
    await inbox.updateComplete;
    $$<HTMLButtonElement>(inbox, 'button').find((button) => text(button) === 'Pakai templat')!.click();
    const answer = await until(() => {
      const field = inbox.shadowRoot?.querySelector<HTMLTextAreaElement>('#answer');
      return field && field.value.length > 20 ? field : null;
    }, 'the template in the answer');
    equal(deepActiveElement(), answer, 'focus goes to the answer to finish it');
    fill(answer, `${answer.value}\n\nSalam, BPKAD`);
    const written = answer.value;
    $$<HTMLButtonElement>(inbox, 'button[type=submit]').find((button) => text(button) === 'Kirim jawaban')!.click();
    await until(() => text(inbox.shadowRoot?.querySelector('#answer-summary')).includes('Jawaban terkirim'), 'the answer sent');
    includes(text($(inbox, '.detail-meta')), 'Dijawab', 'the status is now Answered');
    const tracked = await createClient({ baseUrl: testConfig().api }).consultations.track(code);
    equal(tracked.answer?.text, written.trim(), 'the citizen sees the answer on the status page');
  });

  it('changes the status with a note to the citizen and an internal note, shown apart, and the citizen sees only the public one', async () => {
    const subject = uniqueSubject('Catatan publik dan internal');
    const code = await ask(subject);
    const { inbox } = await openInbox('bpkad@lahat.demo', `siap/inbox/${code}`);
    await detailOf(inbox, code);
    const status = $<HTMLSelectElement>(inbox, '#status');
    equal([...status.options].map((option) => option.value).join(','), ',in_progress,closed', 'only the changes the workflow allows');
    fill(status, 'in_progress');
    fill($<HTMLTextAreaElement>(inbox, '#note'), 'Sedang kami periksa dengan bagian perbendaharaan.');
    fill($<HTMLTextAreaElement>(inbox, '#internalNote'), 'Tanyakan ke Pak Andi, berkasnya di mejanya.');
    $$<HTMLButtonElement>(inbox, 'button[type=submit]').find((button) => text(button) === 'Simpan status')!.click();
    await until(() => text(inbox.shadowRoot?.querySelector('#status-summary')).includes('Status menjadi Diproses'), 'the change saved');
    const internal = $$(inbox, '.timeline [part~=internal-note]');
    equal(internal.length, 1, 'the internal note is in the history, marked');
    includes(text(internal[0]), 'Catatan internal — tidak terlihat warga', 'with the words that it is internal');
    includes(text(internal[0]), 'Pak Andi', 'and its text');
    includes(text($(inbox, '.timeline .public')), 'Catatan untuk warga — tampil di halaman status', 'the public note says it is public');
    const internalStyle = getComputedStyle(internal[0]!);
    const publicStyle = getComputedStyle($(inbox, '.timeline .public'));
    ok(internalStyle.borderTopStyle === 'dashed' && internalStyle.backgroundColor !== publicStyle.backgroundColor, 'and they look different');
    const tracked = await createClient({ baseUrl: testConfig().api }).consultations.track(code);
    ok(tracked.timeline.some((entry) => entry.note?.includes('perbendaharaan')), 'the citizen sees the public note');
    ok(!JSON.stringify(tracked).includes('Pak Andi'), 'and never the internal one');
  });

  it('adds an internal note and assigns the question to the officer', async () => {
    const subject = uniqueSubject('Catatan dan penugasan');
    const code = await ask(subject);
    const { inbox } = await openInbox('bpkad@lahat.demo', `siap/inbox/${code}`);
    await detailOf(inbox, code);
    fill($<HTMLTextAreaElement>(inbox, '#noteText'), 'Menunggu data dari bank.');
    $$<HTMLButtonElement>(inbox, 'button[type=submit]').find((button) => text(button) === 'Tambah catatan internal')!.click();
    await until(() => $$(inbox, '.notes [part~=internal-note]').some((note) => text(note).includes('Menunggu data dari bank.')), 'the note listed');
    includes(text($(inbox, '.notes [part~=internal-note]')), 'Petugas BPKAD', 'with who wrote it');
    equal($<HTMLTextAreaElement>(inbox, '#noteText').value, '', 'the field is empty again');
    $$<HTMLButtonElement>(inbox, 'button').find((button) => text(button) === 'Tugaskan ke saya')!.click();
    await until(() => text(inbox.shadowRoot?.querySelector('#assign-summary')).includes('Ditugaskan ke Petugas BPKAD'), 'assigned');
    await pickQueue(inbox, 'Ditugaskan ke saya');
    await until(() => $$(inbox, '.item').some((item) => text(item).includes(code)), 'the question in “assigned to me”');
  });

  it('works from the keyboard: j/k, Enter, r, / and ?, none of them while typing', async () => {
    const mark = uniqueSubject('Pintasan');
    const older = await ask(`${mark} pertama`);
    const newer = await ask(`${mark} kedua`);
    const { inbox } = await openInbox();
    await search(inbox, mark, 2);
    (deepActiveElement() as HTMLElement | null)?.blur();
    await sendKeys({ press: 'j' });
    const links = () => $$<HTMLAnchorElement>(inbox, '.item a');
    equal(deepActiveElement(), links()[0], 'j: the first question (the newest)');
    await sendKeys({ press: 'j' });
    equal(deepActiveElement(), links()[1], 'j: the next');
    await sendKeys({ press: 'k' });
    equal(deepActiveElement(), links()[0], 'k: back up');
    await sendKeys({ press: 'Enter' });
    await detailOf(inbox, newer);
    ok(location.hash.includes(newer), 'Enter opens it (the address names it)');
    await until(() => deepActiveElement() === $(inbox, '#detail-title'), 'focus on the opened question');
    await sendKeys({ press: 'r' });
    const answer = $<HTMLTextAreaElement>(inbox, '#answer');
    equal(deepActiveElement(), answer, 'r: to the answer');
    await sendKeys({ type: 'jk/?r' });
    equal(answer.value, 'jk/?r', 'typing in a field is typing, not shortcuts');
    equal(deepActiveElement(), answer, 'and focus stays');
    answer.blur();
    await sendKeys({ press: '/' });
    equal(deepActiveElement(), $(inbox, '#q'), '/: to the search');
    $<HTMLInputElement>(inbox, '#q').blur();
    await sendKeys({ press: 'Shift+Slash' });
    const dialog = $<HTMLDialogElement>(inbox, '#shortcuts');
    ok(dialog.open, '?: the list of shortcuts');
    includes(text(dialog), 'Pertanyaan berikutnya di daftar', 'it names what each key does');
    equal((await axeViolations(inbox)).join('\n'), '', 'the dialog has no axe violations');
    await sendKeys({ press: 'Escape' });
    ok(!dialog.open, 'Escape closes it');
    ok(older, 'two questions were listed');
  });

  it('shows new questions without a reload, announces them, and keeps what the officer is typing', async () => {
    const mark = uniqueSubject('Tanpa muat ulang');
    const code = await ask(`${mark} dibuka`);
    const { shell, inbox } = await openInbox('bpkad@lahat.demo', `siap/inbox/${code}`);
    await detailOf(inbox, code);
    await pickQueue(inbox, 'Baru');
    fill($<HTMLTextAreaElement>(inbox, '#answer'), 'Jawaban yang belum selesai');
    const arrived = await ask(`${mark} baru masuk`);
    // What the 15-second timer does while the tab is visible.
    await inbox.poll();
    const live = await until(() => {
      const region = shell.shadowRoot?.querySelector<HTMLElement>('[role=status]');
      return region && /pertanyaan baru/.test(text(region)) ? region : null;
    }, 'the announcement');
    equal(live.getAttribute('aria-live'), 'polite', 'said politely');
    await until(() => $$(inbox, '.item').some((item) => text(item).includes(arrived)), 'the new question in the list');
    equal($<HTMLTextAreaElement>(inbox, '#answer').value, 'Jawaban yang belum selesai', 'the answer being written is untouched');
  });

  it('lets a regency admin choose the OPD, and shows OPD staff only their own', async () => {
    const { shell } = await openInbox('admin@lahat.demo');
    ok(shell.shadowRoot!.querySelector('#console-opd'), 'the regency admin has an OPD selector');
    cleanup();
    forgetSessions();
    const officer = await openInbox('bpkad@lahat.demo');
    equal(officer.shell.shadowRoot!.querySelector('#console-opd'), null, 'OPD staff do not');
  });

  it('has no axe violations: the list, and a question open', async () => {
    const subject = uniqueSubject('Aksesibilitas');
    const code = await ask(subject);
    const { shell, inbox } = await openInbox();
    equal((await axeViolations(shell)).join('\n'), '', 'the list');
    location.hash = `#/siap/inbox/${code}`;
    await detailOf(inbox, code);
    equal((await axeViolations(shell)).join('\n'), '', 'a question open');
  });

  it('on a narrow screen shows one pane at a time, and leads back to the list', async () => {
    await setViewport({ width: 375, height: 800 });
    const subject = uniqueSubject('Layar sempit');
    const code = await ask(subject);
    const { inbox } = await openInbox();
    const [item] = await search(inbox, subject, 1);
    item!.querySelector<HTMLAnchorElement>('a')!.click();
    await detailOf(inbox, code);
    equal(getComputedStyle($(inbox, '.list-pane')).display, 'none', 'the list makes room for the question');
    ok(document.documentElement.scrollWidth <= 375, `no sideways scrolling (${document.documentElement.scrollWidth})`);
    $<HTMLAnchorElement>(inbox, '.back').click();
    await until(() => getComputedStyle($(inbox, '.list-pane')).display !== 'none', 'the list again');
    await until(() => deepActiveElement() === inbox.shadowRoot!.querySelector(`.item[data-code="${code}"] a`), 'focus on the question left');
    await setViewport({ width: 768, height: 900 });
    location.hash = `#/siap/inbox/${code}`;
    await detailOf(inbox, code);
    ok(getComputedStyle($(inbox, '.list-pane')).display !== 'none', 'on a tablet the list stays beside the question');
  });
});
