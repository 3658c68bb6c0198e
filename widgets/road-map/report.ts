/**
 * The damage report flow of `<opd-road-map>`: a place (a pin on the map, the device's
 * location, or coordinates typed), the service with its questions, a description, a photo,
 * the reporter's contact if they wish, then the tracking number. Built on the kit's
 * {@link FormController}, as the consultation form is: the draft is kept on the device
 * (through errors, lost connections and reloads), one idempotency key per draft, the error
 * summary at the top. The photo is uploaded when it is chosen; its address is part of the
 * draft, so a reload keeps it too. A chunk of its own: the widget imports it when the citizen
 * opens the form, or when a draft of it is kept on the device (which it then shows).
 *
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ClientOf } from '../../src/build-client.js';
import { citizenRoads } from '../../src/namespaces/citizen-roads.js';
import { PHOTO_MAX_BYTES, REPORT_DESCRIPTION_MAX_LENGTH, roadReportInput, type Open311Attribute, type RoadReportReceipt, type RoadReportService } from '../../src/schemas/open311.js';
import { readError } from '../shared/error-detail.js';
import { focusTemporarily } from '../shared/error-summary.js';
import { checkboxField, renderFieldError, selectField, textareaField, textField } from '../shared/fields.js';
import { FormController, type FormSchema } from '../shared/form-controller.js';
import { renderFormNotice } from '../shared/form-notice.js';
import type { LocalizeController } from '../shared/localize.js';
import { renderNotice } from '../shared/notice.js';
import type { OpdElement } from '../shared/opd-element.js';
import type { RoadMapMessages } from './i18n/id.js';

/** The report form's values, as the form holds them (text, and the consent box). */
export interface ReportValues {
  service_code: string;
  lat: string;
  long: string;
  /** The service's questions' answers, as JSON (`{ "tingkat": "berat", "bagian": ["lantai"] }`); sent as Open311's `attribute`. */
  attribute: string;
  description: string;
  /** The uploaded photo's address (from `photos.upload`). */
  media_url: string;
  first_name: string;
  email: string;
  phone: string;
  consent: boolean;
}

const FIELDS = ['service_code', 'lat', 'long', 'attribute', 'description', 'media_url', 'first_name', 'email', 'phone', 'consent'] as const;

const EMPTY: ReportValues = {
  service_code: '',
  lat: '',
  long: '',
  attribute: '',
  description: '',
  media_url: '',
  first_name: '',
  email: '',
  phone: '',
  consent: false,
};

type Answers = Record<string, string | string[]>;

/** The answers a form holds, read from its JSON (nothing on anything unreadable). */
function answersOf(values: ReportValues): Answers {
  try {
    const parsed: unknown = values.attribute ? JSON.parse(values.attribute) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Answers) : {};
  } catch {
    return {};
  }
}

/** A coordinate typed with a decimal comma or point; the text as it is when it is no number (the schema says so). */
function coordinate(text: string): number | string | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

/** What the API is sent, from the form's values: empty fields left out. */
export function reportInput(values: ReportValues): Record<string, unknown> {
  const text = (value: string) => (value.trim() ? value.trim() : undefined);
  const answers = answersOf(values);
  const attribute = Object.fromEntries(Object.entries(answers).filter(([, answer]) => (Array.isArray(answer) ? answer.length > 0 : answer !== '')));
  const contact = Boolean(text(values.first_name) || text(values.email) || text(values.phone));
  const input: Record<string, unknown> = {
    service_code: values.service_code,
    lat: coordinate(values.lat),
    long: coordinate(values.long),
    description: text(values.description),
    media_url: text(values.media_url),
    attribute: Object.keys(attribute).length > 0 ? attribute : undefined,
    first_name: text(values.first_name),
    email: text(values.email),
    phone: text(values.phone),
    consent: contact || values.consent ? values.consent : undefined,
  };
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  return input;
}

/** A question of a service the citizen must answer and has not. */
function unanswered(service: RoadReportService | undefined, answers: Answers): Open311Attribute[] {
  return (service?.attributes ?? []).filter((attribute) => {
    if (!attribute.variable || !attribute.required) return false;
    const answer = answers[attribute.code];
    return Array.isArray(answer) ? answer.length === 0 : !answer;
  });
}

/**
 * The shared schema, and what the server checks with the service list: a place, and the
 * service's required questions. The widget's reports always have a place (a pin, the device's
 * location, or coordinates typed), so a missing one, or a question left open, is named before
 * anything is sent, in the citizen's language.
 */
