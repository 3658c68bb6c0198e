/**
 * <opd-satisfaction-survey> in Chromium against the real API the runner starts (demo seed:
 * Disdukcapil runs Layanan). Each test uses survey codes it issues itself through the API as
 * Disdukcapil's staff (the test server is shared); the index's respondent count is read from
 * the API before and after a rating.
 */
import '../../widgets/satisfaction-survey/define.js';
import type { OpdSatisfactionSurvey } from '../../widgets/satisfaction-survey/satisfaction-survey.js';
import { buildClient } from '../../src/build-client.js';
import { services } from '../../src/namespaces/services.js';
import type { SurveyModel } from '../../src/schemas/services.js';
import { tokenOf } from './console-helpers.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, fill, includes, mount, ok, testConfig, text, until } from './helpers.js';

const OPD = 'disdukcapil';
const SERVICE = 'akta-kematian';

const publicClient = () => buildClient({ baseUrl: testConfig().api }, { services });

/** Fresh survey codes for the service, issued as Disdukcapil's staff. */
async function issue(count = 1, service = SERVICE): Promise<string[]> {
  const staff = buildClient({ baseUrl: testConfig().api, opd: OPD, token: await tokenOf('disdukcapil@lahat.demo') }, { services });
  return (await staff.services.opd.issueTokens(service, { count })).tokens;
}

/** The service's respondents this year, as the API counts them. */
async function respondents(): Promise<number> {
  const report = await publicClient().services.satisfaction(OPD);
  return report.services.find((s) => s.slug === SERVICE)!.respondents;
}

let model: SurveyModel;
let serviceName: string;

before(async () => {
  model = await publicClient().services.surveyModel();
  serviceName = (await publicClient().services.get(OPD, SERVICE)).name;
});

afterEach(() => {
  cleanup();
  for (const key of Object.keys(localStorage)) if (key.includes('satisfaction-survey') || key.includes('survey-attempt')) localStorage.removeItem(key);
});

async function survey(attributes = ''): Promise<OpdSatisfactionSurvey> {
  const element = await mount<OpdSatisfactionSurvey>(`<opd-satisfaction-survey api="${testConfig().api}" opd="${OPD}" service="${SERVICE}" ${attributes}></opd-satisfaction-survey>`);
  await until(() => element.shadowRoot?.querySelector('form'), 'the survey form');
  return element;
}

/** Clicks the answer `value` of every element except those in `skip`. */
function answerAll(element: OpdSatisfactionSurvey, value: number, skip: readonly string[] = []): void {
  for (const e of model.elements) {
    if (skip.includes(e.id)) continue;
    $<HTMLInputElement>(element, `input[name="score-${e.id}"][value="${value}"]`).click();
  }
}

async function submit(element: OpdSatisfactionSurvey): Promise<void> {
  $<HTMLButtonElement>(element, 'button[type=submit]').click();
  await element.updateComplete;
}

