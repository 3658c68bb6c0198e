/**
 * <opd-service-directory> in Chromium against the real API the runner starts (demo seed: the
 * standards of DPMPTSP, Disdukcapil, Dinas Kesehatan and RSUD). What the widget shows is
 * checked against what the public API answers for the same words and filters in the same run.
 */
import { emulateMedia } from '@web/test-runner-commands';
import '../../widgets/service-directory/define.js';
import type { OpdServiceDirectory } from '../../widgets/service-directory/service-directory.js';
import type { OpdServiceOpenedDetail, OpdServicesLoadedDetail } from '../../widgets/service-directory/events.js';
import { buildClient } from '../../src/build-client.js';
import { citizenServices, type ServiceSearch } from '../../src/namespaces/citizen-services.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, fill, includes, mount, ok, testConfig, text, until } from './helpers.js';

/** A port nothing listens on: every request fails as a dropped connection does. */
const CLOSED_API = 'http://127.0.0.1:65534';

afterEach(async () => {
  cleanup();
  await emulateMedia({ media: 'screen' });
});

function api() {
  return buildClient({ baseUrl: testConfig().api }, { services: citizenServices }).services;
}

/** What the API answers for a search (the first 100), to compare with what the widget shows. */
async function expected(search: ServiceSearch): Promise<{ total: number; names: string[] }> {
  const first = await api().search({ ...search, limit: 100 });
  return { total: first.total, names: first.data.map((item) => item.name) };
}

async function directory(attributes = '', base = testConfig().api): Promise<OpdServiceDirectory> {
  return mount<OpdServiceDirectory>(`<opd-service-directory api="${base}" ${attributes}></opd-service-directory>`);
}

function names(element: OpdServiceDirectory): string[] {
  return $$(element, '[part~=result-title]').map(text);
}

/** Waits until the count line says `words` and no search is on its way. */
function counted(element: OpdServiceDirectory, words: string): Promise<string> {
  return until(() => {
    const line = text($(element, '[part~=count]'));
    return line.includes(words) && !element.shadowRoot?.querySelector('.results--stale') && line;
  }, `the count "${words}"`);
}

/** Whether the element is drawn (not `display: none` itself or by an ancestor). */
function drawn(element: Element | null | undefined): boolean {
  return Boolean(element && element.getClientRects().length > 0);
}

/** Opens the first result whose name includes `name`; resolves with the standard shown. */
async function openService(element: OpdServiceDirectory, name: string): Promise<HTMLElement> {
  const title = $$(element, '[part~=result-title]').find((button) => text(button).includes(name));
  ok(title, `a result named ${name}`);
  (title as HTMLButtonElement).click();
  return until(() => element.shadowRoot?.querySelector<HTMLElement>('[part~=standard]'), 'the standard shown');
}