function reportSchema(flow: () => { service: RoadReportService | undefined; message: (attribute: Open311Attribute) => string }): FormSchema {
  return {
    safeParse(input) {
      const checked = roadReportInput.safeParse(input);
      const value = input as Record<string, unknown>;
      const absent = (['lat', 'long'] as const).filter((field) => value[field] === undefined).slice(0, 1);
      const { service, message } = flow();
      const open = unanswered(service, (value.attribute ?? {}) as Answers);
      if (absent.length === 0 && open.length === 0) return checked;
      const issues = [
        ...(checked.success ? [] : (checked.error?.issues ?? [])),
        ...absent.map((field) => ({ code: 'custom' as const, path: [field], message: 'Give the place', params: { code: 'required' }, input: undefined })),
        ...open.map((attribute) => ({ code: 'custom' as const, path: ['attribute', attribute.code], message: message(attribute), params: { code: 'required' }, input: undefined })),
      ];
      return { success: false, error: { issues } };
    },
  };
}

/** What the report flow needs from `<opd-road-map>`. */
export interface ReportHost extends OpdElement {
  /** The SDK client, with the citizens' roads calls. */
  readonly roadsClient: ClientOf<{ roads: typeof citizenRoads }>;
  /** Puts (or removes) the report's pin on the map. */
  showPin(position: { lat: number; lng: number } | null): void;
}

type Services = { state: 'idle' | 'loading' } | { state: 'loaded'; services: RoadReportService[] } | { state: 'failed'; message: string };

type Photo = { state: 'idle' } | { state: 'uploading'; name: string } | { state: 'failed'; message: string };

type Locating = '' | 'busy' | 'denied' | 'unavailable';

/** The report flow's state and templates; `<opd-road-map>` holds one. */
export class ReportFlow {
  readonly #host: ReportHost;
  readonly #t: LocalizeController<RoadMapMessages>;
  readonly form: FormController<ReportValues, RoadReportReceipt>;
  #services: Services = { state: 'idle' };
  #photo: Photo = { state: 'idle' };
  #locating: Locating = '';
  #level = 2;

  constructor(host: ReportHost, t: LocalizeController<RoadMapMessages>, sent: (receipt: RoadReportReceipt) => void) {
    this.#host = host;
    this.#t = t;
    this.form = new FormController<ReportValues, RoadReportReceipt>(host, {
      // The draft's key; `<opd-road-map>` looks for it (draftStorageKey) to bring the flow back.
      widget: 'road-report',
      opd: () => host.opd,
      fields: FIELDS,
      initial: EMPTY,
      schema: reportSchema(() => ({
        service: this.#service(this.form.values.service_code),
        message: (attribute) => t.t('report.error.answer', attribute.description),
      })),
      counted: { description: { max: REPORT_DESCRIPTION_MAX_LENGTH, trimmed: true } },
      toInput: reportInput,
      submit: (values, idempotencyKey) => host.roadsClient.roads.reports.create(reportInput(values) as never, { idempotencyKey }),
      localize: t,
      label: (field) => t.t(`report.${field}`),
      errorMessage: (field, error) => {
        if (field === 'lat' || field === 'long') return t.t(error.code === 'required' ? 'report.error.place' : 'report.error.coordinate');
        // The first question left open, as the schema above worded it (or the server, which checks the same).
        if (field === 'attribute') return error.message;
        return undefined;
      },
      canSend: () => Boolean(host.opd),
      sent: async (receipt) => {
        host.showPin(null);
        sent(receipt);
        await host.updateComplete;
        focusTemporarily(host.renderRoot.querySelector<HTMLElement>('#receipt-title'));
      },
    });
  }

