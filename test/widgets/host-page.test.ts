/**
 * The widgets inside a hostile host page, and registration.
 */
import '../../widgets/all.js';
import type { OpdConsultationForm } from '../../widgets/consultation-form/consultation-form.js';
import type { OpdConsultationStatus } from '../../widgets/consultation-status/consultation-status.js';
import { $, $$, cleanup, equal, mount, ok, siapOpd, testConfig, text, until } from './helpers.js';

afterEach(() => cleanup());

describe('opd-kit widgets on a host page', () => {
  it('stay legible under a 10px root font and aggressive resets', async () => {
    const reset = document.createElement('style');
    reset.textContent = `
      html { font-size: 10px; }
      * { margin: 0 !important; padding: 0 !important; font-size: 1rem; line-height: 1; }
      label { display: none; }
      input, select, textarea, button { font-size: 8px; }
    `;
    document.head.append(reset);
    try {
      const opd = await siapOpd();
      const form = await mount<OpdConsultationForm>(
        `<opd-consultation-form api="${testConfig().api}" opd="${opd.slug}"></opd-consultation-form>`,
      );
      const status = await mount<OpdConsultationStatus>(
        `<opd-consultation-status api="${testConfig().api}"></opd-consultation-status>`,
      );
      await until(() => $$(form, '#category option').length > 1, 'the categories');
      for (const host of [form, status]) {
        const labels = $$(host, 'label');
        ok(labels.length > 0, `<${host.localName}> has labels`);
        for (const label of labels) {
          const style = getComputedStyle(label);
          ok(style.display !== 'none' && label.getBoundingClientRect().height > 0, `label "${label.textContent?.trim()}" is visible`);
          ok(parseFloat(style.fontSize) >= 14, `label "${label.textContent?.trim()}" is ${style.fontSize}`);
        }
        for (const control of $$(host, 'input:not([type=checkbox]), select, textarea, button')) {
          ok(parseFloat(getComputedStyle(control).fontSize) >= 14, `a ${control.localName} is ${getComputedStyle(control).fontSize}`);
        }
      }
      const field = $(form, '.field');
      ok(parseFloat(getComputedStyle(field).marginBottom) >= 14, 'fields keep their spacing');
      for (const host of [form, status]) {
        const hint = $(host, '.hint');
        const style = getComputedStyle(hint);
        ok(parseFloat(style.lineHeight) >= 1.4 * parseFloat(style.fontSize), `<${host.localName}> keeps its line height: ${style.lineHeight}`);
      }
    } finally {
      reset.remove();
    }
  });

  it('follows --opd-font-size and --opd-color-primary set by the page', async () => {
    const form = await mount<OpdConsultationForm>(
      `<opd-consultation-form opd="contoh" api="${testConfig().api}" class="themed"></opd-consultation-form>`,
    );
    const theme = document.createElement('style');
    theme.textContent = '.themed { --opd-font-size: 20px; --opd-color-primary: rgb(11, 93, 59); }';
    document.head.append(theme);
    try {
      await form.updateComplete;
      equal(getComputedStyle(form).fontSize, '20px', 'the widget takes the page’s size');
      equal(getComputedStyle($(form, 'button[type=submit]')).backgroundColor, 'rgb(11, 93, 59)', 'and its colour');
    } finally {
      theme.remove();
    }
  });

  it('does not throw when the widgets are registered twice', async () => {
    const again = (path: string) => import(/* @vite-ignore */ new URL(`${path}?again=${Date.now()}`, import.meta.url).href);
    await again('../../widgets/consultation-form/define.ts');
    await again('../../widgets/consultation-status/define.ts');
    await again('../../widgets/all.ts');
    ok(customElements.get('opd-consultation-form'), 'the form is defined');
    ok(customElements.get('opd-consultation-status'), 'the status is defined');
  });

  it('tells the site owner when the opd attribute is missing', async () => {
    const form = await mount<OpdConsultationForm>(`<opd-consultation-form api="${testConfig().api}"></opd-consultation-form>`);
    ok($(form, '[part~=notice]').textContent?.includes('atribut opd'), 'the message names the missing attribute');
  });

  it('says the form is not set up, in the page’s language, when the opd attribute is missing', async () => {
    const form = await mount<OpdConsultationForm>(`<opd-consultation-form api="${testConfig().api}"></opd-consultation-form>`);
    equal(
      text($(form, '[part~=notice]')),
      'Formulir ini belum diatur: atribut opd (nama singkat OPD) belum diisi. Hubungi pengelola situs.',
      'in Indonesian',
    );
    form.setAttribute('lang', 'en');
    await form.updateComplete;
    equal(
      text($(form, '[part~=notice]')),
      'This form is not set up yet: its opd attribute (the agency’s short name) is missing. Contact the site’s administrator.',
      'in English',
    );
  });
});
