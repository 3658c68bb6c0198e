/**
 * One service's published standard as a citizen reads it — the rendering both
 * `<opd-service-standard>` (an OPD's own page) and `<opd-service-directory>` (its details)
 * use, so the two never drift apart: the six components PermenPAN-RB 15/2014 publishes
 * (persyaratan as a checklist a citizen can tick and print; sistem, mekanisme dan prosedur
 * as numbered steps; jangka waktu; biaya/tarif with its legal basis; produk; penanganan
 * pengaduan), the opening hours, the location, the unit's maklumat pelayanan, where to apply
 * on line, where to ask (the OPD's SIAP consultations) and the version in force.
 *
 * Printing: the host sets `printing` (a class on its `.base`) before `window.print()`; the
 * print stylesheet ({@link standardViewStyles}, `@media print`) then shows the requirements
 * checklist alone, with empty boxes to tick on paper, the service's name above and its OPD and
 * version below. A citizen's own Ctrl+P prints the whole standard, without the buttons.
 *
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { OpeningHours, Service } from '../../src/schemas/services.js';
import type { LocalizeController } from '../shared/localize.js';
import type { ServiceStandardMessages } from './i18n/standard-id.js';

/** How the host wants the standard shown. */
export interface StandardViewOptions {
  /** The level of the service's name as a heading; sections are one deeper. */
  level: number;
  /** The id of the name's heading (for `aria-labelledby`); it takes focus with `tabindex="-1"`. */
  titleId: string;
  /** The OPD's name in the page's language (the API gives the Indonesian one). */
  opdName: string;
  /**
   * The host page's consultation page, `{opd}` and `{service}` filled in (see the widgets'
   * `consultation-url`); `''`: no link, the hint only.
   */
  consultationUrl: string;
  /** Prints the checklist: the host toggles its print class and calls `window.print()`. */
  onPrint: () => void;
}

/** Rupiah as Indonesians write it (`Rp 50.000`), in every language: the amount is in rupiah. */
const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });

/** What a service costs, in a few words: `Gratis`, `Rp 50.000`, or "by tariff". */
export function costText(service: Service, t: LocalizeController<ServiceStandardMessages>): string {
  if (service.cost.free) return t.t('std.free');
  if (service.cost.amount !== null) return rupiah.format(service.cost.amount);
  return t.t('std.tariff');
}

/** How a service is applied for: on line, at a counter, or both. */
export function channelText(service: Service, t: LocalizeController<ServiceStandardMessages>): string {
  if (service.online && service.offline) return t.t('std.channel.both');
  return t.t(service.online ? 'std.channel.online' : 'std.channel.offline');
}

/** An ISO weekday's name (1 = Monday) in `locale`. */
function weekday(day: number, locale: string): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, day)));
}

/** The days of an opening-hours row: runs of consecutive days as `Senin–Kamis`, others by commas. */
function daysText(days: readonly number[], locale: string): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const day of sorted) {
    const last = runs.at(-1);
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs.map(([from, to]) => (from === to ? weekday(from, locale) : `${weekday(from, locale)}–${weekday(to, locale)}`)).join(', ');
}

/** `08:00` as the language writes a time: `08.00` in Indonesian. */
function time(value: string, lang: string): string {
  return lang === 'id' ? value.replace(':', '.') : value;
}

function renderHours(hours: readonly OpeningHours[], t: LocalizeController<ServiceStandardMessages>): TemplateResult {
  const zone = t.timeZoneAbbreviation;
  return html`<dl class="hours">
    ${hours.map(
      (row) => html`<div class="hours-row">
        <dt>${daysText(row.days, t.locale)}</dt>
        <dd>${time(row.opens, t.lang)}–${time(row.closes, t.lang)} ${zone}</dd>
      </div>`,
    )}
  </dl>`;
}

/**
 * The standard of `service`: its name (a heading at `options.level`), its facts, the
 * requirements checklist with the print button, the steps and the rest. Styled by
 * {@link standardViewStyles}.
 */
