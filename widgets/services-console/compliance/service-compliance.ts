/**
 * `<opd-service-compliance>`: Layanan's compliance self-check across the regency in the staff
 * console — every OPD's standards in force against the regency's checklist.
 *
 * @module
 */
import { css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { citizenServices } from '../../../src/namespaces/citizen-services.js';
import type { ComplianceReport, ServiceComponent } from '../../../src/schemas/services.js';
import { services } from '../../../src/namespaces/services.js';
import { CSV_BOM, saveFile } from '../../console/kit/download.js';
import { failureMessage, renderOutsideConsole } from '../../console/kit/failure.js';
import { consolePageStyles } from '../../console/kit/page-styles.js';
import { ConsolePageElement } from '../../console/page.js';
import { LocalizeController } from '../../shared/localize.js';
import { renderNotice } from '../../shared/notice.js';
import { controlStyles, themeStyles } from '../../shared/theme.js';
import { componentName } from '../component-names.js';
import { serviceStandardsPage } from '../standards/console-page.js';
import { id, type ServiceComplianceMessages } from './i18n/id.js';

const styles = css`
  .tag--done { border-color: var(--_success); background: var(--_success-surface) }
  a.tag { color: var(--_text); white-space: normal }
  a.tag:hover { text-decoration: underline }
  th.name { min-width: 12em }
  .missing-col { min-width: 16em }
  .summary { max-width: 48em; margin: 0 0 0.5em; font-weight: 700 }
`;

/**
 * The regency's compliance self-check, as the regency admin and DPMPTSP keep it for the
 * Ombudsman's assessment: the day's figures (services complete of all, percent), the checklist
 * and its source, a table per OPD (services in force, complete, percent, the components most
 * often missing) and the services not yet complete with each missing component. A regency admin
 * clicks any gap to open that service's standard at that component in the standards page (with
 * its OPD picked); an OPD's staff click their own OPD's gaps, the rest they read. The report is
 * the public one (`GET /api/v1/services/compliance`). Below it, the SIPPN export as CSV or JSON:
 * the regency's for a regency admin, the staff's own OPD's otherwise.
 *
 * @summary The regency-wide compliance checklist of service standards in the staff console.
 *
 * @attr lang - `id` (default) or `en`; the console sets it.
 * @attr heading-level - The level of the page's headings (the console sets it one below its page title).
 *
 * @csspart base - The wrapper of everything.
 * @csspart opds - The table per OPD.
 * @csspart items - The table of services not yet complete.
 * @csspart notice - Messages.
 * @csspart export - The SIPPN export (CSV and JSON downloads).
 * @csspart button - The download buttons.
 *
 * @cssproperty --opd-font-size - The base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-color-primary - Links.
 * @cssproperty --opd-color-warning-surface - A missing component.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdServiceCompliance extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles, styles];

  static override properties: PropertyDeclarations = {
    report: { state: true, attribute: false },
    error: { state: true, attribute: false },
    exporting: { state: true, attribute: false },
    exportError: { state: true, attribute: false },
  };

  private report: ComplianceReport | null = null;
  private error = '';
  /** The SIPPN file being made, or ''. */
  private exporting: '' | 'csv' | 'json' = '';
  private exportError = '';
  #session: unknown;

  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((module) => module.en) });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context') || !this.context || this.context.session === this.#session) return;
    this.#session = this.context.session;
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.context) return;
    this.error = '';
    try {
      this.report = await citizenServices(this.context.session.sender, {}).regencyCompliance();
    } catch (error) {
      this.error = failureMessage(error, this.localize);
    }
  }

  /** Whether the signed-in person may open `opd`'s standards (a regency admin any, staff their own). */
  private mayOpen(opd: string): boolean {
    const user = this.context?.user;
    return user?.role === 'regency_admin' || user?.opd === opd;
  }

  private open(event: Event, opd: string, slug: string, component: ServiceComponent): void {
    event.preventDefault();
    this.context?.navigate(`${serviceStandardsPage.id}/${slug}/${component}`, { opd });
  }

  /**
   * Downloads the SIPPN export: the regency's for a regency admin, else the staff's own OPD's.
   * Read with the staff's token (a link cannot carry it), then saved as a file.
   */
  private async exportSippn(format: 'csv' | 'json'): Promise<void> {
    const context = this.context;
    if (!context || this.exporting) return;
    this.exporting = format;
    this.exportError = '';
    const user = context.user;
    const regency = user.role === 'regency_admin';
    const calls = services(context.session.sender, user.opd ? { opd: user.opd } : {});
    const day = new Date().toISOString().slice(0, 10);
    const name = `sippn-${regency ? 'kabupaten' : user.opd}-${day}.${format}`;
    try {
      if (format === 'csv') {
        const text = regency ? await calls.exportSippnCsv() : await calls.opd.exportSippnCsv();
        saveFile(this.renderRoot, name, `${CSV_BOM}${text}`, 'text/csv;charset=utf-8');
      } else {
        const data = regency ? await calls.exportSippn() : await calls.opd.exportSippn();
        saveFile(this.renderRoot, name, JSON.stringify(data, null, 2), 'application/json;charset=utf-8');
      }
      context.announce(this.localize.t('export.done'));
    } catch (error) {
      this.exportError = failureMessage(error, this.localize);
    } finally {
      this.exporting = '';
    }
  }

  private renderExport(): TemplateResult | typeof nothing {
    const t = this.localize;
    const user = this.context?.user;
    const regency = user?.role === 'regency_admin';
    if (!user || (!regency && !user.opd)) return nothing;
    const busy = this.exporting !== '';
    return html`<section part="export" class="section" aria-labelledby="export-title" id="sippn-export">
      <div role="heading" aria-level=${this.level + 1} class="heading" id="export-title">${t.t('export.title')}</div>
      <p class="intro">${regency ? t.t('export.introRegency') : t.t('export.introOpd', this.context?.opds.find((opd) => opd.slug === user.opd)?.name ?? user.opd!)}</p>
      ${this.exportError ? renderNotice({ message: this.exportError, tone: 'warning', alert: true }) : nothing}
      <p class="actions">
        <button part="button" type="button" class="button button--secondary" id="sippn-csv" ?disabled=${busy} @click=${() => void this.exportSippn('csv')}>${this.exporting === 'csv' ? t.t('export.busy') : t.t('export.csv')}</button>
        <button part="button" type="button" class="button button--secondary" id="sippn-json" ?disabled=${busy} @click=${() => void this.exportSippn('json')}>${this.exporting === 'json' ? t.t('export.busy') : t.t('export.json')}</button>
      </p>
    </section>`;
  }

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.context) return html`<div class="base">${renderOutsideConsole(t.lang)}</div>`;
    const report = this.report;
    let body: TemplateResult;
    if (!report && this.error) body = renderNotice({ message: this.error, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.load(), look: 'secondary' } });
    else if (!report) body = html`<p class="muted">${t.t('page.loading')}</p>`;
    else body = this.renderReport(report);
    return html`<div part="base" class="base" lang=${t.lang}>
      <section class="section" aria-labelledby="view-title">
        <div role="heading" aria-level=${this.level} class="heading" id="view-title">${t.t('page.title')}</div>
        <p class="intro">${t.t('page.intro')}</p>
        ${body}
      </section>
      ${this.renderExport()}
    </div>`;
  }

  private renderReport(report: ComplianceReport): TemplateResult {
    const t = this.localize;
    const lang = t.lang;
    const day = new Intl.DateTimeFormat(t.locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${report.day}T00:00:00Z`));
    const names = new Map(report.opds.map((opd) => [opd.slug, opd.name]));
    const incomplete = report.items.filter((item) => !item.complete);
    const ownOnly = this.context?.user.role !== 'regency_admin';
    return html`<p class="summary" id="compliance-summary">${t.t('page.summary', report.complete, report.services, t.number(report.percent), day)}</p>
      <p class="muted intro">${t.t('page.checklist', report.checklist.name, report.checklist.source)}</p>
      <div part="opds" class="table-box" id="compliance-opds" tabindex="0" role="region" aria-labelledby="opds-caption">
        <table>
          <caption id="opds-caption">${t.t('opds.caption')}</caption>
          <thead>
            <tr><th scope="col" class="name">${t.t('opds.opd')}</th><th scope="col" class="number">${t.t('opds.services')}</th><th scope="col" class="number">${t.t('opds.complete')}</th><th scope="col" class="number">${t.t('opds.percent')}</th><th scope="col" class="missing-col">${t.t('opds.missing')}</th></tr>
          </thead>
          <tbody>
            ${report.opds.map((opd) => {
              const missing = Object.entries(opd.missing).sort((a, b) => b[1] - a[1]);
              return html`<tr id="compliance-opd-${opd.slug}">
                <th scope="row" class="name">${opd.name}</th>
                <td class="number">${t.number(opd.services)}</td>
                <td class="number">${t.number(opd.complete)}</td>
                <td class="number">${opd.services ? `${t.number(opd.percent)} %` : '—'}</td>
                <td class="missing-col">${opd.services === 0 ? html`<span class="muted">${t.t('opds.none')}</span>` : missing.length === 0 ? '—' : missing.map(([component, count]) => t.t('items.missingCount', componentName(component as ServiceComponent, lang), count)).join(', ')}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <div role="heading" aria-level=${this.level + 1} class="heading" id="items-title">${t.t('items.title')}</div>
      ${incomplete.length === 0
        ? html`<p class="muted">${t.t('items.allComplete')}</p>`
        : html`${ownOnly ? html`<p class="muted intro">${t.t('items.ownOnly')}</p>` : nothing}
            <div part="items" class="table-box" id="compliance-items" tabindex="0" role="region" aria-labelledby="items-caption">
              <table>
                <caption id="items-caption">${t.t('items.caption')}</caption>
                <thead>
                  <tr><th scope="col" class="name">${t.t('items.service')}</th><th scope="col">${t.t('items.opd')}</th><th scope="col" class="missing-col">${t.t('items.missing')}</th></tr>
                </thead>
                <tbody>
                  ${incomplete.map(
                    (item) => html`<tr id="compliance-${item.opd}-${item.slug}">
                      <th scope="row" class="name">${item.name}</th>
                      <td>${names.get(item.opd) ?? item.opd}</td>
                      <td class="missing-col">
                        <ul class="tags">
                          ${item.missing.map((component) =>
                            this.mayOpen(item.opd)
                              ? html`<li>
                                  <a class="tag tag--warn" href="#/${serviceStandardsPage.id}/${item.slug}/${component}?opd=${item.opd}" data-component=${component} @click=${(event: Event) => this.open(event, item.opd, item.slug, component)}
                                    >${componentName(component, lang)}<span class="visually-hidden"> (${t.t('items.gapLink', componentName(component, lang), item.name)})</span></a
                                  >
                                </li>`
                              : html`<li><span class="tag tag--warn">${componentName(component, lang)}</span></li>`,
                          )}
                        </ul>
                      </td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}`;
  }
}

/** The copy's type, for tests that read a message. */
export type { ServiceComplianceMessages };
