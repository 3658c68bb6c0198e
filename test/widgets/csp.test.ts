/**
 * The widgets under a strict Content-Security-Policy: no inline styles, no eval.
 * The policy is added before the widgets load and stays for this page only.
 */
import type { OpdConsultationForm } from '../../widgets/consultation-form/consultation-form.js';
import type { OpdConsultationStatus } from '../../widgets/consultation-status/consultation-status.js';
import { $, $$, cleanup, equal, fill, mount, setChecked, siapOpd, testConfig, until } from './helpers.js';

const violations: string[] = [];

before(async () => {
  const api = testConfig().api;
  const policy = document.createElement('meta');
  policy.httpEquiv = 'Content-Security-Policy';
  policy.content = `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${api}; img-src 'self' data:`;
  document.head.append(policy);
  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
  });
  await import(/* @vite-ignore */ new URL('../../widgets/all.ts', import.meta.url).href);
});

afterEach(() => cleanup());

describe('opd-kit widgets under a strict CSP', () => {
  it('ask and track a question without a single policy violation', async () => {
    const opd = await siapOpd();
    const form = await mount<OpdConsultationForm>(
      `<opd-consultation-form api="${testConfig().api}" opd="${opd.slug}"></opd-consultation-form>`,
    );
    await until(() => $$(form, '#category option').length > 1, 'the categories');
    $<HTMLButtonElement>(form, 'button[type=submit]').click();
    await until(() => form.shadowRoot?.querySelector('.error-summary'), 'the error summary');
    fill($<HTMLInputElement>(form, '#name'), 'Rahmat Hidayat');
    fill($<HTMLInputElement>(form, '#phone'), '0821-7000-1234');
    fill($<HTMLSelectElement>(form, '#category'), opd.consultationCategories[0]!.id);
    fill($<HTMLInputElement>(form, '#subject'), 'Laporan aset desa');
    fill($<HTMLTextAreaElement>(form, '#message'), 'Ke mana laporan aset desa diserahkan?');
    setChecked($<HTMLInputElement>(form, '#consent'), true);
    $<HTMLButtonElement>(form, 'button[type=submit]').click();
    const code = await until(() => form.shadowRoot?.querySelector('[part~=tracking-code]')?.textContent, 'the receipt');

    const status = await mount<OpdConsultationStatus>(
      `<opd-consultation-status api="${testConfig().api}" code="${code}"></opd-consultation-status>`,
    );
    await until(() => status.shadowRoot?.querySelector('[part~=result]'), 'the consultation');
    equal(getComputedStyle($(status, '.result')).borderTopStyle, 'solid', 'the widget styles apply');
    equal(violations.join('\n'), '', 'no policy violations');
  });
});