export function renderServiceStandard(service: Service, t: LocalizeController<ServiceStandardMessages>, options: StandardViewOptions): TemplateResult {
  const level = Math.min(5, Math.max(1, options.level));
  const sub = level + 1;
  const heading = (key: 'std.hours' | 'std.location' | 'std.complaints' | 'std.pledge') => html`<div role="heading" aria-level=${sub} class="heading heading--small">${t.t(key)}</div>`;
  const day = t.date(`${service.version.effectiveOn}T12:00:00Z`);
  const consultation = service.consultation;
  const askUrl =
    consultation && options.consultationUrl
      ? options.consultationUrl.replaceAll('{opd}', encodeURIComponent(consultation.opd)).replaceAll('{service}', encodeURIComponent(service.slug))
      : '';
  return html`<article part="standard" class="standard" aria-labelledby=${options.titleId} data-service=${`${service.opd.slug}/${service.slug}`}>
    <div class="standard-head">
      <div role="heading" aria-level=${level} class="heading standard-title" id=${options.titleId} tabindex="-1" lang="id">${service.name}</div>
      <p class="meta"><span class="visually-hidden">${t.t('std.opd')}: </span><span class="standard-opd">${options.opdName}</span></p>
      <p class="badges">
        <span part="badge" class="badge">${t.t(`std.category.${service.category}`)}</span>
        <span part="badge channel" class=${service.online ? 'badge badge--online' : 'badge'}>${channelText(service, t)}</span>
        <span part="badge cost" class=${service.cost.free ? 'badge badge--free' : 'badge'}>${costText(service, t)}</span>
      </p>
      ${service.isDemo ? html`<p class="muted note">${t.t('std.demo')}</p>` : nothing}
      ${service.summary ? html`<p class="summary" lang="id">${service.summary}</p>` : nothing}
    </div>
    <div class="actions">
      ${service.online && service.onlineUrl
        ? html`<a part="apply" class="button apply" href=${service.onlineUrl} target="_blank" rel="noopener"
            >${t.t('std.applyOnline')}<span class="visually-hidden"> ${t.t('std.newWindow')}</span></a
          >`
        : nothing}
      ${askUrl ? html`<a part="ask" class="button button--secondary ask" href=${askUrl}>${t.t('std.ask')}</a>` : nothing}
    </div>
    <dl part="facts" class="facts">
      <div><dt>${t.t('std.duration')}</dt><dd class="fact-duration" lang="id">${service.duration.text}</dd></div>
      <div>
        <dt>${t.t('std.cost')}</dt>
        <dd class="fact-cost">
          <strong>${costText(service, t)}</strong>${service.cost.note ? html`<span lang="id">. ${service.cost.note}</span>` : nothing}
          ${service.cost.legalBasis ? html`<span class="cost-basis">${t.t('std.costBasis')}: <span lang="id">${service.cost.legalBasis}</span></span>` : nothing}
        </dd>
      </div>
      <div><dt>${t.t('std.product')}</dt><dd class="fact-product" lang="id">${service.product}</dd></div>
      <div><dt>${t.t('std.channel')}</dt><dd>${channelText(service, t)}</dd></div>
    </dl>
    <section part="requirements" class="section requirements" aria-labelledby=${`${options.titleId}-req`}>
      <div class="print-only print-title" lang="id">${t.t('std.printTitle', service.name)}</div>
      <div class="section-head">
        <div role="heading" aria-level=${sub} class="heading heading--small" id=${`${options.titleId}-req`}>${t.t('std.requirements')}</div>
        ${service.requirements.length > 0
          ? html`<button part="button print" type="button" class="button button--secondary print-button" @click=${options.onPrint}>${t.t('std.print')}</button>`
          : nothing}
      </div>
      ${service.requirements.length > 0
        ? html`<p class="hint screen-only">${t.t('std.requirementsHint')}</p>
            <ul part="checklist" class="checklist" role="list">
              ${service.requirements.map(
                (item, index) => html`<li class="choice">
                  <input class="checkbox" type="checkbox" id=${`${options.titleId}-r${index}`} />
                  <label class="label" for=${`${options.titleId}-r${index}`} lang="id">${item}</label>
                </li>`,
              )}
            </ul>`
        : html`<p class="muted">${t.t('std.noRequirements')}</p>`}
      <p class="print-only print-footer">${t.t('std.printFooter', options.opdName, service.version.number, day)}</p>
    </section>
    <section class="section procedure" aria-labelledby=${`${options.titleId}-proc`}>
      <div role="heading" aria-level=${sub} class="heading heading--small" id=${`${options.titleId}-proc`}>${t.t('std.procedure')}</div>
      <ol part="steps" class="steps">
        ${service.procedure.map((step) => html`<li class="step" lang="id">${step}</li>`)}
      </ol>
    </section>
    <div class="columns">
      <section class="section">
        ${heading('std.hours')}
        ${service.hours.length > 0 ? renderHours(service.hours, t) : html`<p class="muted">${t.t('std.noHours')}</p>`}
        ${service.hoursNote ? html`<p class="muted hours-note" lang="id">${service.hoursNote}</p>` : nothing}
      </section>
      <section class="section">
        ${heading('std.location')}
        <p class="location" lang="id"><strong>${service.location.name}</strong>${service.location.address ? html`<br />${service.location.address}` : nothing}</p>
      </section>
    </div>
    <section class="section complaints">
      ${heading('std.complaints')}
      ${service.complaints.length > 0
        ? html`<ul class="channels">
            ${service.complaints.map((channel) => html`<li lang="id">${channel}</li>`)}
          </ul>`
        : html`<p class="muted">${t.t('std.noComplaints')}</p>`}
      ${consultation ? html`<p class="ask-hint">${t.t('std.askHint', options.opdName)}${askUrl ? html` <a href=${askUrl} class="ask-link">${t.t('std.ask')}</a>` : nothing}</p>` : nothing}
    </section>
    ${service.pledge
      ? html`<section part="pledge" class="section pledge">
          ${heading('std.pledge')}
          <blockquote class="pledge-text" lang="id">${service.pledge.text}</blockquote>
          <p class="pledge-by" lang="id">${service.pledge.by}${service.pledge.on ? html`, ${t.date(`${service.pledge.on}T12:00:00Z`)}` : nothing}</p>
        </section>`
      : nothing}
    <p class="muted version">${t.t('std.version', service.version.number, day)}</p>
  </article>`;
}

/**
 * Prints the requirements checklist alone: `setPrinting(true)` (the host puts `printing` on
 * its `.base`), once rendered `window.print()`, and `setPrinting(false)` when the browser says
 * printing is over (`afterprint`; Chromium and Firefox fire it as the dialog closes).
 */
export async function printRequirements(setPrinting: (on: boolean) => void, rendered: () => Promise<unknown>): Promise<void> {
  setPrinting(true);
  await rendered();
  window.addEventListener('afterprint', () => setPrinting(false), { once: true });
  window.print();
}