describe('<opd-satisfaction-survey>', () => {
  it('asks every element of the model as a radio group with the model’s question and answers', async () => {
    const element = await survey();
    const groups = $$(element, 'fieldset.scale');
    equal(groups.length, model.elements.length, 'one group per element');
    equal(model.elements.length, 9, 'PermenPAN-RB 14/2017 has nine elements');
    for (const [index, e] of model.elements.entries()) {
      const group = groups[index]!;
      includes(text(group.querySelector('legend')), e.name, `the legend names ${e.id}`);
      includes(text(group), e.question, 'the question');
      const labels = [...group.querySelectorAll('.option-label')].map((l) => text(l));
      equal(JSON.stringify(labels), JSON.stringify(e.answers), `the answers of ${e.id}`);
      equal(group.querySelectorAll('input[type=radio]').length, model.scale.length, 'one radio per scale value');
    }
    includes(text(element.shadowRoot!.querySelector('.survey')), serviceName, 'names the service');
    includes(text($(element, '#suggestion-hint')), 'Tanpa nama', 'the suggestion is anonymous');
    equal((await axeViolations(element)).join('\n'), '', 'axe');
  });

  it('names a missing score in the error summary, keeps the rest, then records the rating and the index counts it', async () => {
    const [code] = await issue();
    const before = await respondents();
    const element = await survey();
    fill($<HTMLInputElement>(element, '#token'), code!.toLowerCase());
    answerAll(element, 3, ['biaya']);
    fill($<HTMLTextAreaElement>(element, '#suggestion'), 'Antrean tertib.');
    await submit(element);
    const summary = await until(() => element.shadowRoot?.querySelector('.error-summary'), 'the error summary');
    const biaya = model.elements.find((e) => e.id === 'biaya')!;
    equal(summary.querySelectorAll('li').length, 1, 'one problem');
    includes(text(summary), biaya.name, 'names the missing element');
    await until(() => deepActiveElement() === summary || summary.contains(deepActiveElement()), 'focus on the summary');
    equal($<HTMLInputElement>(element, '#token').value, code!.toLowerCase(), 'the code is kept');
    equal($<HTMLInputElement>(element, 'input[name="score-persyaratan"][value="3"]').checked, true, 'the other scores are kept');
    equal($<HTMLTextAreaElement>(element, '#suggestion').value, 'Antrean tertib.', 'the suggestion is kept');
    equal(await respondents(), before, 'nothing counted yet');
    summary.querySelector<HTMLAnchorElement>('a')!.click();
    equal(deepActiveElement()?.getAttribute('name'), 'score-biaya', 'the link goes to the group');

    const submitted: CustomEvent[] = [];
    document.addEventListener('opd-survey-submitted', (event) => submitted.push(event as CustomEvent), { once: true });
    $<HTMLInputElement>(element, 'input[name="score-biaya"][value="4"]').click();
    await submit(element);
    const thanks = await until(() => element.shadowRoot?.querySelector('[part~=success]'), 'the thank-you');
    includes(text(thanks), serviceName, 'thanks name the service');
    includes(text(thanks), 'Terima kasih', 'says thank you');
    equal(await respondents(), before + 1, 'the index counts one respondent more');
    equal((submitted[0]!.detail as { service: string }).service, SERVICE, 'the event names the service');
  });

  it('says a code already used is used, keeping every answer', async () => {
    const [code] = await issue();
    await publicClient().services.answerSurvey(OPD, SERVICE, { token: code!, scores: Object.fromEntries(model.elements.map((e) => [e.id, 4])) });
    const element = await survey(`token="${code}"`);
    equal($<HTMLInputElement>(element, '#token').value, code, 'the code from the attribute');
    answerAll(element, 2);
    await submit(element);
    const summary = await until(() => element.shadowRoot?.querySelector('.error-summary'), 'the error summary');
    includes(text(summary), 'sudah dipakai', 'says the code was used');
    includes(text($(element, '#token-error')), 'sudah dipakai', 'on the code field');
    equal($<HTMLInputElement>(element, 'input[name="score-produk"][value="2"]').checked, true, 'answers kept');
  });

  it('takes the code from ?kode= and says a code of another service is for another service', async () => {
    const [other] = await issue(1, 'kartu-keluarga');
    history.replaceState(null, '', `${location.pathname}?kode=${other}`);
    try {
      const element = await survey();
      equal($<HTMLInputElement>(element, '#token').value, other, 'the code from the address');
      answerAll(element, 4);
      await submit(element);
      const summary = await until(() => element.shadowRoot?.querySelector('.error-summary'), 'the error summary');
      includes(text(summary), 'layanan lain', 'another service’s code');
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('after sends whose answers were lost, sends again with the same key: the receipt, counted once', async () => {
    const [code] = await issue();
    const before = await respondents();
    const realFetch = window.fetch;
    // Every POST of the first send (the SDK's own retries too) reaches the server; no answer reaches the page.
    let lost = 0;
    const keys: string[] = [];
    window.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      if (init?.method === 'POST') {
        keys.push(new Headers(init.headers).get('Idempotency-Key') ?? '');
        if (lost < 3) {
          lost++;
          throw new TypeError('Failed to fetch');
        }
      }
      return response;
    };
    try {
      const element = await survey();
      fill($<HTMLInputElement>(element, '#token'), code!);
      answerAll(element, 4);
      await submit(element);
      const notice = await until(() => element.shadowRoot?.querySelector('.notice[role=alert]'), 'the offline notice', 15_000);
      includes(text(notice), 'Tidak ada koneksi', 'says it is not sent');
      notice.querySelector<HTMLButtonElement>('button')!.click();
      const thanks = await until(() => element.shadowRoot?.querySelector('[part~=success]'), 'the thank-you');
      includes(text(thanks), 'sudah tercatat', 'recorded');
      includes(text(thanks), 'Indeks Kepuasan Masyarakat semester', 'with the period of the first send’s receipt');
      ok(keys.length === 4 && keys.every((key) => key && key === keys[0]), `one key on every send: ${keys.join(' ')}`);
      equal(await respondents(), before + 1, 'counted once');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('speaks English with lang="en"', async () => {
    const element = await survey('lang="en"');
    await until(() => text($(element, '[role=heading]')) === 'Public Satisfaction Survey', 'the English heading');
    equal(text($(element, 'label[for=token]')), 'Survey code', 'the code label');
    await submit(element);
    const summary = await until(() => element.shadowRoot?.querySelector('.error-summary'), 'the error summary');
    includes(text(summary), 'Enter the survey code', 'English errors');
    equal(summary.querySelectorAll('li').length, 1 + model.elements.length, 'the code and every element named');
    equal((await axeViolations(element)).join('\n'), '', 'axe');
  });

  it('offers a retry when the survey cannot be loaded, and loads once it can', async () => {
    const errors: CustomEvent[] = [];
    document.addEventListener('opd-error', (event) => errors.push(event as CustomEvent), { once: true });
    let down = true;
    const realFetch = window.fetch;
    window.fetch = (input, init) => (down ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init));
    try {
      const element = await mount<OpdSatisfactionSurvey>(`<opd-satisfaction-survey api="${testConfig().api}" opd="${OPD}" service="${SERVICE}"></opd-satisfaction-survey>`);
      const notice = await until(() => element.shadowRoot?.querySelector('.survey-notice'), 'the offline notice', 15_000);
      includes(text(notice), 'tidak ada koneksi', 'says there is no connection');
      await until(() => errors.length === 1, 'opd-error');
      equal((errors[0]!.detail as { action: string }).action, 'load-survey', 'the event says what failed');
      down = false;
      notice.querySelector<HTMLButtonElement>('button')!.click();
      await until(() => element.shadowRoot?.querySelector('form'), 'the form after the retry');
      ok(true, 'loaded');
    } finally {
      window.fetch = realFetch;
    }
  });
});