  /** The service of `code`, once the services are loaded. */
  #service(code: string): RoadReportService | undefined {
    return this.#services.state === 'loaded' ? this.#services.services.find((service) => service.service_code === code) : undefined;
  }

  /** The pin's position in the form, if it holds one. */
  get pin(): { lat: number; lng: number } | null {
    const lat = coordinate(this.form.values.lat);
    const lng = coordinate(this.form.values.long);
    return typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : null;
  }

  /** Loads the services once the flow is opened (again after a failure). */
  async open(): Promise<void> {
    if (this.#services.state === 'loaded' || this.#services.state === 'loading') return;
    this.#services = { state: 'loading' };
    this.#host.requestUpdate();
    try {
      const services = await this.#host.roadsClient.roads.reports.services();
      this.#services = { state: 'loaded', services };
    } catch (error) {
      const reading = readError(error);
      this.#services = { state: 'failed', message: reading.kind === 'offline' ? this.#t.t('report.servicesOffline') : this.#t.t('report.servicesFailed') };
    }
    this.#host.requestUpdate();
  }

  /** Sets a field as if the citizen had typed it (the form keeps it, and its draft). */
  #setField(name: keyof ReportValues, value: string): void {
    const input = this.#host.renderRoot.querySelector<HTMLInputElement>(`#report-form [name="${name}"]`);
    if (!input) return;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  /** The map was clicked at `position` while reporting: the pin goes there. */
  place(position: { lat: number; lng: number }): void {
    this.#setField('lat', position.lat.toFixed(6));
    this.#setField('long', position.lng.toFixed(6));
    this.#host.showPin(position);
  }

  readonly #locate = (): void => {
    if (!('geolocation' in navigator)) {
      this.#locating = 'unavailable';
      this.#host.requestUpdate();
      return;
    }
    this.#locating = 'busy';
    this.#host.requestUpdate();
    navigator.geolocation.getCurrentPosition(
      (found) => {
        this.#locating = '';
        this.place({ lat: found.coords.latitude, lng: found.coords.longitude });
        this.#host.requestUpdate();
      },
      (failure) => {
        this.#locating = failure.code === failure.PERMISSION_DENIED ? 'denied' : 'unavailable';
        this.#host.requestUpdate();
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  /** A coordinate typed: the pin follows (read from the fields; the form takes the value after this). */
  readonly #onCoordinate = (): void => {
    const read = (name: string) => coordinate(this.#host.renderRoot.querySelector<HTMLInputElement>(`#report-form [name="${name}"]`)?.value ?? '');
    const lat = read('lat');
    const lng = read('long');
    this.#host.showPin(typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : null);
  };

  readonly #onAnswer = (event: Event): void => {
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    const code = control.dataset.attribute;
    if (!code) return;
    event.stopPropagation();
    const answers = answersOf(this.form.values);
    if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      const chosen = new Set(Array.isArray(answers[code]) ? answers[code] : []);
      if (control.checked) chosen.add(control.value);
      else chosen.delete(control.value);
      answers[code] = [...chosen];
    } else answers[code] = control.value;
    this.#setField('attribute', JSON.stringify(answers));
  };

  readonly #onPhoto = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    event.stopPropagation();
    const file = input.files?.[0];
    if (!file) return;
    const t = this.#t;
    if (file.size > PHOTO_MAX_BYTES) {
      this.#photo = { state: 'failed', message: t.t('report.photoTooLarge') };
      this.#host.requestUpdate();
      return;
    }
    this.#photo = { state: 'uploading', name: file.name };
    this.#host.requestUpdate();
    try {
      const photo = await this.#host.roadsClient.roads.photos.upload(file);
      this.#photo = { state: 'idle' };
      this.#setField('media_url', photo.mediaUrl);
    } catch (error) {
      const reading = readError(error);
      const status = (error as { status?: number }).status;
      this.#photo = {
        state: 'failed',
        message:
          reading.kind === 'offline'
            ? t.t('report.photoOffline')
            : status === 413
              ? t.t('report.photoTooLarge')
              : status === 415
                ? t.t('report.photoType')
                : t.t('report.photoFailed'),
      };
    }
    input.value = '';
    this.#host.requestUpdate();
  };

  readonly #removePhoto = (): void => {
    this.#setField('media_url', '');
  };

  /** The flow: the receipt once sent, else the form. */
  render(level: number, mapShown: boolean): TemplateResult {
    this.#level = level;
    const receipt = this.form.result;
    return html`<section part="report" class="report" id="report" aria-labelledby="report-title">
      <div role="heading" aria-level=${level} class="heading" id="report-title">${this.#t.t('report.title')}</div>
      ${receipt ? this.#renderReceipt(receipt) : this.#renderForm(mapShown)}
    </section>`;
  }

  #renderReceipt(receipt: RoadReportReceipt): TemplateResult {
    const t = this.#t;
    return html`<div part="receipt" class="receipt">
      <div role="heading" aria-level=${this.#level + 1} class="heading heading--small" id="receipt-title">${t.t('report.sent')}</div>
      <p>${t.t('report.number')} <strong class="tracking">${receipt.service_request_id}</strong></p>
      <p>${t.t('report.keepNumber')}</p>
      ${receipt.segment ? html`<p>${t.t('report.segment', receipt.segment.number, receipt.segment.name, Math.round(receipt.segment.distance_m))}</p>` : html`<p>${t.t('report.noSegment')}</p>`}
      ${receipt.possible_duplicates.length > 0 ? html`<p>${t.t('report.duplicates', receipt.possible_duplicates.length)}</p>` : nothing}
      ${receipt.service_notice ? html`<p class="muted">${receipt.service_notice}</p>` : nothing}
      <button part="button" type="button" class="button button--secondary" @click=${() => void this.form.reset()}>${t.t('report.another')}</button>
    </div>`;
  }

  #renderForm(mapShown: boolean): TemplateResult {
    const t = this.#t;
    const form = this.form;
    const values = form.values;
    const services = this.#services;
    const list = services.state === 'loaded' ? services.services : [];
    const service = list.find((candidate) => candidate.service_code === values.service_code);
    const answers = answersOf(values);
    const contact = Boolean(values.first_name.trim() || values.email.trim() || values.phone.trim());
    return html`
      ${form.errorSummary(this.#level + 1)}
      ${renderFormNotice(form, t, {
        restored: t.t('report.restored'),
        offline: t.t('report.offline'),
        conflict: t.t('report.conflict'),
        unavailable: t.t('map.unavailable'),
        unsentChanges: (stored) => t.t('report.unsent', stored.service_request_id),
        sendAsNew: t.t('report.sendAsNew'),
      })}
      <form part="form" id="report-form" class="report-form" novalidate @input=${form.onInput} @submit=${form.onSubmit}>
        <fieldset part="field" class="field group">
          <legend class="legend">${t.t('report.place')}</legend>
          <div part="hint" class="hint">${mapShown ? t.t('report.placeHint') : t.t('report.placeHintNoMap')}</div>
          <div class="field-row">
            <button part="button" type="button" class="button button--secondary" ?disabled=${this.#locating === 'busy'} @click=${this.#locate}>
              ${this.#locating === 'busy' ? t.t('report.locating') : t.t('report.locate')}
            </button>
          </div>
          ${this.#locating === 'denied' || this.#locating === 'unavailable'
            ? html`<p class="error" role="alert">${t.t(this.#locating === 'denied' ? 'report.locateDenied' : 'report.locateUnavailable')}</p>`
            : nothing}
          <div class="coordinates" @input=${this.#onCoordinate}>
            ${textField({ ...form.field('lat'), label: t.t('report.lat'), value: values.lat, inputmode: 'decimal', autocomplete: 'off', short: true })}
            ${textField({ ...form.field('long'), label: t.t('report.long'), value: values.long, inputmode: 'decimal', autocomplete: 'off', short: true })}
          </div>
        </fieldset>
        ${services.state === 'failed'
          ? renderNotice({ message: services.message, tone: 'warning', action: { label: t.t('retry'), onClick: () => void this.open(), look: 'secondary' } })
          : selectField({
              ...form.field('service_code'),
              label: t.t('report.service_code'),
              placeholder: services.state === 'loaded' ? t.t('report.chooseService') : t.t('report.loadingServices'),
              value: values.service_code,
              disabled: services.state !== 'loaded',
              options: list.map((item) => ({ value: item.service_code, label: item.service_name })),
              hint: service?.description,
            })}
        <input type="hidden" name="attribute" .value=${values.attribute} />
        ${service ? this.#renderQuestions(service.attributes, answers) : nothing}
        ${textareaField({
          ...form.field('description'),
          label: t.t('report.description'),
          hint: t.t('report.descriptionHint'),
          value: values.description,
          rows: 5,
          count: form.count('description'),
        })}
        ${this.#renderPhoto(values.media_url)}
        <fieldset part="field" class="field group">
          <legend class="legend">${t.t('report.contact')}</legend>
          <div part="hint" class="hint">${t.t('report.contactHint')}</div>
          ${textField({ ...form.field('first_name'), label: t.t('report.first_name'), value: values.first_name, autocomplete: 'name' })}
          ${textField({ ...form.field('email'), label: t.t('report.email'), value: values.email, type: 'email', autocomplete: 'email', spellcheck: false })}
          ${textField({ ...form.field('phone'), label: t.t('report.phone'), value: values.phone, type: 'tel', autocomplete: 'tel', inputmode: 'tel' })}
          ${contact || values.consent
            ? checkboxField({ ...form.field('consent'), label: t.t('report.consent'), checked: values.consent, hint: t.t('report.consentHint') })
            : nothing}
        </fieldset>
        <button part="button" type="submit" class="button" ?disabled=${form.sending}>${form.sending ? t.t('form.sending') : t.t('report.submit')}</button>
      </form>
    `;
  }

  #renderQuestions(attributes: readonly Open311Attribute[], answers: Answers): TemplateResult {
    const t = this.#t;
    // The form keeps one error for all the questions; each open required one shows its own.
    const flagged = this.form.errorFor('attribute') ? new Set(unanswered({ attributes } as RoadReportService, answers).map((attribute) => attribute.code)) : new Set<string>();
    const errorOf = (attribute: Open311Attribute) => (flagged.has(attribute.code) ? t.t('report.error.answer', attribute.description) : undefined);
    const asked = [...attributes].filter((attribute) => attribute.variable).sort((a, b) => a.order - b.order);
    return html`<div class="questions" id="attribute" tabindex="-1" @input=${this.#onAnswer} @change=${this.#onAnswer}>
      ${asked.map((attribute) => {
        const id = `attribute-${attribute.code}`;
        const label = `${attribute.description}${attribute.required ? '' : ` ${t.t('report.optional')}`}`;
        const error = errorOf(attribute);
        const answer = answers[attribute.code];
        const props = { name: id, error, errorPrefix: t.t('error.prefix') };
        if (attribute.datatype === 'multivaluelist') {
          const chosen = new Set(Array.isArray(answer) ? answer : []);
          return html`<fieldset part="field" class=${error ? 'field field--error group' : 'field group'} id=${id}>
            <legend class="legend">${label}</legend>
            ${renderFieldError(props)}
            ${attribute.values.map(
              (value) => html`<div class="choice">
                <input class="checkbox" type="checkbox" id="${id}-${value.key}" value=${value.key} data-attribute=${attribute.code} .checked=${chosen.has(value.key)} />
                <label class="label" for="${id}-${value.key}">${value.name}</label>
              </div>`,
            )}
          </fieldset>`;
        }
        const value = typeof answer === 'string' ? answer : '';
        if (attribute.datatype === 'singlevaluelist') {
          return html`<div part="field" class=${error ? 'field field--error' : 'field'}>
            <label class="label" for=${id}>${label}</label>
            ${renderFieldError(props)}
            <select class="input" id=${id} data-attribute=${attribute.code} aria-invalid=${error ? 'true' : 'false'}>
              <option value="" .selected=${!value}>${t.t('report.choose')}</option>
              ${attribute.values.map((option) => html`<option value=${option.key} .selected=${option.key === value}>${option.name}</option>`)}
            </select>
          </div>`;
        }
        return html`<div part="field" class=${error ? 'field field--error' : 'field'}>
          <label class="label" for=${id}>${label}</label>
          ${attribute.datatype_description ? html`<div class="hint">${attribute.datatype_description}</div>` : nothing} ${renderFieldError(props)}
          <input
            class="input input--short"
            id=${id}
            data-attribute=${attribute.code}
            type="text"
            inputmode=${attribute.datatype === 'number' ? 'decimal' : nothing}
            aria-invalid=${error ? 'true' : 'false'}
            .value=${value}
          />
        </div>`;
      })}
    </div>`;
  }

  #renderPhoto(mediaUrl: string): TemplateResult {
    const t = this.#t;
    const photo = this.#photo;
    const error = this.form.errorFor('media_url') ?? (photo.state === 'failed' ? photo.message : undefined);
    return html`<div part="field" class=${error ? 'field field--error' : 'field'}>
      <label class="label" for="photo">${t.t('report.photo')}</label>
      <div part="hint" class="hint" id="photo-hint">${t.t('report.photoHint')}</div>
      ${renderFieldError({ name: 'photo', error, errorPrefix: t.t('error.prefix') })}
      <input type="hidden" name="media_url" .value=${mediaUrl} />
      ${mediaUrl
        ? html`<div class="photo">
            <img part="photo" class="photo-preview" src=${new URL(mediaUrl, this.#host.apiBaseUrl).href} alt=${t.t('report.photoAlt')} />
            <button part="button" type="button" class="link-button" @click=${this.#removePhoto}>${t.t('report.photoRemove')}</button>
          </div>`
        : html`<input
            part="input"
            class="file"
            id="photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby="photo-hint"
            ?disabled=${photo.state === 'uploading'}
            @input=${(event: Event) => event.stopPropagation()}
            @change=${this.#onPhoto}
          />`}
      ${photo.state === 'uploading' ? html`<p class="muted" role="status">${t.t('report.uploading', photo.name)}</p>` : nothing}
    </div>`;
  }
}