describe('<opd-service-directory>', () => {
  it('finds KTP-el first for “ktp”, with the API’s count announced politely', async () => {
    const want = await expected({ q: 'ktp' });
    equal(want.names[0], 'Perekaman dan Pencetakan KTP-el', 'the API puts KTP-el first');
    ok(want.total > 1, 'and the services asking for a KTP-el after it');
    const element = await directory();
    await counted(element, 'layanan ditemukan');
    const loaded: OpdServicesLoadedDetail[] = [];
    element.addEventListener('opd-services-loaded', (event) => loaded.push(event.detail));
    fill($<HTMLInputElement>(element, '[part~=search-input]'), 'ktp');
    await counted(element, `${want.total} layanan ditemukan`);
    equal(names(element)[0], 'Perekaman dan Pencetakan KTP-el', 'KTP-el first');
    equal(names(element).join(' | '), want.names.slice(0, 10).join(' | '), 'the server’s matches, in its order');
    equal($(element, '[part~=count]').getAttribute('role'), 'status', 'the count is a polite live region');
    await until(() => loaded.length === 1, 'opd-services-loaded');
    equal(JSON.stringify(loaded[0]), JSON.stringify({ q: 'ktp', opd: null, category: null, online: null, free: null, total: want.total, shown: Math.min(10, want.total) }), 'the event says what is shown');
    const card = text($(element, '[part~=result]'));
    includes(card, 'Dinas Kependudukan dan Pencatatan Sipil', 'the card names its OPD');
    includes(card, 'Di loket', 'at the counter only');
    includes(card, 'Gratis', 'free');
    includes(card, 'Selesai di hari yang sama', 'the time to complete');
  });

  it('waits for a pause in typing, and cancels the search still on its way when the words change', async () => {
    const realFetch = window.fetch;
    const searches: { url: string; signal: AbortSignal | null | undefined }[] = [];
    window.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!url.includes('/api/v1/services?')) return realFetch(input, init);
      searches.push({ url, signal: init?.signal ?? (input instanceof Request ? input.signal : undefined) });
      await new Promise((resolve) => setTimeout(resolve, 400));
      return realFetch(input, init);
    };
    const want = await expected({ q: 'akta kematian' });
    try {
      const element = await directory();
      await counted(element, 'layanan ditemukan');
      searches.length = 0;
      const box = $<HTMLInputElement>(element, '[part~=search-input]');
      for (const typed of ['a', 'ak', 'akt', 'akta']) fill(box, typed);
      await until(() => searches.length === 1, 'one search after the pause');
      includes(searches[0]!.url, 'q=akta', 'for the words typed last');
      await new Promise((resolve) => setTimeout(resolve, 100));
      fill(box, 'akta kematian');
      await counted(element, `${want.total} layanan ditemukan`);
      ok(searches[0]!.signal?.aborted, 'the search for “akta” was cancelled when the words changed');
      equal(searches.length, 2, 'then one search for the new words');
      equal(names(element)[0], 'Penerbitan Akta Kematian', 'the results are the new words’');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('narrows by category, cost, channel and OPD, and the count is the server’s', async () => {
    const all = await expected({});
    const element = await directory();
    await counted(element, `${all.total} layanan ditemukan`);
    const civil = await expected({ category: 'kependudukan' });
    ok(civil.total > 0 && civil.total < all.total, 'the demo has some, not all, civil-registry services');
    fill($<HTMLSelectElement>(element, '#filter-category'), 'kependudukan');
    await counted(element, `${civil.total} layanan ditemukan`);
    equal(names(element).join(' | '), civil.names.slice(0, 10).join(' | '), 'the civil-registry services');
    fill($<HTMLSelectElement>(element, '#filter-category'), '');
    const paid = await expected({ free: 'false' });
    ok(paid.total > 0 && paid.total < all.total, 'some services cost money');
    fill($<HTMLSelectElement>(element, '#filter-free'), 'false');
    await counted(element, `${paid.total} layanan ditemukan`);
    for (const badge of $$(element, '[part~=cost]')) ok(!text(badge).includes('Gratis'), `no free service among the paid ones (${text(badge)})`);
    ok($$(element, '[part~=cost]').some((badge) => /^Rp\s?\d{1,3}(\.\d{3})+$/.test(text(badge))), 'a cost in rupiah written the Indonesian way (Rp 150.000)');
    const paidOnline = await expected({ free: 'false', online: 'true' });
    fill($<HTMLSelectElement>(element, '#filter-online'), 'true');
    await counted(element, paidOnline.total === 0 ? 'Tidak ada layanan ditemukan' : `${paidOnline.total} layanan ditemukan`);
    ok(paidOnline.total < paid.total, 'online narrows further');
    fill($<HTMLSelectElement>(element, '#filter-free'), '');
    fill($<HTMLSelectElement>(element, '#filter-online'), '');
    const rsud = await expected({ opd: 'rsud' });
    await until(() => $<HTMLSelectElement>(element, '#filter-opd').options.length > 1, 'the OPDs in their filter');
    fill($<HTMLSelectElement>(element, '#filter-opd'), 'rsud');
    await counted(element, `${rsud.total} layanan ditemukan`);
    equal(names(element).join(' | '), rsud.names.join(' | '), 'RSUD’s services only');
  });

  it('shows a service’s standard from the API: the requirements as a checklist, the steps numbered, cost with its legal basis, hours, pledge and the SIAP link; back returns to the list', async () => {
    const ktp = await api().get('disdukcapil', 'ktp-el');
    ok(ktp.consultation, 'Disdukcapil runs SIAP');
    const element = await directory('consultation-url="/tanya.html?opd={opd}&layanan={service}"');
    await counted(element, 'layanan ditemukan');
    fill($<HTMLInputElement>(element, '[part~=search-input]'), 'ktp');
    await until(() => names(element)[0] === ktp.name, 'KTP-el first');
    const opened: OpdServiceOpenedDetail[] = [];
    element.addEventListener('opd-service-opened', (event) => opened.push(event.detail));
    const standard = await openService(element, ktp.name);
    await until(() => deepActiveElement()?.id === 'detail-title', 'the focus on the service’s name');
    equal(text(standard.querySelector('#detail-title')), ktp.name, 'titled with its name');
    equal(JSON.stringify(opened), JSON.stringify([{ opd: 'disdukcapil', service: 'ktp-el', name: ktp.name }]), 'opd-service-opened');
    ok(!drawn(element.shadowRoot?.querySelector('[part~=search]')), 'the search and list make room for it');
    const checklist = [...standard.querySelectorAll<HTMLLIElement>('[part~=checklist] li')];
    equal(checklist.map(text).join(' | '), ktp.requirements.join(' | '), 'every requirement, in order');
    for (const item of checklist) {
      const box = item.querySelector<HTMLInputElement>('input[type=checkbox]');
      ok(box && item.querySelector(`label[for="${box.id}"]`), 'each a checkbox with its label');
    }
    const steps = [...standard.querySelectorAll('[part~=steps] > li')];
    equal(steps.map(text).join(' | '), ktp.procedure.join(' | '), 'the steps in order');
    equal(standard.querySelector('[part~=steps]')?.tagName, 'OL', 'as a numbered list');
    const body = text(standard);
    includes(body, ktp.duration.text, 'the time to completion');
    includes(body, 'Gratis', 'free');
    includes(body, ktp.cost.legalBasis!, 'the cost’s legal basis');
    includes(body, ktp.product, 'the product');
    for (const channel of ktp.complaints) includes(body, channel, 'each complaint channel');
    includes(body, 'Senin–Kamis', 'the opening days');
    includes(body, '08.00–15.30 WIB', 'and times');
    includes(body, ktp.location.name, 'the location');
    ok(ktp.pledge, 'Disdukcapil has a pledge');
    includes(text(standard.querySelector('[part~=pledge]')), ktp.pledge.text.replace(/\s+/g, ' ').slice(0, 60), 'the maklumat pelayanan');
    const ask = standard.querySelector<HTMLAnchorElement>('a[part~=ask]');
    ok(ask, 'a “Tanya petugas” link');
    equal(text(ask), 'Tanya petugas', 'so named');
    equal(new URL(ask.href).pathname + new URL(ask.href).search, '/tanya.html?opd=disdukcapil&layanan=ktp-el', 'to the host’s consultation page for this OPD and service');
    $<HTMLButtonElement>(element, '[part~=back]').click();
    await until(() => deepActiveElement()?.textContent?.trim() === ktp.name, 'the focus back on the card opened');
    equal(names(element)[0], ktp.name, 'the results as they were');
    equal($<HTMLInputElement>(element, '[part~=search-input]').value, 'ktp', 'the words too');
  });

  it('shows no “Tanya petugas” link without a consultation page, only the hint', async () => {
    const element = await directory('q="ktp"');
    await until(() => names(element)[0] === 'Perekaman dan Pencetakan KTP-el', 'KTP-el first');
    const standard = await openService(element, 'KTP-el');
    equal(standard.querySelectorAll('a[part~=ask]').length, 0, 'no link to nowhere');
    includes(text(standard.querySelector('.ask-hint')), 'konsultasi daring (SIAP)', 'where to ask, in words');
  });

  it('prints the requirements checklist alone, with empty boxes, and the whole standard again afterwards', async () => {
    const ktp = await api().get('disdukcapil', 'ktp-el');
    const element = await directory('q="ktp"');
    await until(() => names(element)[0] === ktp.name, 'KTP-el first');
    const standard = await openService(element, ktp.name);
    const printed: string[] = [];
    element.addEventListener('opd-service-printed', (event) => printed.push(`${event.detail.opd}/${event.detail.service}`));
    await emulateMedia({ media: 'print' });
    // The browser's print dialog is the edge: what the page looks like when it is called is the test.
    const realPrint = window.print;
    let atPrint: { shown: string[]; hidden: string[]; boxes: number; title: string; footer: string } | undefined;
    window.print = () => {
      const root = element.shadowRoot!;
      const parts = { requirements: '[part~=requirements]', checklist: '[part~=checklist]', steps: '[part~=steps]', facts: '[part~=facts]', pledge: '[part~=pledge]', back: '[part~=back]', header: '[part~=header]', print: '[part~=print]', heading: '#detail-title' };
      const entries = Object.entries(parts).map(([name, selector]) => [name, drawn(root.querySelector(selector))] as const);
      atPrint = {
        shown: entries.filter(([, on]) => on).map(([name]) => name),
        hidden: entries.filter(([, on]) => !on).map(([name]) => name),
        boxes: [...root.querySelectorAll('[part~=checklist] input[type=checkbox]')].filter(drawn).length,
        title: text(root.querySelector('.print-title')),
        footer: text(root.querySelector('.print-footer')),
      };
    };
    try {
      // A citizen's own Ctrl+P prints the whole standard, without the buttons.
      ok(drawn(standard.querySelector('[part~=steps]')) && drawn(standard.querySelector('[part~=checklist]')), 'Ctrl+P: the standard prints whole');
      ok(!drawn(element.shadowRoot!.querySelector('[part~=back]')), 'without the buttons');
      $<HTMLButtonElement>(element, '[part~=print]').click();
      await until(() => atPrint, 'window.print()');
      equal(atPrint!.shown.join(), 'requirements,checklist', 'only the requirements print');
      equal(atPrint!.boxes, ktp.requirements.length, 'each with its box to tick');
      equal(atPrint!.title, `Persyaratan: ${ktp.name}`, 'under the service’s name');
      includes(atPrint!.footer, `standar pelayanan versi ${ktp.version.number}`, 'with the version in force below');
      equal(printed.join(), 'disdukcapil/ktp-el', 'opd-service-printed');
      window.dispatchEvent(new Event('afterprint'));
      await until(() => drawn(standard.querySelector('[part~=steps]')), 'after printing, the whole standard prints again');
    } finally {
      window.print = realPrint;
    }
    await emulateMedia({ media: 'screen' });
    ok(drawn(standard.querySelector('[part~=print]')) && !drawn(standard.querySelector('.print-title')), 'on screen: the button, not the print title');
  });

  it('speaks English with lang="en"', async () => {
    const all = await expected({});
    const element = await directory('lang="en"');
    await until(() => text($(element, '[part~=count]')).includes(`${all.total} services found`), 'the English count');
    includes(text($(element, '[part~=header]')), 'Digital public service mall', 'the title');
    equal(text($(element, 'label[for=q]')), 'Search services', 'the search label');
    includes(text($(element, '#filter-category')), 'Civil registry', 'the categories');
    await until(() => text($(element, '#filter-opd')).includes('Health Office'), 'the OPDs by their English names');
    ok($$(element, '[part~=cost]').some((badge) => text(badge) === 'Free'), 'Free');
    equal($(element, '[part~=result-title]').getAttribute('lang'), 'id', 'the services’ own Indonesian names are marked so');
    const standard = await openService(element, names(element)[0]!);
    includes(text(standard), 'Requirements', 'the standard’s headings in English');
    includes(text(standard), 'System, mechanism and procedure', 'the procedure');
    includes(text($(element, '[part~=back]')), 'Back to the list of services', 'the back button');
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
      const element = await directory('', CLOSED_API);
      const box = $<HTMLInputElement>(element, '[part~=search-input]');
      fill(box, 'ktp');
      const notice = await until(() => element.shadowRoot?.querySelector('.list-notice'), 'the error notice', 20_000);
      includes(text(notice), 'tidak ada koneksi', 'says there is no connection');
      equal(notice.getAttribute('role'), 'alert', 'announced');
      equal(box.value, 'ktp', 'the words typed are still there');
      equal(errors.join(), 'network', 'opd-error for the host page');
      equal((await axeViolations(element)).join('\n'), '', 'axe on the error state');
      up = true;
      $<HTMLButtonElement>(element, '.list-notice button').click();
      const want = await expected({ q: 'ktp' });
      await counted(element, `${want.total} layanan ditemukan`);
      equal(names(element)[0], 'Perekaman dan Pencetakan KTP-el', 'the words searched after the retry');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('pre-filters by the opd attribute and hides the OPD filter', async () => {
    const want = await expected({ opd: 'dinas-kesehatan' });
    const element = await directory('opd="dinas-kesehatan"');
    await counted(element, `${want.total} layanan ditemukan`);
    equal($$(element, '#filter-opd').length, 0, 'no OPD filter');
    equal(names(element).join(' | '), want.names.join(' | '), 'the OPD’s services only');
  });

  it('says so when nothing matches, and clears the search', async () => {
    const element = await directory('q="zzxqqv"');
    await counted(element, 'Tidak ada layanan ditemukan');
    includes(text($(element, '.empty-notice')), 'Coba kata lain', 'what to do');
    $<HTMLButtonElement>(element, '.clear').click();
    const all = await expected({});
    await counted(element, `${all.total} layanan ditemukan`);
    equal($<HTMLInputElement>(element, '[part~=search-input]').value, '', 'the box emptied');
  });

  it('keeps the search box and count line in place while the first results load', async () => {
    const realFetch = window.fetch;
    let release: (() => void) | undefined;
    window.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/api/v1/services?')) await new Promise<void>((resolve) => (release = resolve));
      return realFetch(input, init);
    };
    try {
      const element = await directory();
      element.style.maxWidth = '320px';
      await until(() => release, 'the first search on its way');
      await until(() => $<HTMLSelectElement>(element, '#filter-opd').options.length > 1, 'the OPDs in their filter');
      const count = () => $(element, '[part~=count]').getBoundingClientRect();
      const before = count();
      release!();
      await counted(element, 'layanan ditemukan');
      equal(count().top, before.top, 'the count line did not move');
      equal(count().height, before.height, 'nor change its height');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('stays legible under a 10 px root font and a global reset', async () => {
    const reset = document.createElement('style');
    reset.textContent = 'html { font-size: 10px } * { margin: 0 !important; padding: 0 !important; box-sizing: content-box; font-size: 1rem; line-height: 1 } label { display: none }';
    document.head.append(reset);
    try {
      const element = await directory('q="ktp"');
      await counted(element, 'layanan ditemukan');
      ok(parseFloat(getComputedStyle($(element, 'label[for=q]')).fontSize) >= 15, 'labels are 16px');
      const standard = await openService(element, 'KTP-el');
      const label = standard.querySelector('[part~=checklist] label')!;
      ok(getComputedStyle(label).display !== 'none', 'the checklist’s labels show');
      ok(standard.querySelector('[part~=checklist] input')!.getBoundingClientRect().width >= 20, 'its boxes are a comfortable target');
    } finally {
      reset.remove();
    }
  });

  it('has no axe violations, in the list and with a standard open', async () => {
    const element = await directory('consultation-url="/tanya.html?opd={opd}"');
    await counted(element, 'layanan ditemukan');
    equal((await axeViolations(element)).join('\n'), '', 'axe on the list');
    await openService(element, names(element)[0]!);
    equal((await axeViolations(element)).join('\n'), '', 'axe with a standard open');
  });
});
