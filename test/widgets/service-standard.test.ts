/**
 * <opd-service-standard> in Chromium against the real API the runner starts (demo seed): one
 * service's standard as `GET /api/v1/opds/{opd}/services/{service}` gives it, the print view,
 * English, a service that is not there, and a failure with its retry.
 */
import { emulateMedia } from '@web/test-runner-commands';
import '../../widgets/service-standard/define.js';
import type { OpdServiceStandard } from '../../widgets/service-standard/service-standard.js';
import type { OpdServiceLoadedDetail } from '../../widgets/service-standard/events.js';
import { buildClient } from '../../src/build-client.js';
import { citizenServices } from '../../src/namespaces/citizen-services.js';
import { $, $$, axeViolations, cleanup, equal, includes, mount, ok, testConfig, text, until } from './helpers.js';

const CLOSED_API = 'http://127.0.0.1:65534';

afterEach(async () => {
  cleanup();
  await emulateMedia({ media: 'screen' });
});

function api() {
  return buildClient({ baseUrl: testConfig().api }, { services: citizenServices }).services;
}

async function card(attributes: string, base = testConfig().api): Promise<OpdServiceStandard> {
  return mount<OpdServiceStandard>(`<opd-service-standard api="${base}" ${attributes}></opd-service-standard>`);
}

function shown(element: OpdServiceStandard): Promise<HTMLElement> {
  return until(() => element.shadowRoot?.querySelector<HTMLElement>('[part~=standard]'), 'the standard');
}

function drawn(element: Element | null | undefined): boolean {
  return Boolean(element && element.getClientRects().length > 0);
}

describe('<opd-service-standard>', () => {
  it('shows the service’s published standard as the API gives it, and says it is loaded', async () => {
    const pbg = await api().get('dpmptsp', 'pbg');
    const loaded: OpdServiceLoadedDetail[] = [];
    document.addEventListener('opd-service-loaded', (event) => loaded.push((event as CustomEvent<OpdServiceLoadedDetail>).detail), { once: true });
    const element = await card('opd="dpmptsp" service="pbg" consultation-url="/konsultasi?opd={opd}&layanan={service}" heading-level="3"');
    const standard = await shown(element);
    equal(text(standard.querySelector('#service-title')), pbg.name, 'its name');
    equal(standard.querySelector('#service-title')?.getAttribute('aria-level'), '3', 'at the level the page asks');
    equal([...standard.querySelectorAll('[part~=checklist] label')].map(text).join(' | '), pbg.requirements.join(' | '), 'the requirements as a checklist');
    equal([...standard.querySelectorAll('[part~=steps] > li')].map(text).join(' | '), pbg.procedure.join(' | '), 'the steps');
    const body = text(standard);
    includes(body, pbg.duration.text, 'the time to completion');
    if (pbg.cost.note) includes(body, pbg.cost.note, 'the tariff explained');
    includes(body, pbg.cost.legalBasis!, 'with its legal basis');
    includes(body, `versi ${pbg.version.number}`, 'the version in force');
    equal(JSON.stringify(loaded), JSON.stringify([{ opd: 'dpmptsp', service: 'pbg', name: pbg.name, version: pbg.version.number }]), 'opd-service-loaded');
    if (pbg.online && pbg.onlineUrl) equal(standard.querySelector<HTMLAnchorElement>('a[part~=apply]')?.href, new URL(pbg.onlineUrl).href, 'where to apply on line');
    const ask = standard.querySelector<HTMLAnchorElement>('a[part~=ask]');
    equal(ask && new URL(ask.href).search, '?opd=dpmptsp&layanan=pbg', '“Tanya petugas” to the consultation page');
    equal((await axeViolations(element)).join('\n'), '', 'axe on the standard');
  });

  it('prints the requirements alone with the print button', async () => {
    const element = await card('opd="disdukcapil" service="akta-kelahiran"');
    const standard = await shown(element);
    await emulateMedia({ media: 'print' });
    const realPrint = window.print;
    let atPrint: { checklist: boolean; steps: boolean; facts: boolean; button: boolean } | undefined;
    window.print = () => {
      atPrint = {
        checklist: drawn(standard.querySelector('[part~=checklist]')),
        steps: drawn(standard.querySelector('[part~=steps]')),
        facts: drawn(standard.querySelector('[part~=facts]')),
        button: drawn(standard.querySelector('[part~=print]')),
      };
    };
    try {
      $<HTMLButtonElement>(element, '[part~=print]').click();
      await until(() => atPrint, 'window.print()');
      equal(JSON.stringify(atPrint), JSON.stringify({ checklist: true, steps: false, facts: false, button: false }), 'the checklist alone');
      window.dispatchEvent(new Event('afterprint'));
      await until(() => drawn(standard.querySelector('[part~=steps]')), 'the whole standard after printing');
    } finally {
      window.print = realPrint;
    }
  });

  it('speaks English with lang="en", the OPD by its English name', async () => {
    const element = await card('opd="disdukcapil" service="ktp-el" lang="en"');
    const standard = await shown(element);
    const body = text(standard);
    for (const words of ['Requirements', 'System, mechanism and procedure', 'Time to completion', 'Free', 'Opening hours', 'Monday–Thursday', '08:00–15:30 WIB']) includes(body, words, 'in English');
    ok(!body.includes('Persyaratan'), 'no Indonesian heading left');
    includes(text(standard.querySelector('.standard-opd')), 'Civil Registry', 'the OPD’s English name');
    equal(standard.querySelector('[part~=checklist] label')?.getAttribute('lang'), 'id', 'the standard’s own text marked Indonesian');
  });

  it('reserves room while loading, and says so when the service is not there', async () => {
    const element = await card('opd="disdukcapil" service="tidak-ada"');
    const notice = await until(() => element.shadowRoot?.querySelector('.card-notice'), 'the notice');
    includes(text(notice), 'tidak ditemukan', 'not found, in words');
    const missing = await card('opd="disdukcapil"');
    await until(() => text(missing.shadowRoot?.querySelector('.card-notice')).includes('atribut opd dan service'), 'what the page must set');
  });

  it('says what failed when the API cannot be reached, and the retry loads it', async () => {
    const realFetch = window.fetch;
    let up = false;
    let release: (() => void) | undefined;
    window.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (up && url.includes('/services/')) await new Promise<void>((resolve) => (release = resolve));
      return realFetch(up ? url.replace(CLOSED_API, testConfig().api) : input, init);
    };
    try {
      const element = await card('opd="disdukcapil" service="ktp-el"', CLOSED_API);
      const notice = await until(() => element.shadowRoot?.querySelector('.card-notice'), 'the error notice', 20_000);
      includes(text(notice), 'tidak ada koneksi', 'no connection');
      equal(notice.getAttribute('role'), 'alert', 'announced');
      equal((await axeViolations(element)).join('\n'), '', 'axe on the error');
      up = true;
      $<HTMLButtonElement>(element, '.card-notice button').click();
      await until(() => release, 'the retry on its way');
      const placeholder = element.shadowRoot!.querySelector('.placeholder')!;
      ok(placeholder.getBoundingClientRect().height >= 200, 'room kept for the standard while it loads');
      equal(element.shadowRoot!.querySelector('.base')?.getAttribute('aria-busy'), 'true', 'busy');
      release!();
      const standard = await shown(element);
      includes(text(standard), 'Perekaman dan Pencetakan KTP-el', 'loaded after the retry');
      equal($$(element, '.card-notice').length, 0, 'the notice gone');
    } finally {
      window.fetch = realFetch;
    }
  });
});
